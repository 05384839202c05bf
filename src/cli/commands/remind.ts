// `remind`: one reminder run (or --dry-run: print the plan). Also exports the embedded bot's wiring,
// which `start` uses to run the bot, the local connector and the chat page beside localgraph.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { MISSIONS } from '../../domain/reference';
import { REGISTERS } from '../../domain/registers';
import type { RegisterId } from '../../domain/schema/types';
import { createGraphClient, listUsers } from '../../graph';
import type { GraphClient } from '../../graph';
import {
  createReminderBot,
  digestSize,
  graphAppInstaller,
  loadGovernancePeople,
  localBotToken,
  parseReminderPolicy,
  RunLedger,
  SqliteSendQueue,
  startLocalConnector,
} from '../../bot';
import type { BotLogger, BotPerson, LocalConnector, ReminderBot } from '../../bot';
import { buildRecordTabUrl } from '../../tab/deep-links';
import type { LocalConfig } from '../config';
import { createCliLogger } from '../output';
import type { Output } from '../output';
import { connectLocal } from '../pipeline/connect';
import { openGovernanceSite, registerListIds, openRegisters } from '../pipeline/governance-site';
import type { GovernanceSite } from '../pipeline/governance-site';
import { localTokenProvider } from '../pipeline/local-identity';
import { EXIT } from './command';
import type { Command } from './command';

export const BOT_CLIENT_ID = 'governance-hub-bot';
/** The bot's Teams app in localgraph's org app catalog (a catalog id, not the manifest id). */
export const LOCAL_TEAMS_APP_ID = 'governance-hub-teams-app';

/** Registers the bot's own app in localgraph (Sites.Selected) and grants it write on the governance site. */
export async function registerLocalBotApp(options: {
  localUrl: string;
  adminClient: GraphClient;
  adminToken: () => Promise<string>;
  siteId: string;
  adminSecret: string;
}): Promise<() => Promise<string>> {
  // Stable across restarts, derived from the local admin secret (never printed).
  const clientSecret = createHash('sha256').update(`bot:${options.adminSecret}`).digest('base64url');
  const response = await fetch(`${options.localUrl}/local/apps`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await options.adminToken()}` },
    body: JSON.stringify({
      client_id: BOT_CLIENT_ID,
      client_secret: clientSecret,
      displayName: 'Governance Hub bot',
      // Least privilege: its own site, and installing ITSELF for people who have not opened its chat.
      roles: ['Sites.Selected', 'TeamsAppInstallation.ReadWriteSelfForUser.All'],
    }),
  });
  if (!response.ok) throw new Error(`registering the bot app failed with ${response.status}`);
  // The app in the org catalog (what a Teams admin's upload does), so Graph can install it for people.
  const published = await fetch(
    `${options.localUrl}/local/admin/appCatalogs/teamsApps/${encodeURIComponent(LOCAL_TEAMS_APP_ID)}`,
    {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await options.adminToken()}` },
      body: JSON.stringify({ botId: BOT_CLIENT_ID, displayName: 'Governance Hub' }),
    },
  );
  if (!published.ok) throw new Error(`publishing the bot's Teams app failed with ${published.status}`);
  await options.adminClient.request('POST', `/sites/${options.siteId}/permissions`, {
    body: {
      roles: ['write'],
      grantedToIdentities: [{ application: { id: BOT_CLIENT_ID, displayName: 'Governance Hub bot' } }],
    },
  });
  return localTokenProvider({
    url: options.localUrl,
    credentials: { client_id: BOT_CLIENT_ID, client_secret: clientSecret },
  });
}

export interface EmbeddedBot {
  readonly bot: ReminderBot;
  readonly connector?: LocalConnector;
  readonly chatUrl?: string;
  close(): Promise<void>;
}

