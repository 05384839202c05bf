import { useTranslation } from 'react-i18next';
import type { Locale } from '../../domain/schema/types';
import { resolveLocale } from './i18n';

/** The active language as a domain Locale. */
export const useLocale = (): Locale => resolveLocale(useTranslation().i18n.language);
