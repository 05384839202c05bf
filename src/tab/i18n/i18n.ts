// The tab's i18next instance: the shared bootstrap (src/client/i18n) with the tab's own words.
import type { i18n as I18n } from 'i18next';
import { createI18n, type Catalogues } from '../../client/i18n';
import type { Locale } from '../../domain/schema/types';
import { ar } from './ar';
import { en, type Messages } from './en';
import { es } from './es';
import { fr } from './fr';

export { directionOf, localeNames, resolveLocale } from '../../client/i18n';

export const catalogues: Catalogues<Messages> = { en, fr, es, ar };

/** A fresh i18next instance (one per app root, so tests do not share state). */
export const createTabI18n = (locale: Locale): Promise<I18n> => createI18n(catalogues, locale);
