// People who never opened the site: a site's User Information List holds only people it has seen
// (graph-lists.md §7, §10), so graph/ ensures a person through SharePoint REST `POST {site}/_api/web/ensureuser`
// (a SharePoint-audience token from a certificate credential) before a person column is written.
import { localSharePointRest } from '../../src/cli/pipeline/sharepoint-token';
import { adminTokenProvider } from '../../src/cli/pipeline/local-identity';
import type { FieldDef, RegisterSchema } from '../../src/domain/schema/types';
import { DATA_INVENTORY } from '../../src/domain/registers';
import {
  createGraphClient,
  createRegisterRepository,
  createSiteUserDirectory,
  createUser,
  ensureSiteUser,
  getSiteByPath,
  listItems,
  provisionRegisters,
  searchUsers,
  USER_INFORMATION_LIST,
} from '../../src/graph';
import type { GraphClient, SharePointRestOptions } from '../../src/graph';
import { startLocalGraph } from '../../src/localgraph';
import type { LocalGraphHandle } from '../../src/localgraph';

const SECRET = 'site-users-secret';
const HOST = 'contoso.sharepoint.com';
let graph: LocalGraphHandle;
let client: GraphClient;
let siteId: string;
let listId: string;
let sharePoint: SharePointRestOptions;

const custodian = DATA_INVENTORY.fields.find((f) => f.name === 'custodian') as FieldDef;
const schema: RegisterSchema = {
  ...DATA_INVENTORY,
  id: 'dataInventory',
  listName: 'People',
  migrations: [],
  fields: [DATA_INVENTORY.fields.find((f) => f.name === 'Title') as FieldDef, custodian],
};

const uilEmails = async () =>
  (await listItems(client, siteId, USER_INFORMATION_LIST, { select: ['EMail'] })).map((i) =>
    String(i.fields?.EMail ?? '').toLowerCase(),
  );

beforeAll(async () => {
  graph = await startLocalGraph({
    dbPath: ':memory:',
    port: 0,
    hostname: HOST,
    sites: [{ path: 'governance', displayName: 'Governance Hub' }],
    adminSecret: SECRET,
    lenient: { siteUsersFromDirectory: false },
  });
  const getToken = adminTokenProvider({ url: graph.url, adminSecret: SECRET });
  client = createGraphClient({ baseUrl: graph.url, getToken });
  siteId = String((await getSiteByPath(client, HOST, 'governance')).id);
  const report = await provisionRegisters({
    client,
    siteId,
    schemas: [schema],
    choices: { missions: [], regions: [] },
  });
  listId = report.listIds.dataInventory as string;
  for (const name of ['newbie', 'other']) {
    await createUser(client, {
      displayName: name,
      userPrincipalName: `${name}@contoso.org`,
      mail: `${name}@contoso.org`,
    });
  }
  sharePoint = await localSharePointRest({
    url: graph.url,
    getToken,
    hostname: HOST,
    sitePath: '/sites/governance',
  });
});

afterAll(async () => {
  await graph?.close();
});

const repository = (withSharePoint: boolean) =>
  createRegisterRepository({
    client,
    siteId,
    listId,
    schema,
    people: createSiteUserDirectory(client, siteId, withSharePoint ? { sharePoint } : {}),
  });

it('a directory user the site has not seen is not in the User Information List', async () => {
  expect(await uilEmails()).not.toContain('newbie@contoso.org');
});

it('the people picker searches the directory, so someone the site has not seen can be chosen', async () => {
  const found = await searchUsers(client, 'newb');
  expect(found.map((u) => u.userPrincipalName)).toEqual(['newbie@contoso.org']);
  expect((await searchUsers(client, 'other@')).map((u) => u.mail)).toEqual(['other@contoso.org']);
});

it('without SharePoint REST, writing them into a person column fails with personNotInSite (nothing sent)', async () => {
  await expect(
    repository(false).create({ Title: 'A', custodian: 'newbie@contoso.org' }),
  ).rejects.toMatchObject({
    code: 'personNotInSite',
    field: 'custodian',
  });
  expect(await listItems(client, siteId, listId)).toHaveLength(0);
});

it('with SharePoint REST, the person is ensured first, then written and read back', async () => {
  const record = await repository(true).create({ Title: 'B', custodian: 'NewBie@contoso.org' });
  expect(record.values.custodian).toBe('newbie@contoso.org');
  expect(await uilEmails()).toContain('newbie@contoso.org');
  // Idempotent: a second ensure returns the same site user.
  const again = await ensureSiteUser(sharePoint, 'newbie@contoso.org');
  const uil = await listItems(client, siteId, USER_INFORMATION_LIST, { select: ['EMail'] });
  expect(String(again?.lookupId)).toBe(uil.find((i) => i.fields?.EMail === 'newbie@contoso.org')?.id);
});

it('a person the directory does not know: personNotInSite, and the batch writes the others', async () => {
  const results = await repository(true).applyBatch([
    { key: 'ghost', kind: 'create', values: { Title: 'C', custodian: 'ghost@contoso.org' } },
    { key: 'other', kind: 'create', values: { Title: 'D', custodian: 'other@contoso.org' } },
  ]);
  expect(results[0]).toMatchObject({ status: 'rejected', error: { status: 400, code: 'personNotInSite' } });
  expect(results[1]).toMatchObject({
    status: 'saved',
    record: { values: { custodian: 'other@contoso.org' } },
  });
});

it('SharePoint REST refuses an app-only token from a client secret and a Graph token (ensureUserFailed 401)', async () => {
  const secretToken = async () => {
    const response = await fetch(`${graph.url}/local/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        client_id: 'localgraph-admin',
        client_secret: SECRET,
        scope: `https://${HOST}/.default`,
      }),
    });
    return ((await response.json()) as { access_token: string }).access_token;
  };
  await expect(
    ensureSiteUser({ ...sharePoint, getToken: secretToken }, 'other@contoso.org'),
  ).rejects.toMatchObject({
    status: 401,
    code: 'ensureUserFailed',
  });
  const graphToken = adminTokenProvider({ url: graph.url, adminSecret: SECRET });
  await expect(
    ensureSiteUser({ ...sharePoint, getToken: graphToken }, 'other@contoso.org'),
  ).rejects.toMatchObject({
    status: 401,
  });
});
