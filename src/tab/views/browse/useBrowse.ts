// "All records": load every readable record once (kept while the tab is open), then filter and sort in
// memory with the same pure functions bench/tab.ts measures. No JSX.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTab } from '../../app/tab-context';
import { EMPTY_FILTER, isFiltered, visibleRows, type RowFilter, type SortKey } from '../../records/filter';
import { toRows, type RecordRow } from '../../records/record-rows';
import type { TabServices } from '../../services/tab-services';
import type { LoadState } from '../mine/useMyRecords';

interface Cached {
  rows: readonly RecordRow[];
  filter: RowFilter;
  sort: SortKey;
  loadedAt: number;
}

// Per services instance (i.e. per signed-in session): coming back to the list is instant and keeps the filters.
const cache = new WeakMap<TabServices, Cached>();
const STALE_MS = 60_000;

export const useBrowse = () => {
  const { services } = useTab();
  const cached = cache.get(services);
  const [state, setState] = useState<LoadState<readonly RecordRow[]>>(
    cached ? { status: 'ready', value: cached.rows } : { status: 'loading' },
  );
  const [loaded, setLoaded] = useState(0);
  const [filter, setFilterState] = useState<RowFilter>(cached?.filter ?? EMPTY_FILTER);
  const [sort, setSortState] = useState<SortKey>(cached?.sort ?? 'health');
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const existing = cache.get(services);
    if (existing && attempt === 0 && Date.now() - existing.loadedAt < STALE_MS) return;
    const controller = new AbortController();
    if (!existing) setState({ status: 'loading' });
    services
      .listAll((progress) => setLoaded(progress.loaded), controller.signal)
      .then(
        (entries) => {
          if (controller.signal.aborted) return;
          const rows = toRows(entries, { now: new Date() });
          const previous = cache.get(services);
          cache.set(services, {
            rows,
            filter: previous?.filter ?? EMPTY_FILTER,
            sort: previous?.sort ?? 'health',
            loadedAt: Date.now(),
          });
          setState({ status: 'ready', value: rows });
        },
        (error: unknown) => !controller.signal.aborted && setState({ status: 'error', error }),
      );
    return () => controller.abort();
  }, [services, attempt]);

  const remember = useCallback(
    (patch: Partial<Pick<Cached, 'filter' | 'sort'>>) => {
      const entry = cache.get(services);
      if (entry) cache.set(services, { ...entry, ...patch });
    },
    [services],
  );

  const setFilter = useCallback(
    (patch: Partial<RowFilter>) =>
      setFilterState((current) => {
        const next = { ...current, ...patch };
        remember({ filter: next });
        return next;
      }),
    [remember],
  );
  const setSort = useCallback(
    (next: SortKey) => {
      setSortState(next);
      remember({ sort: next });
    },
    [remember],
  );

  const all = state.status === 'ready' ? state.value : undefined;
  const rows = useMemo(() => (all ? visibleRows(all, filter, sort) : []), [all, filter, sort]);

  return {
    state,
    loaded,
    rows,
    total: all?.length ?? 0,
    filter,
    setFilter,
    clearFilters: () => setFilter(EMPTY_FILTER),
    filtered: isFiltered(filter),
    sort,
    setSort,
    reload: () => setAttempt((n) => n + 1),
  };
};
