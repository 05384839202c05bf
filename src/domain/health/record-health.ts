// The health of one record: four checks, a weighted score, and machine-readable reasons.
import { defaultReviewCycle, isEmpty } from '../schema/conditions';
import { REVIEW_CYCLE_MONTHS, REVIEW_CYCLES } from '../schema/types';
import type { DomainRecord, RecordValues, RegisterSchema, ReviewCycle } from '../schema/types';
import { addMonths, daysBetween, isIsoDate, toIsoDate } from '../time/dates';
import type { IsoDate } from '../time/dates';
import { missingRequiredFields } from '../validation/validate';
import { DEFAULT_HEALTH_CONTROLS, HEALTH_CHECKS } from './controls';
import type { HealthCheckId, HealthControls } from './controls';

export type HealthReason =
  | { readonly code: 'missingFields'; readonly fields: readonly string[] }
  | { readonly code: 'neverReviewed' }
  | { readonly code: 'reviewOverdue'; readonly days: number; readonly dueOn: IsoDate }
  | { readonly code: 'noOwner'; readonly fields: readonly string[] }
  | { readonly code: 'inactiveOwner'; readonly fields: readonly string[]; readonly people: readonly string[] }
  | { readonly code: 'noClassification'; readonly fields: readonly string[] };

export interface HealthChecks {
  readonly complete: { readonly pass: boolean; readonly missing: readonly string[] };
  readonly fresh: {
    readonly pass: boolean;
    readonly cycle: ReviewCycle;
    /** Last day the record is still fresh; null when it was never reviewed. */
    readonly dueOn: IsoDate | null;
    /** Days past dueOn (0 when fresh); null when never reviewed. */
    readonly overdueDays: number | null;
  };
  readonly owned: {
    readonly pass: boolean;
    readonly reason: 'missing' | 'inactive' | null;
    /** The owner fields at fault. */
    readonly fields: readonly string[];
  };
  readonly classified: { readonly pass: boolean; readonly missing: readonly string[] };
}

export interface RecordHealth {
  /** 0-100: the weighted share of counted checks that pass. */
  readonly score: number;
  readonly healthy: boolean;
  readonly checks: HealthChecks;
  /** Why counted checks fail, in check order. */
  readonly reasons: readonly HealthReason[];
}

export interface HealthOptions {
  readonly now: Date | IsoDate;
  readonly controls?: HealthControls;
  /** Emails (lower case) of people still in the directory; when given, owners must be among them. */
  readonly activePeople?: ReadonlySet<string>;
}

const valuesOf = (record: DomainRecord | RecordValues): RecordValues =>
  'values' in record &&
  typeof record.values === 'object' &&
  record.values !== null &&
  !Array.isArray(record.values)
    ? (record as DomainRecord).values
    : (record as RecordValues);

/** The cycle that applies: the record's own choice when valid, otherwise the schema's default. */
export const reviewCycleFor = (schema: RegisterSchema, values: RecordValues): ReviewCycle => {
  const own = values[schema.reviewCycle.cycleField];
  return (REVIEW_CYCLES as readonly unknown[]).includes(own)
    ? (own as ReviewCycle)
    : defaultReviewCycle(schema, values);
};

/** Last day the record is fresh: lastReviewed + its cycle. Null when never reviewed. */
export const dueDate = (schema: RegisterSchema, values: RecordValues): IsoDate | null => {
  const last = values[schema.lastReviewedField];
  return isIsoDate(last) ? addMonths(last, REVIEW_CYCLE_MONTHS[reviewCycleFor(schema, values)]) : null;
};

const round2 = (n: number): number => Math.round(n * 100) / 100;

export const recordHealth = (
  schema: RegisterSchema,
  record: DomainRecord | RecordValues,
  options: HealthOptions,
): RecordHealth => {
  const values = valuesOf(record);
  const today = toIsoDate(options.now);
  const controls = options.controls ?? DEFAULT_HEALTH_CONTROLS;

  const missing = missingRequiredFields(schema, values);

  const cycle = reviewCycleFor(schema, values);
  const dueOn = dueDate(schema, values);
  const overdueDays = dueOn === null ? null : Math.max(0, daysBetween(dueOn, today));

  const emptyOwners = schema.ownerFields.filter((f) => isEmpty(values[f]));
  const people = (f: string): string[] => {
    const v = values[f];
    return typeof v === 'string'
      ? [v.toLowerCase()]
      : Array.isArray(v)
        ? v.map((x: string) => x.toLowerCase())
        : [];
  };
  const active = options.activePeople;
  const inactiveFields = active
    ? schema.ownerFields.filter((f) => !emptyOwners.includes(f) && people(f).some((p) => !active.has(p)))
    : [];
  const inactivePeople = inactiveFields.flatMap(people).filter((p) => !active?.has(p));

  const unclassified = schema.classificationFields.filter((f) => isEmpty(values[f]));

  const checks: HealthChecks = {
    complete: { pass: missing.length === 0, missing },
    fresh: { pass: dueOn !== null && overdueDays === 0, cycle, dueOn, overdueDays },
    owned:
      emptyOwners.length > 0
        ? { pass: false, reason: 'missing', fields: emptyOwners }
        : inactiveFields.length > 0
          ? { pass: false, reason: 'inactive', fields: inactiveFields }
          : { pass: true, reason: null, fields: [] },
    classified: { pass: unclassified.length === 0, missing: unclassified },
  };

  const counted = HEALTH_CHECKS.filter((id) => controls.checks[id].enabled);
  const total = counted.reduce((s, id) => s + controls.checks[id].weight, 0);
  const passed = counted.filter((id) => checks[id].pass).reduce((s, id) => s + controls.checks[id].weight, 0);
  const score = total === 0 ? 100 : round2((passed / total) * 100);

  const reasons: HealthReason[] = [];
  const counts = (id: HealthCheckId): boolean => counted.includes(id);
  if (counts('complete') && !checks.complete.pass) reasons.push({ code: 'missingFields', fields: missing });
  if (counts('fresh') && !checks.fresh.pass)
    reasons.push(
      dueOn === null ? { code: 'neverReviewed' } : { code: 'reviewOverdue', days: overdueDays ?? 0, dueOn },
    );
  if (counts('owned') && !checks.owned.pass)
    reasons.push(
      checks.owned.reason === 'missing'
        ? { code: 'noOwner', fields: emptyOwners }
        : { code: 'inactiveOwner', fields: inactiveFields, people: [...new Set(inactivePeople)] },
    );
  if (counts('classified') && !checks.classified.pass)
    reasons.push({ code: 'noClassification', fields: unclassified });

  return { score, healthy: score >= controls.healthyThreshold, checks, reasons };
};
