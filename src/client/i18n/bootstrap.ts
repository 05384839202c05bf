// i18next set up for the front ends (tab and task pane): four languages, Arabic right to left. Field labels, help
// texts and validation messages are localised by src/domain; each front end brings only its own words.
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '../../domain/schema/types';

/** A front end's own words in the four languages (nested keys, plural forms with i18next's _one/_other). */
export type Catalogues<M extends object> = Readonly<Record<Locale, M>>;

export const localeNames: Readonly<Record<Locale, string>> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  ar: 'العربية',
};

export const directionOf = (locale: Locale): 'ltr' | 'rtl' => (locale === 'ar' ? 'rtl' : 'ltr');

/** Maps a BCP 47 tag from Teams or the browser ('fr-FR', 'ar-sa', 'en-us') to one of ours; English otherwise. */
export const resolveLocale = (tag: string | null | undefined): Locale => {
  const base = (tag ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return (LOCALES as readonly string[]).includes(base) ? (base as Locale) : 'en';
};

type Tree = { [key: string]: string | Tree };

// Arabic has zero/one/two/few/many/other plural forms; fill the missing ones from `_other`.
const fillPluralForms = (tree: Tree): Tree => {
  const out: Tree = {};
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value !== 'string') {
      out[key] = fillPluralForms(value);
      continue;
    }
    out[key] = value;
    if (key.endsWith('_other')) {
      const stem = key.slice(0, -'_other'.length);
      for (const form of ['zero', 'two', 'few', 'many']) {
        if (!(`${stem}_${form}` in tree)) out[`${stem}_${form}`] = value;
      }
    }
  }
  return out;
};

/** A fresh i18next instance (one per app root, so tests do not share state). */
export const createI18n = async <M extends object>(
  catalogues: Catalogues<M>,
  locale: Locale,
): Promise<I18n> => {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    lng: locale,
    fallbackLng: 'en',
    supportedLngs: [...LOCALES],
    resources: Object.fromEntries(
      LOCALES.map((l) => [l, { translation: fillPluralForms(catalogues[l] as unknown as Tree) }]),
    ),
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    initAsync: false,
  });
  return instance;
};
