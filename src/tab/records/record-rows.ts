// The flat row each list shows: one per record, with its health worked out once (domain rules), so that
// filtering and sorting 10,000 rows is only comparisons. No React here (bench/tab.ts uses it).
import { recordHealth, type RecordHealth } from '../../domain/health';
import { REGISTERS } from '../../domain/registers';
import type { RegisterId } from '../../domain/schema/types';
import type { TabRecord } from '../services/tab-services';

export interface RecordRow {
  /** `${register}/${id}`, unique across registers. */
  readonly key: string;
  readonly register: RegisterId;
  readonly id: string;
  readonly title: string;
  readonly mission: string | null;
  readonly region: string | null;
  /** Data inventory only. */
  readonly sensitivity: string | null;
  readonly lastReviewed: string | null;
  readonly modifiedAt: string | null;
  readonly health: RecordHealth;
  /** Lower-cased title for search. */
  readonly search: string;
  readonly entry: TabRecord;
}

const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

export interface RowOptions {
  /** Today, 'YYYY-MM-DD' or a Date: health depends on it. */
  readonly now: Date | string;
  /** People still in the directory; owners outside it count as inactive. */
  readonly activePeople?: ReadonlySet<string>;
}

export const toRow = (entry: TabRecord, options: RowOptions): RecordRow => {
  const schema = REGISTERS[entry.register];
  const values = entry.record.values;
  const title = str(values.Title) ?? `#${entry.record.id}`;
  return {
    key: `${entry.register}/${entry.record.id}`,
    register: entry.register,
    id: entry.record.id,
    title,
    mission: str(values[schema.missionField]),
    region: schema.regionField ? str(values[schema.regionField]) : null,
    sensitivity: entry.register === 'dataInventory' ? str(values.sensitivity) : null,
    lastReviewed: str(values[schema.lastReviewedField]),
    modifiedAt: entry.record.modifiedAt ?? null,
    health: recordHealth(schema, entry.record, { now: options.now, activePeople: options.activePeople }),
    search: title.toLocaleLowerCase(),
    entry,
  };
};

export const toRows = (entries: readonly TabRecord[], options: RowOptions): RecordRow[] =>
  entries.map((entry) => toRow(entry, options));

/** Days a record is overdue (never reviewed counts as the most overdue). */
export const overdueDays = (row: RecordRow): number => {
  const fresh = row.health.checks.fresh;
  return fresh.overdueDays === null ? Number.MAX_SAFE_INTEGER : fresh.overdueDays;
};

/** Worst first: lowest score, then most overdue, then most missing fields, then by title. */
export const compareByHealth = (a: RecordRow, b: RecordRow): number =>
  a.health.score - b.health.score ||
  overdueDays(b) - overdueDays(a) ||
  b.health.checks.complete.missing.length - a.health.checks.complete.missing.length ||
  a.title.localeCompare(b.title);
