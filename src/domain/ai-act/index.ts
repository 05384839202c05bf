export { TRIAGE_QUESTIONS, TRIAGE_QUESTION_IDS, ALL_GROUNDS } from './questions';
export type { TriageStep, TriageQuestion, TriageQuestionId } from './questions';
export { RISK_TIERS, triage, parseTriageAnswers, serializeTriageAnswers } from './triage';
export type {
  RiskTier,
  TriageAnswers,
  TriageStepResult,
  TriageResult,
  TriageNote,
  ParseAnswersResult,
} from './triage';
export {
  VERIFICATION_STATES,
  TRANSITIONS,
  MATERIAL_FIELDS,
  stateOfChoice,
  choiceOfState,
  availableActions,
  transition,
  verificationAfterEdit,
} from './verification';
export type {
  VerificationState,
  VerificationAction,
  TransitionRule,
  TransitionEntry,
  TransitionRefusal,
  TransitionResult,
  TransitionOptions,
} from './verification';
