export { planDigests, digestSize, quietReason, recipientTimeZone } from './plan-digests';
export { parseReminderPolicy, reminderPolicySchema, DEFAULT_REMINDER_POLICY } from './policy';
export type { ReminderPolicy, ReminderPolicyInput, PolicyResult } from './policy';
export {
  toPlannerRecord,
  recordKey,
  parseRecordKey,
  missingRequiredFields,
  reviewCycleOf,
  isFieldRequired,
  isEmptyValue,
} from './from-domain';
export { addDays, addMonths, dayNumber, localTime, isValidTimeZone } from './dates';
export type {
  PlannerRecord,
  PlannerPerson,
  ReminderHistory,
  DigestItem,
  Digest,
  Plan,
  PlanInput,
  ItemReason,
  DeferReason,
} from './types';
