// Authorization matrix: every role (custodian, focal point, officer, reader) × every write path (the tab's
// repository with the user's token, the add-in's push, a bot card click, raw localgraph). Each cell states the
// outcome and is checked against the store: an allowed write adds exactly one version, a refused one none.
//
// Who enforces what: SharePoint (localgraph's site and list roles) is the boundary for writes made with the
// user's own token — readers are visitors (403), custodians, focal points and officers are members or owners of
// the site and may write any item of a register, as in SharePoint itself; the tab mirrors the domain's `can`
// (own records, own mission) in its UI. The bot writes with its own identity, so it applies `can` itself.
import { GOVERNANCE_LISTS, OFFICERS_GROUP, SITE_READERS_GROUP } from '../../src/domain/governance';
import { MISSIONS, REGION_IDS } from '../../src/domain/reference';
import { REGISTERS } from '../../src/domain/registers';
import { can } from '../../src/domain/roles';
import type { Actor } from '../../src/domain/roles';
import type { DomainRecord } from '../../src/domain/schema/types';
import { MemoryWorkbook } from '../../src/addin/excel/memory-workbook';
import { createSyncEngine } from '../../src/addin/sync/engine';
import { startLocalConnector } from '../../src/bot';
import type { BotPerson, LocalConnector } from '../../src/bot';
import { tr } from '../../src/bot/cards';
import { governanceListRoles, isGraphError, provisionGovernanceLists } from '../../src/graph';
import { RUN_DAY, wireBot } from './bot-world';
import type { WiredBot } from './bot-world';
import { asset, MISSION, PEOPLE, seed, startWorld } from './world';
import type { PersonKey, World } from './world';

type Role = 'custodian' | 'focalPoint' | 'officer' | 'reader';
const ROLES: readonly Role[] = ['custodian', 'focalPoint', 'officer', 'reader'];
const ACTORS: Record<Role, Actor> = {
  custodian: { email: PEOPLE.custodian.upn, roles: ['custodian'], missions: [] },
  focalPoint: { email: PEOPLE.focalPoint.upn, roles: ['focalPoint'], missions: [MISSION] },
  officer: { email: PEOPLE.officer.upn, roles: ['officer'], missions: [] },
  reader: { email: PEOPLE.reader.upn, roles: ['reader'], missions: [] },
};

let world: World;
/** Kenya, custodian Amina: the custodian's own record, in the focal point's mission. */
let own: DomainRecord;
/** Colombia, custodian Omar: neither the custodian's nor the focal point's. */
let foreign: DomainRecord;
let connector: LocalConnector;
let wired: WiredBot;
let officersListId: string;

const version = (record: DomainRecord) =>
  world.graph.store.getItem(world.listIds.dataInventory, Number(record.id))?.version ?? -1;
const fresh = (record: DomainRecord) => world.adminRepos.dataInventory.get(String(record.id));

beforeAll(async () => {
  world = await startWorld();
  [own, foreign] = (await seed(world, [
    asset('auth own', { lastReviewed: '2024-01-10', reviewCycle: 'Annual' }),
    asset('auth foreign', {
      mission: 'colombia',
      region: 'americas',
      custodian: PEOPLE.otherCustodian.upn,
      owner: PEOPLE.otherCustodian.upn,
    }),
  ])) as [DomainRecord, DomainRecord];

  // The officers-only lists, with unique roles as `npm start` sets them.
  const report = await provisionGovernanceLists({
    client: world.admin,
    siteId: world.siteId,
    registers: Object.values(REGISTERS),
    lists: GOVERNANCE_LISTS,
    choices: { missions: MISSIONS.map((m) => m.id), regions: [...REGION_IDS] },
  });
  const put = async (path: string, body: unknown) => {
    const r = await fetch(`${world.graph.url}${path}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${world.adminToken}` },
      body: JSON.stringify(body),
    });
    if (!r.ok) throw new Error(`${path}: ${r.status}`);
  };
  await put(`/local/admin/groups/${encodeURIComponent(OFFICERS_GROUP)}`, { members: [PEOPLE.officer.upn] });
  await put(`/local/admin/groups/${encodeURIComponent(SITE_READERS_GROUP)}`, {
    members: Object.values(PEOPLE).map((p) => p.upn),
  });
  const officersOnly = GOVERNANCE_LISTS.find((l) => l.writers === 'officers');
  if (!officersOnly) throw new Error('no officers-only list');
  officersListId = report.listIds[officersOnly.id] ?? '';
  await put(`/local/admin/sites/${encodeURIComponent(world.siteId)}/lists/${officersListId}/roles`, {
    roles: governanceListRoles(officersOnly, { officers: OFFICERS_GROUP, readers: SITE_READERS_GROUP }),
    inheritFromSite: false,
  });

  // The bot, with a digest for Amina that lists her stale record.
  const person = (key: PersonKey, extra: Partial<BotPerson> = {}): BotPerson => ({
    email: PEOPLE[key].upn,
    displayName: PEOPLE[key].name,
    locale: 'en',
    timeZone: 'UTC',
    missionId: MISSION,
    focalPointOf: [],
    officer: false,
    active: true,
    userId: world.graph.store.getUser(PEOPLE[key].upn)?.id ?? '',
    ...extra,
  });
  const people = [
    person('custodian'),
    person('focalPoint', { focalPointOf: [MISSION] }),
    person('otherFocalPoint', { missionId: 'colombia', focalPointOf: ['colombia'] }),
    person('officer', { officer: true }),
    person('reader'),
  ];
  // The connector knows the chat's members, as Teams does: the bot resolves who clicked through it.
  connector = await startLocalConnector({
    users: async () =>
      people.map((p) => ({ userId: p.userId ?? '', displayName: p.displayName, email: p.email })),
  });
  wired = await wireBot({
    graphUrl: world.graph.url,
    siteId: world.siteId,
    listIds: world.listIds,
    clientId: world.botApp.clientId,
    clientSecret: world.botApp.clientSecret,
    ledgerPath: ':memory:',
    serviceUrl: connector.url,
    people,
    now: RUN_DAY.toISOString(),
  });
  connector.setBotEndpoint(`${await wired.bot.listen(0)}/api/messages`);
  expect((await wired.bot.runNow()).outcome).toBe('completed');
}, 60_000);

