// localgraph killed mid-write, two ways:
// 1. SIGKILL of a child localgraph process while writers keep creating, patching and batching items: restarted on
//    the same SQLite file (recovered from its write-ahead log), every acknowledged write is there with its value,
//    no item is half-written, and the writes that were in flight are either whole or absent.
// 2. The server closes right after it applied one $batch and before it answered (graceful close: the answer is
//    lost, not the process): the push reports which rows are unknown; localgraph starts again on the same file
//    and port, and a second push completes them without duplicates (client keys) and without turning the focal
//    point's own saved edits into conflicts.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REGISTERS } from '../../src/domain/registers';
import { MemoryWorkbook } from '../../src/addin/excel/memory-workbook';
import { createSyncEngine } from '../../src/addin/sync/engine';
import { asset, byTitle, col, MISSION, PEOPLE, seed, startWorld, storeItems } from './world';
import type { World } from './world';

let world: World;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gh-restart-'));
  world = await startWorld({ dbPath: join(dir, 'graph.db') });
}, 60_000);

afterAll(async () => {
  await world?.close();
  rmSync(dir, { recursive: true, force: true });
});

const CHILD = join(__dirname, 'localgraph-child.ts');
const REPO = join(__dirname, '..', '..');
const CHILD_ADMIN_SECRET = 'restart-child-admin-secret';

interface GraphProcess {
  readonly url: string;
  readonly child: ChildProcess;
  readonly exited: Promise<NodeJS.Signals | null>;
}

const spawnGraph = (dbPath: string): Promise<GraphProcess> =>
  new Promise((resolveStart, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dbPath, CHILD_ADMIN_SECRET], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<NodeJS.Signals | null>((r) => child.on('exit', (_code, signal) => r(signal)));
    let out = '';
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const url = /ready (\S+)/.exec(out)?.[1];
      if (url) resolveStart({ url, child, exited });
    });
    void exited.then(() => reject(new Error(`localgraph child exited before ready: ${err}`)));
  });

/** Three fields written together: an item whose fields disagree was half-written. */
const fieldsOf = (key: string) => ({ Title: key, Copy: key, Payload: `${key}:${'x'.repeat(900)}` });

