import { MISSIONS, regionOfMission } from '../reference/missions';
import { findField } from '../registers/lookup';
import { defaultReviewCycle, isEmpty, isRequired } from '../schema/conditions';
import type { FieldValue, RecordValues, RegisterSchema } from '../schema/types';
import { coerceFieldValue } from './coerce';
import type { CoerceOptions } from './coerce';
import { issue } from './issues';
import type { FieldIssue } from './issues';

export interface ValidateOptions extends CoerceOptions {
  /**
   * An update: only the given fields are checked (plus fields made required by a change to the
   * fields they depend on). Conditional rules see `existing` overlaid with the changes.
   */
  readonly partial?: boolean;
  /** The stored record a partial update applies to. */
  readonly existing?: RecordValues;
  /** Fill empty defaults on a full record: review cycle, verification state. Default true. */
  readonly applyDefaults?: boolean;
}

export type ValidationResult =
  | { readonly ok: true; readonly value: RecordValues }
  | { readonly ok: false; readonly issues: readonly FieldIssue[] };

/**
 * Validates and normalises a record (or, with `partial`, a set of changes) against a register's schema.
 * Raw input is coerced first (see coerceFieldValue), so this also accepts Excel and form values.
 * The region is derived from the mission when it is left empty. Never throws.
 */
export const validateRecord = (
  schema: RegisterSchema,
  values: Readonly<Record<string, unknown>>,
  options: ValidateOptions = {},
): ValidationResult => {
  const missions = options.missions ?? MISSIONS;
  const partial = options.partial ?? false;
  const issues: FieldIssue[] = [];
  const out: Record<string, FieldValue> = {};

  if (values === null || typeof values !== 'object' || Array.isArray(values))
    return {
      ok: false,
      issues: [issue('', 'invalidType', { value: Array.isArray(values) ? 'array' : typeof values })],
    };

  for (const [name, raw] of Object.entries(values)) {
    const field = findField(schema, name);
    if (!field) {
      issues.push(issue(name, 'unknownField', { name }));
      continue;
    }
    const r = coerceFieldValue(field, raw, options);
    if (r.ok) out[name] = r.value;
    else issues.push(r.issue);
  }

  // Mission -> region: fill an empty region, flag a contradicting one.
  const { missionField, regionField } = schema;
  const mission = out[missionField];
  if (regionField && typeof mission === 'string') {
    const expected = regionOfMission(mission, missions);
    const region = out[regionField] ?? (partial ? undefined : null);
    if (expected && isEmpty(region) && !issues.some((i) => i.field === regionField))
      out[regionField] = expected;
    else if (expected && typeof region === 'string' && region !== expected)
      issues.push(issue(regionField, 'regionMismatch', { value: region, expected, mission }));
  }

  const merged: Record<string, FieldValue> = { ...(partial ? options.existing : {}), ...out };

  if (!partial && (options.applyDefaults ?? true)) {
    const cycleField = schema.reviewCycle.cycleField;
    if (isEmpty(merged[cycleField]) && !issues.some((i) => i.field === cycleField))
      merged[cycleField] = out[cycleField] = defaultReviewCycle(schema, merged);
    const vf = schema.verificationField;
    if (vf && isEmpty(merged[vf]) && !issues.some((i) => i.field === vf)) merged[vf] = out[vf] = 'Draft';
  }

  const failed = new Set(issues.map((i) => i.field));
  const touched = new Set(Object.keys(values));
  for (const field of schema.fields) {
    if (failed.has(field.name)) continue;
    const inScope =
      !partial ||
      touched.has(field.name) ||
      (typeof field.required === 'object' && touched.has(field.required.field));
    if (inScope && isRequired(field, merged) && isEmpty(merged[field.name]))
      issues.push(issue(field.name, 'required'));
  }

  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: out };
};

/** Which of a record's required fields (conditional ones included) are empty. */
export const missingRequiredFields = (schema: RegisterSchema, values: RecordValues): readonly string[] =>
  schema.fields.filter((f) => isRequired(f, values) && isEmpty(values[f.name])).map((f) => f.name);
