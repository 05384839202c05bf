// Bad input: each item of the corpus gets a specific error (a stable code, and for people a message that says
// what is wrong) and writes nothing — checked against localgraph's store (item versions and counts).
import { createPrivateKey } from 'node:crypto';
import { SignJWT } from 'jose';
import { generateSigningKeyPem } from '../../src/localgraph';
import { REGISTERS } from '../../src/domain/registers';
import type { IssueCode } from '../../src/domain/validation';
import { MemoryWorkbook } from '../../src/addin/excel/memory-workbook';
import { createSyncEngine } from '../../src/addin/sync/engine';
import type { SyncEngine } from '../../src/addin/sync/engine';
import { isGraphError, searchUsers } from '../../src/graph';
import type { DomainRecord } from '../../src/domain/schema/types';
import { asset, MISSION, PEOPLE, seed, SIGNING_KEY, startWorld, storeItems } from './world';
import type { World } from './world';

let world: World;
let records: DomainRecord[];
let engine: SyncEngine;
let workbook: MemoryWorkbook;
const LONG = 'x'.repeat(100_000);

beforeAll(async () => {
  world = await startWorld();
  records = await seed(world, [
    ...Array.from({ length: 20 }, (_, i) => asset(`bad ${i}`)),
    // A title that holds an OData quote, to prove literals round-trip.
    asset("O'Brien survey"),
  ]);
  workbook = new MemoryWorkbook();
  engine = createSyncEngine({
    workbook,
    gateway: world.repoAs(await world.clientAs(PEOPLE.focalPoint.upn)),
    schema: REGISTERS.dataInventory,
    mission: MISSION,
    locale: 'en',
    now: () => new Date('2025-06-01T10:00:00Z'),
  });
  await engine.pull();
}, 60_000);

afterAll(async () => {
  await world?.close();
});

const listId = () => world.listIds.dataInventory;
const versions = () => new Map(storeItems(world.graph, listId()).map((i) => [i.id, i.version]));

/** What the English message of each issue says. */
const KEYWORD: Partial<Record<IssueCode, string>> = {
  invalidBoolean: 'is not yes or no',
  invalidDate: 'is not a valid date',
  invalidChoice: 'is not one of',
  tooLong: 'the text is too long',
  formula: 'looks like a spreadsheet formula',
  controlCharacters: 'invisible control characters',
  invalidEmail: 'is not a valid email address',
};

describe('Excel cells: each bad cell is marked with its own issue and nothing is sent', () => {
  // [what it is, field, what is typed, the issue code expected]
  const corpus: [string, string, string, IssueCode][] = [
    ['wrong type (yes/no)', 'containsPersonalData', 'perhaps', 'invalidBoolean'],
    ['wrong type (date)', 'lastReviewed', 'last week', 'invalidDate'],
    ['wrong type (person)', 'owner', 'not an email', 'invalidEmail'],
    ['unknown choice', 'sensitivity', 'Top secret', 'invalidChoice'],
    ['unknown choice', 'assetType', 'Spreadsheet of doom', 'invalidChoice'],
    ['100,000 characters', 'description', LONG, 'tooLong'],
    ['300-character title', 'Title', 'y'.repeat(300), 'tooLong'],
    ['formula', 'retention', '=HYPERLINK("http://evil.example","click")', 'formula'],
    ['DDE formula', 'retention', "+cmd|' /C calc'!A0", 'formula'],
    ['@ formula', 'retention', "@SUM(1+1)*cmd|' /C calc'!A0", 'formula'],
    ['control character (BEL)', 'retention', 'five\u0007years', 'controlCharacters'],
    ['control character (NUL)', 'description', 'null byte \u0000 inside', 'controlCharacters'],
    ['right-to-left override', 'retention', 'Report \u202egnp.exe', 'controlCharacters'],
    ['direction isolates', 'retention', 'isolate \u2067reversed\u2069 text', 'controlCharacters'],
    ['31/02', 'lastReviewed', '31/02/2025', 'invalidDate'],
    ['2025-02-30', 'lastReviewed', '2025-02-30', 'invalidDate'],
  ];

  test.each(corpus.map(([label, field, typed, code], i) => [i, label, field, code, typed] as const))(
    '#%i %s (%s) → %s',
    async (i, _label, field, code, typed) => {
      const before = versions();
      const rows = await workbook.readRows(engine.tableName);
      const titleCol = engine.layout.fieldCols.get('Title') ?? -1;
      const row = rows.findIndex((cells) => cells[titleCol] === `Asset bad ${i}`);
      const col = engine.layout.fieldCols.get(field);
      expect(col).toBeDefined();
      const typedIn = workbook.enter(engine.tableName, row, col ?? -1, typed);
      if (!typedIn.ok) {
        // A dropdown cell refuses what is not in its list when typed, as Excel's data validation does; a paste
        // (an API write) goes around it, so the push must still catch it.
        expect(typedIn).toEqual({ ok: false, reason: 'notInList' });
        await workbook.writeCells(engine.tableName, [{ row, col: col ?? -1, value: typed }]);
      }
      const report = await engine.push();
      expect(report.sent).toBe(0);
      expect(report.counts).toMatchObject({ saved: 0, invalid: 1 });
      const message = report.rows.find((r) => r.status === 'invalid')?.message ?? '';
      // The message is the one of this issue (not a generic failure).
      expect(message).toContain(KEYWORD[code]);
      expect(versions()).toEqual(before);
      // Put the cell back so the next case starts clean.
      await engine.resolve(
        {
          id: String(rows[row]?.[engine.layout.idCol]),
          row,
          title: '',
          kind: 'update',
          theirs: await world.adminRepos.dataInventory.get(String(rows[row]?.[engine.layout.idCol])),
          mine: {},
          fields: [],
        },
        'takeTheirs',
      );
      expect(await engine.pending()).toBe(0);
    },
  );

  test('mixed Arabic and Latin text (no direction overrides) is data, and is saved as typed', async () => {
    const rows = await workbook.readRows(engine.tableName);
    const titleCol = engine.layout.fieldCols.get('Title') ?? -1;
    const row = rows.findIndex((cells) => cells[titleCol] === 'Asset bad 19');
    const text = 'سجل المستفيدين ‏Registry 2025';
    workbook.enter(engine.tableName, row, engine.layout.fieldCols.get('retention') ?? -1, text);
    const report = await engine.push();
    expect(report.counts.saved).toBe(1);
    const id = Number(rows[row]?.[engine.layout.idCol]);
    expect(world.graph.store.getItem(listId(), id)?.fields.retention).toBe(text);
  });
});

