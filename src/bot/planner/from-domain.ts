// Reduces a domain record to what the planner needs, reading everything from the register's schema
// (custodian, mission and review fields, the review-cycle rule, required-ness), so a schema change
// reaches the reminders without touching the bot.
import { REVIEW_CYCLES } from '../../domain/schema';
import type {
  Condition,
  DomainRecord,
  FieldDef,
  FieldValue,
  RecordValues,
  RegisterSchema,
  ReviewCycle,
} from '../../domain/schema';
import { addMonths } from './dates';
import type { ReminderPolicy } from './policy';
import type { PlannerRecord } from './types';

export const recordKey = (register: string, id: string): string => `${register}:${id}`;

export const parseRecordKey = (key: string): { register: string; id: string } | undefined => {
  const at = key.indexOf(':');
  if (at <= 0 || at === key.length - 1) return undefined;
  return { register: key.slice(0, at), id: key.slice(at + 1) };
};

export const isEmptyValue = (value: FieldValue | undefined): boolean =>
  value === null ||
  value === undefined ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

const holds = (condition: Condition, values: RecordValues): boolean => {
  const value = values[condition.field];
  if ('filled' in condition) return !isEmptyValue(value);
  if (Array.isArray(value)) return value.some((v) => condition.oneOf.includes(v));
  return value !== null && value !== undefined && condition.oneOf.includes(value as string | boolean);
};

export const isFieldRequired = (field: FieldDef, values: RecordValues): boolean =>
  typeof field.required === 'boolean' ? field.required : holds(field.required, values);

/** Required fields a person can fill in (system fields and the review date itself are excluded). */
export const missingRequiredFields = (schema: RegisterSchema, values: RecordValues): string[] => {
  const missing: string[] = [];
  for (const field of schema.fields) {
    if (field.system || field.name === schema.lastReviewedField) continue;
    if (isFieldRequired(field, values) && isEmptyValue(values[field.name])) missing.push(field.name);
  }
  return missing;
};

const isReviewCycle = (value: unknown): value is ReviewCycle =>
  typeof value === 'string' && (REVIEW_CYCLES as readonly string[]).includes(value);

/** The record's cycle: its own field when set, else the first default rule that holds, else the fallback. */
export const reviewCycleOf = (schema: RegisterSchema, values: RecordValues): ReviewCycle => {
  const own = values[schema.reviewCycle.cycleField];
  if (isReviewCycle(own)) return own;
  for (const rule of schema.reviewCycle.defaults) {
    if (rule.whenAny.some((c) => holds(c, values))) return rule.cycle;
  }
  return schema.reviewCycle.fallback;
};

const firstString = (value: FieldValue | undefined): string | null => {
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return null;
};

export const toPlannerRecord = (
  schema: RegisterSchema,
  record: DomainRecord,
  policy: ReminderPolicy,
): PlannerRecord | undefined => {
  if (!record.id) return undefined;
  const values = record.values;
  const lastReviewed = firstString(values[schema.lastReviewedField]);
  const cycle = reviewCycleOf(schema, values);
  const custodian = firstString(values[schema.custodianField]);
  return {
    key: recordKey(schema.id, record.id),
    register: schema.id,
    id: record.id,
    title: firstString(values.Title) ?? `#${record.id}`,
    mission: firstString(values[schema.missionField]),
    custodian: custodian ? custodian.toLowerCase() : null,
    lastReviewed,
    cycle,
    reviewDueOn: lastReviewed ? addMonths(lastReviewed.slice(0, 10), policy.cycleMonths[cycle]) : null,
    missingFields: missingRequiredFields(schema, values),
  };
};
