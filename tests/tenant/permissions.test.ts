// The admin scripts' requests, against a scripted fake of Graph / SharePoint REST (no tenant needed).
import { HttpError, createJsonClient, describeToken, tokenFromEnv } from '../../scripts/lib/http';
import type { FetchLike } from '../../scripts/lib/http';
import { setOfficersListPermission } from '../../scripts/lib/officers-list-permission';
import { grantSitePermission } from '../../scripts/lib/site-permission';

interface Call {
  readonly method: string;
  readonly url: string;
  readonly body?: unknown;
  readonly auth?: string;
}

/** A fake fetch answering from a route table: first route whose method and URL pattern match. */
function fakeFetch(routes: readonly [string, RegExp, (call: Call) => [number, unknown]][]): {
  fetch: FetchLike;
  calls: Call[];
} {
  const calls: Call[] = [];
  const fetch: FetchLike = async (url, init) => {
    const headers = (init.headers ?? {}) as Record<string, string>;
    const call: Call = {
      method: init.method ?? 'GET',
      url,
      ...(typeof init.body === 'string' ? { body: JSON.parse(init.body) as unknown } : {}),
      ...(headers.Authorization ? { auth: headers.Authorization } : {}),
    };
    calls.push(call);
    const route = routes.find(([m, re]) => m === call.method && re.test(url));
    if (!route) return new Response(JSON.stringify({ error: { code: 'itemNotFound' } }), { status: 404 });
    const [status, body] = route[2](call);
    return new Response(body === undefined ? '' : JSON.stringify(body), { status });
  };
  return { fetch, calls };
}

const BOT = '6a1c7a2e-0f5e-4c57-9a55-2f0c1c1a0b01';
const SITE_ID =
  'contoso.sharepoint.com,11111111-aaaa-bbbb-cccc-000000000001,22222222-aaaa-bbbb-cccc-000000000002';
const graphBaseUrl = 'https://graph.microsoft.com';
const site = { siteHostname: 'contoso.sharepoint.com', sitePath: '/sites/governance' };

describe('grantSitePermission (Sites.Selected on the governance site only)', () => {
  it('resolves the site and POSTs the write role for the bot app', async () => {
    const { fetch, calls } = fakeFetch([
      [
        'GET',
        /\/v1\.0\/sites\/contoso\.sharepoint\.com:\/sites\/governance\?\$select=id$/,
        () => [200, { id: SITE_ID }],
      ],
      ['GET', /\/permissions$/, () => [200, { value: [] }]],
      [
        'POST',
        /\/permissions$/,
        (c) => [201, { id: 'perm-1', roles: (c.body as { roles: string[] }).roles }],
      ],
    ]);
    const graph = createJsonClient({ fetch, token: 'a.b.c' });
    const result = await grantSitePermission({
      graph,
      graphBaseUrl,
      ...site,
      appId: BOT,
      displayName: 'Bot',
      role: 'write',
    });
    expect(result).toEqual({ siteId: SITE_ID, permissionId: 'perm-1', action: 'created', roles: ['write'] });
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.url).toBe(`${graphBaseUrl}/v1.0/sites/${SITE_ID}/permissions`);
    expect(post?.body).toEqual({
      roles: ['write'],
      grantedToIdentities: [{ application: { id: BOT, displayName: 'Bot' } }],
    });
    expect(calls.every((c) => c.auth === 'Bearer a.b.c')).toBe(true);
  });

  it('is idempotent: an existing grant with the role is left alone, another role is PATCHed', async () => {
    let roles = ['write'];
    const existing = { id: 'perm-9', grantedToIdentitiesV2: [{ application: { id: BOT.toUpperCase() } }] };
    const { fetch, calls } = fakeFetch([
      ['GET', /\/sites\/contoso\.sharepoint\.com:/, () => [200, { id: SITE_ID }]],
      ['GET', /\/permissions$/, () => [200, { value: [existing] }]],
      ['GET', /\/permissions\/perm-9$/, () => [200, { ...existing, roles }]],
      [
        'PATCH',
        /\/permissions\/perm-9$/,
        (c) => [200, { ...existing, roles: (roles = (c.body as { roles: string[] }).roles) }],
      ],
    ]);
    const graph = createJsonClient({ fetch, token: 'a.b.c' });
    const same = await grantSitePermission({
      graph,
      graphBaseUrl,
      ...site,
      appId: BOT,
      displayName: 'Bot',
      role: 'write',
    });
    expect(same.action).toBe('unchanged');
    expect(calls.some((c) => c.method === 'POST' || c.method === 'PATCH')).toBe(false);
    const changed = await grantSitePermission({
      graph,
      graphBaseUrl,
      ...site,
      appId: BOT,
      displayName: 'Bot',
      role: 'read',
    });
    expect(changed).toMatchObject({ action: 'updated', roles: ['read'] });
  });

  it('falls back to write + PATCH when the tenant refuses fullcontrol on creation', async () => {
    const { fetch, calls } = fakeFetch([
      ['GET', /\/sites\/contoso\.sharepoint\.com:/, () => [200, { id: SITE_ID }]],
      ['GET', /\/permissions$/, () => [200, { value: [] }]],
      [
        'POST',
        /\/permissions$/,
        (c) =>
          (c.body as { roles: string[] }).roles[0] === 'write'
            ? [201, { id: 'p2', roles: ['write'] }]
            : [400, { error: {} }],
      ],
      ['PATCH', /\/permissions\/p2$/, () => [200, { id: 'p2', roles: ['fullcontrol'] }]],
    ]);
    const graph = createJsonClient({ fetch, token: 'a.b.c' });
    const r = await grantSitePermission({
      graph,
      graphBaseUrl,
      ...site,
      appId: BOT,
      displayName: 'Prov',
      role: 'fullcontrol',
    });
    expect(r).toMatchObject({ action: 'created', roles: ['fullcontrol'] });
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(2);
  });

  it('reports Graph errors with status and body', async () => {
    const { fetch } = fakeFetch([
      ['GET', /\/sites\/contoso\.sharepoint\.com:/, () => [403, { error: { code: 'accessDenied' } }]],
    ]);
    const graph = createJsonClient({ fetch, token: 'a.b.c' });
    await expect(
      grantSitePermission({ graph, graphBaseUrl, ...site, appId: BOT, displayName: 'Bot', role: 'write' }),
    ).rejects.toThrow(HttpError);
  });
});