afterAll(async () => {
  await wired?.close();
  await connector?.close();
  await world?.close();
});

describe('tab path: the repository with the user’s own token (SharePoint decides; the UI mirrors `can`)', () => {
  // [role, record, the tab shows an editable form (domain `can`), SharePoint accepts the write]
  const matrix: [Role, 'own' | 'foreign', boolean, boolean][] = [
    ['custodian', 'own', true, true],
    ['custodian', 'foreign', false, true],
    ['focalPoint', 'own', true, true],
    ['focalPoint', 'foreign', false, true],
    ['officer', 'own', true, true],
    ['officer', 'foreign', true, true],
    ['reader', 'own', false, false],
    ['reader', 'foreign', false, false],
  ];
  test.each(matrix)(
    '%s on the %s record: editable in the UI %s, saved %s',
    async (role, which, ui, saved) => {
      const target = await fresh(which === 'own' ? own : foreign);
      expect(can(ACTORS[role], 'update', REGISTERS.dataInventory, target).allowed).toBe(ui);
      const before = version(target);
      const repo = world.repoAs(await world.clientAs(ACTORS[role].email));
      const outcome = await repo
        .update(String(target.id), { retention: `tab ${role}` }, String(target.eTag))
        .then(
          () => 'saved',
          (e: unknown) => (isGraphError(e) ? `${e.status} ${e.code}` : String(e)),
        );
      expect(outcome).toBe(saved ? 'saved' : '403 accessDenied');
      expect(version(target)).toBe(before + (saved ? 1 : 0));
    },
  );
});

describe('add-in path: the push with the user’s own token', () => {
  test.each(ROLES.map((r) => [r, r !== 'reader'] as const))(
    '%s pushes an edit: saved %s',
    async (role, saved) => {
      const target = await fresh(own);
      const before = version(target);
      const workbook = new MemoryWorkbook();
      const engine = createSyncEngine({
        workbook,
        gateway: world.repoAs(await world.clientAs(ACTORS[role].email)),
        schema: REGISTERS.dataInventory,
        mission: MISSION,
        locale: 'en',
        now: () => new Date('2025-06-01T10:00:00Z'),
      });
      await engine.pull();
      const rows = await workbook.readRows(engine.tableName);
      const row = rows.findIndex((cells) => cells[engine.layout.idCol] === String(target.id));
      workbook.enter(engine.tableName, row, engine.layout.fieldCols.get('retention') ?? -1, `excel ${role}`);
      const report = await engine.push();
      if (saved) expect(report.counts).toMatchObject({ saved: 1, rejected: 0 });
      else {
        expect(report.counts).toMatchObject({ saved: 0, rejected: 1 });
        // The row says why: SharePoint refused it, not a vague failure.
        expect(report.rows.find((r) => r.status === 'rejected')?.code).toBe('accessDenied');
      }
      expect(version(target)).toBe(before + (saved ? 1 : 0));
    },
  );
});

