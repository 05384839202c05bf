import { useCallback } from 'react';
import { useTab } from '../../../app/tab-context';

/** Navigates inside the governance views: `go('ai', '12')` -> #/governance/ai/12. */
export const useGovNavigate = (): ((...path: string[]) => void) => {
  const tab = useTab();
  return useCallback((...path: string[]) => tab.navigate({ name: 'governance', path }), [tab]);
};
