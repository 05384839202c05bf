/**
 * Conformance suite: drives Graph THROUGH src/graph (the real @microsoft/microsoft-graph-client with our middleware
 * chain), so the same assertions hold for localgraph and for a real tenant.
 *
 * Default: starts localgraph in memory on an ephemeral loopback port (http), with fault injection for the 429 test.
 *
 * Real tenant: set
 *   GRAPH_CONFORMANCE_TENANT=1
 *   GRAPH_BASE_URL=https://graph.microsoft.com
 *   GRAPH_TOKEN=<app-only access token with Sites.Manage.All (or Sites.FullControl / Sites.Selected write+manage) on the site>
 *   GRAPH_SITE_ID=<composite site id: host,siteCollectionGuid,webGuid>
 *   GRAPH_CONFORMANCE_PEOPLE=ada@contoso.com,bo@contoso.com   (optional: people already in the site's User
 *                                                              Information List; person tests are skipped without them)
 * It creates lists with a unique suffix and deletes them at the end. Fault injection and user creation are skipped.
 */
import {
  ConflictError,
  createGraphClient,
  createRegisterRepository,
  createUser,
  executeBatch,
  getAllPages,
  getItem,
  getMe,
  getSiteByPath,
  GraphError,
  listItems,
  odataString,
  provisionRegisters,
  siteUserDirectory,
} from '../../src/graph';
import type { FetchLike, GraphClient, ProvisionableSchema, RegisterRepository } from '../../src/graph';
import type { FieldDef, FieldType, RegisterId } from '../../src/domain/schema/types';
import { startLocalGraph } from '../../src/localgraph';

jest.setTimeout(120_000);

const TENANT = Boolean(process.env.GRAPH_CONFORMANCE_TENANT);
const HOSTNAME = 'contoso.sharepoint.com';
const suffix = TENANT ? `C${Date.now().toString(36)}` : '';

const label = (en: string) => ({ en, fr: en, es: en, ar: en });
const def = (name: string, type: FieldType, extra: Partial<FieldDef> = {}): FieldDef => ({
  name,
  type,
  required: false,
  label: label(name),
  help: label(`${name} help`),
  ...extra,
});

const assetFields: FieldDef[] = [
  def('Title', 'text', { indexed: true, required: true }),
  def('Status', 'choice', { choices: ['Active', 'Retired'], indexed: true }),
  def('Category', 'choice', { choices: ['HR', 'Finance', 'Health'] }), // deliberately not indexed
  def('Notes', 'note'),
  def('Tags', 'multiChoice', { choices: ['HR', 'Finance', 'Health'] }),
  def('Mission', 'choice', { choiceSource: 'missions' }),
  def('ReviewedOn', 'date'),
  def('RecordCount', 'number', { min: 0, indexed: true }),
  def('HasPersonalData', 'boolean'),
  def('Custodian', 'person', { indexed: true }),
  def('Reviewers', 'person', { multiple: true }),
  def('Policy', 'url'),
  def('Evidence', 'url', { multiple: true }),
];
const ASSETS: ProvisionableSchema = {
  id: 'dataInventory',
  listName: `ConfAssets${suffix}`,
  displayName: label('Conformance assets'),
  fields: assetFields,
};
const SYSTEMS: ProvisionableSchema = {
  id: 'aiRegistry',
  listName: `ConfSystems${suffix}`,
  displayName: label('Conformance systems'),
  fields: [
    def('Title', 'text', { indexed: true }),
    def('Asset', 'lookup', { lookupRegister: 'dataInventory' satisfies RegisterId }),
    def('Assets', 'lookup', { lookupRegister: 'dataInventory', multiple: true }),
  ],
};
const BULK: ProvisionableSchema = {
  id: 'riskRegister',
  listName: `ConfBulk${suffix}`,
  displayName: label('Conformance bulk'),
  fields: [def('Title', 'text', { indexed: true }), def('Seq', 'number', { indexed: true })],
};
const choices = { missions: ['Mali', 'Chad', "Côte d'Ivoire"], regions: ['West Africa'] };

