// The root of the tab: Fluent theme and direction, i18n, session, then the sign-in page or the shell.
import { FluentProvider, Spinner } from '@fluentui/react-components';
import type { i18n as I18n } from 'i18next';
import { useMemo } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { Locale } from '../../domain/schema/types';
import type { AuthProvider, SignedInUser } from '../../client/auth';
import { ErrorMessage } from '../components/ErrorMessage';
import type { RuntimeConfig } from '../../client/runtime-config';
import type { TabServices } from '../services/tab-services';
import { SignInPage } from '../sign-in/SignInPage';
import type { TeamsHost } from '../teams-host';
import { fluentTheme, type ThemeName } from '../theme';
import { AppShell } from './AppShell';
import { TabContext, type TabContextValue } from './tab-context';
import { useTabAppStyles } from './TabApp.styles';
import { useHashRoute } from './use-hash-route';
import { useTabApp } from './useTabApp';

export interface TabAppProps {
  readonly config: RuntimeConfig;
  readonly auth: AuthProvider;
  readonly i18n: I18n;
  /** Builds the data services once signed in (resolves the site, the person's permissions...). */
  readonly createServices: (user: SignedInUser) => Promise<TabServices>;
  /** The Teams host, when running inside Teams. */
  readonly host?: TeamsHost;
  /** @defaultvalue 'en' */
  readonly initialLocale?: Locale;
  /** @defaultvalue 'light' */
  readonly initialTheme?: ThemeName;
}

const Loading = () => {
  const { t } = useTranslation();
  const styles = useTabAppStyles();
  return (
    <div className={styles.centered}>
      <Spinner label={t('loading')} />
    </div>
  );
};

export const TabApp = (props: TabAppProps) => {
  const styles = useTabAppStyles();
  const app = useTabApp({
    auth: props.auth,
    i18n: props.i18n,
    host: props.host,
    initialLocale: props.initialLocale ?? 'en',
    initialTheme: props.initialTheme ?? 'light',
    createServices: props.createServices,
  });
  const [route, navigate] = useHashRoute();
  const { session } = app;

  const context = useMemo<TabContextValue | undefined>(
    () =>
      session.phase === 'ready'
        ? {
            config: props.config,
            services: session.services,
            locale: app.locale,
            setLocale: app.setLocale,
            theme: app.theme,
            setTheme: app.setTheme,
            inTeams: props.host !== undefined,
            navigate,
            signOut: app.signOut,
            sessionExpired: app.sessionExpired,
          }
        : undefined,
    [session, props.config, props.host, app, navigate],
  );

  let body;
  if (session.phase === 'restoring' || session.phase === 'starting') body = <Loading />;
  else if (session.phase === 'signedOut')
    body = (
      <SignInPage
        config={props.config}
        locale={app.locale}
        setLocale={app.setLocale}
        theme={app.theme}
        setTheme={props.host ? undefined : app.setTheme}
        signIn={app.signIn}
        expired={session.error !== undefined}
      />
    );
  else if (session.phase === 'failed')
    body = (
      <main className={styles.centered}>
        <ErrorMessage error={session.error} onRetry={app.signOut} retryLabelKey="errors.signInAgain" />
      </main>
    );
  else if (context)
    body = (
      <TabContext.Provider value={context}>
        <AppShell route={route} />
      </TabContext.Provider>
    );

  return (
    <I18nextProvider i18n={props.i18n}>
      <FluentProvider theme={fluentTheme(app.theme)} dir={app.dir}>
        {/* The page background sits on an inner element: FluentProvider copies its classes to portals. */}
        <div className={styles.root}>{body}</div>
      </FluentProvider>
    </I18nextProvider>
  );
};
