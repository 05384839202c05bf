// Starts the tab: runtime configuration, Teams host (if any), language, theme, sign-in, then React.
import { FluentProvider, MessageBar, MessageBarBody, teamsLightTheme } from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Locale } from '../domain/schema/types';
import { TabApp } from './app/TabApp';
import { PREF_LOCALE, PREF_THEME } from './app/useTabApp';
import { createAuthProvider } from '../client/auth';
import { recordHash } from './deep-links';
import { createTabI18n, resolveLocale } from './i18n/i18n';
import { loadRuntimeConfig, type RuntimeConfig } from '../client/runtime-config';
import { connectTeamsHost } from './teams-host';
import { isThemeName, themeFromTeams, type ThemeName } from './theme';

const readPreference = (key: string): string | null => {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
};

/** Language: ?lang=, then Teams, then the saved choice, then the browser. */
const pickLocale = (query: URLSearchParams, teamsLocale: string | undefined): Locale => {
  const explicit = query.get('lang');
  if (explicit) return resolveLocale(explicit);
  if (teamsLocale) return resolveLocale(teamsLocale);
  return resolveLocale(readPreference(PREF_LOCALE) ?? navigator.language);
};

/** Theme: Teams decides inside Teams; otherwise ?theme=, the saved choice, then the OS preference. */
const pickTheme = (query: URLSearchParams, teamsTheme: string | undefined, inTeams: boolean): ThemeName => {
  if (inTeams) return themeFromTeams(teamsTheme);
  const explicit = query.get('theme') ?? readPreference(PREF_THEME);
  if (isThemeName(explicit)) return explicit;
  if (window.matchMedia?.('(forced-colors: active)').matches) return 'contrast';
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
};

export const bootTab = async (container: HTMLElement): Promise<void> => {
  const root = createRoot(container);
  let config: RuntimeConfig;
  try {
    config = await loadRuntimeConfig();
  } catch (error) {
    // Before i18n: a plain English message that says what to do.
    root.render(
      <FluentProvider theme={teamsLightTheme}>
        <MessageBar intent="error">
          <MessageBarBody>
            {`Governance Hub could not read its configuration (${(error as Error).message}). Reload the page; if it persists, tell the person who runs Governance Hub.`}
          </MessageBarBody>
        </MessageBar>
      </FluentProvider>,
    );
    return;
  }

  const host = await connectTeamsHost();
  const query = new URLSearchParams(window.location.search);
  const locale = pickLocale(query, host?.locale);
  const theme = pickTheme(query, host?.theme, host !== undefined);
  if (host?.deepLink && !window.location.hash.startsWith('#/records/'))
    window.location.hash = recordHash(host.deepLink);

  const i18n = await createTabI18n(locale);
  const auth = createAuthProvider(config, {
    loginHint: host?.loginHint,
    host: host ? 'teams' : 'browser',
    naaSupported: host?.naaSupported ?? false,
  });
  root.render(
    <StrictMode>
      <TabApp
        config={config}
        auth={auth}
        i18n={i18n}
        host={host}
        initialLocale={locale}
        initialTheme={theme}
        createServices={(user) =>
          // The Graph session, the schemas and the domain rules load after sign-in, beside the first view.
          import('./services/graph-services').then((m) => m.createGraphTabServices({ config, auth, user }))
        }
      />
    </StrictMode>,
  );
};
