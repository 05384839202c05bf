export { createTabI18n, resolveLocale, directionOf, localeNames, catalogues } from './i18n';
export { formatDate, formatDateTime, formatNumber, todayIso } from './format';
export type { Messages } from './en';
