// A full reminder run against localgraph and the local connector, clicks included.
import { Cron } from 'croner';
import { REMINDER_SCHEDULE } from '../../src/bot';
import type { RunSummary } from '../../src/bot';
import { REGISTERS } from '../../src/domain/registers';
import type { DomainRecord } from '../../src/domain/schema';
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
const records: Record<string, DomainRecord> = {};
const CUSTODIANS = ['amina', 'carlos', 'layla', 'john', 'mei', 'ana'];
const MISSION: Record<string, string> = {
  amina: 'senegal',
  carlos: 'colombia',
  layla: 'jordan',
  john: 'kenya',
  mei: 'kenya',
  ana: 'colombia',
};

beforeAll(async () => {
  world = await startWorld();
  const repo = world.adminRepos.dataInventory;
  for (const who of CUSTODIANS) {
    // Two stale records each (reviewed over a year ago), and a fresh one that must not be listed.
    records[`${who}-1`] = await repo.create(
      asset(`${who} registry`, email(who), MISSION[who]!, '2024-03-01'),
    );
    records[`${who}-2`] = await repo.create(asset(`${who} payroll`, email(who), MISSION[who]!, '2024-05-15'));
    records[`${who}-fresh`] = await repo.create(
      asset(`${who} fresh`, email(who), MISSION[who]!, '2025-05-01'),
    );
  }
  // Incomplete: retention missing.
  records['amina-gap'] = await repo.create(
    asset('Amina survey', email('amina'), 'senegal', '2025-05-01', { retention: null }),
  );
  // No custodian: goes to the Senegal focal point.
  records.orphan = await repo.create(
    asset('Orphan dataset', email('fatou'), 'senegal', '2024-01-10', { custodian: null }),
  );
}, 60_000);

afterAll(async () => {
  await world?.close();
});

const digestsFor = (w: World, who: string) => {
  const conversation = w.connector.conversationOf(w.people.find((p) => p.email === email(who))!.userId!);
  if (!conversation) return [];
  return w.connector
    .activities(conversation)
    .filter((a) => a.fromBot && Array.isArray(a.activity.attachments));
};

const userIdOf = (who: string) => world.people.find((p) => p.email === email(who))!.userId!;

