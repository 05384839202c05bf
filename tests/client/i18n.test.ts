import { createI18n, directionOf, localeNames, resolveLocale } from '../../src/client/i18n';

const words = (things_one: string, things_other: string) => ({ list: { things_one, things_other } });
const catalogues = {
  en: words('one thing', '{{count}} things'),
  fr: words('une chose', '{{count}} choses'),
  es: words('una cosa', '{{count}} cosas'),
  ar: words('شيء واحد', '{{count}} أشياء'),
};

describe('i18n bootstrap', () => {
  it('maps host locales to ours, English otherwise', () => {
    expect(resolveLocale('es-MX')).toBe('es');
    expect(resolveLocale('ar_SA')).toBe('ar');
    expect(resolveLocale(undefined)).toBe('en');
    expect(directionOf('fr')).toBe('ltr');
    expect(directionOf('ar')).toBe('rtl');
    expect(Object.keys(localeNames)).toEqual(['en', 'fr', 'es', 'ar']);
  });

  it('builds a separate instance per root from any catalogue, filling the Arabic plural forms', async () => {
    const a = await createI18n(catalogues, 'ar');
    const b = await createI18n(catalogues, 'fr');
    expect(a.t('list.things', { count: 3 })).toBe('3 أشياء'); // "few" falls back to "other"
    expect(a.t('list.things', { count: 0 })).toBe('0 أشياء'); // "zero" too
    expect(b.t('list.things', { count: 1 })).toBe('une chose');
    await a.changeLanguage('es');
    expect(b.language).toBe('fr');
    expect(a.t('list.things', { count: 2 })).toBe('2 cosas');
  });
});
