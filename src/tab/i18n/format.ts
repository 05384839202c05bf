// Dates and numbers through Intl, in the user's language. Domain dates are 'YYYY-MM-DD' (no time zone):
// format them as UTC so the day never shifts.
import type { Locale } from '../../domain/schema/types';

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const cached = (locale: Locale, key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => {
  const id = `${locale}:${key}`;
  let format = dateFormats.get(id);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(id, format);
  }
  return format;
};

/** '2025-03-01' -> '1 Mar 2025' (en), '1 mars 2025' (fr), '١ مارس ٢٠٢٥' (ar). */
export const formatDate = (value: string | null | undefined, locale: Locale): string => {
  if (!value) return '';
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return cached(locale, 'date', { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
};

/** An ISO timestamp with the time, in the browser's time zone. */
export const formatDateTime = (value: string | null | undefined, locale: Locale): string => {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return cached(locale, 'datetime', { dateStyle: 'medium', timeStyle: 'short' }).format(date);
};

export const formatNumber = (value: number, locale: Locale): string =>
  new Intl.NumberFormat(locale).format(value);

/** Today as 'YYYY-MM-DD' in UTC, the form domain dates take. */
export const todayIso = (now: Date = new Date()): string => now.toISOString().slice(0, 10);
