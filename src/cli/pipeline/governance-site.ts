// The governance site and its three registers, through src/graph: find the site, provision the lists,
// open a repository per register. Used by start, provision, seed and export, in both modes.
import { MISSIONS, REGION_IDS } from '../../domain/reference';
import { REGISTERS, REGISTER_IDS } from '../../domain/registers';
import type { RegisterId } from '../../domain/schema/types';
import {
  createRegisterRepository,
  createSiteUserDirectory,
  findList,
  getSiteByPath,
  listPath,
  provisionRegisters,
} from '../../graph';
import type { GraphClient, ProvisionReport, RegisterRepository, SiteUserDirectory } from '../../graph';

export interface GovernanceSite {
  readonly client: GraphClient;
  readonly siteId: string;
  readonly webUrl: string;
}

export async function openGovernanceSite(options: {
  client: GraphClient;
  hostname: string;
  sitePath: string;
}): Promise<GovernanceSite> {
  const site = await getSiteByPath(options.client, options.hostname, options.sitePath);
  if (!site.id) throw new Error(`Site ${options.hostname}${options.sitePath} has no id`);
  return { client: options.client, siteId: site.id, webUrl: site.webUrl ?? '' };
}

/**
 * Idempotent: creates missing lists and columns, migrates lists of an older schema version (resumable),
 * leaves the rest. `dryRun` reads the site and reports the plan without writing.
 */
export async function provisionGovernanceSite(
  site: GovernanceSite,
  options: { dryRun?: boolean } = {},
): Promise<ProvisionReport> {
  return provisionRegisters({
    client: site.client,
    siteId: site.siteId,
    schemas: REGISTER_IDS.map((id) => REGISTERS[id]),
    choices: { missions: MISSIONS.map((m) => m.id), regions: [...REGION_IDS] },
    ...(options.dryRun ? { dryRun: true } : {}),
  });
}

/** List ids of the registers that exist (after provisioning they all do). */
export async function registerListIds(site: GovernanceSite): Promise<Partial<Record<RegisterId, string>>> {
  const ids: Partial<Record<RegisterId, string>> = {};
  for (const id of REGISTER_IDS) {
    const list = await findList(site.client, site.siteId, REGISTERS[id].listName);
    if (list?.id) ids[id] = list.id;
  }
  return ids;
}

export interface Registers {
  readonly people: SiteUserDirectory;
  readonly repositories: Readonly<Record<RegisterId, RegisterRepository>>;
  readonly listIds: Readonly<Record<RegisterId, string>>;
}

export function openRegisters(
  site: GovernanceSite,
  listIds: Readonly<Record<RegisterId, string>>,
): Registers {
  const people = createSiteUserDirectory(site.client, site.siteId);
  const repository = (id: RegisterId) =>
    createRegisterRepository({
      client: site.client,
      siteId: site.siteId,
      listId: listIds[id],
      schema: REGISTERS[id],
      people,
    });
  return {
    people,
    listIds,
    repositories: {
      dataInventory: repository('dataInventory'),
      aiRegistry: repository('aiRegistry'),
      riskRegister: repository('riskRegister'),
    },
  };
}

/** One `GET items?$top=1`: cheaper than listing a register to learn whether it is empty. */
export async function isListEmpty(site: GovernanceSite, listId: string): Promise<boolean> {
  const response = await site.client.request<{ value?: unknown[] }>(
    'GET',
    `${listPath(site.siteId, listId)}/items`,
    { query: { $top: 1, $select: 'id' } },
  );
  return (response.body?.value ?? []).length === 0;
}

export function provisionSummary(report: ProvisionReport): string[] {
  const lines: string[] = [];
  const verb = (done: string, planned: string) => (report.dryRun ? planned : done).padEnd(9);
  for (const name of report.created) lines.push(`  ${verb('created', 'create')} ${name}`);
  for (const migration of report.migrations) {
    lines.push(
      `  ${verb('migrated', 'migrate')} ${migration.list} to schema version ${migration.toVersion}:`,
    );
    for (const step of migration.steps) lines.push(`      - ${step.description}`);
    if (!report.dryRun && !migration.complete) {
      lines.push('      ! not every value is copied yet (items changed meanwhile): run provision again');
    }
    if (migration.notLinkable > 0) {
      lines.push(
        `      ! ${migration.notLinkable} copied URL(s) are not accepted links: they show as text until fixed`,
      );
    }
  }
  for (const added of report.addedColumns)
    lines.push(`  ${verb('updated', 'update')} ${added.list} (+${added.columns.join(', ')})`);
  for (const name of report.unchanged) lines.push(`  unchanged ${name}`);
  return lines;
}
