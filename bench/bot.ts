// Reminder bot figures: planning time for 100,000 records / 5,000 custodians, and send throughput of
// a reminder run against the local connector at the configured rate (real Teams SDK client, SQLite
// ledger and queue). Run: npx tsx bench/bot.ts
import { performance } from 'node:perf_hooks';
import { App } from '@microsoft/teams.apps';
import { buildDigestCard, tr } from '../src/bot/cards';
import { startLocalConnector } from '../src/bot/connector';
import { RunLedger } from '../src/bot/ledger';
import { DEFAULT_REMINDER_POLICY, planDigests } from '../src/bot/planner';
import type { PlannerRecord } from '../src/bot/planner';
import type { BotPerson } from '../src/bot/people';
import { SqliteSendQueue } from '../src/bot/queue';
import { runReminders } from '../src/bot/sending/reminder-run';
import { teamsTransport } from '../src/bot/sending/transport';
import { localBotToken } from '../src/bot/local-token';
import { noopBotLogger, toTeamsLogger } from '../src/bot/logger';
import { REGISTERS } from '../src/domain/registers';
import { simulateHourlyRuns } from '../src/bot/sending/simulate-runs';
import {
  expectedRecipients,
  people as demoPeople,
  records as demoRecords,
  ZONES as ZONES_OF_MISSIONS,
} from '../tests/bot/demo-week';

const ZONES = ['Africa/Dakar', 'Africa/Nairobi', 'America/Bogota', 'Asia/Amman', 'Europe/Zurich'];
const NOW = new Date('2025-06-02T12:00:00Z');

const person = (i: number, extra: Partial<BotPerson> = {}): BotPerson => ({
  email: `c${i}@contoso.org`,
  displayName: `Custodian ${i}`,
  locale: (['en', 'fr', 'es', 'ar'] as const)[i % 4]!,
  timeZone: ZONES[i % ZONES.length],
  missionId: `m${i % 40}`,
  focalPointOf: [],
  officer: false,
  active: true,
  userId: `user-${i}`,
  ...extra,
});

const record = (i: number, custodians: number): PlannerRecord => ({
  key: `dataInventory:${i}`,
  register: 'dataInventory',
  id: String(i),
  title: `Asset ${i}`,
  mission: `m${i % 40}`,
  custodian: i % 97 === 0 ? null : `c${i % custodians}@contoso.org`,
  lastReviewed: '2024-01-01',
  cycle: 'Annual',
  reviewDueOn: `2025-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}`,
  missingFields: i % 11 === 0 ? ['retention'] : [],
});

export const benchPlanning = (records = 100_000, custodians = 5_000) => {
  const people = Array.from({ length: custodians }, (_, i) => person(i));
  for (let m = 0; m < 40; m++) people.push(person(custodians + m, { focalPointOf: [`m${m}`] }));
  const data = Array.from({ length: records }, (_, i) => record(i, custodians));
  const history = new Map(
    data
      .filter((_, i) => i % 3 === 0)
      .map((r, i) => [
        r.key,
        { recordKey: r.key, unanswered: i % 8, lastRemindedOn: '2025-05-20', consecutiveSnoozes: i % 3 },
      ]),
  );
  planDigests({ records: data.slice(0, 1000), people, history, now: NOW }, DEFAULT_REMINDER_POLICY); // warm up
  const times: number[] = [];
  let plan = planDigests({ records: data, people, history, now: NOW }, DEFAULT_REMINDER_POLICY);
  for (let k = 0; k < 5; k++) {
    const t = performance.now();
    plan = planDigests({ records: data, people, history, now: NOW }, DEFAULT_REMINDER_POLICY);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return {
    records,
    custodians,
    medianMs: times[2]!,
    digests: plan.digests.length,
    deferred: plan.deferred.length,
    escalatedTo: plan.governanceReport.length,
  };
};

export const benchSending = async (digests = 300, perSecond = 50) => {
  const connector = await startLocalConnector();
  const app = new App({
    clientId: 'bench-bot',
    token: localBotToken('bench-bot'),
    serviceUrl: connector.url,
    dangerouslyAllowUnauthenticatedRequests: true,
    httpServerAdapter: { registerRoute: () => undefined },
    logger: toTeamsLogger(noopBotLogger),
  });
  const ledger = new RunLedger({ path: ':memory:' });
  const queue = new SqliteSendQueue({ path: ':memory:' });
  const people = Array.from({ length: digests }, (_, i) => person(i, { timeZone: 'UTC' }));
  const records = Array.from({ length: digests * 3 }, (_, i) => record(i, digests)).map((r) => ({
    ...r,
    custodian: `c${Number(r.id) % digests}@contoso.org`,
  }));
  const started = performance.now();
  const summary = await runReminders(
    {
      ledger,
      queue,
      transport: teamsTransport(app),
      policy: DEFAULT_REMINDER_POLICY,
      loadInputs: async () => ({ records, people }),
      renderDigest: (row) => ({
        card: buildDigestCard(
          { cardId: row.cardId, digest: row.digest, outcomes: {} },
          {
            schemaOf: (r) => REGISTERS[r],
            openUrl: (r, id) => `http://localhost/tab/#/records/${r}/${id}`,
            reassignChoices: () => [],
            displayNameOf: (e) => e,
            snoozeDays: 14,
            maxItemsPerCard: 10,
            dynamicTypeahead: true,
          },
        ),
        summary: tr(row.digest.locale, 'cardTitle'),
      }),
      now: () => NOW,
    },
    { perSecond, concurrency: 8, createConversations: true },
  );
  const seconds = (performance.now() - started) / 1000;
  await connector.close();
  ledger.close();
  await queue.close();
  return {
    digests: summary.sent,
    perSecond,
    seconds,
    throughput: summary.sent / seconds,
    received: connector.stats.received,
  };
};

/**
 * One simulated week of hourly runs on the demo data (the clock at every hour from Sunday 00:00 UTC, so every
 * zone's Monday to Friday is inside it): people who got a digest / people with stale or incomplete records
 * (worked out independently of the planner, tests/bot/demo-week.ts).
 */
export const benchSimulatedWeek = async () => {
  const start = new Date('2025-06-01T00:00:00Z');
  const expected = expectedRecipients('2025-06-06');
  const started = performance.now();
  const { sends } = await simulateHourlyRuns({
    records: demoRecords,
    people: demoPeople,
    policy: DEFAULT_REMINDER_POLICY,
    missionTimeZones: ZONES_OF_MISSIONS,
    start,
    hours: 7 * 24,
  });
  const reached = new Set(sends.map((s) => s.recipient));
  return {
    reached: [...expected.keys()].filter((email) => reached.has(email)).length,
    expected: expected.size,
    digests: sends.length,
    seconds: (performance.now() - started) / 1000,
  };
};

export const runBotBench = async (): Promise<void> => {
  const planning = benchPlanning();
  console.log(
    `Planning: ${planning.records.toLocaleString('en')} records / ${planning.custodians.toLocaleString('en')} custodians -> ` +
      `${planning.digests} digests (${planning.deferred} deferred) in ${planning.medianMs.toFixed(0)} ms (median of 5)`,
  );
  for (const rate of [8, 50]) {
    const sending = await benchSending(rate === 8 ? 80 : 300, rate);
    console.log(
      `Sending at ${rate}/s: ${sending.digests} digests to the local connector in ${sending.seconds.toFixed(1)} s ` +
        `= ${sending.throughput.toFixed(1)} messages/s`,
    );
  }
};

if (require.main === module) {
  runBotBench().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