describe('a reminder run reaches every custodian once and their clicks fix the registers', () => {
  let instance: BotInstance;
  beforeAll(async () => {
    instance = await startBot(world);
  });
  afterAll(async () => {
    await instance.stop();
  });

  test('every custodian (and the focal point) gets exactly one digest', async () => {
    const summary = await instance.bot.runNow();
    expect(summary.outcome).toBe('completed');
    expect(summary.sent).toBe(7);
    for (const who of [...CUSTODIANS, 'fatou']) expect(digestsFor(world, who)).toHaveLength(1);
    expect(digestsFor(world, 'outsider')).toHaveLength(0);
    const amina = nodes(digestsFor(world, 'amina')[0]!.activity);
    const keys = amina.filter((n) => n.verb === 'confirm').map((n) => (n.data as Json).key);
    expect(keys).toEqual([
      `dataInventory:${records['amina-1']!.id}`,
      `dataInventory:${records['amina-2']!.id}`,
      `dataInventory:${records['amina-gap']!.id}`,
    ]);
    // In her language (French).
    expect(amina.find((n) => n.type === 'AdaptiveCard')).toMatchObject({ lang: 'fr', version: '1.5' });
    const fatou = nodes(digestsFor(world, 'fatou')[0]!.activity);
    expect(fatou.filter((n) => n.verb === 'confirm').map((n) => (n.data as Json).key)).toEqual([
      `dataInventory:${records.orphan!.id}`,
    ]);
    // Arabic card is right to left.
    expect(
      nodes(digestsFor(world, 'layla')[0]!.activity).find((n) => n.type === 'AdaptiveCard'),
    ).toMatchObject({ lang: 'ar', rtl: true });
    expect(instance.ledger.recipientReport(summary.runId).every((r) => r.status === 'sent')).toBe(true);
  });

  test('a second run the same day sends nothing again', async () => {
    const again = await instance.bot.runNow();
    expect(again.sent).toBe(0);
    for (const who of CUSTODIANS) expect(digestsFor(world, who)).toHaveLength(1);
  });

  test('"Still accurate" marks the record reviewed (If-Match) and the card updates in place', async () => {
    const [digest] = digestsFor(world, 'amina');
    const confirm = nodes(digest!.activity).find((n) => n.verb === 'confirm')!;
    const before = await world.adminRepos.dataInventory.get(records['amina-1']!.id!);
    const result = await world.connector.invoke(userIdOf('amina'), digest!.id, {
      verb: 'confirm',
      data: confirm.data as Json,
    });
    expect(result.body?.type).toBe('application/vnd.microsoft.card.adaptive');
    const after = await world.adminRepos.dataInventory.get(records['amina-1']!.id!);
    expect(after.values.lastReviewed).toBe('2025-06-02');
    expect(after.values.lastReviewedBy).toBe(email('amina'));
    expect(after.eTag).not.toBe(before.eTag);
    // The card in the chat was replaced: the record shows what was done, its buttons are gone.
    const refreshed = nodes(world.connector.activities().find((a) => a.id === digest!.id)!.activity);
    expect(refreshed.filter((n) => n.verb === 'confirm').map((n) => (n.data as Json).key)).not.toContain(
      `dataInventory:${records['amina-1']!.id}`,
    );
    expect(
      refreshed.some(
        (n) => n.type === 'TextRun' && String(n.text).startsWith('✓ Confirmé exact par Amina Diallo'),
      ),
    ).toBe(true);
    expect(instance.ledger.historyOf(`dataInventory:${records['amina-1']!.id}`)?.unanswered).toBe(0);
  });

  test('a click by someone else is refused and nothing is written', async () => {
    const [digest] = digestsFor(world, 'amina');
    const confirm = nodes(digest!.activity).find((n) => n.verb === 'confirm')!;
    const key = String((confirm.data as Json).key);
    const id = key.split(':')[1]!;
    const before = await world.adminRepos.dataInventory.get(id);
    const result = await world.connector.invoke(userIdOf('outsider'), digest!.id, {
      verb: 'confirm',
      data: confirm.data as Json,
    });
    expect(result.body).toMatchObject({ type: 'application/vnd.microsoft.activity.message' });
    expect(String(result.body?.value)).toContain('Only the record’s custodian or the mission’s focal point');
    const after = await world.adminRepos.dataInventory.get(id);
    expect(after.eTag).toBe(before.eTag);
  });

  test('the mission focal point may act on a custodian’s record', async () => {
    const [digest] = digestsFor(world, 'amina');
    const snooze = nodes(digest!.activity).find(
      (n) => n.verb === 'snooze' && (n.data as Json).key === `dataInventory:${records['amina-2']!.id}`,
    )!;
    const result = await world.connector.invoke(userIdOf('fatou'), digest!.id, {
      verb: 'snooze',
      data: snooze.data as Json,
    });
    expect(result.body?.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(instance.ledger.historyOf(`dataInventory:${records['amina-2']!.id}`)).toMatchObject({
      snoozedUntil: '2025-06-16',
      consecutiveSnoozes: 1,
    });
  });

  test('a forged record id is refused', async () => {
    const [digest] = digestsFor(world, 'amina');
    const confirm = nodes(digest!.activity).find((n) => n.verb === 'confirm')!;
    const forged = { ...(confirm.data as Json), key: `dataInventory:${records['john-1']!.id}` };
    const before = await world.adminRepos.dataInventory.get(records['john-1']!.id!);
    const result = await world.connector.invoke(userIdOf('amina'), digest!.id, {
      verb: 'confirm',
      data: forged,
    });
    expect(String(result.body?.value)).toContain('ne fait pas partie de ce rappel');
    expect((await world.adminRepos.dataInventory.get(records['john-1']!.id!)).eTag).toBe(before.eTag);
  });

  test('the missing field is filled from the card', async () => {
    const [digest] = digestsFor(world, 'amina');
    const fill = nodes(digest!.activity).find((n) => n.verb === 'fill')!;
    const data = fill.data as Json;
    expect(data.field).toBe('retention');
    const result = await world.connector.invoke(userIdOf('amina'), digest!.id, {
      verb: 'fill',
      data: { ...data, [String(data.input)]: '7 years' },
    });
    expect(result.body?.type).toBe('application/vnd.microsoft.card.adaptive');
    expect((await world.adminRepos.dataInventory.get(records['amina-gap']!.id!)).values.retention).toBe(
      '7 years',
    );
  });

  test('reassign hands the record to another person', async () => {
    const [digest] = digestsFor(world, 'john');
    const reassign = nodes(digest!.activity).find((n) => n.verb === 'reassign')!;
    const data = reassign.data as Json;
    const result = await world.connector.invoke(userIdOf('john'), digest!.id, {
      verb: 'reassign',
      data: { ...data, [String(data.input)]: email('mei') },
    });
    expect(result.body?.type).toBe('application/vnd.microsoft.card.adaptive');
    const id = String(data.key).split(':')[1]!;
    expect((await world.adminRepos.dataInventory.get(id)).values.custodian).toBe(email('mei'));
  });

  test('chat commands: help and status', async () => {
    await world.connector.userMessage(userIdOf('carlos'), 'ayuda');
    await world.connector.userMessage(userIdOf('carlos'), 'estado');
    const texts = world.connector
      .activities(world.connector.conversationOf(userIdOf('carlos')))
      .filter((a) => a.fromBot && a.activity.text)
      .map((a) => String(a.activity.text));
    expect(texts.some((t) => t.startsWith('Le recuerdo'))).toBe(true);
    expect(texts.some((t) => t.startsWith('Es custodio de 3 registros'))).toBe(true);
  });
});

describe('durable runs', () => {
  test('a run killed after half the sends, restarted, sends only the other half', async () => {
    const day = new Date('2025-06-03T14:00:00Z');
    const first = await startBot(world, { now: day });
    const db = (first.ledger.db as unknown as { name: string }).name;
    const controller = new AbortController();
    const originalSend = first.bot.transport.sendCard.bind(first.bot.transport);
    let sends = 0;
    first.bot.transport.sendCard = async (ref, card, summary) => {
      const result = await originalSend(ref, card, summary);
      sends += 1;
      if (sends === 3) controller.abort();
      return result;
    };
    const before = world.connector.stats.received;
    const killed = await first.bot.runNow({ signal: controller.signal, concurrency: 1 });
    expect(killed.outcome).toBe('interrupted');
    expect(killed.sent).toBe(3);
    await first.stop();

    // Restarted later (the dead worker's lease has expired).
    const second = await startBot(world, { db, now: day });
    second.clock.now = Date.now() + 120_000;
    const resumed = await second.bot.runNow();
    expect(resumed.outcome).toBe('completed');
    expect(resumed.sent).toBe(world.connector.stats.received - before - 3);
    const report = second.ledger.recipientReport(resumed.runId);
    expect(new Set(report.map((r) => r.recipient)).size).toBe(report.length);
    expect(report.every((r) => r.status === 'sent' || r.status === 'acted')).toBe(true);
    expect(killed.sent + resumed.sent).toBe(report.length);
    await second.stop();
  });

  test('the schedule runs every hour and once at start: a run killed mid-way is caught up at once', async () => {
    const hours = new Cron(REMINDER_SCHEDULE, { timezone: 'UTC' })
      .nextRuns(25, new Date('2025-06-09T00:30:00Z'))
      .map((d) => d.toISOString());
    expect(hours[0]).toBe('2025-06-09T01:00:00.000Z');
    // Every hour of every day (weekends too: a Friday evening in New York is Saturday in Manila).
    expect(new Set(hours).size).toBe(25);
    expect(hours.every((h, i) => i === 0 || Date.parse(h) - Date.parse(hours[i - 1]!) === 3_600_000)).toBe(
      true,
    );

    const day = new Date('2025-06-09T14:00:00Z');
    const first = await startBot(world, { now: day });
    const db = (first.ledger.db as unknown as { name: string }).name;
    const controller = new AbortController();
    const originalSend = first.bot.transport.sendCard.bind(first.bot.transport);
    first.bot.transport.sendCard = async (ref, card, summary) => {
      const result = await originalSend(ref, card, summary);
      controller.abort();
      return result;
    };
    const killed = await first.bot.runNow({ signal: controller.signal, concurrency: 1 });
    expect(killed.outcome).toBe('interrupted');
    await first.stop();

    // The process comes back (the dead worker's lease has expired): the start-up run finishes the day's run.
    const second = await startBot(world, { db, now: day });
    second.clock.now = Date.now() + 120_000;
    const caughtUp = await new Promise<RunSummary | Error>((resolve) => {
      const stop = second.bot.schedule(
        REMINDER_SCHEDULE,
        (result) => {
          stop();
          resolve(result);
        },
        { runAtStart: true },
      );
    });
    if (caughtUp instanceof Error) throw caughtUp;
    expect(caughtUp.outcome).toBe('completed');
    expect(caughtUp.sent).toBeGreaterThan(0);
    const report = second.ledger.recipientReport(caughtUp.runId);
    expect(report.every((r) => r.status === 'sent' || r.status === 'acted')).toBe(true);
    expect(killed.sent + caughtUp.sent).toBe(report.length);
    await second.stop();
  });

  test('two runs started for the same day: one sends, the other stands down', async () => {
    const day = new Date('2025-06-04T14:00:00Z');
    const a = await startBot(world, { now: day });
    const db = (a.ledger.db as unknown as { name: string }).name;
    const b = await startBot(world, { db, now: day });
    const [ra, rb] = await Promise.all([a.bot.runNow(), b.bot.runNow()]);
    expect([ra.outcome, rb.outcome].sort()).toEqual(['completed', 'stoodDown']);
    expect(ra.sent + rb.sent).toBeGreaterThan(0);
    expect(ra.sent === 0 || rb.sent === 0).toBe(true);
    await a.stop();
    await b.stop();
  });

  test('429s from the connector are absorbed (Retry-After)', async () => {
    const day = new Date('2025-06-05T14:00:00Z');
    const instance = await startBot(world, { now: day });
    const throttledBefore = world.connector.stats.throttled;
    world.connector.throttleNext(3, 1);
    const summary = await instance.bot.runNow();
    expect(summary.outcome).toBe('completed');
    expect(world.connector.stats.throttled - throttledBefore).toBe(3);
    expect(summary.retried).toBe(3);
    expect(summary.byStatus.failed ?? 0).toBe(0);
    expect(instance.ledger.deadLetters(summary.runId)).toEqual([]);
    await instance.stop();
  }, 30_000);

  test('an undeliverable digest goes to the dead-letter store with the reason', async () => {
    const day = new Date('2025-06-06T14:00:00Z');
    const instance = await startBot(world, { now: day });
    world.connector.failNext(1, 403);
    const summary = await instance.bot.runNow();
    expect(summary.byStatus.failed).toBe(1);
    const [letter] = instance.ledger.deadLetters(summary.runId);
    expect(letter?.reason).toContain('HTTP 403');
    expect(instance.ledger.recipientReport(summary.runId).filter((r) => r.status === 'failed')).toHaveLength(
      1,
    );
    await instance.stop();
  });
});

test('the register schema used by the bot is the domain one', () => {
  expect(REGISTERS.dataInventory.custodianField).toBe('custodian');
});
