// Faults: localgraph answers 10 % of Graph requests 429 (Retry-After 0) and 5 % 503. An Excel push of 2,000
// rows, a tab session of 200 edits and a reminder run to 500 custodians each end with every write applied
// exactly once, read back from localgraph's store (item versions count the writes).
import { REGISTERS } from '../../src/domain/registers';
import { MemoryWorkbook } from '../../src/addin/excel/memory-workbook';
import { createSyncEngine } from '../../src/addin/sync/engine';
import type { PushReport } from '../../src/addin/sync/engine';
import { startLocalConnector } from '../../src/bot';
import type { BotPerson } from '../../src/bot';
import { digestCounts, RUN_DAY, startConnectorGate, wireBot } from './bot-world';
import { asset, byTitle, col, DOMAIN, MISSION, PEOPLE, seed, startWorld, storeItems } from './world';
import type { World } from './world';

const FAULTS = { throttleRate: 0.1, unavailableRate: 0.05, retryAfterSeconds: 0, latencyMs: 0 };
const NO_FAULTS = { throttleRate: 0, unavailableRate: 0, retryAfterSeconds: 0, latencyMs: 0 };

let world: World;
const CUSTODIANS = 500;
const upnOf = (i: number) => `custodian${String(i).padStart(3, '0')}@${DOMAIN}`;

beforeAll(async () => {
  world = await startWorld({
    extraUsers: Array.from({ length: CUSTODIANS }, (_, i) => ({ upn: upnOf(i), name: `Custodian ${i}` })),
  });
}, 120_000);

afterAll(async () => {
  world.graph.setFaults(NO_FAULTS);
  await world?.close();
});

afterEach(() => world.graph.setFaults(NO_FAULTS));

