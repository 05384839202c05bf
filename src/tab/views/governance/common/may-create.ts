// Whether the governance views offer "register a system", "new risk" and "assessment": to officers and focal
// points (GovernanceRoles), and to custodians of any record. A reader sees no create buttons; SharePoint would
// refuse the write anyway (visitors cannot add items), the UI only mirrors it.
import { useMemo } from 'react';
import type { GovernanceData, GovernanceServices } from '../services/governance-services';

export const mayCreateRecords = (services: GovernanceServices, data: GovernanceData | undefined): boolean => {
  const roles = services.actorFor().roles;
  if (roles.includes('officer') || roles.includes('focalPoint')) return true;
  const records = [...(data?.assets ?? []), ...(data?.systems ?? [])];
  return records.some((record) => services.actorFor(record).roles.includes('custodian'));
};

export const useMayCreateRecords = (
  services: GovernanceServices,
  data: GovernanceData | undefined,
): boolean => useMemo(() => mayCreateRecords(services, data), [services, data]);
