// An embedded world for the bot's integration tests: localgraph with the real registers, a few
// people, the bot's own app registration (Sites.Selected on the governance site), the local
// connector and the bot itself.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REGISTER_IDS, REGISTERS } from '../../src/domain/registers';
import { REMINDER_OUTCOMES } from '../../src/domain/governance';
import { MISSIONS, REGION_IDS, regionOfMission } from '../../src/domain/reference';
import type { RegisterId } from '../../src/domain/schema';
import {
  createGraphClient,
  createRegisterRepository,
  createUser,
  getSiteByPath,
  provisionGovernanceLists,
  provisionRegisters,
  siteUserDirectory,
} from '../../src/graph';
import type { GraphClient, RegisterRepository } from '../../src/graph';
import { startLocalGraph } from '../../src/localgraph';
import type { LocalGraphHandle } from '../../src/localgraph';
import {
  createReminderBot,
  loadGovernancePeople,
  localBotToken,
  parseReminderPolicy,
  RunLedger,
  SqliteSendQueue,
  startLocalConnector,
} from '../../src/bot';
import type { AppInstaller, BotPerson, LocalConnector, ReminderBot, ReminderPolicy } from '../../src/bot';

export const DOMAIN = 'contoso.org';
// 14:00 UTC is inside working hours in Dakar, Bogota, Amman and Nairobi.
export const MONDAY_14_UTC = new Date('2025-06-02T14:00:00Z');

