// The reminder bot wired over a reliability World: its own app identity (Sites.Selected), a SQLite ledger and
// queue on a file, the local connector (owned by the test), and a fault gate in front of the connector.
// Used in-process by the tests and, through remind-child.ts, in a child process that the crash test kills.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { REGISTER_IDS, REGISTERS } from '../../src/domain/registers';
import type { RegisterId } from '../../src/domain/schema/types';
import { createGraphClient, createRegisterRepository, siteUserDirectory } from '../../src/graph';
import type { RegisterRepository } from '../../src/graph';
import {
  createReminderBot,
  localBotToken,
  parseReminderPolicy,
  RunLedger,
  SqliteSendQueue,
} from '../../src/bot';
import type { BotPerson, LocalConnector, ReminderBot, ReminderRunOptions } from '../../src/bot';

/** Monday 12:00 UTC: a working day and hour for people in UTC. */
export const RUN_DAY = new Date('2025-06-02T12:00:00Z');

export interface BotWiring {
  readonly graphUrl: string;
  readonly siteId: string;
  readonly listIds: Record<RegisterId, string>;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly ledgerPath: string;
  readonly serviceUrl: string;
  readonly people: readonly BotPerson[];
  readonly now: string;
  readonly runOptions?: ReminderRunOptions;
}

export interface WiredBot {
  readonly bot: ReminderBot;
  readonly ledger: RunLedger;
  close(): Promise<void>;
}

const appToken = async (url: string, clientId: string, clientSecret: string): Promise<string> => {
  const r = await fetch(`${url}/local/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ client_id: clientId, client_secret: clientSecret }),
  });
  return ((await r.json()) as { access_token: string }).access_token;
};

/** The bot as `remind` wires it in the embedded mode (delivery lookup on the local connector included). */
export const wireBot = async (w: BotWiring): Promise<WiredBot> => {
  const bearer = await appToken(w.graphUrl, w.clientId, w.clientSecret);
  const client = createGraphClient({
    baseUrl: w.graphUrl,
    getToken: async () => bearer,
    retry: { delaySeconds: 0, maxDelaySeconds: 1, maxRetries: 6 },
  });
  const repositories = Object.fromEntries(
    REGISTER_IDS.map((id) => [
      id,
      createRegisterRepository({
        client,
        siteId: w.siteId,
        listId: w.listIds[id],
        schema: REGISTERS[id],
        people: siteUserDirectory(client, w.siteId),
      }),
    ]),
  ) as Record<RegisterId, RegisterRepository>;
  const policy = parseReminderPolicy({ timeZone: 'UTC' });
  if (!policy.ok) throw new Error(policy.issues.join('; '));
  const ledger = new RunLedger({ path: w.ledgerPath });
  const queue = new SqliteSendQueue({ path: w.ledgerPath });
  const bot = createReminderBot({
    repositories,
    schemas: REGISTERS,
    loadPeople: async () => w.people,
    ledger,
    queue,
    policy: policy.value,
    openUrl: (register, id) => `http://localhost/tab/#/records/${register}/${id}`,
    teams: {
      clientId: 'governance-hub-bot',
      token: localBotToken('governance-hub-bot'),
      serviceUrl: w.serviceUrl,
      allowUnauthenticated: true,
      deliveryLookup: true,
    },
    now: () => new Date(w.now),
    dynamicTypeahead: false,
    runOptions: { createConversations: true, perSecond: 200, concurrency: 8, ...w.runOptions },
  });
  return {
    bot,
    ledger,
    close: async () => {
      await bot.stop();
      ledger.close();
      await queue.close();
    },
  };
};

/** Digest cards the connector holds, per conversation. */
export const digestCounts = (connector: LocalConnector): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const a of connector.activities()) {
    if (!a.fromBot || !Array.isArray(a.activity.attachments)) continue;
    counts.set(a.conversationId, (counts.get(a.conversationId) ?? 0) + 1);
  }
  return counts;
};

export interface GateOptions {
  /** Share of activity POSTs answered 429 (Retry-After) before reaching the connector. */
  throttleRate?: number;
  /** Share answered 503 before reaching the connector. */
  unavailableRate?: number;
  retryAfterSeconds?: number;
  /** Delay added after the connector stored an activity, before the bot gets the answer. */
  answerDelayMs?: number;
  seed?: number;
}

/**
 * An HTTP gate in front of the local connector: seeded 429/503 (never after delivery, like localgraph's
 * faults) and an optional delay on the answer, which widens the "delivered but not yet recorded" window.
 */
export const startConnectorGate = async (
  target: string,
  options: GateOptions = {},
): Promise<{ url: string; stats: { throttled: number; unavailable: number }; close(): Promise<void> }> => {
  let state = (options.seed ?? 7) >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const stats = { throttled: 0, unavailable: 0 };
  const server = http.createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const isSend = req.method === 'POST' && /\/activities$/.test(req.url ?? '');
      if (isSend) {
        const roll = random();
        const throttle = options.throttleRate ?? 0;
        if (roll < throttle) {
          stats.throttled++;
          res
            .writeHead(429, {
              'content-type': 'application/json',
              'retry-after': String(options.retryAfterSeconds ?? 0),
            })
            .end(JSON.stringify({ error: { code: 'Throttled', message: 'Too many requests' } }));
          return;
        }
        if (roll < throttle + (options.unavailableRate ?? 0)) {
          stats.unavailable++;
          res
            .writeHead(503, {
              'content-type': 'application/json',
              'retry-after': String(options.retryAfterSeconds ?? 0),
            })
            .end(JSON.stringify({ error: { code: 'ServiceUnavailable', message: 'Try again' } }));
          return;
        }
      }
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) {
        if (typeof v === 'string' && k !== 'host' && k !== 'content-length') headers[k] = v;
      }
      const body = Buffer.concat(chunks);
      const upstream = await fetch(`${target}${req.url ?? ''}`, {
        method: req.method,
        headers,
        ...(body.length > 0 ? { body } : {}),
      });
      const text = await upstream.text();
      if (isSend && options.answerDelayMs) await new Promise((r) => setTimeout(r, options.answerDelayMs));
      res
        .writeHead(upstream.status, {
          'content-type': upstream.headers.get('content-type') ?? 'application/json',
        })
        .end(text);
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(502).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stats,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
