// Hourly reminder runs on a fixed clock, hour after hour, with a transport and an app installer that always
// answer: what every person receives and when, in their own zone. The real run (runReminders), ledger, queue
// and planner; only Teams is replaced. Used by tests/bot/week.test.ts (every demo time zone) and by
// `npm run bench` (people reached in the simulated week / people with stale records).
import type { IAdaptiveCard } from '@microsoft/teams.cards';
import { RunLedger } from '../ledger';
import type { DigestRow } from '../ledger';
import type { AppInstaller } from '../install/app-installer';
import { localTime } from '../planner';
import type { PlannerRecord, ReminderPolicy } from '../planner';
import type { BotPerson } from '../people';
import { SqliteSendQueue } from '../queue';
import { runReminders } from './reminder-run';
import type { RunSummary } from './reminder-run';
import type { ProactiveTransport } from './transport';

export interface SimulatedSend {
  readonly recipient: string;
  readonly runId: string;
  /** The instant of the run that sent it (ISO). */
  readonly at: string;
  readonly timeZone: string;
  /** The recipient's local day, ISO weekday and time ('HH:MM') when it was sent. */
  readonly localDay: string;
  readonly localWeekday: number;
  readonly localTime: string;
  /** Records the digest listed (own, escalated, no custodian). */
  readonly recordKeys: readonly string[];
}

export interface SimulationOptions {
  readonly records: readonly PlannerRecord[];
  readonly people: readonly BotPerson[];
  readonly policy: ReminderPolicy;
  readonly missionTimeZones?: ReadonlyMap<string, string>;
  /** The first run's instant (on the hour). */
  readonly start: Date;
  /** Runs, one an hour. */
  readonly hours: number;
}

export interface SimulationResult {
  readonly sends: readonly SimulatedSend[];
  readonly runs: readonly { readonly at: string; readonly summary: RunSummary }[];
}

const HOUR_MS = 3_600_000;

const clockText = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export const simulateHourlyRuns = async (options: SimulationOptions): Promise<SimulationResult> => {
  let now = options.start.getTime();
  const ledger = new RunLedger({ path: ':memory:', clock: () => now });
  const queue = new SqliteSendQueue({ path: ':memory:' });
  const sends: SimulatedSend[] = [];
  const runs: { at: string; summary: RunSummary }[] = [];
  const rows = new Map<string, DigestRow>();
  const transport: ProactiveTransport = {
    async sendCard(ref, _card, _summary, sendOptions) {
      const row = sendOptions?.deliveryKey ? rows.get(sendOptions.deliveryKey) : undefined;
      if (!row) throw new Error('simulation: a card was sent without its digest');
      const { digest } = row;
      const local = localTime(new Date(now), digest.timeZone);
      sends.push({
        recipient: digest.recipient,
        runId: row.runId,
        at: new Date(now).toISOString(),
        timeZone: digest.timeZone,
        localDay: local.date,
        localWeekday: local.weekday,
        localTime: clockText(local.minutes),
        recordKeys: [...digest.own, ...digest.escalated, ...digest.unowned].map((i) => i.record.key),
      });
      return { id: `activity-${sends.length}` };
    },
  };
  // Every person has an Entra object id here, so the proactive installation always succeeds.
  const installer: AppInstaller = {
    install: async (userId) => ({
      installationId: `installation-${userId}`,
      chatId: `19:${userId}_bot@unq.gbl.spaces`,
      installedNow: true,
    }),
  };
  try {
    for (let hour = 0; hour < options.hours; hour += 1) {
      now = options.start.getTime() + hour * HOUR_MS;
      const summary = await runReminders(
        {
          ledger,
          queue,
          transport,
          policy: options.policy,
          loadInputs: async () => ({ records: options.records, people: options.people }),
          ...(options.missionTimeZones ? { missionTimeZones: options.missionTimeZones } : {}),
          renderDigest: (row) => {
            rows.set(row.cardId, row);
            return { card: { type: 'AdaptiveCard', version: '1.5', body: [] } as IAdaptiveCard, summary: '' };
          },
          reach: { installer, serviceUrl: 'https://smba.trafficmanager.net/teams/' },
          now: () => new Date(now),
        },
        { owner: 'simulation', perSecond: 1_000_000, concurrency: 8 },
      );
      runs.push({ at: new Date(now).toISOString(), summary });
    }
  } finally {
    ledger.close();
    await queue.close();
  }
  return { sends, runs };
};