interface Target {
  url: string;
  adminToken: string;
  siteId: string;
  people: string[];
  setFaults?: (faults: {
    throttleRate?: number;
    unavailableRate?: number;
    retryAfterSeconds?: number;
  }) => void;
  userToken?: (upn: string) => Promise<string>;
  close: () => Promise<void>;
}

/** Records every HTTP exchange the client makes (URL, method, status), then calls the real fetch. */
const exchanges: { url: string; method: string; status: number }[] = [];
const recordingFetch: FetchLike = async (input, init) => {
  const response = await fetch(input, init);
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  exchanges.push({ url, method: init?.method ?? 'GET', status: response.status });
  return response;
};

async function postToken(url: string, body: object): Promise<string> {
  const response = await fetch(`${url}/local/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`token: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

async function startTarget(): Promise<Target> {
  if (TENANT) {
    const url = process.env.GRAPH_BASE_URL ?? 'https://graph.microsoft.com';
    const adminToken = process.env.GRAPH_TOKEN ?? '';
    const siteId = process.env.GRAPH_SITE_ID ?? '';
    if (!adminToken || !siteId) throw new Error('GRAPH_TOKEN and GRAPH_SITE_ID are required in tenant mode');
    const people = (process.env.GRAPH_CONFORMANCE_PEOPLE ?? '')
      .split(',')
      .map((p) => p.trim().toLowerCase())
      .filter(Boolean);
    return { url, adminToken, siteId, people, close: async () => undefined };
  }
  const adminSecret = 'conformance-admin-secret';
  const handle = await startLocalGraph({
    dbPath: ':memory:',
    port: 0,
    hostname: HOSTNAME,
    sites: [{ path: 'governance', displayName: 'Governance Hub' }],
    adminSecret,
  });
  const adminToken = await postToken(handle.url, {
    client_id: 'localgraph-admin',
    client_secret: adminSecret,
  });
  const admin = createGraphClient({ baseUrl: handle.url, getToken: async () => adminToken });
  const people = ['ada.lovelace@contoso.com', "bo.o'brien@contoso.com"];
  await createUser(admin, { displayName: 'Ada Lovelace', userPrincipalName: people[0]!, mail: people[0]! });
  await createUser(admin, { displayName: "Bo O'Brien", userPrincipalName: people[1]!, mail: people[1]! });
  const site = await getSiteByPath(admin, HOSTNAME, 'governance');
  return {
    url: handle.url,
    adminToken,
    siteId: String(site.id),
    people,
    setFaults: (faults) => handle.setFaults(faults),
    userToken: (upn) => postToken(handle.url, { upn }),
    close: () => handle.close(),
  };
}

let target: Target;
let client: GraphClient;
let listIds: Record<string, string>;
let assets: RegisterRepository;
let bulk: RegisterRepository;

const maybe = (condition: () => boolean) => (name: string, fn: () => Promise<void>) =>
  it(name, async () => {
    if (!condition()) {
      console.warn(`skipped on this target: ${name}`);
      return;
    }
    await fn();
  });
const withPeople = maybe(() => target.people.length >= 2);
const withFaults = maybe(() => target.setFaults !== undefined);

beforeAll(async () => {
  target = await startTarget();
  client = createGraphClient({
    baseUrl: target.url,
    getToken: async () => target.adminToken,
    fetchImpl: recordingFetch,
    retry: { maxRetries: 10, maxDelaySeconds: 2, delaySeconds: 0 },
  });
});

afterAll(async () => {
  if (TENANT && listIds) {
    for (const id of Object.values(listIds)) {
      await client
        .request('DELETE', `/sites/${encodeURIComponent(target.siteId)}/lists/${id}`)
        .catch(() => undefined);
    }
  }
  await target?.close();
});

describe('provisioning', () => {
  it('creates the lists the first time and nothing the second time', async () => {
    const first = await provisionRegisters({
      client,
      siteId: target.siteId,
      schemas: [SYSTEMS, ASSETS, BULK],
      choices,
    });
    expect(first.created).toEqual([ASSETS.listName, SYSTEMS.listName, BULK.listName]);
    listIds = first.listIds;
    // The built-in Title column gets the index its FieldDef asks for.
    expect(first.indexedColumns).toContainEqual({ list: ASSETS.listName, columns: ['Title'] });

    const second = await provisionRegisters({
      client,
      siteId: target.siteId,
      schemas: [ASSETS, SYSTEMS, BULK],
      choices,
    });
    expect(second.created).toEqual([]);
    expect(second.addedColumns).toEqual([]);
    expect(second.indexedColumns).toEqual([]);
    expect(second.unchanged.sort()).toEqual([ASSETS.listName, BULK.listName, SYSTEMS.listName].sort());
    expect(second.listIds).toEqual(first.listIds);
  });

  it('adds only a missing column to an existing list', async () => {
    const extended = { ...BULK, fields: [...BULK.fields, def('Extra', 'text')] };
    const report = await provisionRegisters({ client, siteId: target.siteId, schemas: [extended], choices });
    expect(report.created).toEqual([]);
    expect(report.addedColumns).toEqual([{ list: BULK.listName, columns: ['Extra'] }]);
  });
});

describe('items', () => {
  beforeAll(() => {
    const people = siteUserDirectory(client, target.siteId);
    assets = createRegisterRepository({
      client,
      siteId: target.siteId,
      listId: listIds.dataInventory!,
      schema: ASSETS,
      people,
    });
    bulk = createRegisterRepository({
      client,
      siteId: target.siteId,
      listId: listIds.riskRegister!,
      schema: BULK,
      people,
    });
  });

  it('creates, reads, updates (If-Match) and deletes a record', async () => {
    const values = {
      Title: "O'Brien & Sons #1",
      Status: 'Active',
      Category: 'HR',
      Notes: 'line 1\nline 2',
      Tags: ['HR', 'Finance'],
      Mission: "Côte d'Ivoire",
      ReviewedOn: '2024-03-01',
      RecordCount: 1200,
      HasPersonalData: true,
      Policy: 'https://contoso.com/policy',
      Evidence: ['https://a.example/1', 'https://b.example/2'],
    };
    const created = await assets.create(values);
    expect(created.id).toMatch(/^\d+$/);
    expect(created.eTag).toBeTruthy();
    expect(created.values).toMatchObject(values);

    const read = await assets.get(created.id!);
    expect(read.values).toMatchObject(values);
    expect(read.eTag).toBe(created.eTag);

    const updated = await assets.update(
      created.id!,
      { Status: 'Retired', Tags: null, RecordCount: null },
      read.eTag!,
    );
    expect(updated.eTag).not.toBe(read.eTag);
    expect(updated.values).toMatchObject({
      Status: 'Retired',
      Tags: null,
      RecordCount: null,
      Title: values.Title,
    });
    expect((await assets.get(created.id!)).values.Status).toBe('Retired');

    await assets.remove(created.id!, updated.eTag!);
    const gone = (await assets.get(created.id!).catch((e: unknown) => e)) as GraphError;
    expect(gone).toBeInstanceOf(GraphError);
    expect(gone.status).toBe(404);
    expect(gone.code).toBe('itemNotFound');
  });

  it('answers 404 itemNotFound for an unknown item', async () => {
    const error = (await assets.get('987654').catch((e: unknown) => e)) as GraphError;
    expect(error).toBeInstanceOf(GraphError);
    expect(error.status).toBe(404);
    expect(error.code).toBe('itemNotFound');
    expect(error.requestId).toBeTruthy();
  });

  it('rejects a stale eTag with 412 -> ConflictError carrying the current record', async () => {
    const created = await assets.create({ Title: 'Conflict me', Status: 'Active' });
    const first = await assets.update(created.id!, { Category: 'Finance' }, created.eTag!);
    const error = (await assets
      .update(created.id!, { Category: 'Health' }, created.eTag!)
      .catch((e: unknown) => e)) as ConflictError;
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.status).toBe(412);
    expect(error.current).toMatchObject({
      id: created.id,
      eTag: first.eTag,
      values: { Category: 'Finance' },
    });
    const deleteError = await assets.remove(created.id!, created.eTag!).catch((e: unknown) => e);
    expect(deleteError).toBeInstanceOf(ConflictError);
    expect((await assets.get(created.id!)).values.Category).toBe('Finance');
  });

  it('filters on an indexed column (with quote escaping), and gets 400 on a non-indexed one', async () => {
    await assets.create({ Title: "Filter O'Neil", Status: 'Active', Category: 'Health', RecordCount: 7 });
    await assets.create({ Title: 'Filter other', Status: 'Retired', Category: 'Health', RecordCount: 8 });
    const byTitle = await assets.list({ filter: [{ field: 'Title', op: 'eq', value: "Filter O'Neil" }] });
    expect(byTitle.map((r) => r.values.Title)).toEqual(["Filter O'Neil"]);
    const injection = await assets.list({
      filter: [{ field: 'Title', op: 'eq', value: "x' or fields/Title ne 'x" }],
    });
    expect(injection).toEqual([]);
    const retired = await assets.list({
      filter: [
        { field: 'Status', op: 'eq', value: 'Retired' },
        { field: 'RecordCount', op: 'ge', value: 8 },
      ],
    });
    expect(retired.length).toBeGreaterThanOrEqual(1);
    expect(retired.every((r) => r.values.Status === 'Retired')).toBe(true);

    // Raw, without the Prefer header: SharePoint refuses a non-indexed column.
    const error = (await listItems(client, target.siteId, listIds.dataInventory!, {
      filter: `fields/Category eq ${odataString('Health')}`,
    }).catch((e: unknown) => e)) as GraphError;
    expect(error).toBeInstanceOf(GraphError);
    expect(error.status).toBe(400);
    expect(error.code).toBe('invalidRequest');
    // With it, the query runs.
    const allowed = await assets.list({
      filter: [{ field: 'Category', op: 'eq', value: 'Health' }],
      allowNonIndexed: true,
    });
    expect(allowed.length).toBeGreaterThanOrEqual(2);
  });

  it('pages through 450 items', async () => {
    const ops = Array.from({ length: 450 }, (_, i) => ({
      key: `k${i}`,
      kind: 'create' as const,
      values: { Title: `Bulk ${i}`, Seq: i },
    }));
    const results = await bulk.applyBatch(ops);
    expect(results.filter((r) => r.status === 'saved')).toHaveLength(450);
    const pages: number[] = [];
    const all = await bulk.list({ onProgress: (p) => pages.push(p.pageItems) });
    expect(all).toHaveLength(450);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(new Set(all.map((r) => r.values.Seq)).size).toBe(450);
    const top = await bulk.list({ top: 100, filter: [{ field: 'Seq', op: 'lt', value: 250 }] });
    expect(top).toHaveLength(250);
  });

  it('applies 45 operations in 3 $batch calls, with per-operation results', async () => {
    const seed = await assets.applyBatch(
      Array.from({ length: 10 }, (_, i) => ({
        key: `seed${i}`,
        kind: 'create' as const,
        values: { Title: `Batch seed ${i}` },
      })),
    );
    const saved = seed.map((r) => (r.status === 'saved' ? r : undefined));
    const before = exchanges.length;
    const ops = [
      ...Array.from({ length: 35 }, (_, i) => ({
        key: `c${i}`,
        kind: 'create' as const,
        values: { Title: `Batch ${i}`, Status: 'Active' },
      })),
      ...saved.slice(0, 5).map((r, i) => ({
        key: `u${i}`,
        kind: 'update' as const,
        id: r!.id,
        eTag: r!.eTag!,
        changes: { Status: 'Retired' },
      })),
      ...saved
        .slice(5, 9)
        .map((r, i) => ({ key: `d${i}`, kind: 'delete' as const, id: r!.id, eTag: r!.eTag! })),
      {
        key: 'stale',
        kind: 'update' as const,
        id: saved[9]!.id,
        eTag: '"00000000-0000-0000-0000-000000000000,1"',
        changes: { Status: 'Retired' },
      },
    ];
    expect(ops).toHaveLength(45);
    const results = await assets.applyBatch(ops);
    const batchCalls = exchanges.slice(before).filter((x) => x.url.endsWith('/$batch'));
    expect(batchCalls.length).toBeGreaterThanOrEqual(3);
    expect(results.map((r) => r.key)).toEqual(ops.map((o) => o.key));
    expect(results.slice(0, 44).every((r) => r.status === 'saved')).toBe(true);
    const stale = results[44]!;
    expect(stale.status).toBe('conflict');
    if (stale.status === 'conflict') expect(stale.error.current?.id).toBe(saved[9]!.id);
    const updated = results[35]!;
    expect(updated.status === 'saved' && updated.record?.values.Status).toBe('Retired');
  });

  it('rejects a raw $batch of more than 20 requests with 400', async () => {
    const requests = Array.from({ length: 21 }, (_, i) => ({
      id: String(i + 1),
      method: 'GET',
      url: `/sites/${target.siteId}`,
    }));
    const error = (await client
      .request('POST', '/$batch', { body: { requests } })
      .catch((e: unknown) => e)) as GraphError;
    expect(error).toBeInstanceOf(GraphError);
    expect(error.status).toBe(400);
  });

  withFaults(
    'retries 429 (Retry-After) until success, for single requests and batch sub-requests',
    async () => {
      const before = exchanges.length;
      target.setFaults!({ throttleRate: 0.5, retryAfterSeconds: 0 });
      try {
        for (let i = 0; i < 6; i++)
          expect(
            (
              await bulk.get(
                (await bulk.list({ top: 1, filter: [{ field: 'Seq', op: 'eq', value: i }] }))[0]!.id!,
              )
            ).values.Seq,
          ).toBe(i);
        const responses = await executeBatch(
          client,
          Array.from({ length: 10 }, (_, i) => ({
            id: String(i + 1),
            method: 'GET' as const,
            url: `/sites/${target.siteId}`,
          })),
          { maxAttempts: 20, sleep: async () => undefined },
        );
        expect(responses.every((r) => r.status === 200)).toBe(true);
      } finally {
        target.setFaults!({ throttleRate: 0, unavailableRate: 0 });
      }
      const statuses = exchanges.slice(before).map((x) => x.status);
      expect(statuses).toContain(429);
    },
  );

  it('returns changes and deletions through delta', async () => {
    const start = await assets.delta();
    expect(start.deltaLink).toBeTruthy();
    const a = await assets.create({ Title: 'Delta new' });
    const b = await assets.create({ Title: 'Delta to change' });
    const c = await assets.create({ Title: 'Delta to delete' });
    const middle = await assets.delta(start.deltaLink);
    expect(middle.changed.map((r) => r.id)).toEqual(expect.arrayContaining([a.id, b.id, c.id]));
    await assets.update(b.id!, { Status: 'Retired' }, b.eTag!);
    await assets.remove(c.id!, c.eTag!);
    const after = await assets.delta(middle.deltaLink);
    expect(after.changed.map((r) => r.id)).toContain(b.id);
    expect(after.changed.find((r) => r.id === b.id)?.values.Status).toBe('Retired');
    expect(after.deleted).toContain(c.id);
    expect(after.changed.map((r) => r.id)).not.toContain(a.id);
  });

  it('keeps a version history with the changed fields', async () => {
    const created = await assets.create({ Title: 'Versioned', Status: 'Active' });
    await assets.update(created.id!, { Status: 'Retired' }, created.eTag!);
    const history = await assets.versions(created.id!);
    expect(history.length).toBeGreaterThanOrEqual(2);
    expect(history[0]!.changedFields).toContain('Status');
    expect(history[0]!.values.Status).toBe('Retired');
    expect(history.at(-1)!.values.Status).toBe('Active');
  });

  withPeople('writes and reads person columns through the User Information List', async () => {
    const [ada, bo] = target.people as [string, string];
    const directory = siteUserDirectory(client, target.siteId);
    const adaId = await directory.lookupIdForEmail(ada);
    expect(adaId).toEqual(expect.any(Number));
    expect(await directory.emailForLookupId(adaId!)).toBe(ada);

    const created = await assets.create({ Title: 'People', Custodian: ada, Reviewers: [ada, bo] });
    expect(created.values.Custodian).toBe(ada);
    expect(created.values.Reviewers).toEqual([ada, bo]);
    const raw = await getItem(client, target.siteId, listIds.dataInventory!, created.id!);
    expect(String(raw.fields?.CustodianLookupId)).toBe(String(adaId));

    const mine = await assets.list({ filter: [{ field: 'Custodian', op: 'eq', value: ada }] });
    expect(mine.map((r) => r.id)).toContain(created.id);
    const updated = await assets.update(created.id!, { Custodian: bo, Reviewers: null }, created.eTag!);
    expect(updated.values.Custodian).toBe(bo);
    expect(updated.values.Reviewers).toBeNull();

    const rejected = await assets
      .create({ Title: 'Nobody', Custodian: 'nobody@contoso.com' })
      .catch((e: unknown) => e);
    expect(rejected).toMatchObject({ code: 'personNotInSite' });
  });

  it('reads a lookup column', async () => {
    const systems = createRegisterRepository({
      client,
      siteId: target.siteId,
      listId: listIds.aiRegistry!,
      schema: SYSTEMS,
      people: siteUserDirectory(client, target.siteId),
    });
    const a = await assets.create({ Title: 'Lookup target A' });
    const b = await assets.create({ Title: 'Lookup target B' });
    const system = await systems.create({ Title: 'Chatbot', Asset: a.id!, Assets: [a.id!, b.id!] });
    expect(system.values).toMatchObject({ Asset: a.id, Assets: [a.id, b.id] });
    expect((await systems.get(system.id!)).values).toMatchObject({ Asset: a.id, Assets: [a.id, b.id] });
  });

  maybe(() => target.userToken !== undefined)('sends a delegated user token over http loopback', async () => {
    const token = await target.userToken!(target.people[0]!);
    const asUser = createGraphClient({ baseUrl: target.url, getToken: async () => token });
    expect((await getMe(asUser)).userPrincipalName).toBe(target.people[0]);
    const anonymous = createGraphClient({
      baseUrl: target.url,
      getToken: async () => 'not-a-token',
      retry: { maxRetries: 0 },
    });
    await expect(getMe(anonymous)).rejects.toMatchObject({ status: 401 });
  });

  it('follows absolute nextLinks returned by the server', async () => {
    const nextLinks: string[] = [];
    await getAllPages(
      client,
      `/sites/${encodeURIComponent(target.siteId)}/lists/${listIds.riskRegister}/items`,
      {
        query: { $top: 200 },
        onPage: () => undefined,
      },
    );
    for (const x of exchanges) if (x.url.includes('skiptoken')) nextLinks.push(x.url);
    expect(nextLinks.length).toBeGreaterThan(0);
    expect(nextLinks.every((u) => u.startsWith(`${target.url}/v1.0/`))).toBe(true);
  });
});
