import type { Condition, FieldDef, FieldValue, RecordValues, RegisterSchema, ReviewCycle } from './types';

export const isEmpty = (v: FieldValue | undefined): boolean =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** Two field values mean the same: every empty form is equal (SharePoint omits empty values when read). */
export const sameFieldValue = (a: FieldValue | undefined, b: FieldValue | undefined): boolean =>
  isEmpty(a) && isEmpty(b) ? true : JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Evaluates a data rule. For a multi-valued field, `oneOf` holds when any of its values is listed. */
export const conditionHolds = (condition: Condition, values: RecordValues): boolean => {
  const v = values[condition.field];
  if ('filled' in condition) return !isEmpty(v);
  if (v === undefined || v === null) return false;
  if (Array.isArray(v)) return v.some((x) => condition.oneOf.includes(x));
  return condition.oneOf.includes(v as string | boolean);
};

/** Whether a field must be filled, given the rest of the record. */
export const isRequired = (field: FieldDef, values: RecordValues): boolean =>
  typeof field.required === 'boolean' ? field.required : conditionHolds(field.required, values);

/** The default review cycle for a record (ignores the value of its own cycle field). */
export const defaultReviewCycle = (schema: RegisterSchema, values: RecordValues): ReviewCycle =>
  schema.reviewCycle.defaults.find((rule) => rule.whenAny.some((c) => conditionHolds(c, values)))?.cycle ??
  schema.reviewCycle.fallback;
