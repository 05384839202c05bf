// `serve`: the production entry point (App Service, `npm run serve`). One HTTP server on one port: the
// built front ends (dist/web) with /config.json in tenant mode, and the bot's endpoint /api/messages
// (Teams SDK, Bot Framework tokens checked). Reminders on a croner schedule. Only configuration
// differs from `npm start`: GRAPH_BASE_URL + GRAPH_TOKEN_SOURCE=localgraph point it at a local Graph.
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { MISSIONS } from '../../domain/reference';
import { REGISTERS, REGISTER_IDS } from '../../domain/registers';
import type { RegisterId } from '../../domain/schema/types';
import {
  AzureSendQueue,
  createReminderBot,
  loadGovernancePeople,
  parseReminderPolicy,
  REMINDER_SCHEDULE,
  RunLedger,
  SqliteSendQueue,
} from '../../bot';
import type { BotPerson, ReminderBot, SendQueue } from '../../bot';
import { createGraphClient } from '../../graph';
import { buildRecordTabUrl, buildRecordTeamsDeepLink } from '../../tab/deep-links';
import { createWebHandler } from '../../web/server';
import type { WebHandler } from '../../web/server';
import type { TenantConfig } from '../config';
import { createCliLogger } from '../output';
import type { CliLogger, Output } from '../output';
import { clientCredentialsTokenProvider, managedIdentityTokenProvider } from '../pipeline/connect';
import { openGovernanceSite, openRegisters, registerListIds } from '../pipeline/governance-site';
import { localTokenProvider } from '../pipeline/local-identity';
import { createRefusalLog } from '../../web/guards';
import { EXIT } from './command';
import { listenFailurePort } from './start';
import type { Command } from './command';

/** Between attempts to reach Graph when the bot cannot start yet (no grant, lists missing). */
const BOT_RETRY_MS = 60_000;

/** App-only Graph token for the bot's own app (BOT_ID): Entra ID, or localgraph standing in for it. */
export function botGraphTokenProvider(config: TenantConfig): () => Promise<string> {
  const { botId, botPassword } = config.tenant;
  if (botId && config.tenant.botIdentity === 'managedIdentity')
    return managedIdentityTokenProvider({ clientId: botId, resource: 'https://graph.microsoft.com' });
  if (!botId || !botPassword) throw new Error('BOT_ID and BOT_PASSWORD must both be set');
  return config.tenant.tokenSource === 'localgraph'
    ? localTokenProvider({
        url: config.tenant.graphBaseUrl,
        credentials: { client_id: botId, client_secret: botPassword },
      })
    : clientCredentialsTokenProvider({
        tenantId: config.tenant.tenantId,
        clientId: botId,
        clientSecret: botPassword,
      });
}

interface ServedBot {
  readonly bot: ReminderBot;
  close(): Promise<void>;
}

