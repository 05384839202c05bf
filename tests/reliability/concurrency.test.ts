// Concurrency: the same record edited at once from the tab (custodian, If-Match), from Excel (the focal
// point's push) and from a bot card (the custodian fills the missing field). Exactly one write wins per eTag;
// the other two get a conflict they can resolve (the tab its ConflictError with the server's record, Excel a
// conflict row with both values, the bot the "someone changed this record" answer); the store holds exactly
// one new version with the winner's value, so no edit is lost without its author seeing it.
import { REGISTERS } from '../../src/domain/registers';
import { MemoryWorkbook } from '../../src/addin/excel/memory-workbook';
import { createSyncEngine } from '../../src/addin/sync/engine';
import type { SyncEngine } from '../../src/addin/sync/engine';
import { startLocalConnector } from '../../src/bot';
import type { BotPerson, LocalConnector } from '../../src/bot';
import { tr } from '../../src/bot/cards';
import { isConflictError } from '../../src/graph';
import type { DomainRecord } from '../../src/domain/schema/types';
import { RUN_DAY, wireBot } from './bot-world';
import type { WiredBot } from './bot-world';
import { asset, MISSION, PEOPLE, seed, startWorld } from './world';
import type { World } from './world';

type Json = Record<string, unknown>;
const nodes = (value: unknown): Json[] => {
  const out: Json[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      out.push(v as Json);
      Object.values(v).forEach(walk);
    }
  };
  walk(value);
  return out;
};

const ROUNDS = 6;
let world: World;
let connector: LocalConnector;
let wired: WiredBot;
let records: DomainRecord[];
let engine: SyncEngine;
let workbook: MemoryWorkbook;
let aminaId: string;

beforeAll(async () => {
  world = await startWorld();
  records = await seed(
    world,
    Array.from({ length: ROUNDS }, (_, i) => asset(`race ${i}`, { retention: null })),
  );
  aminaId = world.graph.store.getUser(PEOPLE.custodian.upn)?.id ?? '';
  const person = (upn: string, name: string, extra: Partial<BotPerson> = {}): BotPerson => ({
    email: upn,
    displayName: name,
    locale: 'en',
    timeZone: 'UTC',
    missionId: MISSION,
    focalPointOf: [],
    officer: false,
    active: true,
    userId: world.graph.store.getUser(upn)?.id ?? '',
    ...extra,
  });
  const people = [
    person(PEOPLE.custodian.upn, PEOPLE.custodian.name),
    person(PEOPLE.focalPoint.upn, PEOPLE.focalPoint.name, { focalPointOf: [MISSION] }),
  ];
  // The connector knows the chat's members, as Teams does: the bot resolves who clicked through it.
  connector = await startLocalConnector({
    users: async () =>
      people.map((p) => ({ userId: p.userId ?? '', displayName: p.displayName, email: p.email })),
  });
  wired = await wireBot({
    graphUrl: world.graph.url,
    siteId: world.siteId,
    listIds: world.listIds,
    clientId: world.botApp.clientId,
    clientSecret: world.botApp.clientSecret,
    ledgerPath: ':memory:',
    serviceUrl: connector.url,
    people,
    now: RUN_DAY.toISOString(),
  });
  const botUrl = await wired.bot.listen(0);
  connector.setBotEndpoint(`${botUrl}/api/messages`);
  const summary = await wired.bot.runNow();
  expect(summary.outcome).toBe('completed');

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
  await wired?.close();
  await connector?.close();
  await world?.close();
});

