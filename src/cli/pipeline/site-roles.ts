// Demo people's access to the governance site, as SharePoint would hold it: officers own the site (and
// form the group that verifies AI risk tiers), focal points, custodians and owners are members, readers
// visitors. Set through localgraph's admin routes, which emulate SharePoint role assignments.
import type { DemoPerson } from '../seed';
import { setGroupMembers, setSiteRole } from './local-identity';
import type { LocalAdminOptions } from './local-identity';

export const OFFICERS_GROUP = 'Governance officers';

export async function assignDemoSiteRoles(
  options: LocalAdminOptions & { siteId: string; people: readonly DemoPerson[] },
): Promise<Record<'owner' | 'member' | 'visitor', number>> {
  const counts = { owner: 0, member: 0, visitor: 0 };
  const admin: LocalAdminOptions = {
    url: options.url,
    getToken: options.getToken,
    ...(options.fetchImpl ? { fetchImpl: options.fetchImpl } : {}),
  };
  for (const person of options.people) {
    await setSiteRole({ ...admin, siteId: options.siteId, principal: person.email, role: person.siteRole });
    counts[person.siteRole]++;
  }
  await setGroupMembers({
    ...admin,
    group: OFFICERS_GROUP,
    members: options.people.filter((p) => p.persona === 'officer').map((p) => p.email),
  });
  return counts;
}
