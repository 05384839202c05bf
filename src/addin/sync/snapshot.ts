// What was pulled: the base the sheet is compared with at push time, and the delta link for refresh. It is kept in
// the workbook itself (WorkbookPort.saveState), so closing the task pane loses nothing.
import type { FieldValue, Locale, RecordValues, RegisterId } from '../../domain/schema/types';

export interface SnapshotRecord {
  readonly eTag: string;
  readonly values: RecordValues;
}

export interface Snapshot {
  readonly version: 1;
  readonly register: RegisterId;
  readonly mission: string;
  readonly locale: Locale;
  readonly pulledAt: string;
  deltaLink: string;
  /** Item id -> what SharePoint held at the last pull, refresh or save. */
  records: Record<string, SnapshotRecord>;
  /** Client keys sent in a create whose answer never came back: looked up before they are sent again. */
  inFlightKeys: string[];
  /** Titles of the items lookups point at (register -> id -> title), as the sheet shows them. */
  lookupTitles?: Record<string, Record<string, string>>;
}

export const snapshotStateName = (register: RegisterId): string => `snapshot_${register}`;

export const serializeSnapshot = (snapshot: Snapshot): string => JSON.stringify(snapshot);

export const parseSnapshot = (text: string | undefined): Snapshot | undefined => {
  if (!text) return undefined;
  try {
    const parsed = JSON.parse(text) as Partial<Snapshot>;
    if (parsed.version !== 1 || typeof parsed.records !== 'object' || !parsed.register) return undefined;
    return { inFlightKeys: [], deltaLink: '', ...parsed } as Snapshot;
  } catch {
    return undefined;
  }
};

const normalize = (value: FieldValue | undefined): unknown => {
  if (value === undefined || value === null || value === '') return null;
  if (Array.isArray(value)) return value.length === 0 ? null : [...value].map(String).sort();
  return value;
};

/** Domain values compared as SharePoint would store them (empty = null, multi-values as sets). */
export const sameValue = (a: FieldValue | undefined, b: FieldValue | undefined): boolean =>
  JSON.stringify(normalize(a)) === JSON.stringify(normalize(b));
