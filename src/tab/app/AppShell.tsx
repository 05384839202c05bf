// The frame around every view: title, navigation, display settings, the signed-in person.
import { Button, Caption1, Tab, TabList, Text } from '@fluentui/react-components';
import { Suspense, lazy, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ConnectionBanner } from '../components/ConnectionBanner';
import { DisplaySettings } from '../components/DisplaySettings';
import { LoadingState } from '../components/LoadingState';
import type { TabRoute } from '../deep-links';
import { GOVERNANCE_NAV_LABEL } from '../views/governance/i18n/nav-label';
import { useAppShellStyles } from './AppShell.styles';
import { useTab } from './tab-context';

// Views load on demand (after sign-in), so the first load stays small: the sign-in page needs none of them.
const MyRecords = lazy(() => import('../views/mine/MyRecords').then((m) => ({ default: m.MyRecords })));
const BrowseView = lazy(() => import('../views/browse/BrowseView').then((m) => ({ default: m.BrowseView })));
const RecordPage = lazy(() => import('../views/record/RecordPage').then((m) => ({ default: m.RecordPage })));
const GovernanceView = lazy(() =>
  import('../views/governance/GovernanceView').then((m) => ({ default: m.GovernanceView })),
);

export interface AppShellProps {
  readonly route: TabRoute;
}

export const AppShell = ({ route }: AppShellProps) => {
  const { t } = useTranslation();
  const styles = useAppShellStyles();
  const tab = useTab();
  const mainRef = useRef<HTMLElement>(null);
  // The list a record was opened from, for its Back link.
  const listRoute = useRef<TabRoute>({ name: 'mine' });
  if (route.name !== 'record') listRoute.current = route;
  const selected = route.name === 'browse' || route.name === 'governance' ? route.name : 'mine';

  return (
    <div className={styles.root}>
      <Button className={styles.skip} appearance="primary" onClick={() => mainRef.current?.focus()}>
        {t('app.skipToContent')}
      </Button>
      <header className={styles.header}>
        <Text as="h1" size={500} weight="semibold" className={styles.title}>
          {t('app.title')}
        </Text>
        <nav className={styles.nav} aria-label={t('app.mainNav')}>
          <TabList
            selectedValue={selected}
            onTabSelect={(_e, data) =>
              tab.navigate(
                data.value === 'governance'
                  ? { name: 'governance', path: [] }
                  : { name: data.value === 'browse' ? 'browse' : 'mine' },
              )
            }
          >
            <Tab value="mine">{t('app.myRecords')}</Tab>
            <Tab value="browse">{t('app.browse')}</Tab>
            <Tab value="governance">{GOVERNANCE_NAV_LABEL[tab.locale]}</Tab>
          </TabList>
        </nav>
        <div className={styles.user}>
          <DisplaySettings
            locale={tab.locale}
            setLocale={tab.setLocale}
            theme={tab.theme}
            setTheme={tab.inTeams ? undefined : tab.setTheme}
          />
          <Caption1 data-testid="signed-in-user">
            {t('app.signedInAs', { name: tab.services.me.displayName })}
          </Caption1>
          {tab.config.authMode === 'local' ? (
            <Button appearance="subtle" onClick={tab.signOut}>
              {t('app.signOut')}
            </Button>
          ) : null}
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className={styles.main}>
        <ConnectionBanner services={tab.services} />
        <Suspense fallback={<LoadingState />}>
          {route.name === 'mine' ? <MyRecords /> : null}
          {route.name === 'browse' ? <BrowseView /> : null}
          {route.name === 'governance' ? <GovernanceView path={route.path} /> : null}
          {route.name === 'record' ? (
            <RecordPage
              key={`${route.ref.register}/${route.ref.id}`}
              recordRef={route.ref}
              view={route.view}
              backTo={listRoute.current}
            />
          ) : null}
        </Suspense>
      </main>
    </div>
  );
};