describe('OData injection through search boxes and filters', () => {
  const injections = [
    "x' or 1 eq 1 or Title eq 'y",
    "') or startswith(Title,'",
    "Asset bad 1' or fields/Title ne '",
    '%27 or 1 eq 1',
    "' and substringof('a',Title) or '",
  ];

  test.each(injections)(
    'filter value %j is a literal: it matches only itself, never every record',
    async (value) => {
      const repo = world.repoAs(await world.clientAs(PEOPLE.custodian.upn));
      const found = await repo.list({ filter: [{ field: 'Title', op: 'eq', value }], allowNonIndexed: true });
      expect(found).toEqual([]);
      const starts = await repo.list({
        filter: [{ field: 'Title', op: 'startsWith', value }],
        allowNonIndexed: true,
      });
      expect(starts).toEqual([]);
    },
  );

  test('a quote in a value is escaped, not dropped: the record whose title holds it is found', async () => {
    const repo = world.repoAs(await world.clientAs(PEOPLE.custodian.upn));
    const found = await repo.list({
      filter: [{ field: 'Title', op: 'eq', value: "Asset O'Brien survey" }],
      allowNonIndexed: true,
    });
    expect(found.map((r) => r.values.Title)).toEqual(["Asset O'Brien survey"]);
  });

  test('a field name carrying an expression is refused by name', async () => {
    const repo = world.repoAs(await world.clientAs(PEOPLE.custodian.upn));
    await expect(
      repo.list({
        filter: [{ field: "Title eq 'x' or 1 eq 1 or Title", op: 'eq', value: 'x' }],
        allowNonIndexed: true,
      }),
    ).rejects.toThrow(/is not a field of/);
    await expect(
      repo.list({ orderBy: [{ field: 'Title desc,fields/ID' }], allowNonIndexed: true }),
    ).rejects.toThrow(/is not a field of/);
  });

  test.each(injections)('the people search with %j returns nobody rather than everybody', async (value) => {
    const client = await world.clientAs(PEOPLE.custodian.upn);
    expect(await searchUsers(client, value)).toEqual([]);
    // Control: a real prefix finds the person.
    expect((await searchUsers(client, 'Amina')).map((u) => u.userPrincipalName)).toEqual([
      PEOPLE.custodian.upn,
    ]);
  });

  test('a raw $filter that is not OData is a 400 invalidRequest, not a 500', async () => {
    const token = world.adminToken;
    const r = await fetch(
      `${world.graph.url}/v1.0/sites/${world.siteId}/lists/${listId()}/items?$filter=${encodeURIComponent("fields/Title eq 'x' or ;DROP TABLE items;--")}`,
      {
        headers: { Authorization: `Bearer ${token}`, Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' },
      },
    );
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('invalidRequest');
    expect(storeItems(world.graph, listId()).length).toBe(records.length);
  });
});

describe('malformed JSON and oversized $batch against localgraph', () => {
  const post = (path: string, body: string, method = 'POST', headers: Record<string, string> = {}) =>
    fetch(`${world.graph.url}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${world.adminToken}`,
        'Content-Type': 'application/json',
        ...headers,
      },
      body,
    });
  const errorOf = async (r: Response) =>
    ((await r.json()) as { error?: { code?: string; message?: string } }).error;

  test('malformed JSON: 400 invalidRequest on $batch, create and update; nothing written', async () => {
    const before = versions();
    const itemPath = `/v1.0/sites/${world.siteId}/lists/${listId()}/items`;
    for (const [path, method, body] of [
      ['/v1.0/$batch', 'POST', '{"requests": ['],
      [itemPath, 'POST', '{"fields": {"Title": "x"'],
      [`${itemPath}/${records[0]?.id}/fields`, 'PATCH', "{'Title': 'single quotes'}"],
    ] as const) {
      const r = await post(path, body, method, { 'If-Match': '*' });
      expect({ path, status: r.status, code: (await errorOf(r))?.code }).toEqual({
        path,
        status: 400,
        code: 'invalidRequest',
      });
    }
    expect(versions()).toEqual(before);
  });

  test('a $batch of 21 requests: 400 invalidRequest naming the limit; none of them runs', async () => {
    const before = versions();
    const requests = Array.from({ length: 21 }, (_, i) => ({
      id: String(i + 1),
      method: 'PATCH',
      url: `/sites/${world.siteId}/lists/${listId()}/items/${records[0]?.id}/fields`,
      headers: { 'Content-Type': 'application/json' },
      body: { Title: `batch ${i}` },
    }));
    const r = await post('/v1.0/$batch', JSON.stringify({ requests }));
    expect(r.status).toBe(400);
    const error = await errorOf(r);
    expect(error?.code).toBe('invalidRequest');
    expect(error?.message).toMatch(/more than 20/);
    expect(versions()).toEqual(before);
  });

  test('a $batch body over the size limit: 413 with a Graph error body; nothing written', async () => {
    const before = versions();
    const requests = Array.from({ length: 20 }, (_, i) => ({
      id: String(i + 1),
      method: 'PATCH',
      url: `/sites/${world.siteId}/lists/${listId()}/items/${records[0]?.id}/fields`,
      headers: { 'Content-Type': 'application/json' },
      body: { description: 'z'.repeat(1_100_000) },
    }));
    const r = await post('/v1.0/$batch', JSON.stringify({ requests }));
    expect(r.status).toBe(413);
    expect((await errorOf(r))?.code).toBe('requestEntityTooLarge');
    expect(versions()).toEqual(before);
  });
});

