// The task pane's i18next instance: the shared bootstrap (src/client/i18n) with the pane's own words.
import type { i18n as I18n } from 'i18next';
import { createI18n, type Catalogues } from '../../client/i18n';
import type { Locale } from '../../domain/schema/types';
import { ar } from './ar';
import { en, type Messages } from './en';
import { es } from './es';
import { fr } from './fr';

export type { Messages } from './en';
export { directionOf, localeNames, resolveLocale } from '../../client/i18n';

export const catalogues: Catalogues<Messages> = { en, fr, es, ar };

export const createAddinI18n = (locale: Locale): Promise<I18n> => createI18n(catalogues, locale);
