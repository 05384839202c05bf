// localgraph killed mid-push: the server closes right after it applied one $batch and before it answered;
// the push reports which rows are unknown; localgraph starts again on the same SQLite file and port, and a
// second push completes them without duplicates (client keys) and without turning the focal point's own saved
// edits into conflicts.
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

test('killed after applying a $batch and before answering: unknown rows reported, a retry completes them once', async () => {
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
