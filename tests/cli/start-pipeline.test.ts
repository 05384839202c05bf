// The `start` pipeline pieces end to end: localgraph on an ephemeral port, provisioning, seeding
// through Graph, site roles; then counts and values read back through src/graph.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REGISTER_IDS } from '../../src/domain/registers';
import type { RegisterId } from '../../src/domain/schema/types';
import { createGraphClient, getUser, listItems, readRoleAssignments } from '../../src/graph';
import { actorFor } from '../../src/domain/roles';
import { provisionGovernanceUnitLists } from '../../src/cli/pipeline/governance-unit-lists';
import { startLocalGraph } from '../../src/localgraph';
import type { LocalGraphHandle } from '../../src/localgraph';
import {
  isListEmpty,
  openGovernanceSite,
  openRegisters,
  provisionGovernanceSite,
} from '../../src/cli/pipeline/governance-site';
import type { GovernanceSite, Registers } from '../../src/cli/pipeline/governance-site';
import { adminTokenProvider, localTokenProvider } from '../../src/cli/pipeline/local-identity';
import { seedDemo } from '../../src/cli/pipeline/seed-demo';
import type { SeedDemoReport } from '../../src/cli/pipeline/seed-demo';

const SECRET = 'test-admin-secret';
const TODAY = '2026-11-24';

describe('start pipeline (localgraph + provision + seed)', () => {
  let dir: string;
  let graph: LocalGraphHandle;
  let site: GovernanceSite;
  let registers: Registers;
  let getToken: () => Promise<string>;
  let seeded: SeedDemoReport;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gh-cli-'));
    graph = await startLocalGraph({
      dbPath: join(dir, 'graph.db'),
      port: 0,
      hostname: 'contoso.sharepoint.com',
      sites: [{ path: 'governance', displayName: 'Governance Hub' }],
      adminSecret: SECRET,
    });
    getToken = adminTokenProvider({ url: graph.url, adminSecret: SECRET });
    const client = createGraphClient({ baseUrl: graph.url, getToken });
    site = await openGovernanceSite({
      client,
      hostname: 'contoso.sharepoint.com',
      sitePath: '/sites/governance',
    });
    const report = await provisionGovernanceSite(site);
    expect(report.created).toEqual(['DataInventory', 'AiRegistry', 'RiskRegister']);
    registers = openRegisters(site, report.listIds as Record<RegisterId, string>);
    expect(await isListEmpty(site, registers.listIds.dataInventory)).toBe(true);
    seeded = await seedDemo({
      site,
      registers,
      local: { url: graph.url, getToken },
      today: TODAY,
      emailDomain: 'contoso.org',
    });
  });

  afterAll(async () => {
    await graph?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes every generated record, none rejected', async () => {
    for (const register of seeded.registers) {
      expect(register.rejected).toEqual([]);
      expect(register.created).toBe(seeded.data.records[register.register].length);
    }
    for (const id of REGISTER_IDS) {
      const items = await listItems(site.client, site.siteId, registers.listIds[id], {
        select: ['Title'],
        top: 1000,
      });
      expect(items).toHaveLength(seeded.data.records[id].length);
    }
    expect(await isListEmpty(site, registers.listIds.dataInventory)).toBe(false);
  });

  it('reads records back as domain values, people and links included', async () => {
    const assets = await registers.repositories.dataInventory.list({ top: 1000 });
    const amina = assets.filter((r) => r.values.custodian === 'amina.diallo@contoso.org');
    expect(amina.length).toBeGreaterThan(3);
    const systems = await registers.repositories.aiRegistry.list();
    const assetIds = new Set(assets.map((a) => a.id));
    const linked = systems.flatMap((s) => (Array.isArray(s.values.dataAssets) ? s.values.dataAssets : []));
    expect(linked.length).toBeGreaterThan(0);
    for (const id of linked) expect(assetIds.has(id)).toBe(true);
  });

  it('creates the demo people in the directory, who can sign in', async () => {
    expect(seeded.users.created).toBe(seeded.data.people.length);
    const user = await getUser(site.client, 'layla.mansour@contoso.org');
    expect(user.displayName).toBe('ليلى منصور');
    expect(user.preferredLanguage).toBe('ar-SA');
    const asAmina = localTokenProvider({ url: graph.url, credentials: { upn: 'amina.diallo@contoso.org' } });
    expect((await asAmina()).split('.')).toHaveLength(3);
  });

  it('grants site roles: readers can read but not write', async () => {
    expect(seeded.roles.visitor).toBeGreaterThan(0);
    const asReader = createGraphClient({
      baseUrl: graph.url,
      getToken: localTokenProvider({ url: graph.url, credentials: { upn: 'layla.mansour@contoso.org' } }),
    });
    const readerSite = await openGovernanceSite({
      client: asReader,
      hostname: 'contoso.sharepoint.com',
      sitePath: '/sites/governance',
    });
    const readerRegisters = openRegisters(readerSite, registers.listIds);
    const risks = await readerRegisters.repositories.riskRegister.list();
    expect(risks.length).toBe(seeded.data.records.riskRegister.length);
    const first = risks[0];
    await expect(
      readerRegisters.repositories.riskRegister.update(
        String(first?.id),
        { actions: 'x' },
        String(first?.eTag),
      ),
    ).rejects.toMatchObject({ status: 403 });
  });

  it('writes the demo focal points and officers into GovernanceRoles, readable by everyone', async () => {
    const expected = seeded.data.people.filter((p) => p.persona === 'focalPoint' || p.persona === 'officer');
    expect(seeded.assignments).toBe(expected.length);
    const unit = await provisionGovernanceUnitLists(site, { url: graph.url, getToken });
    expect(unit.restricted).toContain('GovernanceRoles');
    const asReader = createGraphClient({
      baseUrl: graph.url,
      getToken: localTokenProvider({ url: graph.url, credentials: { upn: 'layla.mansour@contoso.org' } }),
    });
    const assignments = await readRoleAssignments(asReader, site.siteId);
    expect(assignments).toHaveLength(expected.length);
    expect(actorFor('carlos.mendoza@contoso.org', assignments)).toMatchObject({
      roles: ['focalPoint'],
      missions: ['colombia'],
    });
    expect(actorFor('grace.okafor@contoso.org', assignments).roles).toEqual(['officer']);
    expect(actorFor('layla.mansour@contoso.org', assignments).roles).toEqual(['reader']);
  });

  it('is idempotent on the next start: provisioning changes nothing', async () => {
    const again = await provisionGovernanceSite(site);
    expect(again.created).toEqual([]);
    expect(again.unchanged).toEqual(['DataInventory', 'AiRegistry', 'RiskRegister']);
  });
});
