// Reduces a domain record to what the planner needs. Staleness (cycle, due date) and incompleteness
// (missing required fields) are the domain's recordHealth, the same judgment as the tab's and the
// scorecard's; the rest (custodian, mission) is read from the register's schema.
import { recordHealth, reviewCycleFor } from '../../domain/health';
import { isRequired, REVIEW_CYCLE_MONTHS } from '../../domain/schema';
import type {
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

/** For submitted card inputs: blank text counts as nothing typed. */
export const isEmptyValue = (value: FieldValue | undefined): boolean =>
  value === null ||
  value === undefined ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

/** Whether a required field counts as filled: the domain's rule (the register's validation and health). */
export const isFieldRequired = (field: FieldDef, values: RecordValues): boolean => isRequired(field, values);

/** The record's cycle: the domain's (its own field when valid, else the schema's default rule). */
export const reviewCycleOf = (schema: RegisterSchema, values: RecordValues): ReviewCycle =>
  reviewCycleFor(schema, values);

// recordHealth's day only affects overdue counts, which the planner computes itself in the recipient's
// zone; cycle, due date and missing fields do not depend on it.
const ANY_DAY = '2000-01-01';

/**
 * Required fields a person can fill in: the domain's completeness check (recordHealth), without system
 * fields and the review date itself (a never-reviewed record is stale, not incomplete).
 */
export const missingRequiredFields = (schema: RegisterSchema, values: RecordValues): string[] =>
  fillable(schema, recordHealth(schema, values, { now: ANY_DAY }).checks.complete.missing);

function fillable(schema: RegisterSchema, missing: readonly string[]): string[] {
  const system = new Set(schema.fields.filter((f) => f.system).map((f) => f.name));
  return missing.filter((name) => !system.has(name) && name !== schema.lastReviewedField);
}

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
  // One judgment of staleness and incompleteness for the bot, the tab and the scorecard: the domain's.
  const health = recordHealth(schema, values, { now: ANY_DAY });
  const { cycle, dueOn } = health.checks.fresh;
  const lastReviewed = firstString(values[schema.lastReviewedField]);
  const custodian = firstString(values[schema.custodianField]);
  // A policy may shorten or lengthen a cycle (cycleMonths); by default it is the domain's length.
  const months = policy.cycleMonths[cycle];
  const reviewDueOn =
    months === REVIEW_CYCLE_MONTHS[cycle] || dueOn === null
      ? dueOn
      : addMonths(String(values[schema.lastReviewedField]), months);
  return {
    key: recordKey(schema.id, record.id),
    register: schema.id,
    id: record.id,
    title: firstString(values.Title) ?? `#${record.id}`,
    mission: firstString(values[schema.missionField]),
    custodian: custodian ? custodian.toLowerCase() : null,
    lastReviewed,
    cycle,
    reviewDueOn,
    missingFields: fillable(schema, health.checks.complete.missing),
  };
};
