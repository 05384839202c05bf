// The tab's one conflict-aware save: writes changes with If-Match = eTag through TabServices.saveRecord; on a 412
// it lists the fields both sides changed for ConflictDialog, and the person's choices are written on the current
// version. Used by the record page (useRecord) and by the governance views' AI system form. No JSX.
import { useCallback, useState } from 'react';
import type { RecordValues } from '../../../domain/schema/types';
import { isConflictError } from '../../../graph/errors';
import { REGISTERS } from '../../../domain/registers';
import { useTab } from '../../app/tab-context';
import type { RecordRef } from '../../deep-links';
import {
  conflictRows,
  resolveConflict,
  type ConflictChoice,
  type ConflictRow,
} from '../../records/record-edit';
import type { TabRecord } from '../../services/tab-services';

export interface ConflictState {
  readonly rows: readonly ConflictRow[];
  readonly current: TabRecord;
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

export const useConflictAwareSave = ({ ref, stamp, onSaved, onConflict }: ConflictAwareSaveOptions) => {
  const { services } = useTab();
  const schema = REGISTERS[ref.register];
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const [conflict, setConflict] = useState<ConflictState | undefined>();

  const write = useCallback(
    async (changes: RecordValues, eTag: string): Promise<void> => {
      setSaving(true);
      setError(undefined);
      try {
        const next = await services.saveRecord(ref, { ...changes, ...(stamp?.() ?? {}) }, eTag);
        setConflict(undefined);
        onSaved(next, true);
      } catch (caught) {
        if (isConflictError(caught) && caught.current) {
          const current = caught.current as TabRecord;
          const rows = conflictRows(schema, changes, current.record.values);
          onConflict?.(current);
          // Everything I changed already holds my value: nothing to choose, write on the new version.
          if (rows.length === 0) return write(changes, current.record.eTag ?? '');
          setConflict({ rows, current });
        } else setError(caught);
      } finally {
        setSaving(false);
      }
    },
    [services, ref, stamp, onSaved, onConflict, schema],
  );

  const resolve = useCallback(
    async (choices: Readonly<Record<string, ConflictChoice>>) => {
      if (!conflict) return;
      const changes = resolveConflict(conflict.rows, choices);
      if (Object.keys(changes).length === 0) {
        // Kept all of theirs: the record is simply the current one.
        setConflict(undefined);
        onSaved(conflict.current, false);
        return;
      }
      await write(changes, conflict.current.record.eTag ?? '');
    },
    [conflict, onSaved, write],
  );

  return {
    saving,
    error,
    setError,
    conflict,
    write,
    resolve,
    cancelConflict: () => setConflict(undefined),
  };
};