/** The reminder bot against the tenant's governance site, its ledger and send queue. */
async function createTenantBot(config: TenantConfig, logger: CliLogger): Promise<ServedBot> {
  const getToken = botGraphTokenProvider(config);
  const client = createGraphClient({ baseUrl: config.tenant.graphBaseUrl, getToken, logger });
  const site = await openGovernanceSite({
    client,
    hostname: config.site.hostname,
    sitePath: config.site.path,
  });
  const found = await registerListIds(site);
  const missing = REGISTER_IDS.filter((id) => !found[id]).map((id) => REGISTERS[id].listName);
  if (missing.length > 0) {
    throw new Error(`lists missing on the site: ${missing.join(', ')} (run npm run provision -- --tenant)`);
  }
  const registers = openRegisters(site, found as Record<RegisterId, string>);
  const policy = parseReminderPolicy({ timeZone: 'UTC' });
  if (!policy.ok) throw new Error(policy.issues.join('; '));
  mkdirSync(dirname(config.serve.ledgerPath), { recursive: true });
  const journalMode = config.serve.ledgerJournalMode;
  const ledger = new RunLedger({ path: config.serve.ledgerPath, journalMode });
  const queue: SendQueue = config.serve.storageConnectionString
    ? new AzureSendQueue({
        connectionString: config.serve.storageConnectionString,
        queueName: config.serve.queueName,
      })
    : new SqliteSendQueue({ path: config.serve.ledgerPath, journalMode });
  const { tabEndpoint, teamsAppId } = config.tenant;
  const base = tabEndpoint ?? `http://localhost:${config.serve.port}`;
  let people: { at: number; list: BotPerson[] } | undefined;
  const bot = createReminderBot({
    repositories: registers.repositories,
    schemas: REGISTERS,
    // The site's users joined with GovernanceRoles, read with the bot's Sites.Selected identity (no
    // directory read). People and roles change slowly; reload at most every 10 minutes.
    loadPeople: async () => {
      if (!people || Date.now() - people.at > 600_000) {
        const list = await loadGovernancePeople({
          client,
          siteId: site.siteId,
          missionTimeZones: new Map(MISSIONS.map((m) => [m.id, m.timeZone])),
          defaultLocale: policy.value.defaultLocale,
        });
        people = { at: Date.now(), list };
      }
      return people.list;
    },
    ledger,
    queue,
    policy: policy.value,
    openUrl: (register, id) =>
      tabEndpoint && teamsAppId
        ? buildRecordTeamsDeepLink({ teamsAppId, tabEndpoint }, { register, id })
        : buildRecordTabUrl(base, { register, id }),
    missionTimeZones: new Map(MISSIONS.map((m) => [m.id, m.timeZone])),
    // Bot Framework tokens are validated on every inbound activity (never unauthenticated here).
    teams: {
      clientId: config.tenant.botId,
      clientSecret: config.tenant.botPassword,
      // A user-assigned managed identity signs the bot's Bot Framework tokens where no secret exists.
      ...(config.tenant.botIdentity === 'managedIdentity'
        ? { managedIdentityClientId: config.tenant.botId }
        : {}),
      tenantId: config.tenant.tenantId,
    },
    logger,
  });
  // Registers POST /api/messages on the adapter, which this server mounts (no listener of its own).
  await bot.app.initialize();
  return {
    bot,
    close: async () => {
      await bot.stop();
      ledger.close();
      await queue.close();
    },
  };
}

/**
 * The Teams SDK logs each refused inbound token as several error lines; anyone who reaches /api/messages could
 * fill the log with them. Those lines become sampled warnings (src/web/guards.ts); every other line is unchanged.
 */
export function withSampledTokenRefusals(logger: CliLogger): CliLogger {
  const refusals = createRefusalLog(logger);
  const isTokenRefusal = (message: string) =>
    /^\[teams(\/jwt-validator)?\] (inbound activity rejected|JWT |Failed to get signing key|Custom validation failed|Decoded token|No token)/.test(
      message,
    );
  const sampled =
    (level: 'warn' | 'error') => (message: string, context?: string | Readonly<Record<string, unknown>>) =>
      isTokenRefusal(message)
        ? refusals.refused(`bot token: ${message.slice(0, 160)}`)
        : logger[level](message, context);
  return { ...logger, warn: sampled('warn'), error: sampled('error') };
}

const untilAborted = (signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });

const json = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
};

