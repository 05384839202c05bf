// Reaching people who never opened the bot's chat: localgraph's installedApps routes as strict as Graph's
// (handlers/teamwork.ts cites the pages), the bot's Graph installer over them, and a whole run that reaches
// every custodian through the 1:1 chat Graph names, with a per-recipient status and reason.
import { createGraphClient, isGraphError } from '../../src/graph';
import type { GraphClient } from '../../src/graph';
import { graphAppInstaller } from '../../src/bot';
import type { AppInstaller } from '../../src/bot';
import { asset, email, startBot, startWorld, token } from './harness';
import type { World } from './harness';

const BOT_ID = 'governance-hub-bot'; // the local connector's bot id: Teams' chat ids name it
const APP = 'gh-catalog-app';
const OTHER_APP = 'someone-elses-app';

let world: World;
let adminToken: string;
let installerClient: GraphClient;
let sitesOnlyClient: GraphClient;

const local = async (method: string, path: string, body: unknown) => {
  const r = await fetch(`${world.graph.url}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${adminToken}` },
    body: JSON.stringify(body),
  });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
};

const appClient = async (clientId: string, roles: string[]) => {
  const registered = await local('POST', '/local/apps', {
    client_id: clientId,
    client_secret: `${clientId}-secret-value`,
    displayName: clientId,
    roles,
  });
  expect(registered.status).toBe(201);
  const t = await token(world.graph.url, { client_id: clientId, client_secret: `${clientId}-secret-value` });
  return createGraphClient({ baseUrl: world.graph.url, getToken: async () => t });
};

const userIdOf = (who: string) => world.people.find((p) => p.email === email(who))!.userId!;

const failure = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (isGraphError(error)) return { status: error.status, code: error.code };
    throw error;
  }
  throw new Error('expected a Graph error');
};

beforeAll(async () => {
  world = await startWorld();
  adminToken = await token(world.graph.url, { client_id: 'localgraph-admin', client_secret: 'bot-tests' });
  expect((await local('PUT', `/local/admin/appCatalogs/teamsApps/${APP}`, { botId: BOT_ID })).status).toBe(
    200,
  );
  expect(
    (await local('PUT', `/local/admin/appCatalogs/teamsApps/${OTHER_APP}`, { botId: 'another-bot' })).status,
  ).toBe(200);
  installerClient = await appClient(BOT_ID, [
    'Sites.Selected',
    'TeamsAppInstallation.ReadWriteSelfForUser.All',
  ]);
  sitesOnlyClient = await appClient('sites-only-app', ['Sites.Selected']);
}, 60_000);

afterAll(async () => {
  await world?.close();
});

const bind = (id: string) => ({
  'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${id}`,
});

