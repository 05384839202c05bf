export { OFFICERS_GROUP, SITE_READERS_GROUP } from './list-schema';
export type { GovernanceListSchema } from './list-schema';
export {
  AI_VERIFICATIONS,
  entryFromRecord,
  entryValues,
  materialFingerprint,
  latestEntries,
  deriveVerification,
  decide,
  verificationHistory,
  fingerprintMatches,
  planBulkVerification,
  submitterOf,
  REVOKED_CHOICE,
} from './ai-verifications';
export type {
  VerificationDecision,
  VerificationEntry,
  DerivedVerification,
  DecisionResult,
  SystemVersion,
  BulkExclusion,
  BulkVerificationPlan,
} from './ai-verifications';
export { reviewBatches, reviewBatchKey } from './review-batches';
export type { ReviewBatch, SubmittedSystem } from './review-batches';
export {
  SCORECARD_SNAPSHOTS,
  snapshotTitle,
  snapshotValues,
  parseSnapshot,
  scoreTrend,
  snapshotDue,
} from './snapshots';
export type { TrendPoint } from './snapshots';
export {
  REMINDER_OUTCOMES,
  REMINDER_STATUSES,
  reminderOutcomeKey,
  reminderOutcomeValues,
  parseReminderOutcome,
  reminderReport,
} from './reminder-outcomes';
export type { ReminderStatus, ReminderOutcome, ReminderReportGroup } from './reminder-outcomes';
export {
  GOVERNANCE_ROLES,
  roleAssignmentKey,
  roleAssignmentValues,
  parseRoleAssignment,
  roleAssignmentsFrom,
} from './role-assignments';
export {
  GOVERNANCE_SETTINGS,
  SETTING_KEYS,
  DEFAULT_VERIFICATION_POLICY,
  healthControlsFrom,
  healthControlsValues,
  verificationPolicyFrom,
  aiActTimelineFrom,
  checkSettingValue,
  settingValues,
} from './settings';
export type { SettingKey, VerificationPolicy } from './settings';
export { normalizeName, textSimilarity, likelyDuplicates, PURPOSE_SIMILARITY } from './duplicates';
export type { DuplicateReason, DuplicateMatch } from './duplicates';
export { dataAssetConcerns, systemsWithDataConcerns } from './data-health';
export type { DataAssetConcern } from './data-health';
export { overdueDays, inCell, bandOf, assessmentFindings } from './risk-findings';
export type { HeatCell, AssessmentTarget, AssessmentFinding } from './risk-findings';
export { FRAMEWORK_IDS, FRAMEWORKS, FRAMEWORK_TOPIC_IDS, FRAMEWORK_TOPICS } from './frameworks';
export type { FrameworkId, Framework, FrameworkTopicId, FrameworkTopic } from './frameworks';
export { AWARENESS_NOTE_IDS, AWARENESS_NOTES, awarenessNote } from './awareness';
export type { AwarenessNoteId, AwarenessNote } from './awareness';

/** The governance unit's own lists, in provisioning order. */
export { GOVERNANCE_LISTS } from './lists';
