import type { Locale, Localized } from './types';

/** Builds a Localized value; positional order is always en, fr, es, ar. */
export const t = (en: string, fr: string, es: string, ar: string): Localized => ({ en, fr, es, ar });

/** Joins a list the way each language writes it (Arabic uses its own comma). */
export const joinList = (items: readonly string[], locale: Locale): string =>
  items.join(locale === 'ar' ? '، ' : ', ');
