// The reliability suite's world: localgraph (in memory, or on a SQLite file so it can be killed and restarted)
// with the three registers provisioned, people in each role with SharePoint-like site roles (officers own the
// site, focal points and custodians are members, readers visitors), the bot's own app identity (Sites.Selected,
// write on the governance site), and helpers to read the store back. Not a test file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REGISTER_IDS, REGISTERS } from '../../src/domain/registers';
import { MISSIONS, REGION_IDS, regionOfMission } from '../../src/domain/reference';
import type { RegisterId, RecordValues } from '../../src/domain/schema/types';
import {
  createGraphClient,
  createRegisterRepository,
  executeBatch,
  getSiteByPath,
  provisionRegisters,
  siteUserDirectory,
} from '../../src/graph';
import type { FetchLike, GraphClient, RegisterRepository, RetryOptions } from '../../src/graph';
import { generateSigningKeyPem, startLocalGraph } from '../../src/localgraph';
import type { LocalGraphHandle } from '../../src/localgraph';
import type { ItemRecord } from '../../src/localgraph/persistence/list-store';
import type { SyncEngine } from '../../src/addin/sync/engine';

export const HOST = 'contoso.sharepoint.com';
export const DOMAIN = 'contoso.org';
export const ADMIN_SECRET = 'reliability-admin';
/** The emulator's RS256 key, so tests can sign tokens it trusts (expired ones, other issuers). */
export const SIGNING_KEY = generateSigningKeyPem();
export const MISSION = 'kenya';

/** One person per role (plus a second custodian and a focal point of another mission). */
export const PEOPLE = {
  custodian: { upn: `amina.diallo@${DOMAIN}`, name: 'Amina Diallo', siteRole: 'member' },
  otherCustodian: { upn: `omar.haddad@${DOMAIN}`, name: 'Omar Haddad', siteRole: 'member' },
  focalPoint: { upn: `fatou.ndiaye@${DOMAIN}`, name: 'Fatou Ndiaye', siteRole: 'member' },
  otherFocalPoint: { upn: `carlos.rojas@${DOMAIN}`, name: 'Carlos Rojas', siteRole: 'member' },
  officer: { upn: `olivia.officer@${DOMAIN}`, name: 'Olivia Officer', siteRole: 'owner' },
  reader: { upn: `rita.reader@${DOMAIN}`, name: 'Rita Reader', siteRole: 'visitor' },
} as const;
export type PersonKey = keyof typeof PEOPLE;