describe('bot path: a card click (the bot writes with its own identity, so it checks `can` itself)', () => {
  type Json = Record<string, unknown>;
  // Read once, before any click: a click refreshes the card in the chat, and a closed item loses its buttons.
  let original: { id: string; data: Json } | undefined;
  const digestOfAmina = () => (original ??= readDigestOfAmina());
  const readDigestOfAmina = () => {
    const conversation = connector.conversationOf(world.graph.store.getUser(PEOPLE.custodian.upn)?.id ?? '');
    const digest = connector
      .activities(conversation)
      .find((a) => a.fromBot && Array.isArray(a.activity.attachments));
    const nodes: Json[] = [];
    const walk = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        nodes.push(v as Json);
        Object.values(v).forEach(walk);
      }
    };
    walk(digest?.activity);
    const confirm = nodes.find(
      (n) => n.verb === 'confirm' && (n.data as Json).key === `dataInventory:${own.id}`,
    );
    return { id: digest?.id ?? '', data: (confirm?.data ?? {}) as Json };
  };
  const click = async (who: PersonKey, data: Json) => {
    const { id } = digestOfAmina();
    const userId = world.graph.store.getUser(PEOPLE[who].upn)?.id ?? `unknown-${who}`;
    return (await connector.invoke(userId, id, { verb: String(data.action ?? 'confirm'), data })).body;
  };
  const refreshedCard = 'application/vnd.microsoft.card.adaptive';

  // [who clicks (role), allowed]
  const matrix: [PersonKey, Role | 'other mission’s focal point', boolean][] = [
    ['custodian', 'custodian', true],
    ['focalPoint', 'focalPoint', true],
    ['officer', 'officer', true],
    ['reader', 'reader', false],
    ['otherFocalPoint', 'other mission’s focal point', false],
  ];
  test.each(matrix)('%s (%s) confirms Amina’s record: allowed %s', async (who, _role, allowed) => {
    const before = version(own);
    const body = await click(who, digestOfAmina().data);
    if (allowed) expect(body?.type).toBe(refreshedCard);
    else expect(body?.value).toBe(tr('en', 'refusedNotAllowed'));
    expect(version(own)).toBe(before + (allowed ? 1 : 0));
  });

  test('a forged record id (not on the card) is refused by name, nothing written', async () => {
    const before = version(foreign);
    const body = await click('custodian', { ...digestOfAmina().data, key: `dataInventory:${foreign.id}` });
    expect(body?.value).toBe(tr('en', 'refusedUnknownRecord'));
    expect(version(foreign)).toBe(before);
  });

  test('a forged card id is refused, nothing written', async () => {
    const before = version(own);
    const body = await click('custodian', {
      ...digestOfAmina().data,
      card: 'remind-2025-06-02.0000000000000000',
    });
    expect(body?.value).toBe(tr('en', 'refusedUnknownRecord'));
    expect(version(own)).toBe(before);
  });

  test('someone the bot does not know is refused, nothing written', async () => {
    const before = version(own);
    const body = await click('otherCustodian', digestOfAmina().data);
    expect(body?.value).toBe(tr('en', 'notInDirectory'));
    expect(version(own)).toBe(before);
  });

  test('action data that is not a card action is a 400, nothing written', async () => {
    const before = version(own);
    const body = await click('custodian', { card: 42, action: 'delete', key: `dataInventory:${own.id}` });
    expect(body?.statusCode).toBe(400);
    expect(version(own)).toBe(before);
  });
});

describe('raw localgraph: a PATCH or POST with the user’s own token', () => {
  test.each(ROLES.map((r) => [r, r !== 'reader'] as const))(
    '%s PATCHes a register item: allowed %s',
    async (role, allowed) => {
      const target = await fresh(foreign);
      const before = version(target);
      const bearer = await fetch(`${world.graph.url}/local/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ upn: ACTORS[role].email }),
      }).then(async (r) => ((await r.json()) as { access_token: string }).access_token);
      const r = await fetch(
        `${world.graph.url}/v1.0/sites/${world.siteId}/lists/${world.listIds.dataInventory}/items/${target.id}/fields`,
        {
          method: 'PATCH',
          headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json', 'If-Match': '*' },
          body: JSON.stringify({ Retention: `raw ${role}` }),
        },
      );
      expect(r.status).toBe(allowed ? 200 : 403);
      expect(version(target)).toBe(before + (allowed ? 1 : 0));
    },
  );

  test.each(ROLES.map((r) => [r, r === 'officer'] as const))(
    '%s writes to an officers-only list: allowed %s',
    async (role, allowed) => {
      const bearer = await fetch(`${world.graph.url}/local/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ upn: ACTORS[role].email }),
      }).then(async (r) => ((await r.json()) as { access_token: string }).access_token);
      const count = () => {
        let n = 0;
        for (let id = 1; id < 50; id++) if (world.graph.store.getItem(officersListId, id)) n++;
        return n;
      };
      const before = count();
      const r = await fetch(`${world.graph.url}/v1.0/sites/${world.siteId}/lists/${officersListId}/items`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ fields: { Title: `probe ${role}` } }),
      });
      expect(r.status).toBe(allowed ? 201 : 403);
      expect(count()).toBe(before + (allowed ? 1 : 0));
    },
  );
});