/** Wires the bot for the embedded mode (bot app identity, ledger in DATA_DIR, SQLite queue). */
export async function createEmbeddedBot(options: {
  config: LocalConfig;
  site: GovernanceSite;
  localUrl: string;
  adminToken: () => Promise<string>;
  logger: BotLogger;
  /** Start the local connector and chat page on config.ports.bot. */
  withConnector: boolean;
  now?: () => Date;
}): Promise<EmbeddedBot> {
  const { config, site } = options;
  const getToken = await registerLocalBotApp({
    localUrl: options.localUrl,
    adminClient: site.client,
    adminToken: options.adminToken,
    siteId: site.siteId,
    adminSecret: config.localGraph.adminSecret,
  });
  const botClient = createGraphClient({ baseUrl: options.localUrl, getToken });
  const listIds = (await registerListIds(site)) as Record<RegisterId, string>;
  const registers = openRegisters({ ...site, client: botClient }, listIds);
  const policy = parseReminderPolicy({ timeZone: 'UTC' });
  if (!policy.ok) throw new Error(policy.issues.join('; '));
  let people: BotPerson[] | undefined;
  // Same source as in a tenant: the site's users joined with GovernanceRoles, read with the bot's own
  // Sites.Selected token (no directory read). Clicks are matched through the local connector's members route.
  const loadPeople = async (): Promise<BotPerson[]> =>
    (people ??= await loadGovernancePeople({
      client: botClient,
      siteId: site.siteId,
      missionTimeZones: new Map(MISSIONS.map((m) => [m.id, m.timeZone])),
      defaultLocale: policy.value.defaultLocale,
    }));
  const dbPath = join(config.localGraph.dataDir, 'bot.db');
  const ledger = new RunLedger({ path: dbPath });
  const queue = new SqliteSendQueue({ path: dbPath });
  const serviceUrl = `http://127.0.0.1:${config.ports.bot}`;
  const bot = createReminderBot({
    repositories: registers.repositories,
    schemas: REGISTERS,
    loadPeople,
    ledger,
    queue,
    policy: policy.value,
    // Per-recipient outcomes go to the governance site's ReminderOutcomes list (the scorecard's report).
    outcomes: { client: botClient, siteId: site.siteId },
    openUrl: (register, id) => buildRecordTabUrl(`http://localhost:${config.ports.tab}`, { register, id }),
    missionTimeZones: new Map(MISSIONS.map((m) => [m.id, m.timeZone])),
    teams: {
      clientId: BOT_CLIENT_ID,
      token: localBotToken(BOT_CLIENT_ID),
      serviceUrl,
      allowUnauthenticated: true,
      deliveryLookup: true,
    },
    logger: options.logger,
    now: options.now,
    // The chat page's renderer has no dynamic typeahead: a filtered static list instead.
    dynamicTypeahead: false,
    // People who never opened the chat are reached as in Teams: the bot installs itself for them through Graph
    // (localgraph's installedApps routes) and sends to the 1:1 chat Graph names (the local connector accepts it).
    installer: graphAppInstaller({ client: botClient, teamsAppId: LOCAL_TEAMS_APP_ID }),
    runOptions: { perSecond: 8 },
  });
  let connector: LocalConnector | undefined;
  if (options.withConnector) {
    const botUrl = await bot.listen(0);
    // BOT_PORT taken: nothing may stay listening (start exits with a message instead of hanging).
    try {
      connector = await startLocalConnector({
        port: config.ports.bot,
        botEndpoint: `${botUrl}/api/messages`,
        // The connector stands in for Teams, which knows everyone in the tenant: the demo directory, read
        // with the admin client (the bot's own identity never reads it), with each person's locale.
        users: async () =>
          (await listUsers(site.client)).flatMap((u) => {
            const email = (u.mail ?? u.userPrincipalName ?? '').toLowerCase();
            if (!u.id || !email || u.accountEnabled === false) return [];
            return [
              {
                userId: u.id,
                displayName: u.displayName ?? email,
                email,
                ...(u.preferredLanguage ? { locale: u.preferredLanguage } : {}),
              },
            ];
          }),
      });
    } catch (error) {
      await bot.stop();
      ledger.close();
      await queue.close();
      throw error;
    }
  }
  return {
    bot,
    connector,
    chatUrl: connector ? `http://localhost:${config.ports.bot}/chat/` : undefined,
    close: async () => {
      await bot.stop();
      await connector?.close();
      ledger.close();
      await queue.close();
    },
  };
}

