export { LOCALES, FIELD_TYPES, REVIEW_CYCLES, REVIEW_CYCLE_MONTHS } from './types';
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
  MovedField,
  SchemaMigration,
} from './types';
export { t, joinList } from './localized';
export { isEmpty, sameFieldValue, conditionHolds, isRequired, defaultReviewCycle } from './conditions';
