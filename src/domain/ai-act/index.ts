export {
  TRIAGE_QUESTIONS,
  TRIAGE_QUESTION_IDS,
  ALL_GROUNDS,
  EXTRA_GROUNDS,
  isAsked,
  parentsOf,
} from './questions';
export type { TriageStep, TriageQuestion, TriageQuestionId } from './questions';
export {
  RISK_TIERS,
  AI_ACT_LAW,
  triage,
  tierMatchesAnswers,
  parseTriageAnswers,
  serializeTriageAnswers,
} from './triage';
export type {
  RiskTier,
  TriageAnswers,
  TriageStepResult,
  TriageResult,
  TriageNote,
  TriageScope,
  TriageGpai,
  ScopeReason,
  ParseAnswersResult,
} from './triage';
export {
  LEGAL_STATUSES,
  OBLIGATION_IDS,
  DEFAULT_AI_ACT_TIMELINE,
  aiActTimelineSchema,
  parseAiActTimeline,
  obligationDates,
  applicableObligations,
} from './timeline';
export type {
  LegalStatus,
  ObligationId,
  TimelineEntry,
  ParseTimelineResult,
  ObligationDates,
  ApplicableObligation,
} from './timeline';
export {
  VERIFICATION_STATES,
  TRANSITIONS,
  MATERIAL_FIELDS,
  LEGACY_MATERIAL_FIELDS,
  VERIFICATION_REFUSAL_TEXT,
  stateOfChoice,
  choiceOfState,
  availableActions,
  transition,
  verificationAfterEdit,
  verificationBlocker,
  independenceRefusal,
} from './verification';
export type {
  VerificationState,
  VerificationAction,
  TransitionRule,
  TransitionEntry,
  TransitionRefusal,
  TransitionResult,
  TransitionOptions,
  VerificationIndependence,
  VerificationRuleRefusal,
} from './verification';
