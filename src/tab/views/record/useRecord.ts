// One record: load it, edit a draft, save with If-Match, resolve a 412 field by field, confirm it still
// accurate. No JSX.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { isConflictError } from '../../../graph/errors';
import { REGISTERS } from '../../../domain/registers';
import type { RecordValues, RegisterId } from '../../../domain/schema/types';
import { useTab } from '../../app/tab-context';
import type { RecordRef } from '../../deep-links';
import { todayIso } from '../../i18n/format';
import { changesToSave, dirtyFields, fieldIssues, type Draft } from '../../records/record-edit';
import type { Person, TabRecord } from '../../services/tab-services';
import type { LoadState } from '../mine/useMyRecords';
import { useConflictAwareSave } from './useConflictAwareSave';

export type { ConflictState } from './useConflictAwareSave';

export type RecordNotice = 'saved' | 'confirmed' | undefined;

const personEmails = (entry: TabRecord): string[] =>
  REGISTERS[entry.register].fields
    .filter((f) => f.type === 'person')
    .flatMap((f) => {
      const v = entry.record.values[f.name];
      return typeof v === 'string' ? [v] : Array.isArray(v) ? (v as string[]) : [];
    })
    .concat(entry.record.modifiedBy ? [entry.record.modifiedBy] : []);

/** The ids each lookup field of the record points at, by target register. */
export const lookupIds = (register: RegisterId, values: RecordValues): Map<RegisterId, string[]> => {
  const byTarget = new Map<RegisterId, string[]>();
  for (const f of REGISTERS[register].fields) {
    if (f.type !== 'lookup' || !f.lookupRegister) continue;
    const v = values[f.name];
    const ids = typeof v === 'string' ? [v] : Array.isArray(v) ? v.map(String) : [];
    if (ids.length > 0) byTarget.set(f.lookupRegister, [...(byTarget.get(f.lookupRegister) ?? []), ...ids]);
  }
  return byTarget;
};

export const titleKey = (register: RegisterId, id: string): string => `${register}/${id}`;

export const useRecord = (recordRef: RecordRef) => {
  const { services } = useTab();
  const { register, id } = recordRef;
  const ref = useMemo<RecordRef>(() => ({ register, id }), [register, id]);
  const schema = REGISTERS[register];
  const [state, setState] = useState<LoadState<TabRecord>>({ status: 'loading' });
  const [draft, setDraft] = useState<Draft>({});
  const [attempted, setAttempted] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<RecordNotice>();
  const [people, setPeople] = useState<ReadonlyMap<string, Person>>(new Map());
  const [titles, setTitles] = useState<ReadonlyMap<string, string>>(new Map());
  const [attempt, setAttempt] = useState(0);

  // Names and titles are niceties: e-mails and item ids are shown until (or unless) they are known.
  const learnPeople = useCallback(
    (entry: TabRecord) => {
      void services.resolvePeople(personEmails(entry)).then(
        (found) => setPeople((current) => new Map([...current, ...found])),
        () => undefined,
      );
      for (const [target, ids] of lookupIds(entry.register, entry.record.values)) {
        void services.resolveTitles(target, ids).then(
          (found) =>
            setTitles(
              (current) =>
                new Map([
                  ...current,
                  ...[...found].map(([id, title]) => [titleKey(target, id), title] as const),
                ]),
            ),
          () => undefined,
        );
      }
    },
    [services],
  );
  const recordTitle = useCallback(
    (target: RegisterId, itemId: string): string | undefined => titles.get(titleKey(target, itemId)),
    [titles],
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
      setNotice(what);
      learnPeople(next);
    },
    [learnPeople],
  );

  const onSaved = useCallback(
    (next: TabRecord, written: boolean) => saved(next, written ? 'saved' : undefined),
    [saved],
  );
  const saving = useConflictAwareSave({ ref, stamp: reviewStamp, onSaved, onConflict: learnPeople });
  const { write, setError: setActionError, clearMerged } = saving;
  // What "Try again" repeats: the failed save (with the same changes) or the failed confirmation.
  const [failedAction, setFailedAction] = useState<'save' | 'confirm'>('save');

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
    setFailedAction('save');
    clearMerged();
    await write(check.changes, entry.record.eTag ?? '', original);
  }, [entry, schema, original, draft, write, clearMerged]);

  const confirm = useCallback(async () => {
    if (!entry) return;
    setConfirming(true);
    setFailedAction('confirm');
    clearMerged();
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
      setConfirming(false);
    }
  }, [entry, services, ref, saved, setActionError, clearMerged]);

  return {
    schema,
    state,
    entry,
    original,
    draft,
    dirty,
    issues,
    canEdit,
    busy: saving.saving ? ('saving' as const) : confirming ? ('confirming' as const) : undefined,
    notice,
    actionError: saving.error,
    conflict: saving.conflict,
    /** The last save merged with someone else's newer version: what they had changed (kept). */
    merged: saving.merged,
    /** "Try again" for the failed action: the same save again, or the confirmation again. */
    retryAction: () => void (failedAction === 'save' ? saving.retry() : confirm()),
    people,
    setField,
    save,
    discard: () => {
      setDraft({});
      setAttempted(false);
    },
    resolve: saving.resolve,
    cancelConflict: saving.cancelConflict,
    confirm,
    reload: () => setAttempt((n) => n + 1),
    searchPeople: services.searchPeople,
    searchRecords: services.searchRecords,
    recordTitle,
    isOfficer: services.isOfficer,
    me: services.me,
  };
};
