// A localgraph with the data inventory and GovernanceRoles provisioned (with the client key column), a focal point
// (of Kenya unless told otherwise) and two custodians, and helpers to build the add-in's sync engine over an in-memory workbook. Not a test file.
import { GOVERNANCE_ROLES } from '../../src/domain/governance';
import { DATA_INVENTORY } from '../../src/domain/registers';
import { MISSIONS, REGION_IDS } from '../../src/domain/reference';
import type { Actor, RoleAssignment } from '../../src/domain/roles';
import type { DomainRecord, RecordValues } from '../../src/domain/schema/types';
import {
  createGraphClient,
  createRegisterRepository,
  createUser,
  getSiteByPath,
  openRoleAssignments,
  provisionRegisters,
  siteUserDirectory,
  writeRoleAssignments,
} from '../../src/graph';
import type { GraphClient, RegisterRepository } from '../../src/graph';
import { startLocalGraph } from '../../src/localgraph';
import type { LocalGraphHandle } from '../../src/localgraph';
import { MemoryWorkbook } from '../../src/addin/excel/memory-workbook';
import type { WorkbookPort } from '../../src/addin/excel/workbook-port';
import { createSyncEngine } from '../../src/addin/sync/engine';
import type { SyncEngine } from '../../src/addin/sync/engine';

export const HOST = 'contoso.sharepoint.com';
export const FOCAL = 'fatou.ndiaye@contoso.org';
export const CUSTODIAN = 'amina.diallo@contoso.org';
export const OTHER = 'omar.haddad@contoso.org';
export const SCHEMA = DATA_INVENTORY;

export const asset = (i: number, extra: Partial<RecordValues> = {}): RecordValues => ({
  Title: `Asset ${String(i).padStart(4, '0')}`,
  description: 'Registration of arrivals at transit centres.',
  assetType: 'Database or system',
  mission: 'kenya',
  region: 'africa',
  domain: 'Beneficiary and case management',
  owner: OTHER,
  custodian: CUSTODIAN,
  location: 'Cloud service',
  sensitivity: 'Confidential',
  containsPersonalData: false,
  retention: '7 years after case closure',
  reviewCycle: 'Semi-annual',
  lastReviewed: '2025-01-15',
  ...extra,
});

export interface Harness {
  graph: LocalGraphHandle;
  siteId: string;
  listId: string;
  /** Admin (app) repository: plays "someone else in SharePoint". */
  admin: RegisterRepository;
  adminClient: GraphClient;
  /** The focal point's repository (delegated token), what the add-in uses. */
  focal: RegisterRepository;
  focalClient: GraphClient;
  /** Graph requests the focal point's client sent (outer HTTP calls). */
  requests: { method: string; url: string }[];
  /** Expires every delta token issued so far (localgraph's POST /local/admin/delta/expire): the next use is 410. */
  expireDeltaTokens(): Promise<void>;
  close(): Promise<void>;
}