describe('localgraph: apps in a user’s personal scope (Graph installedApps)', () => {
  test('install → 201; again → 409 Conflict; listed with the app; the 1:1 chat id names the bot and the user', async () => {
    const user = userIdOf('amina');
    const base = `/users/${user}/teamwork/installedApps`;
    const created = await installerClient.request('POST', base, { body: bind(APP) });
    expect(created.status).toBe(201);
    expect(await failure(installerClient.request('POST', base, { body: bind(APP) }))).toEqual({
      status: 409,
      code: 'Conflict',
    });
    const listed = await installerClient.request<{ value: { id: string; teamsApp?: { id: string } }[] }>(
      'GET',
      base,
      { query: { $expand: 'teamsApp', $filter: `teamsApp/id eq '${APP}'` } },
    );
    expect(listed.body.value).toHaveLength(1);
    expect(listed.body.value[0]!.teamsApp?.id).toBe(APP);
    // The installation id is not the app id (the docs' note).
    expect(listed.body.value[0]!.id).not.toBe(APP);
    const chat = await installerClient.request<{ id: string }>(
      'GET',
      `${base}/${encodeURIComponent(listed.body.value[0]!.id)}/chat`,
    );
    expect(chat.body.id).toBe(`19:${BOT_ID}_${user}@unq.gbl.spaces`);
  });

  test('a user principal name addresses the user too', async () => {
    const installer = graphAppInstaller({ client: installerClient, teamsAppId: APP });
    const chat = await installer.install(email('carlos'));
    expect(chat).toMatchObject({
      installedNow: true,
      chatId: `19:${BOT_ID}_${userIdOf('carlos')}@unq.gbl.spaces`,
    });
    // Installed already (the person, an admin's setup policy, an earlier run): the same chat, no error.
    expect(await installer.install(email('carlos'))).toMatchObject({
      installedNow: false,
      chatId: chat.chatId,
    });
  });

  test('refusals: no Teams permission 403, another app with a Self permission 403, unknown user or app 404, bad bind 400', async () => {
    const base = `/users/${userIdOf('layla')}/teamwork/installedApps`;
    expect(await failure(sitesOnlyClient.request('POST', base, { body: bind(APP) }))).toMatchObject({
      status: 403,
    });
    expect(await failure(sitesOnlyClient.request('GET', base))).toMatchObject({ status: 403 });
    expect(await failure(installerClient.request('POST', base, { body: bind(OTHER_APP) }))).toMatchObject({
      status: 403,
    });
    expect(
      await failure(
        installerClient.request('POST', '/users/nobody@contoso.org/teamwork/installedApps', {
          body: bind(APP),
        }),
      ),
    ).toMatchObject({ status: 404 });
    expect(
      await failure(installerClient.request('POST', base, { body: bind('not-in-catalog') })),
    ).toMatchObject({
      status: 404,
    });
    expect(await failure(installerClient.request('POST', base, { body: { teamsApp: APP } }))).toMatchObject({
      status: 400,
    });
    expect(
      await failure(installerClient.request('GET', base, { query: { $filter: "displayName eq 'x'" } })),
    ).toMatchObject({ status: 400 });
    // Nothing was installed by the refused calls.
    const listed = await installerClient.request<{ value: unknown[] }>('GET', base);
    expect(listed.body.value).toEqual([]);
  });

  test('the chat of an installation that does not exist (or of another user) is 404', async () => {
    const layla = userIdOf('layla');
    const amina = userIdOf('amina');
    const fake = Buffer.from(`${layla}##${APP}`).toString('base64');
    expect(
      await failure(
        installerClient.request(
          'GET',
          `/users/${layla}/teamwork/installedApps/${encodeURIComponent(fake)}/chat`,
        ),
      ),
    ).toMatchObject({ status: 404 });
    // Carlos has the app too (above), but Amina's installation is not his.
    const carlos = userIdOf('carlos');
    const aminas = Buffer.from(`${amina}##${APP}`).toString('base64');
    expect(
      await failure(
        installerClient.request(
          'GET',
          `/users/${carlos}/teamwork/installedApps/${encodeURIComponent(aminas)}/chat`,
        ),
      ),
    ).toMatchObject({ status: 404 });
  });
});

describe('a run reaches people who never opened the chat', () => {
  test('the bot installs itself, sends to the Graph chat, and reports each person as sent or not installed (with why)', async () => {
    const repo = world.adminRepos.dataInventory;
    for (const who of ['john', 'mei', 'ana', 'layla'])
      await repo.create(
        asset(`${who} stale register`, email(who), who === 'ana' ? 'colombia' : 'kenya', '2024-01-05'),
      );
    const graphInstaller = graphAppInstaller({ client: installerClient, teamsAppId: APP });
    // One person Graph cannot install for (as a UPN that is not their e-mail would be): 404.
    const installer: AppInstaller = {
      install: async (userId) => {
        if (userId === userIdOf('layla')) throw Object.assign(new Error('Not Found'), { status: 404 });
        return graphInstaller.install(userId);
      },
    };
    const instance = await startBot(world, { installer });
    try {
      expect(world.connector.conversationOf(userIdOf('john'))).toBeUndefined();
      const summary = await instance.bot.runNow();
      expect(summary.outcome).toBe('completed');
      for (const who of ['john', 'mei', 'ana']) {
        const chat = `19:${BOT_ID}_${userIdOf(who)}@unq.gbl.spaces`;
        expect(world.connector.conversationOf(userIdOf(who))).toBe(chat);
        const cards = world.connector
          .activities(chat)
          .filter((a) => a.fromBot && Array.isArray(a.activity.attachments));
        expect(cards).toHaveLength(1);
        expect(summary.installed).toContain(email(who));
      }
      const byRecipient = new Map(summary.recipients.map((r) => [r.recipient, r]));
      expect(byRecipient.get(email('john'))?.status).toBe('sent');
      expect(byRecipient.get(email('layla'))).toMatchObject({ status: 'notInstalled' });
      expect(byRecipient.get(email('layla'))?.reason).toMatch(/proactive installation failed/);
      // A second run the same day: nothing sent twice, nothing installed again.
      const again = await instance.bot.runNow();
      expect(again.sent).toBe(0);
      expect(again.installed).toEqual([]);
    } finally {
      await instance.stop();
    }
  });
});
