// Three-way merge of one record after a conflict (412): the version an edit started from (base), the edit
// (mine) and the version saved meanwhile (theirs). A field only one side changed takes that side's value
// without a question; a field both changed to different values is a conflict for the person to decide.
// Used by the tab's conflict dialog; the add-in may reuse it for a row whose item changed since the pull.
import { sameFieldValue } from '../schema/conditions';
import type { FieldValue, RecordValues } from '../schema/types';

/** A field the other side changed and I did not: their value is kept. */
export interface TheirChange {
  readonly field: string;
  readonly base: FieldValue;
  readonly theirs: FieldValue;
}

/** A field both sides changed, to different values: the person chooses. */
export interface MergeConflict {
  readonly field: string;
  readonly base: FieldValue;
  readonly mine: FieldValue;
  readonly theirs: FieldValue;
}

export interface ThreeWayMerge {
  /** My changes that apply cleanly on theirs (fields only I changed): written without a question. */
  readonly mineOnly: RecordValues;
  /** What the other person changed that I did not: kept as they saved it, shown so nobody is surprised. */
  readonly theirChanges: readonly TheirChange[];
  /** Fields both changed, to the same value: nothing to do. */
  readonly agreed: readonly string[];
  /** Fields both changed, differently. */
  readonly conflicts: readonly MergeConflict[];
}

const valueOf = (values: RecordValues, field: string): FieldValue => values[field] ?? null;

/**
 * Merges field by field over `fields` (the fields a person edits; system fields are set by the app).
 * `mine` holds only the fields I changed (absent = untouched); `base` and `theirs` are whole versions.
 */
export const mergeThreeWay = (input: {
  readonly fields: readonly string[];
  readonly base: RecordValues;
  readonly mine: RecordValues;
  readonly theirs: RecordValues;
}): ThreeWayMerge => {
  const mineOnly: Record<string, FieldValue> = {};
  const theirChanges: TheirChange[] = [];
  const agreed: string[] = [];
  const conflicts: MergeConflict[] = [];
  for (const field of input.fields) {
    const base = valueOf(input.base, field);
    const theirs = valueOf(input.theirs, field);
    const iChanged = field in input.mine && !sameFieldValue(valueOf(input.mine, field), base);
    const theyChanged = !sameFieldValue(theirs, base);
    if (!iChanged) {
      if (theyChanged) theirChanges.push({ field, base, theirs });
      continue;
    }
    const mine = valueOf(input.mine, field);
    if (!theyChanged) mineOnly[field] = mine;
    else if (sameFieldValue(mine, theirs)) agreed.push(field);
    else conflicts.push({ field, base, mine, theirs });
  }
  return { mineOnly, theirChanges, agreed, conflicts };
};

export type ConflictChoice = 'mine' | 'theirs';

/**
 * The changes to write on theirs once the person chose: every clean change of mine, and my value for each
 * conflict where I kept mine (the default: an edit is not dropped without a choice).
 */
export const resolvedChanges = (
  merge: ThreeWayMerge,
  choices: Readonly<Record<string, ConflictChoice>>,
): RecordValues => ({
  ...merge.mineOnly,
  ...Object.fromEntries(
    merge.conflicts.filter((c) => (choices[c.field] ?? 'mine') === 'mine').map((c) => [c.field, c.mine]),
  ),
});
