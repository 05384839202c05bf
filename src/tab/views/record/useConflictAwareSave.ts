// The tab's one conflict-aware save: writes changes with If-Match = eTag through TabServices.saveRecord. On a
// 412 it merges three ways (the version the edit started from, the edit, the version saved meanwhile): fields
// only one side changed merge without a question and the merged changes are written on the current version;
// fields both changed go to ConflictDialog, which also shows what the other person changed. Used by the
// record page (useRecord) and by the governance views' AI system form. No JSX.
import { useCallback, useRef, useState } from 'react';
import {
  resolvedChanges,
  type ConflictChoice,
  type TheirChange,
  type ThreeWayMerge,
} from '../../../domain/merge';
import type { RecordValues } from '../../../domain/schema/types';
import { isConflictError } from '../../../graph/errors';
import { REGISTERS } from '../../../domain/registers';
import { useTab } from '../../app/tab-context';
import type { RecordRef } from '../../deep-links';
import { mergeEdit } from '../../records/record-edit';
import type { TabRecord } from '../../services/tab-services';

export interface ConflictState {
  readonly merge: ThreeWayMerge;
  readonly current: TabRecord;
}

/** A save that met a newer version and merged with it: what the other person had changed (kept). */
export interface MergedSave {
  readonly theirChanges: readonly TheirChange[];
  /** Who saved the version merged with (e-mail), when known. */
  readonly by?: string;
}

export interface ConflictAwareSaveOptions {
  readonly ref: RecordRef;
  /** Values added to every write (e.g. the review stamp). @defaultvalue none */
  readonly stamp?: () => RecordValues;
  /** After a write, or when the person kept every current value (`written` false). */
  readonly onSaved: (next: TabRecord, written: boolean) => void;
  /** When the server's current version arrives with a conflict (e.g. to learn the names in it). */
  readonly onConflict?: (current: TabRecord) => void;
}

interface Attempt {
  readonly changes: RecordValues;
  readonly eTag: string;
  readonly base: RecordValues;
}

export const useConflictAwareSave = ({ ref, stamp, onSaved, onConflict }: ConflictAwareSaveOptions) => {
  const { services } = useTab();
  const schema = REGISTERS[ref.register];
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const [conflict, setConflict] = useState<ConflictState | undefined>();
  const [merged, setMerged] = useState<MergedSave | undefined>();
  // The last write that failed for another reason than a conflict, so "Try again" repeats it.
  const failed = useRef<Attempt | undefined>(undefined);

  /**
   * Writes `changes`, made against `base` (the values the person saw), on the version `eTag`.
   * `theirChanges` carries what a merge already kept of the other person's, to report after the write.
   */
  const write = useCallback(
    async (
      changes: RecordValues,
      eTag: string,
      base: RecordValues,
      theirChanges: MergedSave | undefined = undefined,
    ): Promise<void> => {
      setSaving(true);
      setError(undefined);
      failed.current = undefined;
      try {
        const next = await services.saveRecord(ref, { ...changes, ...(stamp?.() ?? {}) }, eTag);
        setConflict(undefined);
        setMerged(theirChanges && theirChanges.theirChanges.length > 0 ? theirChanges : undefined);
        onSaved(next, true);
      } catch (caught) {
        if (isConflictError(caught) && caught.current) {
          const current = caught.current as TabRecord;
          const merge = mergeEdit(schema, base, changes, current.record.values);
          onConflict?.(current);
          const kept: MergedSave = {
            theirChanges: [...(theirChanges?.theirChanges ?? []), ...merge.theirChanges],
            by: current.record.modifiedBy,
          };
          if (merge.conflicts.length === 0) {
            // Nothing both changed: write my clean changes on their version, no question.
            const clean = resolvedChanges(merge, {});
            if (Object.keys(clean).length === 0) {
              setConflict(undefined);
              setMerged(kept.theirChanges.length > 0 ? kept : undefined);
              onSaved(current, false);
              return;
            }
            return write(clean, current.record.eTag ?? '', current.record.values, kept);
          }
          setConflict({ merge: { ...merge, theirChanges: kept.theirChanges }, current });
        } else {
          failed.current = { changes, eTag, base };
          setError(caught);
        }
      } finally {
        setSaving(false);
      }
    },
    [services, ref, stamp, onSaved, onConflict, schema],
  );

  const resolve = useCallback(
    async (choices: Readonly<Record<string, ConflictChoice>>) => {
      if (!conflict) return;
      const changes = resolvedChanges(conflict.merge, choices);
      const kept: MergedSave = {
        theirChanges: conflict.merge.theirChanges,
        by: conflict.current.record.modifiedBy,
      };
      if (Object.keys(changes).length === 0) {
        // Kept all of theirs: the record is simply the current one.
        setConflict(undefined);
        setMerged(undefined);
        onSaved(conflict.current, false);
        return;
      }
      await write(changes, conflict.current.record.eTag ?? '', conflict.current.record.values, kept);
    },
    [conflict, onSaved, write],
  );

  /** "Try again" after a failed save: the same write again (a 412 meanwhile is merged as usual). */
  const retry = useCallback(async () => {
    const attempt = failed.current;
    if (attempt) await write(attempt.changes, attempt.eTag, attempt.base);
  }, [write]);

  return {
    saving,
    error,
    setError,
    conflict,
    merged,
    clearMerged: () => setMerged(undefined),
    write,
    retry,
    resolve,
    cancelConflict: () => setConflict(undefined),
  };
};