const token = async (url: string, body: Record<string, string>): Promise<string> => {
  const r = await fetch(`${url}/local/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return ((await r.json()) as { access_token: string }).access_token;
};

/** The harness's GovernanceRoles: the focal point answers for Kenya. */
export const FOCAL_OF_KENYA: readonly RoleAssignment[] = [
  { email: FOCAL, role: 'focalPoint', missions: ['kenya'], active: true },
];

export const startHarness = async (
  seed: RecordValues[] = [],
  assignments: readonly RoleAssignment[] = FOCAL_OF_KENYA,
): Promise<Harness> => {
  const graph = await startLocalGraph({
    dbPath: ':memory:',
    hostname: HOST,
    sites: [{ path: 'governance', displayName: 'Governance Hub' }],
    adminSecret: 'admin-secret',
    pageSize: 200,
  });
  const adminToken = await token(graph.url, { client_id: 'localgraph-admin', client_secret: 'admin-secret' });
  const adminClient = createGraphClient({
    baseUrl: graph.url,
    getToken: async () => adminToken,
    retry: { delaySeconds: 0 },
  });
  const site = await getSiteByPath(adminClient, HOST, '/sites/governance');
  const siteId = String(site.id);
  for (const upn of [FOCAL, CUSTODIAN, OTHER]) {
    await createUser(adminClient, {
      displayName: upn.split('@')[0] ?? upn,
      userPrincipalName: upn,
      mail: upn,
    });
  }
  const report = await provisionRegisters({
    client: adminClient,
    siteId,
    schemas: [SCHEMA, GOVERNANCE_ROLES],
    choices: { missions: MISSIONS.map((m) => m.id), regions: [...REGION_IDS] },
  });
  const roles = await openRoleAssignments(adminClient, siteId);
  if (!roles) throw new Error('GovernanceRoles was not provisioned');
  if (assignments.length > 0) await writeRoleAssignments(roles, assignments);
  const listId = report.listIds[SCHEMA.id] ?? '';
  const admin = createRegisterRepository({
    client: adminClient,
    siteId,
    listId,
    schema: SCHEMA,
    people: siteUserDirectory(adminClient, siteId),
  });
  if (seed.length > 0) {
    const results = await admin.applyBatch(
      seed.map((values, i) => ({ key: String(i), kind: 'create', values })),
    );
    const failed = results.filter((r) => r.status !== 'saved');
    if (failed.length > 0) throw new Error(`seed failed: ${JSON.stringify(failed[0])}`);
  }
  const focalToken = await token(graph.url, { upn: FOCAL });
  const requests: { method: string; url: string }[] = [];
  const focalClient = createGraphClient({
    baseUrl: graph.url,
    getToken: async () => focalToken,
    retry: { delaySeconds: 0, maxDelaySeconds: 1 },
    fetchImpl: (input, init) => {
      requests.push({
        method: init?.method ?? 'GET',
        url: String(input instanceof Request ? input.url : input),
      });
      return fetch(input, init);
    },
  });
  const focal = createRegisterRepository({
    client: focalClient,
    siteId,
    listId,
    schema: SCHEMA,
    people: siteUserDirectory(focalClient, siteId),
  });
  return {
    graph,
    siteId,
    listId,
    admin,
    adminClient,
    focal,
    focalClient,
    requests,
    expireDeltaTokens: async () => {
      const r = await fetch(`${graph.url}/local/admin/delta/expire`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${adminToken}` },
      });
      if (!r.ok) throw new Error(`delta/expire answered ${r.status}`);
    },
    close: () => graph.close(),
  };
};

export const engineFor = <W extends WorkbookPort = MemoryWorkbook>(
  h: Harness,
  options: {
    /** @defaultvalue a new MemoryWorkbook */
    workbook?: W;
    locale?: 'en' | 'fr' | 'es' | 'ar';
    /** The person's roles, checked per row by the push. @defaultvalue no check */
    actor?: Actor;
    gateway?: SyncEngine extends never ? never : Parameters<typeof createSyncEngine>[0]['gateway'];
  } = {},
): { engine: SyncEngine; workbook: W } => {
  // The default is a MemoryWorkbook, which is W when no workbook is given (W's default).
  const workbook = options.workbook ?? (new MemoryWorkbook() as unknown as W);
  const engine = createSyncEngine({
    workbook,
    gateway: options.gateway ?? h.focal,
    schema: SCHEMA,
    mission: 'kenya',
    locale: options.locale ?? 'en',
    actor: options.actor,
    now: () => new Date('2025-06-01T10:00:00Z'),
  });
  return { engine, workbook };
};

/** Column index of a field in the engine's layout. */
export const col = (engine: SyncEngine, field: string): number => {
  const c = engine.layout.fieldCols.get(field);
  if (c === undefined) throw new Error(`no column ${field}`);
  return c;
};

/** The row showing a record with this title. */
export const rowOf = async (engine: SyncEngine, workbook: WorkbookPort, title: string): Promise<number> => {
  const rows = await workbook.readRows(engine.tableName);
  const i = rows.findIndex((r) => r[col(engine, 'Title')] === title);
  if (i < 0) throw new Error(`no row ${title}`);
  return i;
};

export const byTitle = async (repo: RegisterRepository, title: string): Promise<DomainRecord | undefined> =>
  (await repo.list({ filter: [{ field: 'Title', op: 'eq', value: title }], allowNonIndexed: true }))[0];
