// The real register schemas from src/domain, provisioned into localgraph through src/graph, twice.
import {
  createGraphClient,
  createRegisterRepository,
  getSiteByPath,
  provisionRegisters,
  siteUserDirectory,
} from '../../src/graph';
import type { GraphClient } from '../../src/graph';
import { REGISTER_IDS, REGISTERS } from '../../src/domain/registers';
import { MISSIONS, REGION_IDS } from '../../src/domain/reference';
import { startLocalGraph } from '../../src/localgraph';
import type { LocalGraphHandle } from '../../src/localgraph';

let handle: LocalGraphHandle;
let client: GraphClient;
let siteId: string;

beforeAll(async () => {
  handle = await startLocalGraph({
    dbPath: ':memory:',
    port: 0,
    hostname: 'contoso.sharepoint.com',
    sites: [{ path: 'governance', displayName: 'Governance Hub' }],
    adminSecret: 'registers-secret',
  });
  const response = await fetch(`${handle.url}/local/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ client_id: 'localgraph-admin', client_secret: 'registers-secret' }),
  });
  const { access_token: token } = (await response.json()) as { access_token: string };
  client = createGraphClient({ baseUrl: handle.url, getToken: async () => token });
  siteId = String((await getSiteByPath(client, 'contoso.sharepoint.com', 'governance')).id);
});

afterAll(async () => {
  await handle?.close();
});

it('provisions the three registers idempotently and stores a record in each', async () => {
  const schemas = REGISTER_IDS.map((id) => REGISTERS[id]);
  const choices = { missions: MISSIONS.map((m) => m.id), regions: [...REGION_IDS] };
  const first = await provisionRegisters({ client, siteId, schemas, choices });
  expect(first.created.sort()).toEqual(schemas.map((s) => s.listName).sort());
  const second = await provisionRegisters({ client, siteId, schemas, choices });
  expect(second.created).toEqual([]);
  expect(second.addedColumns).toEqual([]);
  expect(second.indexedColumns).toEqual([]);
  expect(second.listIds).toEqual(first.listIds);

  for (const schema of schemas) {
    const repo = createRegisterRepository({
      client,
      siteId,
      listId: first.listIds[schema.id]!,
      schema,
      people: siteUserDirectory(client, siteId),
    });
    const record = await repo.create({ Title: `First ${schema.id}` });
    expect((await repo.get(record.id!)).values.Title).toBe(`First ${schema.id}`);
    const indexed = schema.fields.find((f) => f.indexed && f.type === 'text');
    if (indexed) {
      const found = await repo.list({
        filter: [{ field: indexed.name, op: 'eq', value: `First ${schema.id}` }],
      });
      expect(found.length).toBeLessThanOrEqual(1);
    }
  }
});