test('tab, Excel and a bot card edit the same record at once: one wins per eTag, the others see a conflict', async () => {
  const tab = world.repoAs(await world.clientAs(PEOPLE.custodian.upn));
  const conversation = connector.conversationOf(aminaId) ?? '';
  const digest = connector
    .activities(conversation)
    .find((a) => a.fromBot && Array.isArray(a.activity.attachments));
  expect(digest).toBeDefined();
  const fills = nodes(digest?.activity).filter((n) => n.verb === 'fill');
  const titleCol = engine.layout.fieldCols.get('Title') ?? -1;
  const retentionCol = engine.layout.fieldCols.get('retention') ?? -1;
  const winners: string[] = [];

  for (const [k, record] of records.entries()) {
    const id = String(record.id);
    const listId = world.listIds.dataInventory;
    const versionBefore = world.graph.store.getItem(listId, Number(id))?.version ?? 0;
    const fill = fills.find((n) => (n.data as Json).key === `dataInventory:${id}`);
    expect(fill).toBeDefined();
    const fillData = fill?.data as Json;
    const rows = await workbook.readRows(engine.tableName);
    const row = rows.findIndex((cells) => cells[titleCol] === `Asset race ${k}`);
    workbook.enter(engine.tableName, row, retentionCol, `Excel ${k}`);

    // Vary who starts first from round to round.
    const delays = [0, 1, 2].map((i) => ((k + i) % 3) * 2);
    const after = <T>(ms: number, run: () => Promise<T>) =>
      new Promise<T>((resolve, reject) => setTimeout(() => run().then(resolve, reject), ms));
    const [tabResult, excelResult, botResult] = await Promise.allSettled([
      after(delays[0] ?? 0, () => tab.update(id, { retention: `Tab ${k}` }, String(record.eTag))),
      after(delays[1] ?? 0, () => engine.push()),
      after(delays[2] ?? 0, () =>
        connector.invoke(aminaId, digest?.id ?? '', {
          verb: 'fill',
          data: { ...fillData, [String(fillData.input)]: `Bot ${k}` },
        }),
      ),
    ]);

    const outcome: Record<string, 'won' | 'conflict' | string> = {};
    // Tab: saved, or a ConflictError carrying the server's record for the conflict dialog.
    if (tabResult.status === 'fulfilled') outcome.tab = 'won';
    else if (isConflictError(tabResult.reason) && tabResult.reason.current) outcome.tab = 'conflict';
    else outcome.tab = String(tabResult.reason);
    // Excel: the row saved, or a conflict row with mine and theirs for the retention cell.
    if (excelResult.status === 'fulfilled') {
      const report = excelResult.value;
      const conflict = report.conflicts.find((c) => c.id === id);
      if (report.counts.saved === 1) outcome.excel = 'won';
      else if (conflict?.fields.some((f) => f.field === 'retention' && f.mine === `Excel ${k}`))
        outcome.excel = 'conflict';
      else outcome.excel = JSON.stringify(report.counts);
    } else outcome.excel = String(excelResult.reason);
    // Bot: the refreshed card, or the conflict answer.
    if (botResult.status === 'fulfilled') {
      const body = botResult.value.body;
      if (body?.type === 'application/vnd.microsoft.card.adaptive') outcome.bot = 'won';
      else if (body?.value === tr('en', 'conflict')) outcome.bot = 'conflict';
      else outcome.bot = JSON.stringify(body);
    } else outcome.bot = String(botResult.reason);

    const won = Object.entries(outcome).filter(([, v]) => v === 'won');
    expect({ round: k, outcome, won: won.length }).toEqual({
      round: k,
      outcome: Object.fromEntries(
        Object.entries(outcome).map(([who, v]) => [who, v === 'won' ? 'won' : 'conflict']),
      ),
      won: 1,
    });
    const winner = won[0]?.[0] ?? '';
    winners.push(winner);
    const item = world.graph.store.getItem(listId, Number(id));
    expect(item?.version).toBe(versionBefore + 1);
    const expected = { tab: `Tab ${k}`, excel: `Excel ${k}`, bot: `Bot ${k}` }[winner];
    expect(item?.fields.retention).toBe(expected);

    // The Excel loser resolves its conflict by taking theirs: the sheet then matches SharePoint.
    const report = excelResult.status === 'fulfilled' ? excelResult.value : undefined;
    const conflict = report?.conflicts.find((c) => c.id === id);
    if (conflict) await engine.resolve(conflict, 'takeTheirs');
    expect(await engine.pending()).toBe(0);
  }
  // Over the rounds, the race went more than one way.
  expect(new Set(winners).size).toBeGreaterThan(1);
}, 60_000);
