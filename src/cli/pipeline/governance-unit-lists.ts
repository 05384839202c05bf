// The governance unit's own lists on the embedded site: provisioned from the domain, and the officers-only
// ones given unique role assignments through localgraph's admin routes (they emulate SharePoint REST
// role assignments, which Graph v1.0 lacks). In a tenant `provision --tenant` creates the lists and prints
// the SharePoint REST follow-up (scripts/set-officers-permission.ts) for the same permission.
import { MISSIONS, REGION_IDS } from '../../domain/reference';
import { REGISTERS, REGISTER_IDS } from '../../domain/registers';
import { GOVERNANCE_LISTS, OFFICERS_GROUP, SITE_READERS_GROUP } from '../../domain/governance';
import { governanceListRoles, listUsers, provisionGovernanceLists } from '../../graph';
import type { FetchLike, ProvisionReport } from '../../graph';
import type { GovernanceSite } from './governance-site';
import { setGroupMembers } from './local-identity';
import type { LocalAdminOptions } from './local-identity';

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

/** The lists SharePoint must restrict to the officers (unique role assignments). */
export const officersOnlyListNames = (): string[] =>
  GOVERNANCE_LISTS.filter((l) => l.writers === 'officers').map((l) => l.listName);

/**
 * The lists alone, through Graph: what `provision --tenant` can do in a tenant, where list permissions
 * need SharePoint REST (scripts/set-officers-permission.ts). Idempotent.
 */
export async function createGovernanceUnitLists(
  site: GovernanceSite,
  options: { dryRun?: boolean } = {},
): Promise<{ report: ProvisionReport; listIds: Readonly<Record<string, string>> }> {
  const report = await provisionGovernanceLists({
    client: site.client,
    siteId: site.siteId,
    registers: REGISTER_IDS.map((id) => REGISTERS[id]),
    lists: GOVERNANCE_LISTS,
    choices: { missions: MISSIONS.map((m) => m.id), regions: [...REGION_IDS] },
    ...(options.dryRun ? { dryRun: true } : {}),
  });
  return {
    report,
    listIds: Object.fromEntries(GOVERNANCE_LISTS.map((l) => [l.id, report.listIds[l.id] ?? ''])),
  };
}

/** The exact command a site owner runs after `provision --tenant` (a delegated SharePoint token). */
export function officersPermissionFollowUp(options: { envName: string }): string[] {
  const lists = officersOnlyListNames();
  return [
    `Next: only the governance officers may write ${lists.join(' and ')}. Graph v1.0 cannot set list`,
    'permissions; a site owner or SharePoint administrator runs, with a delegated SharePoint token',
    '(docs/deploy.md step 9):',
    '  read -rs SHAREPOINT_ADMIN_TOKEN && export SHAREPOINT_ADMIN_TOKEN',
    `  npx tsx scripts/set-officers-permission.ts --env ${options.envName} --officers-group-id <object id of Governance officers> --dry-run`,
    `  npx tsx scripts/set-officers-permission.ts --env ${options.envName} --officers-group-id <object id of Governance officers>`,
    '  unset SHAREPOINT_ADMIN_TOKEN',
  ];
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
  const { report } = await createGovernanceUnitLists(site);
  const everyone = (await listUsers(site.client))
    .map((u) => (u.userPrincipalName ?? '').toLowerCase())
    .filter((upn) => upn !== '');
  await setGroupMembers({ ...admin, group: SITE_READERS_GROUP, members: everyone });
  const restricted: string[] = [];
  for (const list of GOVERNANCE_LISTS) {
    const roles = governanceListRoles(list, { officers: OFFICERS_GROUP, readers: SITE_READERS_GROUP });
    const listId = report.listIds[list.id];
    if (!roles || !listId) continue;
    await setListRoles(admin, site.siteId, listId, roles);
    restricted.push(list.listName);
  }
  const names = new Set(GOVERNANCE_LISTS.map((l) => l.listName));
  return {
    created: report.created.filter((n) => names.has(n)),
    listIds: Object.fromEntries(GOVERNANCE_LISTS.map((l) => [l.id, report.listIds[l.id] ?? ''])),
    restricted,
  };
}