export const token = async (url: string, body: Record<string, string>): Promise<string> => {
  const r = await fetch(`${url}/local/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await r.json()) as { access_token?: string };
  if (!json.access_token) throw new Error(`no token for ${JSON.stringify(body)}: ${JSON.stringify(json)}`);
  return json.access_token;
};

/** A complete, valid data inventory record of the Kenya mission. */
export const asset = (i: number | string, extra: Partial<RecordValues> = {}): RecordValues => ({
  Title: `Asset ${typeof i === 'number' ? String(i).padStart(5, '0') : i}`,
  description: 'Registration of arrivals at transit centres.',
  assetType: 'Database or system',
  mission: MISSION,
  region: regionOfMission(MISSION) ?? 'africa',
  domain: 'Beneficiary and case management',
  owner: PEOPLE.otherCustodian.upn,
  custodian: PEOPLE.custodian.upn,
  location: 'Cloud service',
  sensitivity: 'Confidential',
  containsPersonalData: false,
  retention: '7 years after case closure',
  reviewCycle: 'Semi-annual',
  lastReviewed: '2025-01-15',
  ...extra,
});

export interface WorldOptions {
  /** A SQLite file (so the server can be closed and started again on it); default in memory. */
  readonly dbPath?: string;
  readonly port?: number;
  /** More directory users (e.g. 500 custodians), created with $batch. */
  readonly extraUsers?: readonly { upn: string; name: string }[];
}

export interface World {
  graph: LocalGraphHandle;
  dbPath: string;
  siteId: string;
  listIds: Record<RegisterId, string>;
  adminToken: string;
  admin: GraphClient;
  adminRepos: Record<RegisterId, RegisterRepository>;
  /** The bot's app registration (Sites.Selected, write on the governance site). */
  botApp: { clientId: string; clientSecret: string };
  /** A client acting as this user (delegated token); `fetchImpl` to count or break requests. */
  clientAs(
    upn: string,
    options?: { retry?: Partial<RetryOptions>; fetchImpl?: FetchLike; token?: string },
  ): Promise<GraphClient>;
  repoAs(client: GraphClient, register?: RegisterId): RegisterRepository;
  /** Closes the server gracefully (the answers in flight are lost, not the process) and starts it again on the same file and port; restart.test.ts SIGKILLs a child process for a real kill. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

const startGraph = (dbPath: string, port: number) =>
  startLocalGraph({
    dbPath,
    port,
    hostname: HOST,
    sites: [{ path: 'governance', displayName: 'Governance Hub' }],
    adminSecret: ADMIN_SECRET,
    signingKey: SIGNING_KEY,
    pageSize: 200,
  });

export const startWorld = async (options: WorldOptions = {}): Promise<World> => {
  const dir = options.dbPath ? undefined : mkdtempSync(join(tmpdir(), 'gh-rel-'));
  const dbPath = options.dbPath ?? join(dir ?? '', 'graph.db');
  let graph = await startGraph(dbPath, options.port ?? 0);
  const port = Number(new URL(graph.url).port);
  const adminToken = await token(graph.url, { client_id: 'localgraph-admin', client_secret: ADMIN_SECRET });
  const admin = createGraphClient({
    baseUrl: graph.url,
    getToken: async () => adminToken,
    retry: { delaySeconds: 0, maxDelaySeconds: 1, maxRetries: 6 },
  });
  const siteId = String((await getSiteByPath(admin, HOST, '/sites/governance')).id);

  const users = [
    ...Object.values(PEOPLE).map((p) => ({ upn: p.upn, name: p.name })),
    ...(options.extraUsers ?? []),
  ];
  const created = await executeBatch(
    admin,
    users.map((u, i) => ({
      id: String(i + 1),
      method: 'POST' as const,
      url: '/users',
      body: {
        accountEnabled: true,
        displayName: u.name,
        mailNickname: u.upn.split('@')[0],
        userPrincipalName: u.upn,
        mail: u.upn,
        passwordProfile: { password: 'Reliability-1!' },
      },
    })),
  );
  const failed = created.find((r) => r.error);
  if (failed) throw new Error(`user creation failed: ${failed.error?.message}`);

  const adminPut = async (path: string, body: unknown) => {
    const r = await fetch(`${graph.url}${path}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${adminToken}` },
      body: JSON.stringify(body),
    });
    if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  };
  for (const p of Object.values(PEOPLE)) {
    await adminPut(`/local/admin/sites/${encodeURIComponent(siteId)}/roles/${encodeURIComponent(p.upn)}`, {
      role: p.siteRole,
    });
  }

  const report = await provisionRegisters({
    client: admin,
    siteId,
    schemas: REGISTER_IDS.map((id) => REGISTERS[id]),
    choices: { missions: MISSIONS.map((m) => m.id), regions: [...REGION_IDS] },
  });
  const listIds = report.listIds as Record<RegisterId, string>;

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

  const repoAs = (client: GraphClient, register: RegisterId = 'dataInventory') =>
    createRegisterRepository({
      client,
      siteId,
      listId: listIds[register],
      schema: REGISTERS[register],
      people: siteUserDirectory(client, siteId),
    });

  const world: World = {
    get graph() {
      return graph;
    },
    dbPath,
    siteId,
    listIds,
    adminToken,
    admin,
    adminRepos: Object.fromEntries(REGISTER_IDS.map((id) => [id, repoAs(admin, id)])) as Record<
      RegisterId,
      RegisterRepository
    >,
    botApp: { clientId: app.client_id, clientSecret: app.client_secret },
    async clientAs(upn, clientOptions = {}) {
      const bearer = clientOptions.token ?? (await token(graph.url, { upn }));
      return createGraphClient({
        baseUrl: graph.url,
        getToken: async () => bearer,
        retry: { delaySeconds: 0, maxDelaySeconds: 1, ...clientOptions.retry },
        ...(clientOptions.fetchImpl ? { fetchImpl: clientOptions.fetchImpl } : {}),
      });
    },
    repoAs,
    async restart() {
      await graph.close();
      graph = await startGraph(dbPath, port);
    },
    async close() {
      await graph.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
  return world;
};

/** Every live item of a list, read straight from localgraph's store (not through any client). */
export const storeItems = (graph: LocalGraphHandle, listId: string): ItemRecord[] => {
  const out: ItemRecord[] = [];
  let misses = 0;
  for (let id = 1; misses < 100; id++) {
    const item = graph.store.getItem(listId, id);
    if (!item) {
      misses++;
      continue;
    }
    misses = 0;
    if (!item.deleted) out.push(item);
  }
  return out;
};

/** Items by Title (several when a row was duplicated). */
export const byTitle = (items: readonly ItemRecord[]): Map<string, ItemRecord[]> => {
  const map = new Map<string, ItemRecord[]>();
  for (const item of items) {
    const title = String(item.fields.Title ?? '');
    map.set(title, [...(map.get(title) ?? []), item]);
  }
  return map;
};

/** Seeds records as the admin (no faults), returning them in order. */
export const seed = async (
  world: World,
  values: readonly RecordValues[],
  register: RegisterId = 'dataInventory',
) => {
  const results = await world.adminRepos[register].applyBatch(
    values.map((v, i) => ({ key: String(i), kind: 'create' as const, values: v })),
  );
  const bad = results.find((r) => r.status !== 'saved');
  if (bad) throw new Error(`seed failed: ${JSON.stringify(bad)}`);
  return results.map((r) => (r.status === 'saved' ? r.record : undefined)).filter((r) => r !== undefined);
};

/** The sheet column of a schema field in the add-in's table (fails loudly when the layout lacks it). */
export const col = (engine: SyncEngine, field: string): number => {
  const c = engine.layout.fieldCols.get(field);
  if (c === undefined) throw new Error(`no column ${field}`);
  return c;
};
