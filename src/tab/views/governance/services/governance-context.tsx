// How governance views reach their services. main.tsx provides the token source (governance-host.ts);
// tests provide a whole GovernanceServices (GovernanceServicesContext).
import { createContext, useContext, useMemo } from 'react';
import { useTab } from '../../../app/tab-context';
import { createGraphGovernanceServices } from './graph-governance-services';
import { GovernanceHostContext } from './governance-host';
import type { GovernanceServices } from './governance-services';

export const GovernanceServicesContext = createContext<GovernanceServices | undefined>(undefined);

export const useGovernanceServices = (): GovernanceServices => {
  const given = useContext(GovernanceServicesContext);
  const host = useContext(GovernanceHostContext);
  const tab = useTab();
  const built = useMemo(() => {
    if (given) return undefined;
    if (!host) throw new Error('Governance views need a GovernanceHostContext (see main.tsx)');
    return createGraphGovernanceServices({
      graphBaseUrl: tab.config.graphBaseUrl,
      siteHostname: tab.config.siteHostname,
      sitePath: tab.config.sitePath,
      getToken: host.getToken,
      me: { email: tab.services.me.upn, displayName: tab.services.me.displayName },
      actor: tab.services.actor,
    });
  }, [given, host, tab.config, tab.services]);
  return given ?? (built as GovernanceServices);
};
