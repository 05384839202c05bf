// The governance unit's own lists on the embedded site: provisioned from the domain, and the officers-only
// ones given unique role assignments through localgraph's admin routes (they emulate SharePoint REST
// role assignments, which Graph v1.0 lacks). In a tenant the same permission is set by SharePoint REST
// (see src/tab/views/governance/README.md).
import { MISSIONS, REGION_IDS } from '../../domain/reference';
import { REGISTERS, REGISTER_IDS } from '../../domain/registers';
import {
  GOVERNANCE_LISTS,
  OFFICERS_GROUP,
  REMINDER_OUTCOMES,
  SITE_READERS_GROUP,
} from '../../domain/governance';
import { governanceListRoles, listUsers, provisionGovernanceLists } from '../../graph';
import type { FetchLike } from '../../graph';
import type { GovernanceSite } from './governance-site';
import { setGroupMembers } from './local-identity';
import type { LocalAdminOptions } from './local-identity';

/** The unit's lists plus the reminder bot's outcomes (written by the bot, read by the scorecard). */
const UNIT_LISTS = [...GOVERNANCE_LISTS, REMINDER_OUTCOMES];

export interface GovernanceUnitListsReport {
  readonly created: readonly string[];
  readonly listIds: Readonly<Record<string, string>>;
  readonly restricted: readonly string[];
}

/** `PUT /local/admin/sites/{site}/lists/{list}/roles` with unique role assignments. */
async function setListRoles(
  admin: LocalAdminOptions,
  siteId: string,
  listId: string,
  roles: Readonly<Record<string, string>>,
): Promise<void> {
  const fetchImpl: FetchLike = admin.fetchImpl ?? fetch;
  const path = `/local/admin/sites/${encodeURIComponent(siteId)}/lists/${encodeURIComponent(listId)}/roles`;
  const response = await fetchImpl(`${admin.url}${path}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await admin.getToken()}` },
    body: JSON.stringify({ roles, inheritFromSite: false }),
  });
  if (!response.ok) throw new Error(`PUT ${path} failed with ${response.status}`);
}

/**
 * Idempotent, run on every start: lists, then the readers' group (everyone in the directory, as a
 * tenant's site members and visitors would be), then unique roles on the officers-only lists.
 * The officers' group itself is kept by the demo site roles (site-roles.ts).
 */
export async function provisionGovernanceUnitLists(
  site: GovernanceSite,
  admin: LocalAdminOptions,
): Promise<GovernanceUnitListsReport> {
  const report = await provisionGovernanceLists({
    client: site.client,
    siteId: site.siteId,
    registers: REGISTER_IDS.map((id) => REGISTERS[id]),
    lists: UNIT_LISTS,
    choices: { missions: MISSIONS.map((m) => m.id), regions: [...REGION_IDS] },
  });
  const everyone = (await listUsers(site.client))
    .map((u) => (u.userPrincipalName ?? '').toLowerCase())
    .filter((upn) => upn !== '');
  await setGroupMembers({ ...admin, group: SITE_READERS_GROUP, members: everyone });
  const restricted: string[] = [];
  for (const list of UNIT_LISTS) {
    const roles = governanceListRoles(list, { officers: OFFICERS_GROUP, readers: SITE_READERS_GROUP });
    const listId = report.listIds[list.id];
    if (!roles || !listId) continue;
    await setListRoles(admin, site.siteId, listId, roles);
    restricted.push(list.listName);
  }
  const names = new Set(UNIT_LISTS.map((l) => l.listName));
  return {
    created: report.created.filter((n) => names.has(n)),
    listIds: Object.fromEntries(UNIT_LISTS.map((l) => [l.id, report.listIds[l.id] ?? ''])),
    restricted,
  };
}
