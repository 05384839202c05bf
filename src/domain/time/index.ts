export {
  isLeapYear,
  daysInMonth,
  isoFromParts,
  isIsoDate,
  toIsoDate,
  daysBetween,
  addDays,
  addMonths,
  fromExcelSerial,
} from './dates';
export type { IsoDate } from './dates';
