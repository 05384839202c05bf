// What every view may read: configuration, services, language and theme, and navigation.
import { createContext, useContext } from 'react';
import type { Locale } from '../../domain/schema/types';
import type { TabRoute } from '../deep-links';
import type { RuntimeConfig } from '../../client/runtime-config';
import type { TabServices } from '../services/tab-services';
import type { ThemeName } from '../theme';

export interface TabContextValue {
  readonly config: RuntimeConfig;
  readonly services: TabServices;
  readonly locale: Locale;
  readonly setLocale: (locale: Locale) => void;
  readonly theme: ThemeName;
  readonly setTheme: (theme: ThemeName) => void;
  /** True inside Teams: the theme then follows Teams. */
  readonly inTeams: boolean;
  readonly navigate: (route: TabRoute) => void;
  readonly signOut: () => void;
  /** The session ended (401): go back to the sign-in page. */
  readonly sessionExpired: () => void;
}

export const TabContext = createContext<TabContextValue | undefined>(undefined);

export const useTab = (): TabContextValue => {
  const value = useContext(TabContext);
  if (!value) throw new Error('useTab must be used inside <TabContext.Provider>');
  return value;
};
