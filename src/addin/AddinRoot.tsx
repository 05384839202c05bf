// Providers shared by both pages: Fluent (Teams light theme, text direction) and i18next, with the language
// switchable at run time (Arabic mirrors the whole page).
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import type { i18n as I18n } from 'i18next';
import { useEffect, useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { Locale } from '../domain/schema/types';
import { directionOf } from './i18n';

export interface AddinRootProps {
  readonly i18n: I18n;
  readonly locale: Locale;
  readonly children: (locale: Locale, setLocale: (l: Locale) => void) => ReactNode;
}

export const AddinRoot = ({ i18n, locale: initial, children }: AddinRootProps) => {
  const [locale, setLocale] = useState<Locale>(initial);
  const dir = directionOf(locale);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = dir;
    try {
      localStorage.setItem('governanceHub.addin.locale', locale);
    } catch {
      // storage may be unavailable in the Office webview; the choice just does not persist
    }
  }, [locale, dir]);
  return (
    <I18nextProvider i18n={i18n}>
      <FluentProvider theme={teamsLightTheme} dir={dir} style={{ height: '100%' }}>
        {children(locale, setLocale)}
      </FluentProvider>
    </I18nextProvider>
  );
};