test('Excel push of 2,000 rows (1,900 edits, 100 new rows) under 429/503: each applied exactly once', async () => {
  const EDITS = 1_900;
  const NEW = 100;
  await seed(
    world,
    Array.from({ length: EDITS }, (_, i) => asset(`xl ${i}`)),
  );
  const listId = world.listIds.dataInventory;
  const versionsBefore = new Map(storeItems(world.graph, listId).map((item) => [item.id, item.version]));

  let batches = 0;
  const focal = world.repoAs(
    await world.clientAs(PEOPLE.focalPoint.upn, {
      fetchImpl: (input, init) => {
        if (String(input instanceof Request ? input.url : input).includes('$batch')) batches++;
        return fetch(input, init);
      },
    }),
  );
  const workbook = new MemoryWorkbook();
  const engine = createSyncEngine({
    workbook,
    gateway: focal,
    schema: REGISTERS.dataInventory,
    mission: MISSION,
    locale: 'en',
    now: () => new Date('2025-06-01T10:00:00Z'),
  });
  await engine.pull();
  const rows = await workbook.readRows(engine.tableName);
  const titleCol = col(engine, 'Title');
  const retention = col(engine, 'retention');
  rows.forEach((cells, row) => {
    if (String(cells[titleCol]).startsWith('Asset xl '))
      workbook.enter(engine.tableName, row, retention, `Kept ${String(cells[titleCol])}`);
  });
  const first = rows.length;
  await engine.addRows(NEW);
  for (let i = 0; i < NEW; i++) {
    const type = (field: string, text: string) =>
      workbook.enter(engine.tableName, first + i, col(engine, field), text);
    type('Title', `Asset new ${i}`);
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

  batches = 0;
  world.graph.setFaults(FAULTS);
  // The focal point pushes, and pushes again while the report shows rows the service kept refusing (throttled
  // five times in a row): what the pane's report asks them to do.
  const reports: PushReport[] = [await engine.push()];
  const throttled = (r: PushReport) =>
    r.rows.filter(
      (row) =>
        row.status === 'rejected' && ['activityLimitReached', 'serviceNotAvailable'].includes(row.code ?? ''),
    );
  while (throttled(reports[reports.length - 1] as PushReport).length > 0 && reports.length < 4) {
    reports.push(await engine.push());
  }
  world.graph.setFaults(NO_FAULTS);

  // 2,000 writes fit in 100 envelopes of 20: more means throttled sub-requests were sent again.
  expect(batches).toBeGreaterThan(100);
  const last = reports[reports.length - 1] as PushReport;
  expect(last.counts.rejected).toBe(0);
  expect(last.counts.invalid).toBe(0);
  expect(last.counts.conflict).toBe(0);
  expect(reports.reduce((n, r) => n + r.counts.saved, 0)).toBe(EDITS + NEW);
  expect(await engine.pending()).toBe(0);

  const items = storeItems(world.graph, listId);
  const titles = byTitle(items);
  for (let i = 0; i < EDITS; i++) {
    const [item, ...dupes] = titles.get(`Asset xl ${i}`) ?? [];
    expect(dupes).toHaveLength(0);
    expect(item?.fields.Retention ?? item?.fields.retention).toBe(`Kept Asset xl ${i}`);
    // One write, one new version.
    expect(item?.version).toBe((versionsBefore.get(item?.id ?? -1) ?? 0) + 1);
  }
  for (let i = 0; i < NEW; i++) {
    const found = titles.get(`Asset new ${i}`) ?? [];
    expect(found).toHaveLength(1);
    expect(found[0]?.version).toBe(1);
  }
}, 180_000);

test('a tab session of 200 edits under 429/503: each applied exactly once', async () => {
  const RECORDS = 50;
  const created = await seed(
    world,
    Array.from({ length: RECORDS }, (_, i) => asset(`tab ${i}`)),
  );
  const listId = world.listIds.dataInventory;
  const before = new Map(storeItems(world.graph, listId).map((item) => [item.id, item.version]));
  // The tab's client: the custodian's token, the SDK's retry with the tab's settings (4 retries).
  let refused = 0;
  const repo = world.repoAs(
    await world.clientAs(PEOPLE.custodian.upn, {
      retry: { maxRetries: 4 },
      fetchImpl: async (input, init) => {
        const response = await fetch(input, init);
        if (response.status === 429 || response.status === 503) refused++;
        return response;
      },
    }),
  );
  world.graph.setFaults(FAULTS);
  const lastEdit = new Map<string, string>();
  for (let k = 0; k < 200; k++) {
    const id = String(created[k % RECORDS]?.id);
    // Open the record (fresh read, as the record page does), change one field, save with its eTag.
    const record = await repo.get(id);
    const text = `Edit ${k} in the tab`;
    const saved = await repo.update(id, { retention: text }, record.eTag ?? '');
    expect(saved.values.retention).toBe(text);
    lastEdit.set(id, text);
  }
  world.graph.setFaults(NO_FAULTS);
  expect(refused).toBeGreaterThan(10);
  for (const [id, text] of lastEdit) {
    const item = world.graph.store.getItem(listId, Number(id));
    expect(item?.fields.Retention ?? item?.fields.retention).toBe(text);
    expect(item?.version).toBe((before.get(Number(id)) ?? 0) + 200 / RECORDS);
  }
}, 120_000);

test('a reminder run to 500 custodians under Graph and connector 429/503: one digest each, all recorded', async () => {
  await seed(
    world,
    Array.from({ length: CUSTODIANS }, (_, i) =>
      asset(`bot ${i}`, {
        custodian: upnOf(i),
        owner: upnOf(i),
        lastReviewed: '2024-02-01',
        reviewCycle: 'Annual',
      }),
    ),
  );
  const people: BotPerson[] = Array.from({ length: CUSTODIANS }, (_, i) => ({
    email: upnOf(i),
    displayName: `Custodian ${i}`,
    locale: 'en',
    timeZone: 'UTC',
    missionId: MISSION,
    focalPointOf: [],
    officer: false,
    active: true,
    userId: world.graph.store.getUser(upnOf(i))?.id ?? '',
  }));
  const connector = await startLocalConnector();
  const gate = await startConnectorGate(connector.url, {
    throttleRate: 0.1,
    unavailableRate: 0.05,
    seed: 11,
  });
  const { bot, ledger, close } = await wireBot({
    graphUrl: world.graph.url,
    siteId: world.siteId,
    listIds: world.listIds,
    clientId: world.botApp.clientId,
    clientSecret: world.botApp.clientSecret,
    ledgerPath: ':memory:',
    serviceUrl: gate.url,
    people,
    now: RUN_DAY.toISOString(),
    runOptions: { perSecond: 500, concurrency: 8, maxAttempts: 8 },
  });
  try {
    world.graph.setFaults(FAULTS);
    const summary = await bot.runNow();
    world.graph.setFaults(NO_FAULTS);
    expect(summary.outcome).toBe('completed');
    expect(gate.stats.throttled + gate.stats.unavailable).toBeGreaterThan(0);
    const counts = digestCounts(connector);
    const perPerson = people.map((p) => counts.get(connector.conversationOf(p.userId ?? '') ?? '') ?? 0);
    expect(perPerson.filter((n) => n !== 1)).toEqual([]);
    const report = ledger.recipientReport(summary.runId);
    // The 500 plus the world's own people who hold the seeded records of the other tests.
    expect(report.filter((r) => r.recipient.startsWith('custodian')).map((r) => r.status)).toEqual(
      Array.from({ length: CUSTODIANS }, () => 'sent'),
    );
    expect(ledger.deadLetters(summary.runId).filter((d) => d.recipient.startsWith('custodian'))).toEqual([]);
  } finally {
    await close();
    await gate.close();
    await connector.close();
  }
}, 180_000);