test('SIGKILLed mid-write and restarted on the same file: no acknowledged write lost, no half-written item', async () => {
  const dbPath = join(dir, 'killed.db');
  let graph = await spawnGraph(dbPath);
  const tokenOf = async (url: string) => {
    const r = await fetch(`${url}/local/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ client_id: 'localgraph-admin', client_secret: CHILD_ADMIN_SECRET }),
    });
    return ((await r.json()) as { access_token: string }).access_token;
  };
  let token = await tokenOf(graph.url);
  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${graph.url}/v1.0${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'If-Match': '*' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const site = (
    (await (await call('GET', '/sites/contoso.sharepoint.com:/sites/governance')).json()) as { id: string }
  ).id;
  const list = (
    (await (
      await call('POST', `/sites/${site}/lists`, {
        displayName: 'Writes',
        columns: [
          { name: 'Copy', text: {} },
          { name: 'Payload', text: { allowMultipleLines: true } },
        ],
      })
    ).json()) as { id: string }
  ).id;
  const items = `/sites/${site}/lists/${list}/items`;

  // id → the value its last acknowledged write gave it; and the value a write still unanswered at the kill may
  // have given it. Each writer patches only its own items, one request at a time, so these are exact.
  const acknowledged = new Map<string, string>();
  const inFlight = new Map<string, string>();
  let sequence = 0;
  let stop = false;
  const writer = async (w: number): Promise<void> => {
    const own: string[] = [];
    const created = (id: string, key: string) => {
      acknowledged.set(id, key);
      own.push(id);
    };
    while (!stop) {
      const key = `w${w}-${sequence++}`;
      const ids = own;
      const op = sequence % 4;
      try {
        if (op === 0 && ids.length > 0) {
          const id = ids[sequence % ids.length] as string;
          inFlight.set(id, key);
          const r = await call('PATCH', `${items}/${id}/fields`, fieldsOf(key));
          if (r.status === 200) acknowledged.set(id, key);
          inFlight.delete(id);
        } else if (op === 1) {
          const requests = Array.from({ length: 10 }, (_, i) => ({
            id: String(i + 1),
            method: 'POST',
            url: items,
            headers: { 'Content-Type': 'application/json' },
            body: { fields: fieldsOf(`${key}-b${i}`) },
          }));
          const r = await call('POST', '/$batch', { requests });
          const body = (await r.json()) as {
            responses: { id: string; status: number; body: { id: string } }[];
          };
          for (const sub of body.responses)
            if (sub.status === 201) created(sub.body.id, `${key}-b${Number(sub.id) - 1}`);
        } else {
          const r = await call('POST', items, { fields: fieldsOf(key) });
          if (r.status === 201) created(((await r.json()) as { id: string }).id, key);
        }
      } catch {
        return; // the server is gone
      }
    }
  };
  const writers = Array.from({ length: 6 }, (_, w) => writer(w));
  while (acknowledged.size < 400) await new Promise((r) => setTimeout(r, 10));
  const walBytes = existsSync(`${dbPath}-wal`) ? statSync(`${dbPath}-wal`).size : 0;
  graph.child.kill('SIGKILL');
  expect(await graph.exited).toBe('SIGKILL');
  stop = true;
  await Promise.all(writers);
  // What the main file alone holds: the rest lives only in the write-ahead log, which the restart must replay.
  copyFileSync(dbPath, join(dir, 'main-only.db'));
  const mainOnly = new Database(join(dir, 'main-only.db'), { readonly: true });
  const inMainFile = (mainOnly.prepare('SELECT count(*) AS n FROM items').get() as { n: number }).n;
  mainOnly.close();

  graph = await spawnGraph(dbPath);
  token = await tokenOf(graph.url);
  try {
    const stored = new Map<string, { Title: string; Copy: string; Payload: string }>();
    let next: string | undefined = `${graph.url}/v1.0${items}?expand=fields&$top=999`;
    while (next) {
      const r = await fetch(next, { headers: { Authorization: `Bearer ${token}` } });
      const page = (await r.json()) as {
        value: { id: string; fields: { Title: string; Copy: string; Payload: string } }[];
        '@odata.nextLink'?: string;
      };
      for (const item of page.value) stored.set(item.id, item.fields);
      next = page['@odata.nextLink'];
    }
    const lost = [...acknowledged].filter(([id, key]) => {
      const fields = stored.get(id);
      return !fields || (fields.Title !== key && fields.Title !== inFlight.get(id));
    });
    expect(lost).toEqual([]);
    const halfWritten = [...stored].filter(
      ([, f]) => f.Copy !== f.Title || f.Payload !== fieldsOf(f.Title).Payload,
    );
    expect(halfWritten).toEqual([]);
    expect(walBytes).toBeGreaterThan(0);
    expect(inMainFile).toBeLessThan(stored.size);
    // For the report: how much the restart had to recover from the log.
    process.stdout.write(
      `restart: ${acknowledged.size} acknowledged writes, ${stored.size} items after the restart, ` +
        `${stored.size - inMainFile} of them only in the ${walBytes}-byte WAL at the kill\n`,
    );
  } finally {
    graph.child.kill('SIGKILL');
    await graph.exited;
  }
}, 120_000);

test('server closed after applying a $batch and before answering: unknown rows reported, a retry completes them once', async () => {
  const EDITS = 110;
  const NEW = 30;
  await seed(
    world,
    Array.from({ length: EDITS }, (_, i) => asset(`rs ${i}`)),
  );
  const listId = world.listIds.dataInventory;
  const before = new Map(storeItems(world.graph, listId).map((item) => [item.id, item.version]));

  let batches = 0;
  let killAt = 0;
  const client = await world.clientAs(PEOPLE.focalPoint.upn, {
    fetchImpl: async (input, init) => {
      const isBatch = String(input instanceof Request ? input.url : input).includes('$batch');
      if (isBatch) batches++;
      const response = await fetch(input, init);
      if (isBatch && batches === killAt) {
        // The server dies with the answer unsent: the writes of this batch are in SQLite, the client never knows.
        await world.graph.close();
        throw new TypeError('fetch failed: socket hang up');
      }
      return response;
    },
  });
  const workbook = new MemoryWorkbook();
  const engine = createSyncEngine({
    workbook,
    gateway: world.repoAs(client),
    schema: REGISTERS.dataInventory,
    mission: MISSION,
    locale: 'en',
    now: () => new Date('2025-06-01T10:00:00Z'),
  });
  await engine.pull();
  const rows = await workbook.readRows(engine.tableName);
  const titleCol = col(engine, 'Title');
  rows.forEach((cells, row) => {
    if (String(cells[titleCol]).startsWith('Asset rs '))
      workbook.enter(engine.tableName, row, col(engine, 'retention'), `Pushed ${String(cells[titleCol])}`);
  });
  await engine.addRows(NEW);
  for (let i = 0; i < NEW; i++) {
    const type = (field: string, text: string) =>
      workbook.enter(engine.tableName, rows.length + i, col(engine, field), text);
    type('Title', `Asset rs new ${i}`);
    type('description', 'Household survey');
    type('assetType', 'Dataset');
    type('domain', 'Beneficiary and case management');
    type('owner', PEOPLE.otherCustodian.upn);
    type('custodian', PEOPLE.custodian.upn);
    type('location', 'Cloud service');
    type('sensitivity', 'Internal');
    type('containsPersonalData', 'No');
    type('retention', '2 years');
  }

  // 140 writes = 7 envelopes of 20; the 6th (the last 10 edits and the first 10 new rows) is applied, unanswered;
  // the 7th finds the server gone.
  batches = 0;
  killAt = 6;
  const first = await engine.push();
  expect(first.counts.saved).toBe(100);
  const unknown = first.rows.filter((r) => r.status === 'rejected');
  expect(unknown).toHaveLength(40);
  // The rows of the unanswered batch are unknown (networkError: maybe saved); the rest were never sent.
  expect(unknown.filter((r) => r.code === 'networkError')).toHaveLength(20);
  expect(unknown.filter((r) => r.code === 'notSent')).toHaveLength(20);

  await world.restart();
  const again = await engine.push();
  expect(again.counts).toMatchObject({ saved: 40, rejected: 0, conflict: 0, invalid: 0 });
  expect(await engine.pending()).toBe(0);

  const titles = byTitle(storeItems(world.graph, listId));
  for (let i = 0; i < EDITS; i++) {
    const items = titles.get(`Asset rs ${i}`) ?? [];
    expect(items).toHaveLength(1);
    expect(items[0]?.fields.retention).toBe(`Pushed Asset rs ${i}`);
    expect(items[0]?.version).toBe((before.get(items[0]?.id ?? -1) ?? 0) + 1);
  }
  for (let i = 0; i < NEW; i++) expect(titles.get(`Asset rs new ${i}`) ?? []).toHaveLength(1);
}, 60_000);
