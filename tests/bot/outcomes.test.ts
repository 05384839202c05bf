// The reminder report through the governance site: a run publishes one ReminderOutcomes item per
// recipient (through the bot's own Sites.Selected identity), a re-run updates them, a click marks acted.
import { parseReminderOutcome, reminderReport } from '../../src/domain/governance';
import type { ReminderOutcome } from '../../src/domain/governance';
import { asset, email, startBot, startWorld } from './harness';
import type { BotInstance, World } from './harness';

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

let world: World;
let instance: BotInstance;
const CUSTODIANS: Record<string, string> = { amina: 'senegal', carlos: 'colombia', john: 'kenya' };

beforeAll(async () => {
  world = await startWorld();
  for (const [who, mission] of Object.entries(CUSTODIANS)) {
    await world.adminRepos.dataInventory.create(asset(`${who} registry`, email(who), mission, '2024-03-01'));
    await world.adminRepos.dataInventory.create(asset(`${who} payroll`, email(who), mission, '2024-04-01'));
  }
  instance = await startBot(world, { publishOutcomes: true });
}, 60_000);

afterAll(async () => {
  await instance?.stop();
  await world?.close();
});

const published = async (): Promise<ReminderOutcome[]> =>
  (await world.outcomesRepo.list()).flatMap((r) => parseReminderOutcome(r.values) ?? []);

test('a run writes exactly one outcome item per recipient', async () => {
  const summary = await instance.bot.runNow();
  expect(summary.sent).toBe(3);
  const items = await published();
  expect(items.map((o) => o.recipient).sort()).toEqual(Object.keys(CUSTODIANS).map(email).sort());
  for (const o of items) {
    expect(o).toMatchObject({
      runId: summary.runId,
      runDate: summary.day,
      status: 'sent',
      records: 2,
      escalated: false,
      mission: CUSTODIANS[o.recipient.split('@')[0]!],
    });
  }
  // Written by the bot's own identity, not the admin.
  const raw = await world.outcomesRepo.list();
  expect(raw.every((r) => r.values.Title === `${summary.runId}/${String(r.values.recipient)}`)).toBe(true);
});

test('a re-run of the day updates the items instead of adding new ones', async () => {
  const before = await world.outcomesRepo.list();
  const again = await instance.bot.runNow();
  expect(again.sent).toBe(0);
  const after = await world.outcomesRepo.list();
  expect(after).toHaveLength(before.length);
  expect(after.map((r) => r.id).sort()).toEqual(before.map((r) => r.id).sort());
  // Nothing changed: not even rewritten.
  expect(after.map((r) => r.eTag).sort()).toEqual(before.map((r) => r.eTag).sort());

  // An item that drifted from the ledger (edited by hand) is put right, in place, by the next run.
  const carlos = after.find((r) => r.values.recipient === email('carlos'))!;
  await world.outcomesRepo.update(carlos.id!, { status: 'pending', recordCount: 0 }, carlos.eTag!);
  await instance.bot.runNow();
  const repaired = await world.outcomesRepo.list();
  expect(repaired).toHaveLength(before.length);
  expect(repaired.find((r) => r.id === carlos.id)?.values).toMatchObject({ status: 'sent', recordCount: 2 });
});

test('a click marks the recipient as acted, on the same item', async () => {
  const userId = world.people.find((p) => p.email === email('amina'))!.userId!;
  const conversation = world.connector.conversationOf(userId)!;
  const digest = world.connector.activities(conversation).find((a) => a.fromBot && a.activity.attachments)!;
  const confirm = nodes(digest.activity).find((n) => n.verb === 'confirm')!;
  await world.connector.invoke(userId, digest.id, { verb: 'confirm', data: confirm.data as Json });
  await instance.bot.outcomesIdle();
  const items = await published();
  expect(items).toHaveLength(3);
  const amina = items.find((o) => o.recipient === email('amina'));
  expect(amina?.status).toBe('acted');
  expect(amina?.actedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  // And the report groups it per run and mission.
  const report = reminderReport(items);
  expect(report.find((g) => g.mission === 'senegal')).toMatchObject({
    reminded: [email('amina')],
    acted: [email('amina')],
    failed: [],
  });
});

test('a recipient the bot cannot reach is published as failed, with the reason', async () => {
  // A second day: Olga (no records until now) has no chat and the connector cannot open one for her.
  await world.adminRepos.dataInventory.create(
    asset('olga registry', email('outsider'), 'kenya', '2024-03-01'),
  );
  const next = await startBot(world, { publishOutcomes: true, now: new Date('2025-06-03T14:00:00Z') });
  try {
    const outsider = world.people.find((p) => p.email === email('outsider'))!;
    const saved = outsider.userId;
    // Take away Olga's directory id for this run: no chat can be opened for her.
    (outsider as { userId?: string }).userId = undefined;
    const summary = await next.bot.runNow();
    (outsider as { userId?: string }).userId = saved;
    expect(summary.noConversation).toContain(email('outsider'));
    const items = (await published()).filter((o) => o.runId === summary.runId);
    const olga = items.find((o) => o.recipient === email('outsider'));
    expect(olga).toMatchObject({ status: 'noConversation', mission: 'kenya' });
    expect(olga?.failureReason).toMatch(/conversation/i);
    const group = reminderReport(items).find((g) => g.runId === summary.runId && g.mission === 'kenya');
    expect(group?.failed.map((f) => f.recipient)).toEqual([email('outsider')]);
  } finally {
    await next.stop();
  }
});
