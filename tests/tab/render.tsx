// Test helpers: render tab components inside Fluent, i18n and (optionally) the tab context.
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { Locale } from '../../src/domain/schema/types';
import { TabContext, type TabContextValue } from '../../src/tab/app/tab-context';
import { createTabI18n, directionOf } from '../../src/tab/i18n';
import type { TabServices } from '../../src/tab/services/tab-services';

// jsdom has no ResizeObserver; Fluent's MessageBar measures itself with one.
if (typeof window !== 'undefined' && !('ResizeObserver' in window)) {
  Object.assign(window, {
    ResizeObserver: class {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    },
  });
}

export const renderInTab = async (
  ui: ReactElement,
  options: { locale?: Locale; services?: Partial<TabServices> } = {},
): Promise<RenderResult> => {
  const locale = options.locale ?? 'en';
  const i18n = await createTabI18n(locale);
  const services = {
    me: { upn: 'amina.diallo@contoso.org', displayName: 'Amina Diallo' },
    actor: { email: 'amina.diallo@contoso.org', roles: ['custodian'], missions: [] },
    isOfficer: false,
    canEdit: () => true,
    resolvePeople: async () => new Map(),
    searchPeople: async () => [],
    searchRecords: async () => [],
    resolveTitles: async () => new Map(),
    onRetry: () => () => undefined,
    ...options.services,
  } as TabServices;
  const context: TabContextValue = {
    config: {
      graphBaseUrl: 'http://127.0.0.1:1',
      authMode: 'local',
      siteHostname: 'h',
      sitePath: '/sites/g',
    },
    services,
    locale,
    setLocale: () => undefined,
    theme: 'light',
    setTheme: () => undefined,
    inTeams: false,
    navigate: () => undefined,
    signOut: () => undefined,
    sessionExpired: () => undefined,
  };
  return render(
    <I18nextProvider i18n={i18n}>
      <FluentProvider theme={teamsLightTheme} dir={directionOf(locale)}>
        <TabContext.Provider value={context}>{ui}</TabContext.Provider>
      </FluentProvider>
    </I18nextProvider>,
  );
};
