// Calendar arithmetic on 'YYYY-MM-DD' strings and local wall-clock time in an IANA zone (Intl).
// Days are counted in UTC so that the arithmetic never depends on the machine's zone.

const MS_PER_DAY = 86_400_000;

/** Day number since the epoch for 'YYYY-MM-DD' (NaN when malformed). */
export const dayNumber = (iso: string): number => {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  if (iso.length < 10 || !y || !m || !d) return Number.NaN;
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
};

export const fromDayNumber = (day: number): string => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

export const addDays = (iso: string, days: number): string => fromDayNumber(dayNumber(iso) + days);

/** Adds calendar months, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export const addMonths = (iso: string, months: number): string => {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) - 1 + months;
  const d = Number(iso.slice(8, 10));
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d, last))).toISOString().slice(0, 10);
};

export interface LocalTime {
  /** 'YYYY-MM-DD' in the zone. */
  readonly date: string;
  /** ISO weekday, 1 = Monday ... 7 = Sunday. */
  readonly weekday: number;
  /** Minutes since local midnight. */
  readonly minutes: number;
}

// Creating an Intl formatter costs far more than using one: keep one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

export const isValidTimeZone = (timeZone: string): boolean => {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
};

/** Wall-clock date, weekday and minutes of `now` in `timeZone`. */
export const localTime = (now: Date, timeZone: string): LocalTime => {
  const parts = formatterFor(timeZone).formatToParts(now);
  const get = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '0';
  const date = `${get('year')}-${get('month')}-${get('day')}`;
  const weekday = ((Math.floor(dayNumber(date)) + 3) % 7) + 1; // 1970-01-01 was a Thursday
  return { date, weekday, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
};

/** 'HH:MM' -> minutes since midnight. */
export const parseClock = (clock: string): number =>
  Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
