// Pure logic of editing one record: which fields changed, the issues to show, and conflicts after a 412.
// No React (unit-tested on its own).
import type { FieldIssue } from '../../domain/validation';
import { validateRecord } from '../../domain/validation';
import { isRequired } from '../../domain/schema/conditions';
import { mergeThreeWay, type ThreeWayMerge } from '../../domain/merge';
import type { FieldDef, RecordValues, RegisterSchema } from '../../domain/schema/types';

/** What the form holds: raw control values (a number field may hold '12a' until it is fixed). */
export type Draft = Readonly<Record<string, unknown>>;

const normalise = (v: unknown): unknown =>
  v === undefined || v === '' || (Array.isArray(v) && v.length === 0) ? null : v;

export const sameValue = (a: unknown, b: unknown): boolean => {
  const x = normalise(a);
  const y = normalise(b);
  if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((v, i) => v === y[i]);
  return x === y;
};

/** Fields a person edits in the form: everything but system fields (set by the app). */
export const editableFields = (schema: RegisterSchema): readonly FieldDef[] =>
  schema.fields.filter((f) => !f.system);

/** Names of the fields whose draft value differs from the stored one. */
export const dirtyFields = (schema: RegisterSchema, original: RecordValues, draft: Draft): string[] =>
  editableFields(schema)
    .map((f) => f.name)
    .filter((name) => name in draft && !sameValue(draft[name], original[name]));

export type IssueLevel = 'error' | 'warning';
export interface ShownIssue {
  readonly issue: FieldIssue;
  readonly level: IssueLevel;
}

/**
 * Issues to show next to each field. Fields the person changed (or all, after a save attempt) show errors;
 * required fields still empty but untouched show a warning, so the form points at what is missing.
 */
export const fieldIssues = (
  schema: RegisterSchema,
  original: RecordValues,
  draft: Draft,
  attempted: boolean,
): ReadonlyMap<string, ShownIssue> => {
  const dirty = new Set(dirtyFields(schema, original, draft));
  const merged: Record<string, unknown> = { ...original, ...draft };
  const full = validateRecord(schema, merged, { applyDefaults: false });
  const shown = new Map<string, ShownIssue>();
  if (full.ok) return shown;
  for (const issue of full.issues) {
    if (shown.has(issue.field)) continue;
    const field = schema.fields.find((f) => f.name === issue.field);
    if (!field || field.system) continue;
    const level: IssueLevel =
      dirty.has(issue.field) || attempted || issue.code !== 'required' ? 'error' : 'warning';
    shown.set(issue.field, { issue, level });
  }
  return shown;
};

export type SaveCheck =
  | { readonly ok: true; readonly changes: RecordValues }
  | { readonly ok: false; readonly issues: readonly FieldIssue[] };

/**
 * The changes to send, validated as a partial update over the stored record (fields made required by a
 * change are checked too). Untouched empty fields do not block a save: the health badge keeps saying so.
 */
export const changesToSave = (schema: RegisterSchema, original: RecordValues, draft: Draft): SaveCheck => {
  const dirty = dirtyFields(schema, original, draft);
  const raw = Object.fromEntries(dirty.map((name) => [name, normalise(draft[name])]));
  const result = validateRecord(schema, raw, { partial: true, existing: original });
  if (!result.ok) return { ok: false, issues: result.issues };
  // Coercion may turn an edit back into the stored value (e.g. ' 12 ' -> 12): drop those.
  const changes = Object.fromEntries(
    Object.entries(result.value).filter(([name, value]) => !sameValue(value, original[name])),
  );
  return { ok: true, changes };
};

/** Whether a field is required given the rest of the draft. */
export const requiredNow = (field: FieldDef, original: RecordValues, draft: Draft): boolean =>
  isRequired(field, { ...original, ...(draft as RecordValues) });

// ---- Conflicts (412) ----

/**
 * The three-way merge of an edit that met a newer version: base = the version the edit started from, mine =
 * the changes, theirs = the version saved meanwhile. Over the fields a person edits; system fields and the
 * review stamp (last reviewed, by whom) are set by the app on every write, so they are never asked about.
 */
export const mergeEdit = (
  schema: RegisterSchema,
  base: RecordValues,
  mine: RecordValues,
  theirs: RecordValues,
): ThreeWayMerge =>
  mergeThreeWay({
    fields: editableFields(schema)
      .map((f) => f.name)
      .filter((name) => name !== schema.lastReviewedField && name !== schema.lastReviewedByField),
    base,
    mine,
    theirs,
  });
