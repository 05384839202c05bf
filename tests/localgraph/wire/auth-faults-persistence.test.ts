import { createPrivateKey } from 'node:crypto';
import { SignJWT } from 'jose';
import { generateSigningKeyPem } from '../../../src/localgraph';
import type { LocalGraphHandle } from '../../../src/localgraph';
import { adminToken, call, createUser, HOST, siteId, start, tempDb, userToken } from '../helpers';

const SIGNING_KEY = generateSigningKeyPem();

describe('localgraph wire: auth and permissions', () => {
  let g: LocalGraphHandle;
  let admin: string;
  let site: string;
  let list: string;

  beforeAll(async () => {
    g = await start({ signingKey: SIGNING_KEY, tokenLifetimeSeconds: 3600 });
    admin = await adminToken(g.url);
    site = await siteId(g.url, admin);
    await createUser(g.url, admin, 'vera@contoso.com', 'Vera Visitor');
    await createUser(g.url, admin, 'mo@contoso.com', 'Mo Member');
    await createUser(g.url, admin, 'olga@contoso.com', 'Olga Officer');
    list = (
      await call(g.url, 'POST', `/v1.0/sites/${site}/lists`, {
        token: admin,
        body: { displayName: 'Records' },
      })
    ).body.id;
    const role = (upn: string, r: string) =>
      call(g.url, 'PUT', `/local/admin/sites/${site}/roles/${upn}`, { token: admin, body: { role: r } });
    expect((await role('vera@contoso.com', 'visitor')).status).toBe(200);
  });
  afterAll(async () => g.close());

  it('401s without a token, with garbage, a foreign signature, or an expired token', async () => {
    const path = `/v1.0/sites/${site}`;
    const none = await call(g.url, 'GET', path);
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('InvalidAuthenticationToken');
    expect((await call(g.url, 'GET', path, { token: 'not-a-jwt' })).status).toBe(401);
    const foreign = await new SignJWT({ idtyp: 'app', roles: ['Sites.FullControl.All'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setAudience('https://graph.microsoft.com')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('someone-else'));
    expect((await call(g.url, 'GET', path, { token: foreign })).status).toBe(401);
    const expired = await new SignJWT({ idtyp: 'app', roles: ['Sites.FullControl.All'] })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer(`https://sts.windows.net/${g.tenantId}/`)
      .setAudience('https://graph.microsoft.com')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(createPrivateKey(SIGNING_KEY));
    const exp = await call(g.url, 'GET', path, { token: expired });
    expect(exp.status).toBe(401);
    expect(exp.body.error.message).toContain('expired');
    const badSecret = await call(g.url, 'POST', '/local/token', {
      body: { client_id: 'localgraph-admin', client_secret: 'wrong' },
    });
    expect(badSecret.status).toBe(401);
  });

  it('lets members write, visitors only read, and only owners manage', async () => {
    const vera = await userToken(g.url, 'vera@contoso.com');
    const mo = await userToken(g.url, 'mo@contoso.com');
    const items = `/v1.0/sites/${site}/lists/${list}/items`;
    expect((await call(g.url, 'GET', items, { token: vera })).status).toBe(200);
    const denied = await call(g.url, 'POST', items, { token: vera, body: { fields: { Title: 'x' } } });
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('accessDenied');
    const created = await call(g.url, 'POST', items, { token: mo, body: { fields: { Title: 'by mo' } } });
    expect(created.status).toBe(201);
    expect(created.body.createdBy.user).toMatchObject({ displayName: 'Mo Member', email: 'mo@contoso.com' });
    expect(Number(created.body.fields.AuthorLookupId)).toBeGreaterThan(1);
    const manage = await call(g.url, 'POST', `/v1.0/sites/${site}/lists`, {
      token: mo,
      body: { displayName: 'Nope' },
    });
    expect(manage.status).toBe(403);
    await call(g.url, 'PUT', `/local/admin/sites/${site}/roles/mo@contoso.com`, {
      token: admin,
      body: { role: 'owner' },
    });
    expect(
      (await call(g.url, 'POST', `/v1.0/sites/${site}/lists`, { token: mo, body: { displayName: 'MoList' } }))
        .status,
    ).toBe(201);
  });

  it('applies unique list roles, also through groups', async () => {
    const verification = (
      await call(g.url, 'POST', `/v1.0/sites/${site}/lists`, {
        token: admin,
        body: { displayName: 'Verification' },
      })
    ).body.id;
    await call(g.url, 'PUT', '/local/admin/groups/officers', {
      token: admin,
      body: { members: ['olga@contoso.com'] },
    });
    const set = await call(g.url, 'PUT', `/local/admin/sites/${site}/lists/${verification}/roles`, {
      token: admin,
      body: { roles: { officers: 'member', 'mo@contoso.com': 'visitor' }, inheritFromSite: false },
    });
    expect(set.status).toBe(200);
    const olga = await userToken(g.url, 'olga@contoso.com');
    const mo = await userToken(g.url, 'mo@contoso.com');
    const items = `/v1.0/sites/${site}/lists/${verification}/items`;
    expect(
      (await call(g.url, 'POST', items, { token: olga, body: { fields: { Title: 'ok' } } })).status,
    ).toBe(201);
    expect((await call(g.url, 'POST', items, { token: mo, body: { fields: { Title: 'no' } } })).status).toBe(
      403,
    );
    expect((await call(g.url, 'GET', items, { token: mo })).status).toBe(200);
  });

  it('requires a Sites.Selected grant for such apps', async () => {
    const reg = await call(g.url, 'POST', '/local/apps', {
      token: admin,
      body: { displayName: 'Governance bot', roles: ['Sites.Selected'] },
    });
    expect(reg.status).toBe(201);
    const bot = (
      await call(g.url, 'POST', '/local/token', {
        body: { client_id: reg.body.client_id, client_secret: reg.body.client_secret },
      })
    ).body.access_token as string;
    const items = `/v1.0/sites/${site}/lists/${list}/items`;
    expect((await call(g.url, 'GET', items, { token: bot })).status).toBe(403);
    const grant = await call(g.url, 'POST', `/v1.0/sites/${site}/permissions`, {
      token: admin,
      body: {
        roles: ['write'],
        grantedToIdentities: [{ application: { id: reg.body.client_id, displayName: 'Governance bot' } }],
      },
    });
    expect(grant.status).toBe(201);
    expect(grant.body.roles).toEqual(['write']);
    const perms = await call(g.url, 'GET', `/v1.0/sites/${site}/permissions`, { token: admin });
    expect(perms.body.value).toHaveLength(1);
    expect(
      (await call(g.url, 'POST', items, { token: bot, body: { fields: { Title: 'from bot' } } })).status,
    ).toBe(201);
    expect(
      (await call(g.url, 'POST', `/v1.0/sites/${site}/lists`, { token: bot, body: { displayName: 'X' } }))
        .status,
    ).toBe(403);
  });
});

describe('localgraph wire: faults', () => {
  let g: LocalGraphHandle;
  let admin: string;

  beforeAll(async () => {
    g = await start({ faults: { throttleRate: 1, retryAfterSeconds: 3 } });
    admin = await adminToken(g.url);
  });
  afterAll(async () => g.close());

  it('throttles with Graph body and Retry-After, then recovers after setFaults', async () => {
    const r = await call(g.url, 'GET', '/v1.0/sites/root', { token: admin });
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('3');
    expect(r.body.error).toMatchObject({
      code: 'activityLimitReached',
      innerError: { code: 'throttledRequest', innerError: { code: 'quota' } },
    });
    g.setFaults({ throttleRate: 0 });
    expect((await call(g.url, 'GET', '/v1.0/sites/root', { token: admin })).status).toBe(200);
  });

  it('answers 503 and adds latency; also configurable over HTTP', async () => {
    const put = await call(g.url, 'PUT', '/local/admin/faults', {
      token: admin,
      body: { unavailableRate: 1, latencyMs: 0 },
    });
    expect(put.status).toBe(200);
    const r = await call(g.url, 'GET', '/v1.0/sites/root', { token: admin });
    expect(r.status).toBe(503);
    expect(r.body.error.code).toBe('serviceNotAvailable');
    g.setFaults({ unavailableRate: 0, latencyMs: 150 });
    const t0 = Date.now();
    expect((await call(g.url, 'GET', '/v1.0/sites/root', { token: admin })).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    g.setFaults({ latencyMs: 0 });
  });
});

describe('localgraph wire: restart persistence', () => {
  it('keeps items, eTags, users and tokens across close/reopen of the same file', async () => {
    const dbPath = tempDb();
    const g1 = await start({ dbPath });
    const admin = await adminToken(g1.url);
    await createUser(g1.url, admin, 'ada@contoso.com', 'Ada');
    const site = await siteId(g1.url, admin);
    const list = (
      await call(g1.url, 'POST', `/v1.0/sites/${site}/lists`, { token: admin, body: { displayName: 'Keep' } })
    ).body.id;
    const item = (
      await call(g1.url, 'POST', `/v1.0/sites/${site}/lists/${list}/items`, {
        token: admin,
        body: { fields: { Title: 'kept' } },
      })
    ).body;
    await g1.close();

    const g2 = await start({ dbPath });
    try {
      // The signing secret lives in the database, so the old token is still valid.
      const again = await call(
        g2.url,
        'GET',
        `/v1.0/sites/${HOST}:/sites/governance:/lists/Keep/items/${item.id}?$expand=fields`,
        {
          token: admin,
        },
      );
      expect(again.status).toBe(200);
      expect(again.body.eTag).toBe(item.eTag);
      expect(again.body.fields.Title).toBe('kept');
      expect((await call(g2.url, 'GET', '/v1.0/users/ada@contoso.com', { token: admin })).status).toBe(200);
      const sites = await call(g2.url, 'GET', `/v1.0/sites/${site}`, { token: admin });
      expect(sites.body.id).toBe(site);
    } finally {
      await g2.close();
    }
  });
});