export const token = async (url: string, body: unknown): Promise<string> => {
  const r = await fetch(`${url}/local/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return ((await r.json()) as { access_token: string }).access_token;
};

export interface World {
  graph: LocalGraphHandle;
  admin: GraphClient;
  siteId: string;
  adminRepos: Record<RegisterId, RegisterRepository>;
  botRepos: Record<RegisterId, RegisterRepository>;
  /** The bot's own Graph client (Sites.Selected, write on the governance site). */
  botClient: GraphClient;
  /** `METHOD /path` of every request the bot's client made. */
  botRequests: string[];
  /** The ReminderOutcomes list, read as the admin. */
  outcomesRepo: RegisterRepository;
  people: BotPerson[];
  connector: LocalConnector;
  dir: string;
  policy: ReminderPolicy;
  close(): Promise<void>;
}

export const PEOPLE = [
  { key: 'amina', name: 'Amina Diallo', lang: 'fr-FR', mission: 'senegal' },
  { key: 'carlos', name: 'Carlos Rojas', lang: 'es-CO', mission: 'colombia' },
  { key: 'layla', name: 'Layla Haddad', lang: 'ar-JO', mission: 'jordan' },
  { key: 'john', name: 'John Smith', lang: 'en-GB', mission: 'kenya' },
  { key: 'mei', name: 'Mei Chen', lang: 'en-US', mission: 'kenya' },
  { key: 'ana', name: 'Ana Silva', lang: 'es-ES', mission: 'colombia' },
  { key: 'fatou', name: 'Fatou Sow', lang: 'fr-SN', mission: 'senegal', focalPoint: true },
  { key: 'outsider', name: 'Olga Outsider', lang: 'en-US', mission: 'kenya' },
] as const;

export const email = (key: string) => `${key}@${DOMAIN}`;

export const startWorld = async (): Promise<World> => {
  const graph = await startLocalGraph({
    dbPath: ':memory:',
    port: 0,
    hostname: 'contoso.sharepoint.com',
    sites: [{ path: 'governance', displayName: 'Governance Hub' }],
    adminSecret: 'bot-tests',
  });
  const adminToken = await token(graph.url, { client_id: 'localgraph-admin', client_secret: 'bot-tests' });
  const admin = createGraphClient({ baseUrl: graph.url, getToken: async () => adminToken });
  const siteId = String((await getSiteByPath(admin, 'contoso.sharepoint.com', 'governance')).id);
  const report = await provisionRegisters({
    client: admin,
    siteId,
    schemas: REGISTER_IDS.map((id) => REGISTERS[id]),
    choices: { missions: MISSIONS.map((m) => m.id), regions: [...REGION_IDS] },
  });
  const people: BotPerson[] = [];
  for (const p of PEOPLE) {
    const user = await createUser(admin, {
      displayName: p.name,
      userPrincipalName: email(p.key),
      mail: email(p.key),
      preferredLanguage: p.lang,
    });
    people.push({
      email: email(p.key),
      displayName: p.name,
      locale: p.lang.slice(0, 2) as BotPerson['locale'],
      missionId: p.mission,
      focalPointOf: 'focalPoint' in p && p.focalPoint ? [p.mission] : [],
      officer: false,
      active: true,
      userId: String(user.id),
    });
  }

  // The bot's own identity: an app with Sites.Selected, granted write on the governance site only.
  const appResponse = await fetch(`${graph.url}/local/apps`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({ displayName: 'Governance Hub bot', roles: ['Sites.Selected'] }),
  });
  const app = (await appResponse.json()) as { client_id: string; client_secret: string };
  await admin.request('POST', `/sites/${siteId}/permissions`, {
    body: {
      roles: ['write'],
      grantedToIdentities: [{ application: { id: app.client_id, displayName: 'Governance Hub bot' } }],
    },
  });
  const botToken = await token(graph.url, { client_id: app.client_id, client_secret: app.client_secret });
  // Every request of the bot's identity is recorded (method and path): the bot never reads the directory.
  const botRequests: string[] = [];
  const botClient = createGraphClient({
    baseUrl: graph.url,
    getToken: async () => botToken,
    fetchImpl: (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      botRequests.push(
        `${init?.method ?? (input instanceof Request ? input.method : 'GET')} ${url.pathname}`,
      );
      return fetch(input, init);
    },
  });

  const repos = (client: GraphClient) =>
    Object.fromEntries(
      REGISTER_IDS.map((id) => [
        id,
        createRegisterRepository({
          client,
          siteId,
          listId: report.listIds[id]!,
          schema: REGISTERS[id],
          people: siteUserDirectory(client, siteId),
        }),
      ]),
    ) as Record<RegisterId, RegisterRepository>;

  const unit = await provisionGovernanceLists({
    client: admin,
    siteId,
    registers: REGISTER_IDS.map((id) => REGISTERS[id]),
    lists: [REMINDER_OUTCOMES],
    choices: { missions: MISSIONS.map((m) => m.id), regions: [...REGION_IDS] },
  });
  const outcomesRepo = createRegisterRepository({
    client: admin,
    siteId,
    listId: unit.listIds[REMINDER_OUTCOMES.id]!,
    schema: REMINDER_OUTCOMES,
    people: siteUserDirectory(admin, siteId),
  });

  const connector = await startLocalConnector({
    users: async () =>
      people
        .filter((p) => p.userId)
        .map((p) => ({
          userId: p.userId!,
          displayName: p.displayName,
          email: p.email,
          // The Teams client's locale, sent on every activity (the digest language once stored).
          locale: PEOPLE.find((x) => email(x.key) === p.email)?.lang,
        })),
  });
  const policy = parseReminderPolicy({});
  if (!policy.ok) throw new Error(policy.issues.join());
  return {
    graph,
    admin,
    siteId,
    adminRepos: repos(admin),
    botRepos: repos(botClient),
    botClient,
    botRequests,
    outcomesRepo,
    people,
    connector,
    dir: mkdtempSync(join(tmpdir(), 'bot-')),
    policy: policy.value,
    close: async () => {
      await connector.close();
      await graph.close();
    },
  };
};

/** Data inventory values for a complete record reviewed on `lastReviewed`. */
export const asset = (
  title: string,
  custodian: string,
  mission: string,
  lastReviewed: string,
  extra: Record<string, unknown> = {},
) => ({
  Title: title,
  description: `${title} description`,
  assetType: 'Dataset',
  domain: 'Health',
  owner: custodian,
  custodian,
  mission,
  region: regionOfMission(mission) ?? null,
  location: 'Teams',
  sensitivity: 'Internal',
  containsPersonalData: false,
  retention: '5 years',
  reviewCycle: 'Annual',
  lastReviewed,
  ...extra,
});

export interface BotInstance {
  bot: ReminderBot;
  ledger: RunLedger;
  queue: SqliteSendQueue;
  url: string;
  clock: { now: number };
  stop(): Promise<void>;
}

export const startBot = async (
  world: World,
  options: {
    db?: string;
    now?: Date;
    publishOutcomes?: boolean;
    /** People as in production: the site's users joined with GovernanceRoles, read by the bot's client. */
    sitePeople?: boolean;
    /** Proactive installation (Graph) instead of the connector opening chats. */
    installer?: AppInstaller;
  } = {},
): Promise<BotInstance> => {
  const zones = new Map(MISSIONS.map((m) => [m.id, m.timeZone]));
  const db = options.db ?? join(world.dir, `ledger-${Math.random().toString(36).slice(2)}.db`);
  const clock = { now: Date.now() };
  const ledger = new RunLedger({ path: db, clock: () => clock.now });
  const queue = new SqliteSendQueue({ path: db });
  const bot = createReminderBot({
    repositories: world.botRepos,
    schemas: REGISTERS,
    loadPeople: options.sitePeople
      ? () => loadGovernancePeople({ client: world.botClient, siteId: world.siteId, missionTimeZones: zones })
      : async () => world.people,
    ledger,
    queue,
    policy: world.policy,
    openUrl: (register, id) => `http://localhost:5173/tab/#/records/${register}/${id}`,
    missionTimeZones: new Map(MISSIONS.map((m) => [m.id, m.timeZone])),
    teams: {
      clientId: 'governance-hub-bot',
      token: localBotToken('governance-hub-bot'),
      serviceUrl: world.connector.url,
      allowUnauthenticated: true,
    },
    now: () => options.now ?? MONDAY_14_UTC,
    dynamicTypeahead: false,
    runOptions: { perSecond: 50, concurrency: 4, createConversations: !options.installer },
    ...(options.installer ? { installer: options.installer } : {}),
    // The bot finds the list on the site by name, as in the embedded and tenant wiring.
    ...(options.publishOutcomes ? { outcomes: { client: world.botClient, siteId: world.siteId } } : {}),
  });
  const url = await bot.listen(0);
  world.connector.setBotEndpoint(`${url}/api/messages`);
  return {
    bot,
    ledger,
    queue,
    url,
    clock,
    stop: async () => {
      await bot.stop();
      ledger.close();
      await queue.close();
    },
  };
};
