// Calendar dates as 'YYYY-MM-DD' strings. All arithmetic is on UTC days, so the result never depends
// on the machine's time zone.

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export const daysInMonth = (y: number, m: number): number =>
  m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;

/** Builds 'YYYY-MM-DD' from parts, or undefined when the parts are not a real calendar day (e.g. 31/02). */
export const isoFromParts = (y: number, m: number, d: number): IsoDate | undefined => {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return undefined;
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
};

export const isIsoDate = (value: unknown): value is IsoDate => {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  return !!m && isoFromParts(Number(m[1]), Number(m[2]), Number(m[3])) === value;
};

const parts = (date: IsoDate): [number, number, number] => {
  const m = ISO_DATE.exec(date);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
};

const dayNumber = (date: IsoDate): number => {
  const [y, m, d] = parts(date);
  return Date.UTC(y, m - 1, d) / 86_400_000;
};

/** The calendar day of a Date in UTC (the site's time zone, see architecture.md), or a date passed through. */
export const toIsoDate = (when: Date | IsoDate): IsoDate => {
  if (typeof when === 'string') {
    if (!isIsoDate(when)) throw new Error(`not a YYYY-MM-DD date: ${when}`);
    return when;
  }
  return when.toISOString().slice(0, 10);
};

/** b - a in days. */
export const daysBetween = (a: IsoDate, b: IsoDate): number => dayNumber(b) - dayNumber(a);

export const addDays = (date: IsoDate, days: number): IsoDate =>
  new Date((dayNumber(date) + days) * 86_400_000).toISOString().slice(0, 10);

/** Adds calendar months, clamping to the end of a shorter month (31 Jan + 1 month = 28/29 Feb). */
export const addMonths = (date: IsoDate, months: number): IsoDate => {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(d, daysInMonth(ny, nm))).padStart(2, '0')}`;
};

/**
 * Excel's 1900 date system: serial 1 is 1900-01-01, and Excel keeps Lotus's phantom 29 Feb 1900 as
 * serial 60, so serials from 61 on are one day ahead. A fractional part (the time) is dropped.
 */
export const fromExcelSerial = (serial: number): IsoDate | undefined => {
  if (!Number.isFinite(serial)) return undefined;
  const whole = Math.floor(serial);
  if (whole < 1 || whole === 60 || whole > 2_958_465) return undefined;
  const offset = whole < 60 ? whole - 1 : whole - 2;
  return addDays('1900-01-01', offset);
};
