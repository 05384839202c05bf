// Entry points of the two pages:
//  - /taskpane/ inside Excel: office.js (served from the installed package) provides Excel; the sheet is the real one.
//  - /workbook/ in any browser (embedded mode): the in-memory workbook drawn as a grid, with the same task pane.
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  makeStyles,
  teamsLightTheme,
  tokens,
} from '@fluentui/react-components';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { createAuthProvider, createOfficeDialogPort, officeGlobal } from '../client/auth';
import { createGraphSession } from '../client/graph-session';
import { loadRuntimeConfig, type RuntimeConfig } from '../client/runtime-config';
import type { Locale } from '../domain/schema/types';
import { AddinRoot } from './AddinRoot';
import { MemoryWorkbook } from './excel/memory-workbook';
import { createOfficeWorkbook } from './excel/office-workbook';
import type { WorkbookPort } from './excel/workbook-port';
import { createAddinI18n, resolveLocale } from './i18n';
import { createAddinServices } from './services/addin-services';
import { TaskPane } from './taskpane/TaskPane';
import { WorkbookGrid } from './workbook-page/WorkbookGrid';

const savedLocale = (): string | null => {
  try {
    return localStorage.getItem('governanceHub.addin.locale');
  } catch {
    return null;
  }
};

const fail = (container: HTMLElement, message: string) =>
  createRoot(container).render(
    <FluentProvider theme={teamsLightTheme}>
      <MessageBar intent="error">
        <MessageBarBody>{message}</MessageBarBody>
      </MessageBar>
    </FluentProvider>,
  );

const renderPane = async (
  container: HTMLElement,
  config: RuntimeConfig,
  locale: Locale,
  workbook: WorkbookPort,
  wrap: (pane: ReactNode) => ReactNode,
  office?: OfficeGlobal,
) => {
  const i18n = await createAddinI18n(locale);
  const dialogOffice = officeGlobal();
  const auth = createAuthProvider(config, {
    // The pane keeps its own local demo session, apart from the tab's.
    localStorageKey: 'governanceHub.addin.localSession',
    host: office ? 'office' : 'browser',
    // "Check whether NAA is supported": the NestedAppAuth 1.1 requirement set (learn.microsoft.com/javascript/api/
    // requirement-sets/common/nested-app-auth-requirement-sets); without it, the Office dialog signs in.
    naaSupported: office?.context?.requirements?.isSetSupported('NestedAppAuth', '1.1') ?? false,
    officeDialog: dialogOffice ? createOfficeDialogPort(dialogOffice) : undefined,
  });
  const pane = (current: Locale, setLocale: (l: Locale) => void) => (
    <TaskPane
      workbook={workbook}
      auth={auth}
      services={(a) => createAddinServices(createGraphSession({ config, getToken: () => a.getToken() }))}
      personas={config.personas ?? []}
      locale={current}
      onLocaleChange={setLocale}
    />
  );
  createRoot(container).render(
    <StrictMode>
      <AddinRoot i18n={i18n} locale={locale}>
        {(current, setLocale) => wrap(pane(current, setLocale))}
      </AddinRoot>
    </StrictMode>,
  );
};

// On a narrow screen the pane goes above the sheet (side by side, the sheet would be a sliver next to it).
const NARROW = '@media (max-width: 720px)';
const useLocalPageStyles = makeStyles({
  page: {
    display: 'flex',
    height: '100vh',
    backgroundColor: tokens.colorNeutralBackground3,
    [NARROW]: { flexDirection: 'column-reverse', height: 'auto', minHeight: '100vh' },
  },
  sheet: { flexGrow: 1, minWidth: 0, [NARROW]: { height: '60vh', flexGrow: 0 } },
  pane: {
    width: '380px',
    flexShrink: 0,
    borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    boxShadow: tokens.shadow8,
    [NARROW]: { width: 'auto', borderLeft: 'none' },
  },
});

const LocalPage = ({ workbook, pane }: { workbook: MemoryWorkbook; pane: ReactNode }) => {
  const styles = useLocalPageStyles();
  return (
    <div className={styles.page}>
      <WorkbookGrid workbook={workbook} className={styles.sheet} />
      <aside className={styles.pane} aria-label="Governance Hub">
        {pane}
      </aside>
    </div>
  );
};

/** /workbook/: the embedded journey in any browser. */
export const bootLocalWorkbook = async (container: HTMLElement): Promise<void> => {
  let config: RuntimeConfig;
  try {
    config = await loadRuntimeConfig();
  } catch (error) {
    fail(
      container,
      `Governance Hub could not read its configuration (${(error as Error).message}). Reload the page.`,
    );
    return;
  }
  const query = new URLSearchParams(location.search);
  const locale = resolveLocale(query.get('lang') ?? savedLocale() ?? navigator.language);
  const workbook = new MemoryWorkbook();
  await renderPane(container, config, locale, workbook, (pane) => (
    <LocalPage workbook={workbook} pane={pane} />
  ));
};

interface OfficeGlobal {
  onReady(): Promise<{ host: string | null }>;
  context?: {
    displayLanguage?: string;
    requirements?: { isSetSupported(name: string, version?: string): boolean };
  };
}

/** /taskpane/ inside Excel (office.js is loaded by the page from /office-js/office.js). */
export const bootTaskpane = async (container: HTMLElement): Promise<void> => {
  const office = (globalThis as unknown as { Office?: OfficeGlobal }).Office;
  const info = office ? await office.onReady() : { host: null };
  let config: RuntimeConfig;
  try {
    config = await loadRuntimeConfig();
  } catch (error) {
    fail(container, `Governance Hub could not read its configuration (${(error as Error).message}).`);
    return;
  }
  const locale = resolveLocale(savedLocale() ?? office?.context?.displayLanguage ?? navigator.language);
  if (info.host !== 'Excel') {
    fail(
      container,
      'This page is the Excel task pane: open it from the Governance Hub button in Excel. Outside Excel, use /workbook/ (the local workbook).',
    );
    return;
  }
  await renderPane(
    container,
    config,
    locale,
    createOfficeWorkbook(),
    (pane) => <div style={{ height: '100vh' }}>{pane}</div>,
    office,
  );
};
