// Filtering and sorting the rows of "All records". The same functions run in the UI and in bench/tab.ts.
import type { RegisterId } from '../../domain/schema/types';
import { compareByHealth, type RecordRow } from './record-rows';

export type HealthFilter = 'any' | 'healthy' | 'attention';
export type SortKey = 'health' | 'title' | 'lastReviewed' | 'modified';

export interface RowFilter {
  readonly query: string;
  readonly register: RegisterId | 'any';
  readonly mission: string | 'any';
  readonly region: string | 'any';
  readonly sensitivity: string | 'any';
  readonly health: HealthFilter;
}

export const EMPTY_FILTER: RowFilter = {
  query: '',
  register: 'any',
  mission: 'any',
  region: 'any',
  sensitivity: 'any',
  health: 'any',
};

export const isFiltered = (filter: RowFilter): boolean =>
  filter.query.trim() !== '' ||
  filter.register !== 'any' ||
  filter.mission !== 'any' ||
  filter.region !== 'any' ||
  filter.sensitivity !== 'any' ||
  filter.health !== 'any';

export const filterRows = (rows: readonly RecordRow[], filter: RowFilter): RecordRow[] => {
  const query = filter.query.trim().toLocaleLowerCase();
  return rows.filter(
    (row) =>
      (filter.register === 'any' || row.register === filter.register) &&
      (filter.mission === 'any' || row.mission === filter.mission) &&
      (filter.region === 'any' || row.region === filter.region) &&
      (filter.sensitivity === 'any' || row.sensitivity === filter.sensitivity) &&
      (filter.health === 'any' || (filter.health === 'healthy') === row.health.healthy) &&
      (query === '' || row.search.includes(query)),
  );
};

// Empty dates sort last whatever the direction.
const byDateDesc = (a: string | null, b: string | null): number =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? 1 : -1;

const comparators: Readonly<Record<SortKey, (a: RecordRow, b: RecordRow) => number>> = {
  health: compareByHealth,
  title: (a, b) => a.title.localeCompare(b.title) || a.key.localeCompare(b.key),
  lastReviewed: (a, b) => byDateDesc(a.lastReviewed, b.lastReviewed) || a.title.localeCompare(b.title),
  modified: (a, b) => byDateDesc(a.modifiedAt, b.modifiedAt) || a.title.localeCompare(b.title),
};

/** A sorted copy. */
export const sortRows = (rows: readonly RecordRow[], sort: SortKey): RecordRow[] =>
  [...rows].sort(comparators[sort]);

/** Filter then sort: what the list shows. */
export const visibleRows = (rows: readonly RecordRow[], filter: RowFilter, sort: SortKey): RecordRow[] =>
  sortRows(filterRows(rows, filter), sort);
