// The seeding step shared by `start` (first run) and `seed`: generate, create people, grant site roles,
// write the records, all through Graph and the local admin routes.
import { REGISTERS } from '../../domain/registers';
import type { RegisterId } from '../../domain/schema/types';
import { openRoleAssignments, writeRoleAssignments } from '../../graph';
import type { FetchLike } from '../../graph';
import { DEFAULT_SEED, demoRoleAssignments, generateDemoData } from '../seed';
import type { DemoData } from '../seed';
import {
  clearRegisters,
  ensureDemoUsers,
  ensureOnSite,
  peopleInPersonColumns,
  writeDemoRecords,
} from './demo-writer';
import type { RegisterWriteReport, UsersReport } from './demo-writer';
import type { GovernanceSite, Registers } from './governance-site';
import { createGovernanceUnitLists } from './governance-unit-lists';
import { localSharePointRest } from './sharepoint-token';
import { assignDemoSiteRoles } from './site-roles';

export interface SeedDemoOptions {
  readonly site: GovernanceSite;
  readonly registers: Registers;
  /** The embedded Graph's URL and admin token, for the site-role routes. */
  readonly local: {
    readonly url: string;
    readonly getToken: () => Promise<string>;
    readonly fetchImpl?: FetchLike;
  };
  /** 'YYYY-MM-DD': health is relative to it. */
  readonly today: string;
  readonly seed?: string;
  readonly emailDomain: string;
  readonly reset?: boolean;
  readonly onProgress?: (message: string) => void;
}

export interface SeedDemoReport {
  readonly data: DemoData;
  readonly removed?: Record<RegisterId, number>;
  readonly users: UsersReport;
  readonly roles: Record<'owner' | 'member' | 'visitor', number>;
  /** People made known to the site (SharePoint REST ensureuser) before person columns name them. */
  readonly ensured: number;
  /** GovernanceRoles items written (0 when the list is not provisioned). */
  readonly assignments: number;
  readonly registers: readonly RegisterWriteReport[];
}

export async function seedDemo(options: SeedDemoOptions): Promise<SeedDemoReport> {
  const progress = options.onProgress ?? (() => undefined);
  const data = generateDemoData({
    seed: options.seed ?? DEFAULT_SEED,
    today: options.today,
    emailDomain: options.emailDomain,
    siteHostname: new URL(options.site.webUrl || 'https://contoso.sharepoint.com').hostname,
  });
  const removed = options.reset ? await clearRegisters(options.registers) : undefined;
  if (removed) progress(`removed ${Object.values(removed).reduce((a, b) => a + b, 0)} existing items`);

  const users = await ensureDemoUsers(options.site, data.people);
  progress(`people: ${users.created} created, ${users.existing} already in the directory`);
  const roles = await assignDemoSiteRoles({
    ...options.local,
    siteId: options.site.siteId,
    people: data.people,
  });
  progress(`site roles: ${roles.owner} owners, ${roles.member} members, ${roles.visitor} visitors`);
  // The site knows only people who visited it or were ensured: ensure everyone a person column will name.
  const siteUrl = new URL(options.site.webUrl || 'https://contoso.sharepoint.com/sites/governance');
  const sharePoint = await localSharePointRest({
    url: options.local.url,
    getToken: options.local.getToken,
    hostname: siteUrl.hostname,
    sitePath: siteUrl.pathname,
    ...(options.local.fetchImpl ? { fetchImpl: options.local.fetchImpl } : {}),
  });
  const named = new Set([
    ...peopleInPersonColumns(data),
    ...demoRoleAssignments(data.people).map((a) => a.email.toLowerCase()),
  ]);
  const ensured = await ensureOnSite(sharePoint, [...named].sort());
  progress(`site users: ${ensured} ensured`);
  // New people reached the site's User Information List: reload it before resolving person fields.
  options.registers.people.invalidate();
  const assignments = await seedRoleAssignments(options.site, data);
  progress(`governance roles: ${assignments} assignments`);

  let lastShown = '';
  const registers = await writeDemoRecords(options.registers, data, {
    onProgress: (register, done, total) => {
      // Progress every 100 items keeps the output short.
      const line = `${REGISTERS[register].displayName.en}: ${done}/${total}`;
      if ((done % 100 === 0 || done === total) && line !== lastShown) {
        lastShown = line;
        progress(line);
      }
    },
  });
  return { data, ...(removed ? { removed } : {}), users, roles, ensured, assignments, registers };
}

/**
 * The demo people's GovernanceRoles on a site seeded before that list existed (idempotent: nothing is
 * written when the assignments are already there). The people are regenerated from the same seed.
 */
export async function ensureDemoRoleAssignments(
  options: Pick<SeedDemoOptions, 'site' | 'today' | 'emailDomain' | 'seed'>,
): Promise<number> {
  const data = generateDemoData({
    seed: options.seed ?? DEFAULT_SEED,
    today: options.today,
    emailDomain: options.emailDomain,
    siteHostname: new URL(options.site.webUrl || 'https://contoso.sharepoint.com').hostname,
  });
  return seedRoleAssignments(options.site, data);
}

/** The demo focal points and officers into GovernanceRoles (idempotent); 0 when the list is missing. */
async function seedRoleAssignments(site: GovernanceSite, data: DemoData): Promise<number> {
  // On a first `start` the unit lists come after seeding: create them now (idempotent, Graph only).
  await createGovernanceUnitLists(site);
  const repository = await openRoleAssignments(site.client, site.siteId);
  if (!repository) return 0;
  const assignments = demoRoleAssignments(data.people);
  const result = await writeRoleAssignments(repository, assignments);
  if (result.failed.length > 0) {
    const first = result.failed[0];
    throw new Error(`GovernanceRoles: ${result.failed.length} not written (${first?.key}: ${first?.reason})`);
  }
  return assignments.length;
}

export function seedSummary(report: SeedDemoReport): string[] {
  const lines = report.registers.map((r) => {
    const gaps = r.withGaps > 0 ? ` (${r.withGaps} deliberately incomplete)` : '';
    const rejected = r.rejected.length > 0 ? `, ${r.rejected.length} REJECTED` : '';
    return `  ${REGISTERS[r.register].displayName.en.padEnd(15)} ${String(r.created).padStart(5)} items${gaps}${rejected}`;
  });
  for (const r of report.registers) {
    for (const rejected of r.rejected.slice(0, 5)) lines.push(`    ${rejected.key}: ${rejected.message}`);
  }
  return [
    `  People          ${String(report.data.people.length).padStart(5)} (${report.users.created} new)`,
    ...lines,
  ];
}
