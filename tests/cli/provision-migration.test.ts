// Schema v1 -> v2 migration: a site provisioned by the previous schema (single URLs in hyperlink columns,
// as v1 created them) with the demo data in it, brought to the current schema by `npm run provision`:
// the plan first (--dry-run writes nothing), then an interrupted run (the network fails mid-copy), then
// two real runs. Nothing may be lost; the second run has nothing to do.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { createMemoryOutput } from '../../src/cli/output';
import { writeDemoRecords, ensureDemoUsers } from '../../src/cli/pipeline/demo-writer';
import { openGovernanceSite, provisionGovernanceSite } from '../../src/cli/pipeline/governance-site';
import type { GovernanceSite, Registers } from '../../src/cli/pipeline/governance-site';
import { adminTokenProvider } from '../../src/cli/pipeline/local-identity';
import { readSchemaVersions, schemaVersionKey } from '../../src/cli/pipeline/schema-versions';
import { createGovernanceUnitLists } from '../../src/cli/pipeline/governance-unit-lists';
import { assignDemoSiteRoles } from '../../src/cli/pipeline/site-roles';
import { generateDemoData } from '../../src/cli/seed';
import { MISSIONS, REGION_IDS } from '../../src/domain/reference';
import { DATA_INVENTORY, REGISTERS } from '../../src/domain/registers';
import type { RegisterId, RegisterSchema } from '../../src/domain/schema/types';
import {
  addColumn,
  createGraphClient,
  createRegisterRepository,
  createSiteUserDirectory,
  listColumns,
  listItems,
  provisionRegisters,
} from '../../src/graph';
import type { FetchLike, RegisterRepository } from '../../src/graph';
import { startLocalGraph } from '../../src/localgraph';
import type { LocalGraphHandle } from '../../src/localgraph';

const repoRoot = join(__dirname, '..', '..');
const SECRET = 'local-dev-admin-secret';
const HOST = 'contoso.sharepoint.com';
const TODAY = '2026-11-24';

/** v1 of the Data inventory: the two single URLs were hyperlinkOrPicture columns named system and dataSharingAgreement. */
const V1_MOVED = [
  { v1: 'system', v2: 'systemUrl', displayName: 'System or URL' },
  { v1: 'dataSharingAgreement', v2: 'sharingAgreementUrl', displayName: 'Data sharing agreement' },
] as const;
const V1_DATA_INVENTORY: RegisterSchema = {
  ...DATA_INVENTORY,
  version: 1,
  migrations: [],
  fields: DATA_INVENTORY.fields.filter((f) => !V1_MOVED.some((m) => m.v2 === f.name)),
};

let root: string;
let dbPath: string;
const env = () => ({ DATA_DIR: join(root, 'data'), LOCALGRAPH_PORT: '0' });
/** Demo key -> the URLs v1 held for it, and the item id. */
const expected = new Map<string, { id?: string; urls: Record<string, string> }>();
let dataInventoryId: string;

async function openLocal(fetchImpl?: FetchLike): Promise<{ graph: LocalGraphHandle; site: GovernanceSite }> {
  const graph = await startLocalGraph({
    dbPath,
    port: 0,
    hostname: HOST,
    sites: [{ path: 'governance', displayName: 'Governance Hub' }],
    adminSecret: SECRET,
  });
  const getToken = adminTokenProvider({ url: graph.url, adminSecret: SECRET });
  const client = createGraphClient({ baseUrl: graph.url, getToken, ...(fetchImpl ? { fetchImpl } : {}) });
  const site = await openGovernanceSite({ client, hostname: HOST, sitePath: '/sites/governance' });
  return { graph, site };
}

const provisionCli = async (...args: string[]) => {
  const out = createMemoryOutput();
  const code = await runCli({ argv: ['provision', ...args], output: out, rootDir: root, processEnv: env() });
  return { code, text: [...out.lines, ...out.errors].join('\n') };
};

