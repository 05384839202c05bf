// How Excel turns what is entered into a cell (typed, or set through range.values) into a stored value. The
// in-memory workbook follows these rules so that tests see what Excel would do, in particular that text starting
// with = + - @ becomes a formula unless the cell is formatted as Text.
import { TEXT_FORMAT, type CellValue } from './workbook-port';

export interface StoredCell {
  readonly value: CellValue;
  /** Set when Excel would have made the entry a formula. */
  readonly formula?: string;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' -> Excel date serial (1900 date system). */
export const isoDateToSerial = (iso: string): number | undefined => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(ms);
  if (back.getUTCMonth() !== Number(m[2]) - 1 || back.getUTCDate() !== Number(m[3])) return undefined;
  return Math.round((ms - EXCEL_EPOCH_MS) / DAY_MS);
};

/** Excel date serial -> 'YYYY-MM-DD' (time of day dropped). */
export const serialToIsoDate = (serial: number): string =>
  new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);

/** A number format that displays a date (contains y, m or d outside quotes and is not General/Text). */
export const isDateFormat = (format: string | undefined): boolean =>
  !!format && format !== TEXT_FORMAT && /[yd]/i.test(format.replace(/"[^"]*"/g, ''));

const FORMULA_START = /^[=+\-@]/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Applies Excel's entry rules for a cell with the given number format. */
export const enterCell = (entry: CellValue, numberFormat: string | undefined): StoredCell => {
  if (typeof entry !== 'string') return { value: entry };
  if (numberFormat === TEXT_FORMAT) return { value: entry };
  if (entry === '') return { value: '' };
  // A leading apostrophe forces text and is not part of the value.
  if (entry.startsWith("'")) return { value: entry.slice(1) };
  const trimmed = entry.trim();
  if (NUMBER.test(trimmed)) return { value: Number(trimmed) };
  if (FORMULA_START.test(entry)) {
    const formula = entry.startsWith('=') ? entry : `=${entry}`;
    // We do not evaluate formulas; Excel would, and an unknown name shows #NAME?.
    return { value: '#NAME?', formula };
  }
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true' };
  // Excel recognises an ISO date in any non-Text cell and stores its serial number.
  const serial = isoDateToSerial(trimmed);
  if (serial !== undefined) return { value: serial };
  return { value: entry };
};