describe('expired or foreign tokens: 401 with the reason, nothing written', () => {
  const sign = async (
    keyPem: string,
    claims: Record<string, unknown>,
    expiresAt: number,
    issuer?: string,
  ): Promise<string> =>
    new SignJWT({ upn: PEOPLE.officer.upn, scp: 'Sites.ReadWrite.All', idtyp: 'user', ...claims })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
      .setIssuer(issuer ?? `https://sts.windows.net/${world.graph.tenantId}/`)
      .setAudience('https://graph.microsoft.com')
      .setSubject('someone')
      .setIssuedAt(expiresAt - 3600)
      .setExpirationTime(expiresAt)
      .sign(createPrivateKey(keyPem));

  const cases: [string, () => Promise<string>, RegExp][] = [
    ['expired', () => sign(SIGNING_KEY, {}, Math.floor(Date.now() / 1000) - 600), /expired/],
    [
      'signed by another issuer',
      () => sign(generateSigningKeyPem(), {}, Math.floor(Date.now() / 1000) + 600),
      /signature/,
    ],
    [
      'from another tenant',
      () =>
        sign(
          SIGNING_KEY,
          {},
          Math.floor(Date.now() / 1000) + 600,
          'https://sts.windows.net/00000000-0000-0000-0000-000000000000/',
        ),
      /issuer/,
    ],
    ['not a JWT', async () => 'not-a-token', /not well formed/],
  ];
  test.each(cases)('%s', async (_label, make, reason) => {
    const before = versions();
    const repo = world.repoAs(
      await world.clientAs(PEOPLE.officer.upn, { token: await make(), retry: { maxRetries: 0 } }),
    );
    const target = records[1] as DomainRecord;
    const error = await repo.update(String(target.id), { retention: 'forged' }, String(target.eTag)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isGraphError(error) && error.status).toBe(401);
    expect(isGraphError(error) && error.code).toBe('InvalidAuthenticationToken');
    expect(isGraphError(error) ? error.message : '').toMatch(reason);
    expect(versions()).toEqual(before);
  });
});