describe('setOfficersListPermission (SharePoint REST, officers-only list)', () => {
  const SP = 'https://contoso.sharepoint.com/sites/governance';
  const LIST = '3f1b2c3d-0000-4000-8000-000000000042';
  const roleDefs: Record<number, { Id: number; Name: string; RoleTypeKind: number }> = {
    2: { Id: 1073741826, Name: 'Read', RoleTypeKind: 2 },
    3: { Id: 1073741827, Name: 'Contribute', RoleTypeKind: 3 },
    5: { Id: 1073741829, Name: 'Full Control', RoleTypeKind: 5 },
  };
  const edit = { Id: 1073741830, Name: 'Edit', RoleTypeKind: 6 };

  function sharePoint(
    unique: boolean,
    bindings: Record<number, { Id: number; Name: string; RoleTypeKind: number }[]>,
  ) {
    return fakeFetch([
      [
        'GET',
        /GetList\('\/sites\/governance\/Lists\/AiRegistry'\)/,
        () => [200, { Id: LIST, Title: 'AI registry', HasUniqueRoleAssignments: unique }],
      ],
      [
        'GET',
        /roledefinitions\/getbytype\((\d)\)/,
        (c) => [200, roleDefs[Number(/getbytype\((\d)\)/.exec(c.url)?.[1])]],
      ],
      ['GET', /associatedownergroup/, () => [200, { Id: 3, Title: 'Governance Owners' }]],
      ['GET', /associatedmembergroup/, () => [200, { Id: 5, Title: 'Governance Members' }]],
      ['GET', /associatedvisitorgroup/, () => [200, { Id: 4, Title: 'Governance Visitors' }]],
      ['POST', /ensureuser$/, () => [200, { Id: 21, Title: 'Governance officers' }]],
      ['GET', /sitegroups\/getbyname\(/, () => [200, { Id: 21, Title: 'Governance officers' }]],
      ['POST', /breakroleinheritance/, () => [200, undefined]],
      [
        'GET',
        /GetByPrincipalId\((\d+)\)\/RoleDefinitionBindings/,
        (c) => {
          const id = Number(/GetByPrincipalId\((\d+)\)/.exec(c.url)?.[1]);
          return bindings[id] ? [200, { value: bindings[id] }] : [404, {}];
        },
      ],
      ['POST', /roleassignments\/(add|remove)roleassignment/, () => [200, undefined]],
      [
        'GET',
        /roleassignments\?\$expand=/,
        () => [
          200,
          { value: [{ PrincipalId: 7, Member: { Title: 'Admin' }, RoleDefinitionBindings: [roleDefs[5]] }] },
        ],
      ],
    ]);
  }

  it('breaks inheritance and gives officers Contribute, owners Full Control, members and visitors Read', async () => {
    const { fetch, calls } = sharePoint(false, {});
    const sp = createJsonClient({
      fetch,
      token: 'a.b.c',
      headers: { Accept: 'application/json;odata=nometadata' },
    });
    const officers = { kind: 'entraGroup', objectId: '9e3f2a10-1111-4222-8333-444455556666' } as const;
    const result = await setOfficersListPermission({ sp, siteUrl: SP, listName: 'AiRegistry', officers });

    expect(result.brokeInheritance).toBe(true);
    const posts = calls.filter((c) => c.method === 'POST').map((c) => c.url.replace(`${SP}/_api/web`, ''));
    expect(posts).toEqual([
      '/ensureuser',
      `/lists(guid'${LIST}')/breakroleinheritance(copyRoleAssignments=false,clearSubscopes=true)`,
      `/lists(guid'${LIST}')/roleassignments/addroleassignment(principalid=3,roledefid=1073741829)`,
      `/lists(guid'${LIST}')/roleassignments/addroleassignment(principalid=21,roledefid=1073741827)`,
      `/lists(guid'${LIST}')/roleassignments/addroleassignment(principalid=5,roledefid=1073741826)`,
      `/lists(guid'${LIST}')/roleassignments/addroleassignment(principalid=4,roledefid=1073741826)`,
    ]);
    expect(calls.find((c) => c.url.endsWith('/ensureuser'))?.body).toEqual({
      logonName: 'c:0t.c|tenant|9e3f2a10-1111-4222-8333-444455556666',
    });
    expect(result.otherWriters).toEqual(['Admin (Full Control)']);
  });

  it('on a list that is already unique, downgrades members from Edit to Read and changes nothing else', async () => {
    const { fetch, calls } = sharePoint(true, {
      3: [roleDefs[5]!],
      21: [roleDefs[3]!],
      5: [edit, { Id: 1073741825, Name: 'Limited Access', RoleTypeKind: 1 }],
      4: [roleDefs[2]!],
    });
    const sp = createJsonClient({ fetch, token: 'a.b.c' });
    const result = await setOfficersListPermission({
      sp,
      siteUrl: `${SP}/`,
      listName: 'AiRegistry',
      officers: { kind: 'spGroup', name: "Governance officers' group" },
    });
    expect(result.brokeInheritance).toBe(false);
    expect(calls.some((c) => c.url.includes("sitegroups/getbyname('Governance officers'' group')"))).toBe(
      true,
    );
    const posts = calls
      .filter((c) => c.method === 'POST')
      .map((c) => c.url.replace(`${SP}/_api/web/lists(guid'${LIST}')`, ''));
    expect(posts).toEqual([
      '/roleassignments/removeroleassignment(principalid=5,roledefid=1073741830)',
      '/roleassignments/addroleassignment(principalid=5,roledefid=1073741826)',
    ]);
    expect(result.changes.filter((c) => c.action === 'unchanged').map((c) => c.principalId)).toEqual([
      3, 21, 4,
    ]);
  });
});

describe('tokens', () => {
  const jwt = (payload: object): string =>
    ['e30', Buffer.from(JSON.stringify(payload)).toString('base64url'), 'sig'].join('.');

  it('are read from the environment only, and described for a helpful warning', () => {
    expect(() => tokenFromEnv('GRAPH_ADMIN_TOKEN', {})).toThrow(/set GRAPH_ADMIN_TOKEN/);
    expect(() => tokenFromEnv('GRAPH_ADMIN_TOKEN', { GRAPH_ADMIN_TOKEN: 'secret' })).toThrow(/JWT/);
    const token = jwt({ aud: 'https://graph.microsoft.com', scp: 'Sites.FullControl.All User.Read' });
    expect(tokenFromEnv('T', { T: `Bearer ${token}` })).toBe(token);
    expect(describeToken(token)).toEqual({
      aud: 'https://graph.microsoft.com',
      scp: 'Sites.FullControl.All User.Read',
    });
  });
});