const printPlan = (
  output: Output,
  plan: Awaited<ReturnType<ReminderBot['planNow']>>['plan'],
  runId: string,
) => {
  const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  output.line(
    `Reminder plan ${runId} (day ${plan.day}): ${count(plan.digests.length, 'digest')}, ${plan.deferred.length} deferred (quiet time).`,
  );
  for (const d of plan.digests) {
    output.line(
      `  ${d.recipient.padEnd(36)} ${d.locale}  ${count(digestSize(d), 'record').padStart(11)}` +
        `  (own ${d.own.length}, escalated ${d.escalated.length}, no custodian ${d.unowned.length})`,
    );
  }
  for (const d of plan.deferred)
    output.line(`  ${d.recipient.padEnd(36)} deferred: ${d.reason} (${count(d.items, 'record')})`);
  output.line(
    `Governance report: ${count(plan.governanceReport.length, 'record')} (unanswered or no focal point).`,
  );
  output.line(
    `Records considered ${plan.stats.recordsConsidered}; due ${plan.stats.itemsDue}; snoozed ${plan.stats.snoozed}; not yet due again ${plan.stats.notYetDue}.`,
  );
};

export const remindCommand: Command = {
  name: 'remind',
  summary: 'Send the custodians their reminder digests once (or --dry-run to print the plan).',
  help: [
    'Usage: npm run remind -- [--dry-run]',
    '',
    'Plans one digest per custodian (stale or incomplete records, escalations to focal points, records',
    'with no custodian) and sends it through the bot. A run has one id per day and a ledger in',
    'DATA_DIR/bot.db: run it again the same day and nothing is sent twice.',
    '',
    'Embedded mode: digests go to the local connector of a running `npm start` (the chat page at',
    'http://localhost:BOT_PORT/chat/). Without it, sends fail and land in the dead-letter store.',
    '',
    'Options:',
    '  --dry-run   print the plan; send nothing and write nothing',
  ].join('\n'),
  options: { 'dry-run': { type: 'boolean' }, tenant: { type: 'boolean' } },
  run: async ({ values, output, loadConfig, now }) => {
    const config = loadConfig({ tenant: values.tenant === true });
    if (config.mode !== 'local') {
      output.error(
        'remind: in a tenant the bot runs where teamsapp.yml deployed it (Azure Bot Service); this verb runs the embedded mode.',
      );
      return EXIT.usage;
    }
    const logger = createCliLogger({ output, level: 'warn', prefix: 'bot' });
    const connection = await connectLocal(config, { logger });
    try {
      const site = await openGovernanceSite({
        client: connection.client,
        hostname: config.site.hostname,
        sitePath: config.site.path,
      });
      const embedded = await createEmbeddedBot({
        config,
        site,
        localUrl: connection.localUrl ?? connection.baseUrl,
        adminToken: connection.getToken,
        logger,
        withConnector: false,
        now,
      });
      try {
        if (values['dry-run'] === true) {
          const { plan, runId } = await embedded.bot.planNow();
          printPlan(output, plan, runId);
          return EXIT.ok;
        }
        const summary = await embedded.bot.runNow();
        output.line(
          `Reminder run ${summary.runId}: ${summary.outcome}; sent ${summary.sent}, retried ${summary.retried}.`,
        );
        output.line(`  by status: ${JSON.stringify(summary.byStatus)}`);
        if (summary.noConversation.length > 0) {
          output.line(`  no conversation (app not installed): ${summary.noConversation.join(', ')}`);
        }
        return summary.outcome === 'completed' || summary.outcome === 'stoodDown' ? EXIT.ok : EXIT.failure;
      } finally {
        await embedded.close();
      }
    } finally {
      await connection.close();
    }
  },
};
