export { createI18n, directionOf, localeNames, resolveLocale, type Catalogues } from './bootstrap';
