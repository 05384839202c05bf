// The tab's top-level state: language, theme, session and services. No JSX.
import type { i18n as I18n } from 'i18next';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Locale } from '../../domain/schema/types';
import type { AuthProvider, SignedInUser } from '../../client/auth';
import { directionOf } from '../i18n/i18n';
import type { TabServices } from '../services/tab-services';
import type { TeamsHost } from '../teams-host';
import { themeFromTeams, type ThemeName } from '../theme';

export type SessionState =
  | { readonly phase: 'restoring' }
  | { readonly phase: 'signedOut'; readonly error?: unknown }
  | { readonly phase: 'starting'; readonly user: SignedInUser }
  | { readonly phase: 'ready'; readonly services: TabServices }
  | { readonly phase: 'failed'; readonly error: unknown };

export interface UseTabAppOptions {
  readonly auth: AuthProvider;
  readonly i18n: I18n;
  readonly host?: TeamsHost;
  readonly initialLocale: Locale;
  readonly initialTheme: ThemeName;
  readonly createServices: (user: SignedInUser) => Promise<TabServices>;
  /** Keeps the language and theme chosen in the embedded mode. @defaultvalue window.localStorage */
  readonly storage?: Pick<Storage, 'setItem'>;
}

export const PREF_LOCALE = 'governanceHub.locale';
export const PREF_THEME = 'governanceHub.theme';

export const useTabApp = (options: UseTabAppOptions) => {
  const { auth, i18n, host, createServices } = options;
  const storage = options.storage ?? (typeof localStorage === 'undefined' ? undefined : localStorage);
  const [locale, setLocaleState] = useState<Locale>(options.initialLocale);
  const [theme, setThemeState] = useState<ThemeName>(options.initialTheme);
  const [session, setSession] = useState<SessionState>({ phase: 'restoring' });
  const dir = directionOf(locale);

  const setLocale = useCallback(
    (next: Locale) => {
      setLocaleState(next);
      storage?.setItem(PREF_LOCALE, next);
    },
    [storage],
  );
  const setTheme = useCallback(
    (next: ThemeName) => {
      setThemeState(next);
      storage?.setItem(PREF_THEME, next);
    },
    [storage],
  );

  // i18next and the document follow the language: lang and dir on <html> for screen readers and mirroring.
  useEffect(() => {
    void i18n.changeLanguage(locale);
    if (typeof document !== 'undefined') {
      document.documentElement.lang = locale;
      document.documentElement.dir = dir;
    }
  }, [i18n, locale, dir]);

  // Inside Teams the theme follows Teams, live.
  useEffect(() => {
    host?.onThemeChange((teamsTheme) => setThemeState(themeFromTeams(teamsTheme)));
  }, [host]);

  const start = useCallback(
    async (user: SignedInUser) => {
      setSession({ phase: 'starting', user });
      try {
        setSession({ phase: 'ready', services: await createServices(user) });
      } catch (error) {
        setSession({ phase: 'failed', error });
      }
    },
    [createServices],
  );

  useEffect(() => {
    let cancelled = false;
    void auth.restore().then(
      (user) => {
        if (cancelled) return;
        if (user) void start(user);
        else setSession({ phase: 'signedOut' });
      },
      (error: unknown) => !cancelled && setSession({ phase: 'signedOut', error }),
    );
    return () => {
      cancelled = true;
    };
  }, [auth, start]);

  const signIn = useCallback(
    async (upn?: string) => {
      const user = await auth.signIn(upn);
      await start(user);
    },
    [auth, start],
  );

  const signOut = useCallback(() => {
    void auth.signOut().then(() => setSession({ phase: 'signedOut' }));
  }, [auth]);

  const sessionExpired = useCallback(() => {
    void auth.signOut().then(() => setSession({ phase: 'signedOut', error: new Error('session expired') }));
  }, [auth]);

  return useMemo(
    () => ({ locale, setLocale, theme, setTheme, dir, session, signIn, signOut, sessionExpired }),
    [locale, setLocale, theme, setTheme, dir, session, signIn, signOut, sessionExpired],
  );
};
