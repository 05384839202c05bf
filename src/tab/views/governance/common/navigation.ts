import { useCallback } from 'react';
import { useTab } from '../../../app/tab-context';
import { routeHash, type TabRoute } from '../../../deep-links';

/** Navigates inside the governance views: `go('ai', '12')` -> #/governance/ai/12. */
export const useGovNavigate = (): ((...path: string[]) => void) => {
  const tab = useTab();
  return useCallback((...path: string[]) => tab.navigate({ name: 'governance', path }), [tab]);
};

/** The in-app hash of a governance view, for real links (open in a new tab, screen-reader "link"). */
export const govHref = (...path: string[]): string => routeHash({ name: 'governance', path });

/** The in-app hash of any tab route. */
export const routeHref = (route: TabRoute): string => routeHash(route);
