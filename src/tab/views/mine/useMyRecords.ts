// "My records": load the person's records, order them worst first, select, confirm in one batch. No JSX.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTab } from '../../app/tab-context';
import { todayIso } from '../../i18n/format';
import { compareByHealth, toRow, type RecordRow } from '../../records/record-rows';
import type { ConfirmOutcome, TabRecord } from '../../services/tab-services';

export type LoadState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: unknown }
  | { readonly status: 'ready'; readonly value: T };

export interface ConfirmSummary {
  readonly confirmed: number;
  readonly failed: readonly ConfirmOutcome[];
}

const now = (): Date => new Date();

export const useMyRecords = () => {
  const { services } = useTab();
  const [state, setState] = useState<LoadState<readonly RecordRow[]>>({ status: 'loading' });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [lastConfirm, setLastConfirm] = useState<ConfirmSummary | undefined>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    services.listMine(controller.signal).then(
      (records) => {
        if (controller.signal.aborted) return;
        const today = now();
        setState({
          status: 'ready',
          value: records.map((entry) => toRow(entry, { now: today })).sort(compareByHealth),
        });
      },
      (error: unknown) => !controller.signal.aborted && setState({ status: 'error', error }),
    );
    return () => controller.abort();
  }, [services, attempt]);

  const rows = useMemo(() => (state.status === 'ready' ? state.value : []), [state]);
  const healthy = rows.filter((row) => row.health.healthy).length;

  const toggle = useCallback((key: string, on: boolean) => {
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  }, []);

  const toggleAll = useCallback(
    (on: boolean) => setSelected(on ? new Set(rows.map((row) => row.key)) : new Set()),
    [rows],
  );

  const replace = useCallback((updated: readonly TabRecord[]) => {
    const today = now();
    const byKey = new Map(updated.map((entry) => [`${entry.register}/${entry.record.id}`, entry]));
    setState((current) =>
      current.status === 'ready'
        ? {
            status: 'ready',
            value: current.value
              .map((row) => {
                const entry = byKey.get(row.key);
                return entry ? toRow(entry, { now: today }) : row;
              })
              .sort(compareByHealth),
          }
        : current,
    );
  }, []);

  /** Confirms the selected records as still accurate: one $batch, each item with its own If-Match. */
  const confirmSelected = useCallback(async (): Promise<ConfirmSummary> => {
    const items = rows
      .filter((row) => selected.has(row.key))
      .map((row) => ({ ref: { register: row.register, id: row.id }, eTag: row.entry.record.eTag ?? '' }));
    setConfirming(true);
    try {
      const outcomes = await services.confirmRecords(items, todayIso(now()));
      replace(outcomes.flatMap((o) => (o.updated ? [o.updated] : [])));
      const failed = outcomes.filter((o) => !o.ok);
      // Keep the ones that failed selected, so a retry is one click.
      setSelected(new Set(failed.map((o) => `${o.ref.register}/${o.ref.id}`)));
      const summary = { confirmed: outcomes.length - failed.length, failed };
      setLastConfirm(summary);
      return summary;
    } catch (error) {
      const summary = {
        confirmed: 0,
        failed: items.map((item) => ({ ref: item.ref, ok: false, error })),
      };
      setLastConfirm(summary);
      return summary;
    } finally {
      setConfirming(false);
    }
  }, [rows, selected, services, replace]);

  return {
    state,
    rows,
    healthy,
    selected,
    toggle,
    toggleAll,
    confirming,
    confirmSelected,
    lastConfirm,
    reload: () => setAttempt((n) => n + 1),
  };
};