/** The Data inventory as it is: columns (hidden ones included) and every item's old and new URL values. */
async function snapshot() {
  const { graph, site } = await openLocal();
  try {
    const columns = await listColumns(site.client, site.siteId, dataInventoryId, { includeHidden: true });
    const items = await listItems(site.client, site.siteId, dataInventoryId, {
      select: ['Title', 'clientKey', ...V1_MOVED.flatMap((m) => [m.v1, m.v2])],
      top: 1000,
    });
    return { columns, items };
  } finally {
    await graph.close();
  }
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'gh-migrate-'));
  mkdirSync(join(root, 'env'));
  mkdirSync(join(root, 'data'));
  copyFileSync(join(repoRoot, 'env', '.env.local'), join(root, 'env', '.env.local'));
  dbPath = join(root, 'data', 'graph.db');

  // A site provisioned by schema v1 (hyperlink columns created as v1 created them) ...
  const { graph, site } = await openLocal();
  const choices = { missions: MISSIONS.map((m) => m.id), regions: [...REGION_IDS] };
  const v1 = await provisionRegisters({
    client: site.client,
    siteId: site.siteId,
    schemas: [V1_DATA_INVENTORY, REGISTERS.aiRegistry, REGISTERS.riskRegister],
    choices,
  });
  dataInventoryId = v1.listIds.dataInventory as string;
  for (const moved of V1_MOVED) {
    await addColumn(site.client, site.siteId, dataInventoryId, {
      name: moved.v1,
      displayName: moved.displayName,
      hyperlinkOrPicture: { isPicture: false },
    });
  }
  // ... with the demo data in it.
  const data = generateDemoData({
    seed: 'governance-hub',
    today: TODAY,
    emailDomain: 'contoso.org',
    siteHostname: HOST,
  });
  await ensureDemoUsers(site, data.people);
  await assignDemoSiteRoles({
    url: graph.url,
    getToken: adminTokenProvider({ url: graph.url, adminSecret: SECRET }),
    siteId: site.siteId,
    people: data.people,
  });
  const people = createSiteUserDirectory(site.client, site.siteId);
  const repository = (id: RegisterId, schema: RegisterSchema = REGISTERS[id]) =>
    createRegisterRepository({
      client: site.client,
      siteId: site.siteId,
      listId: v1.listIds[id] as string,
      schema,
      people,
    });
  const v1Inventory = repository('dataInventory', V1_DATA_INVENTORY);
  // The v1 app wrote {Url, Description} into the hyperlink columns; Graph refuses such writes now
  // (graph-lists.md §10), so the URLs go into the store the way SharePoint's own forms kept them.
  const inventory: RegisterRepository = {
    ...v1Inventory,
    async applyBatch(operations, options) {
      const stripped = operations.map((op) => {
        if (op.kind !== 'create') return op;
        const urls: Record<string, string> = {};
        const values = { ...op.values };
        for (const moved of V1_MOVED) {
          const url = values[moved.v2];
          if (typeof url === 'string') urls[moved.v1] = url;
          delete values[moved.v2];
        }
        expected.set(op.key, { urls });
        return { ...op, values };
      });
      const results = await v1Inventory.applyBatch(stripped, options);
      for (const result of results) {
        const entry = expected.get(result.key);
        if (entry && result.status === 'saved') entry.id = result.id;
      }
      return results;
    },
  };
  const registers: Registers = {
    people,
    listIds: v1.listIds as Record<RegisterId, string>,
    repositories: {
      dataInventory: inventory,
      aiRegistry: repository('aiRegistry'),
      riskRegister: repository('riskRegister'),
    },
  };
  const written = await writeDemoRecords(registers, data);
  for (const report of written) expect(report.rejected).toEqual([]);
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  for (const { id, urls } of expected.values()) {
    if (Object.keys(urls).length === 0) continue;
    const set = Object.fromEntries(
      Object.entries(urls).map(([k, url]) => [k, { Url: url, Description: url }]),
    );
    graph.store.updateItemFields(dataInventoryId, Number(id), {
      set,
      clear: [],
      identity: { user: { displayName: 'Migration test' } },
      uilId: 1,
      now,
    });
  }
  await graph.close();
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

const withUrls = () => [...expected.values()].filter((e) => Object.keys(e.urls).length > 0);