function describeStart(output: Output, config: TenantConfig, url: string, web: WebHandler): void {
  output.line(`Governance Hub is serving (tenant mode) on ${url}`);
  output.line(`  Teams tab        ${url}/tab/  (${web.serving})`);
  output.line(`  Excel task pane  ${url}/taskpane/`);
  output.line(`  Bot endpoint     ${url}/api/messages`);
  output.line(`  Graph            ${config.tenant.graphBaseUrl} (tokens: ${config.tenant.tokenSource})`);
  output.line(`  Governance site  ${config.site.hostname}${config.site.path}`);
  output.line(
    `  Send queue       ${config.serve.storageConnectionString ? `Azure Queue Storage '${config.serve.queueName}'` : 'SQLite'}; ledger ${config.serve.ledgerPath} (journal ${config.serve.ledgerJournalMode})`,
  );
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Production server (App Service): built front ends and the bot endpoint on one port.',
  help: [
    'Usage: npm run serve [-- --verbose]',
    '',
    'Tenant mode (env/.env.dev + .user, overridden by the process environment: App Service app settings).',
    'Listens on HOST (0.0.0.0) and PORT, else WEBSITES_PORT, else 8080, and serves there:',
    '  /tab/, /taskpane/, /workbook/   the front ends built by `npm run build` (dist/web)',
    '  /config.json                    runtime configuration (Graph, client id, tenant, site)',
    '  /api/messages                   the bot (BOT_ID, BOT_PASSWORD; Bot Framework tokens are checked)',
    'The bot reads Graph with its own app-only token (client credentials for BOT_ID, Sites.Selected on the',
    'site), keeps its ledger in LEDGER_PATH (SQLite), queues sends in Azure Queue Storage BOT_QUEUE_NAME',
    'when AZURE_STORAGE_CONNECTION_STRING is set (SQLite otherwise), and runs reminders every hour (each',
    'person at 09:00 on their working days, in their own time zone) and once at start (catch-up of a run',
    'missed or interrupted). Until the site and its lists can be read the front ends are served and /api/messages',
    'answers 503; the bot is retried every minute.',
    '',
    'Options:',
    '  --verbose   log every Graph request',
  ].join('\n'),
  options: { verbose: { type: 'boolean' }, tenant: { type: 'boolean' } },
  run: async ({ values, output, loadConfig, signal }) => {
    // Always the tenant profile: App Service ships env/.env.dev, never env/.env.local.
    const config = loadConfig({ tenant: true });
    if (config.mode !== 'tenant') {
      output.error('serve: GRAPH_MODE is not tenant. The embedded default is `npm start`.');
      return EXIT.usage;
    }
    if (!config.tenant.botId || (config.tenant.botIdentity === 'secret' && !config.tenant.botPassword)) {
      output.error(
        'serve: BOT_ID is required, and BOT_PASSWORD unless BOT_TYPE=UserAssignedMsi (the managed identity of ' +
          'infra/azure.bicep).',
      );
      return EXIT.usage;
    }
    const level = values.verbose ? 'debug' : 'info';
    const logger = withSampledTokenRefusals(createCliLogger({ output, level, prefix: 'bot' }));
    const server: Server = createServer();
    const web = await createWebHandler({
      graphBaseUrl: config.tenant.graphBaseUrl,
      mode: 'tenant',
      aadClientId: config.tenant.clientId,
      tenantId: config.tenant.tenantId,
      site: config.site,
      ...(config.tenant.teamsAppId ? { teamsAppId: config.tenant.teamsAppId } : {}),
      serve: 'dist',
      distDir: join(config.rootDir, 'dist', 'web'),
      logger: createCliLogger({ output, level: 'warn', prefix: 'web' }),
    });

    let served: ServedBot | undefined;
    let stopSchedule: (() => void) | undefined;
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      const path = (req.url ?? '/').split('?')[0];
      if (path !== '/api/messages') return web.handle(req, res);
      if (!served) return json(res, 503, { error: 'the bot is starting' });
      served.bot.adapter
        .handle(req, res)
        .then((handled) => {
          if (!handled) json(res, 405, { error: 'method not allowed' });
        })
        .catch((error: unknown) => {
          logger.error('bot: request failed', { error: (error as Error).message });
          if (!res.headersSent) json(res, 500, { error: 'internal error' });
        });
    });
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.serve.port, config.serve.host, () => resolve());
      });
    } catch (error) {
      await web.close();
      const port = listenFailurePort(error);
      if (port === undefined) throw error;
      output.error(
        `serve: cannot listen on ${config.serve.host}:${port} (${(error as NodeJS.ErrnoException).code}). ` +
          'Another process holds the port: stop it, or set PORT.',
      );
      return EXIT.failure;
    }
    const { port } = server.address() as AddressInfo;
    const shownHost = config.serve.host === '0.0.0.0' ? '127.0.0.1' : config.serve.host;
    describeStart(output, config, `http://${shownHost}:${port}`, web);

    // The front ends must not wait for the bot: a missing grant or list only stops the bot.
    let retry: NodeJS.Timeout | undefined;
    const startBot = async (): Promise<void> => {
      try {
        const bot = await createTenantBot(config, logger);
        if (signal.aborted) return void (await bot.close());
        served = bot;
        // runAtStart: a run missed while down, or killed mid-way, is caught up now, not tomorrow.
        stopSchedule = bot.bot.schedule(
          REMINDER_SCHEDULE,
          (result) => {
            if (result instanceof Error) output.error(`reminder run failed: ${result.message}`);
            else output.line(`Reminder run ${result.runId}: ${result.outcome}, sent ${result.sent}.`);
          },
          { runAtStart: true },
        );
        output.line('Bot ready: /api/messages, reminders hourly (09:00 in each person’s time zone).');
      } catch (error) {
        output.error(`bot not started: ${(error as Error).message}; retrying in a minute`);
        if (!signal.aborted) retry = setTimeout(() => void startBot(), BOT_RETRY_MS);
      }
    };
    await startBot();

    try {
      await untilAborted(signal);
    } finally {
      if (retry) clearTimeout(retry);
      stopSchedule?.();
      await served?.close();
      await web.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      output.line('Stopped.');
    }
    return EXIT.ok;
  },
};
