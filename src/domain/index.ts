// The public surface of the domain layer. Named exports only; add new ones here explicitly.
export {
  LOCALES,
  FIELD_TYPES,
  REVIEW_CYCLES,
  REVIEW_CYCLE_MONTHS,
  t,
  joinList,
  isEmpty,
  conditionHolds,
  isRequired,
  defaultReviewCycle,
} from './schema';
export type {
  Locale,
  Localized,
  FieldType,
  RegisterId,
  RequiredWhen,
  FilledCondition,
  Condition,
  FieldDef,
  FieldValue,
  RecordValues,
  DomainRecord,
  ReviewCycle,
  ReviewCycleRule,
  RegisterSchema,
} from './schema';

export {
  REGISTERS,
  REGISTER_IDS,
  DATA_INVENTORY,
  AI_REGISTRY,
  RISK_REGISTER,
  SENSITIVITY,
  OUTSIDE_PARTIES,
  RISK_TIER_CHOICE,
  VERIFICATION_CHOICE,
  isDataAssetId,
  isAiSystemId,
  isRiskId,
  findField,
  fieldOrThrow,
} from './registers';
export type { DataAssetId, AiSystemId, RiskId, Sensitivity } from './registers';

export {
  REGION_IDS,
  REGIONS,
  MISSIONS,
  DATA_DOMAINS,
  DATA_DOMAIN_LABELS,
  findMission,
  regionOfMission,
  missionsInRegion,
} from './reference';
export type { RegionId, Region, Mission, DataDomain } from './reference';

export {
  isLeapYear,
  daysInMonth,
  isoFromParts,
  isIsoDate,
  toIsoDate,
  daysBetween,
  addDays,
  addMonths,
  fromExcelSerial,
} from './time';
export type { IsoDate } from './time';

export {
  ISSUE_CODES,
  coerceFieldValue,
  choiceValuesOf,
  normalizeDigits,
  isEmptyValue,
  DEFAULT_TEXT_MAX_LENGTH,
  DEFAULT_NOTE_MAX_LENGTH,
  URL_MAX_LENGTH,
  validateRecord,
  missingRequiredFields,
  formatIssue,
  choiceLabel,
  messageTemplate,
  resolveFieldName,
} from './validation';
export type {
  IssueCode,
  IssueParam,
  FieldIssue,
  CoerceOptions,
  CoerceResult,
  ValidateOptions,
  ValidationResult,
} from './validation';

export {
  HEALTH_CHECKS,
  DEFAULT_HEALTH_CONTROLS,
  healthControlsSchema,
  parseHealthControls,
  recordHealth,
  reviewCycleFor,
  dueDate,
  setHealth,
  scorecard,
  targetFor,
  toSnapshot,
  UNASSIGNED,
} from './health';
export type {
  HealthCheckId,
  HealthCheckControl,
  HealthControls,
  ParseControlsResult,
  HealthReason,
  HealthChecks,
  RecordHealth,
  HealthOptions,
  SetHealth,
  ScorecardGroupBy,
  ScorecardRow,
  Scorecard,
  ScorecardOptions,
  ScorecardSnapshot,
} from './health';

export {
  ROLES,
  ACTIONS,
  PERMISSIONS,
  VERIFICATION_ACTIONS,
  can,
  isOwnRecord,
  isOwnMission,
  changedFields,
  changedFieldsAllowed,
} from './roles';
export type { Role, Action, Actor, Scope, RefusalCode, Decision, FieldsDecision } from './roles';

export {
  RISK_BAND_IDS,
  DEFAULT_RISK_BANDS,
  LIKELIHOOD_LABELS,
  IMPACT_LABELS,
  POSSIBLE_SCORES,
  riskScore,
  riskBand,
  riskBandsSchema,
  heatMap,
  bandCounts,
} from './risk';
export type { RiskBandId, RiskBand, HeatMap, HeatMapOptions } from './risk';

export {
  TRIAGE_QUESTIONS,
  TRIAGE_QUESTION_IDS,
  ALL_GROUNDS,
  RISK_TIERS,
  triage,
  parseTriageAnswers,
  serializeTriageAnswers,
  VERIFICATION_STATES,
  TRANSITIONS,
  MATERIAL_FIELDS,
  stateOfChoice,
  choiceOfState,
  availableActions,
  transition,
  verificationAfterEdit,
} from './ai-act';
export type {
  TriageStep,
  TriageQuestion,
  TriageQuestionId,
  RiskTier,
  TriageAnswers,
  TriageStepResult,
  TriageResult,
  TriageNote,
  ParseAnswersResult,
  VerificationState,
  VerificationAction,
  TransitionRule,
  TransitionEntry,
  TransitionRefusal,
  TransitionResult,
  TransitionOptions,
} from './ai-act';