it('the v1 site holds the demo data, URLs in hyperlink columns', async () => {
  expect(expected.size).toBe(420);
  expect(withUrls().length).toBeGreaterThan(300);
  const { items } = await snapshot();
  const first = items.find((i) => i.id === withUrls()[0]?.id);
  expect(first?.fields?.system).toMatchObject({ Url: expect.stringMatching(/^https:\/\//) });
});

it('--dry-run prints the plan and writes nothing', async () => {
  const before = await snapshot();
  const { code, text } = await provisionCli('--dry-run');
  expect(code).toBe(0);
  expect(text).toMatch(/migrate\s+DataInventory to schema version 2/);
  expect(text).toMatch(/rename column system to "System or URL \(retired\)"/);
  expect(text).toMatch(/add column systemUrl/);
  expect(text).toMatch(
    new RegExp(
      `copy ${withUrls().length} item value\\(s\\) from system -> systemUrl, dataSharingAgreement -> sharingAgreementUrl`,
    ),
  );
  expect(text).toMatch(/hide retired column dataSharingAgreement/);
  expect(text).toMatch(/schema\s+DataInventory: recorded none, current v2/);
  expect(text).toMatch(/nothing was written/);
  const after = await snapshot();
  expect(after.columns).toEqual(before.columns);
  expect(after.items.map((i) => i.eTag)).toEqual(before.items.map((i) => i.eTag));
});

it('an interrupted run (network gone mid-copy) loses nothing and the next run finishes', async () => {
  let batches = 0;
  const failingFetch: FetchLike = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.endsWith('/$batch') && ++batches > 5) throw new TypeError('fetch failed');
    return fetch(input, init);
  };
  const { graph, site } = await openLocal(failingFetch);
  try {
    await expect(provisionGovernanceSite(site)).rejects.toThrow();
  } finally {
    await graph.close();
  }
  const half = await snapshot();
  const system = half.columns.find((c) => c.name === 'system');
  expect(system?.hidden).not.toBe(true);
  const copied = half.items.filter((i) => typeof i.fields?.systemUrl === 'string').length;
  expect(copied).toBeGreaterThan(0);
  expect(copied).toBeLessThan(withUrls().filter((e) => e.urls.system).length);
  // Every old value is still there.
  for (const e of withUrls()) {
    const item = half.items.find((i) => i.id === e.id);
    expect((item?.fields?.system as { Url?: string } | undefined)?.Url).toBe(e.urls.system);
  }

  const { code, text } = await provisionCli();
  expect(code).toBe(0);
  expect(text).toMatch(/migrated\s+DataInventory to schema version 2/);
  expect(text).not.toMatch(/add column systemUrl/);
  expect(text).toMatch(/hide retired column system\b/);

  const done = await snapshot();
  for (const moved of V1_MOVED) {
    expect(done.columns.find((c) => c.name === moved.v1)).toMatchObject({ hidden: true });
    expect(done.columns.find((c) => c.name === moved.v2)).toMatchObject({ displayName: moved.displayName });
  }
  for (const e of expected.values()) {
    const item = done.items.find((i) => i.id === e.id);
    for (const moved of V1_MOVED) {
      expect(item?.fields?.[moved.v2]).toBe(e.urls[moved.v1]);
      // The retired column keeps its value (hidden, as a rollback copy).
      expect((item?.fields?.[moved.v1] as { Url?: string } | undefined)?.Url).toBe(e.urls[moved.v1]);
    }
  }
  // Read through the current schema, every record has its URLs.
  const { graph: g2, site: s2 } = await openLocal();
  try {
    const repo = createRegisterRepository({
      client: s2.client,
      siteId: s2.siteId,
      listId: dataInventoryId,
      schema: DATA_INVENTORY,
      people: createSiteUserDirectory(s2.client, s2.siteId),
    });
    const records = await repo.list({ top: 1000 });
    expect(records).toHaveLength(420);
    const byId = new Map(records.map((r) => [r.id, r]));
    for (const e of expected.values()) {
      expect(byId.get(e.id)?.values.systemUrl ?? undefined).toBe(e.urls.system);
      expect(byId.get(e.id)?.values.sharingAgreementUrl ?? undefined).toBe(e.urls.dataSharingAgreement);
    }
    // The version is recorded on the site.
    const unit = await createGovernanceUnitLists(s2);
    const versions = await readSchemaVersions(s2, unit.listIds.governanceSettings as string);
    expect(versions).toMatchObject({ DataInventory: 2, AiRegistry: REGISTERS.aiRegistry.version });
    expect(schemaVersionKey('DataInventory')).toBe('schemaVersion.DataInventory');
  } finally {
    await g2.close();
  }
}, 120_000);

it('a second run is idempotent: nothing to migrate, nothing written', async () => {
  const before = await snapshot();
  const { code, text } = await provisionCli();
  expect(code).toBe(0);
  expect(text).not.toMatch(/migrated\s|schema version/);
  expect(text).toMatch(/unchanged DataInventory/);
  const after = await snapshot();
  expect(after.items.map((i) => i.eTag)).toEqual(before.items.map((i) => i.eTag));
  expect(after.columns).toEqual(before.columns);
}, 60_000);
