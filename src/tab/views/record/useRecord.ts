// One record: load it, edit a draft, save with If-Match, resolve a 412 field by field, confirm it still
// accurate. No JSX.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { isConflictError } from '../../../graph/errors';
import { REGISTERS } from '../../../domain/registers';
import type { RecordValues } from '../../../domain/schema/types';
import { useTab } from '../../app/tab-context';
import type { RecordRef } from '../../deep-links';
import { todayIso } from '../../i18n/format';
import {
  changesToSave,
  conflictRows,
  dirtyFields,
  fieldIssues,
  resolveConflict,
  type ConflictChoice,
  type ConflictRow,
  type Draft,
} from '../../records/record-edit';
import type { Person, TabRecord } from '../../services/tab-services';
import type { LoadState } from '../mine/useMyRecords';

export interface ConflictState {
  readonly rows: readonly ConflictRow[];
  readonly current: TabRecord;
}

export type RecordNotice = 'saved' | 'confirmed' | undefined;

const personEmails = (entry: TabRecord): string[] =>
  REGISTERS[entry.register].fields
    .filter((f) => f.type === 'person')
    .flatMap((f) => {
      const v = entry.record.values[f.name];
      return typeof v === 'string' ? [v] : Array.isArray(v) ? (v as string[]) : [];
    })
    .concat(entry.record.modifiedBy ? [entry.record.modifiedBy] : []);

export const useRecord = (recordRef: RecordRef) => {
  const { services } = useTab();
  const { register, id } = recordRef;
  const ref = useMemo<RecordRef>(() => ({ register, id }), [register, id]);
  const schema = REGISTERS[register];
  const [state, setState] = useState<LoadState<TabRecord>>({ status: 'loading' });
  const [draft, setDraft] = useState<Draft>({});
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState<'saving' | 'confirming' | undefined>();
  const [notice, setNotice] = useState<RecordNotice>();
  const [actionError, setActionError] = useState<unknown>();
  const [conflict, setConflict] = useState<ConflictState | undefined>();
  const [people, setPeople] = useState<ReadonlyMap<string, Person>>(new Map());
  const [attempt, setAttempt] = useState(0);

  const learnPeople = useCallback(
    (entry: TabRecord) => {
      void services.resolvePeople(personEmails(entry)).then(
        (found) => setPeople((current) => new Map([...current, ...found])),
        () => undefined, // names are a nicety; e-mails are shown instead
      );
    },
    [services],
  );

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    services.getRecord(ref, controller.signal).then(
      (entry) => {
        if (controller.signal.aborted) return;
        setState({ status: 'ready', value: entry });
        learnPeople(entry);
      },
      (error: unknown) => !controller.signal.aborted && setState({ status: 'error', error }),
    );
    return () => controller.abort();
  }, [services, ref, attempt, learnPeople]);

  const entry = state.status === 'ready' ? state.value : undefined;
  const original: RecordValues = useMemo(() => entry?.record.values ?? {}, [entry]);
  const issues = useMemo(
    () => fieldIssues(schema, original, draft, attempted),
    [schema, original, draft, attempted],
  );
  const dirty = useMemo(() => dirtyFields(schema, original, draft), [schema, original, draft]);
  const canEdit = entry ? services.canEdit(entry) : false;

  const setField = useCallback((name: string, value: unknown) => {
    setNotice(undefined);
    setDraft((current) => ({ ...current, [name]: value }));
  }, []);

  // Saving an edit is a confirmed review too (governance-domain.md: "set by still accurate or any confirmed edit").
  const reviewStamp = useCallback(
    (): RecordValues => ({
      [schema.lastReviewedField]: todayIso(),
      ...(schema.lastReviewedByField ? { [schema.lastReviewedByField]: services.me.upn } : {}),
    }),
    [schema, services],
  );

  const saved = useCallback(
    (next: TabRecord, what: RecordNotice) => {
      setState({ status: 'ready', value: next });
      setDraft({});
      setAttempted(false);
      setConflict(undefined);
      setNotice(what);
      learnPeople(next);
    },
    [learnPeople],
  );

  const write = useCallback(
    async (changes: RecordValues, eTag: string): Promise<void> => {
      setBusy('saving');
      setActionError(undefined);
      try {
        saved(await services.saveRecord(ref, { ...changes, ...reviewStamp() }, eTag), 'saved');
      } catch (error) {
        if (isConflictError(error) && error.current) {
          const current = error.current as TabRecord;
          const rows = conflictRows(schema, changes, current.record.values);
          learnPeople(current);
          // Everything I changed already holds my value: nothing to choose, write on the new version.
          if (rows.length === 0) return write(changes, current.record.eTag ?? '');
          setConflict({ rows, current });
        } else setActionError(error);
      } finally {
        setBusy(undefined);
      }
    },
    [services, ref, reviewStamp, saved, schema, learnPeople],
  );

  const save = useCallback(async () => {
    if (!entry) return;
    const check = changesToSave(schema, original, draft);
    if (!check.ok) {
      setAttempted(true);
      return;
    }
    if (Object.keys(check.changes).length === 0) {
      setDraft({});
      return;
    }
    await write(check.changes, entry.record.eTag ?? '');
  }, [entry, schema, original, draft, write]);

  const resolve = useCallback(
    async (choices: Readonly<Record<string, ConflictChoice>>) => {
      if (!conflict) return;
      const changes = resolveConflict(conflict.rows, choices);
      if (Object.keys(changes).length === 0) {
        // Kept all of theirs: the record is simply the current one.
        saved(conflict.current, undefined);
        return;
      }
      await write(changes, conflict.current.record.eTag ?? '');
    },
    [conflict, saved, write],
  );

  const confirm = useCallback(async () => {
    if (!entry) return;
    setBusy('confirming');
    setActionError(undefined);
    try {
      const [outcome] = await services.confirmRecords([{ ref, eTag: entry.record.eTag ?? '' }], todayIso());
      if (outcome?.ok && outcome.updated) saved(outcome.updated, 'confirmed');
      else {
        setActionError(outcome?.error);
        // A conflict here means someone changed it: show the current version.
        if (isConflictError(outcome?.error)) setAttempt((n) => n + 1);
      }
    } catch (error) {
      setActionError(error);
    } finally {
      setBusy(undefined);
    }
  }, [entry, services, ref, saved]);

  return {
    schema,
    state,
    entry,
    original,
    draft,
    dirty,
    issues,
    canEdit,
    busy,
    notice,
    actionError,
    conflict,
    people,
    setField,
    save,
    discard: () => {
      setDraft({});
      setAttempted(false);
    },
    resolve,
    cancelConflict: () => setConflict(undefined),
    confirm,
    reload: () => setAttempt((n) => n + 1),
    searchPeople: services.searchPeople,
    isOfficer: services.isOfficer,
    me: services.me,
  };
};
