// How governance views reach their services: over the tab's own Graph session (TabServices.session, one client
// and one site id per signed-in person); tests provide a whole GovernanceServices (GovernanceServicesContext).
import { createContext, useContext, useMemo } from 'react';
import { useTab } from '../../../app/tab-context';
import { createGraphGovernanceServices } from './graph-governance-services';
import type { GovernanceServices } from './governance-services';

export const GovernanceServicesContext = createContext<GovernanceServices | undefined>(undefined);

export const useGovernanceServices = (): GovernanceServices => {
  const given = useContext(GovernanceServicesContext);
  const tab = useTab();
  const built = useMemo(() => {
    if (given) return undefined;
    const session = tab.services.session;
    if (!session)
      throw new Error(
        'Governance views need the tab services’ Graph session (or a GovernanceServicesContext)',
      );
    return createGraphGovernanceServices({
      session,
      me: { email: tab.services.me.upn, displayName: tab.services.me.displayName },
      actor: tab.services.actor,
      actorFor: (record) => tab.services.actorFor(record),
    });
  }, [given, tab.services]);
  return given ?? (built as GovernanceServices);
};
