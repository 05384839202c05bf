// localgraph's identity: RS256 tokens only, a JWKS and a discovery document at Entra's routes (so the write
// service verifies local tokens as it verifies Entra's), tokens for the app's own API, and /local/token reachable
// only as the embedded sign-in needs (loopback origins, the web server's once named, never a client secret from
// a page).
import { createPrivateKey } from 'node:crypto';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, SignJWT } from 'jose';
import { generateSigningKeyPem, startLocalGraph } from '../../src/localgraph';
import type { LocalGraphHandle } from '../../src/localgraph';

const KEY = generateSigningKeyPem();
const ADMIN_SECRET = 'tokens-test-admin-secret';
const API_ID = '7d9a3c1e-0f4b-4a8e-9c2d-5b6e7f8a9b0c';
const UPN = 'amina.diallo@contoso.org';

let graph: LocalGraphHandle;
let admin: string;
let siteId: string;

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${graph.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

const tokenOf = async (body: unknown, headers: Record<string, string> = {}) => {
  const r = await post('/local/token', body, headers);
  return {
    status: r.status,
    body: (await r.json()) as { access_token?: string; error?: string; error_description?: string },
  };
};

const graphStatus = async (token: string) =>
  (await fetch(`${graph.url}/v1.0/sites/${siteId}`, { headers: { Authorization: `Bearer ${token}` } }))
    .status;

beforeAll(async () => {
  graph = await startLocalGraph({
    dbPath: ':memory:',
    port: 0,
    hostname: 'contoso.sharepoint.com',
    sites: [{ path: 'governance', displayName: 'Governance Hub' }],
    adminSecret: ADMIN_SECRET,
    signingKey: KEY,
  });
  admin =
    (await tokenOf({ client_id: 'localgraph-admin', client_secret: ADMIN_SECRET })).body.access_token ?? '';
  const auth = { Authorization: `Bearer ${admin}` };
  expect(
    (await post('/v1.0/users', { userPrincipalName: UPN, displayName: 'Amina Diallo', mail: UPN }, auth))
      .status,
  ).toBe(201);
  expect(
    (await post('/local/apps', { client_id: API_ID, displayName: 'Governance Hub API' }, auth)).status,
  ).toBe(201);
  siteId = (
    (await (
      await fetch(`${graph.url}/v1.0/sites/contoso.sharepoint.com:/sites/governance`, { headers: auth })
    ).json()) as { id: string }
  ).id;
});

afterAll(async () => graph?.close());

describe('discovery and keys at Entra routes', () => {
  it('publishes the discovery document and a JWKS that verifies its Graph tokens (RS256, kid)', async () => {
    const config = (await (
      await fetch(`${graph.url}/${graph.tenantId}/v2.0/.well-known/openid-configuration`)
    ).json()) as { issuer: string; jwks_uri: string; id_token_signing_alg_values_supported: string[] };
    expect(config.issuer).toBe(`${graph.url}/${graph.tenantId}/v2.0`);
    expect(config.jwks_uri).toBe(`${graph.url}/${graph.tenantId}/discovery/v2.0/keys`);
    expect(config.id_token_signing_alg_values_supported).toEqual(['RS256']);
    const jwks = (await (await fetch(config.jwks_uri)).json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', use: 'sig', alg: 'RS256' });
    expect(Object.keys(jwks.keys[0] ?? {})).not.toContain('d'); // never the private half

    const token = (await tokenOf({ upn: UPN })).body.access_token ?? '';
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'RS256', kid: jwks.keys[0]?.kid });
    const { payload } = await jwtVerify(token, createRemoteJWKSet(new URL(config.jwks_uri)), {
      issuer: `https://sts.windows.net/${graph.tenantId}/`,
      audience: 'https://graph.microsoft.com',
      algorithms: ['RS256'],
    });
    expect(payload.exp).toBeGreaterThan(Date.now() / 1000);
  });

  it('answers Entra’s invalid_tenant for another tenant', async () => {
    const r = await fetch(`${graph.url}/00000000-0000-0000-0000-000000000000/discovery/v2.0/keys`);
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: string }).error).toBe('invalid_tenant');
  });
});

describe("tokens for the app's own API", () => {
  it('issues a v2.0 token with aud = the API client id, which the JWKS verifies and Graph refuses', async () => {
    for (const scope of [
      `api://localhost/${API_ID}/access_as_user`,
      `${API_ID}/.default`,
      `api://${API_ID}/access_as_user`,
    ]) {
      const { status, body } = await tokenOf({ upn: UPN, scope });
      expect({ scope, status }).toEqual({ scope, status: 200 });
      const jwks = createRemoteJWKSet(new URL(`${graph.url}/${graph.tenantId}/discovery/v2.0/keys`));
      const { payload } = await jwtVerify(body.access_token ?? '', jwks, {
        issuer: `${graph.url}/${graph.tenantId}/v2.0`,
        audience: API_ID,
        algorithms: ['RS256'],
        requiredClaims: ['exp'],
      });
      expect(payload).toMatchObject({
        scp: 'access_as_user',
        ver: '2.0',
        preferred_username: UPN,
        tid: graph.tenantId,
      });
      expect(await graphStatus(body.access_token ?? '')).toBe(401);
    }
  });

  it('refuses an unregistered resource, an unknown scope and two resources at once', async () => {
    expect((await tokenOf({ upn: UPN, scope: 'api://localhost/nope/access_as_user' })).body.error).toBe(
      'invalid_resource',
    );
    expect((await tokenOf({ upn: UPN, scope: `${API_ID}/Files.ReadWrite` })).body.error).toBe(
      'invalid_scope',
    );
    expect((await tokenOf({ upn: UPN, scope: `${API_ID}/.default User.Read` })).body.error).toBe(
      'invalid_scope',
    );
  });
});

describe('only RS256 with exp, from this issuer, for Graph', () => {
  const now = () => Math.floor(Date.now() / 1000);
  const claims = { idtyp: 'app', appid: 'localgraph-admin', roles: ['Sites.FullControl.All'] };
  const rs256 = (key: string, edit: (jwt: SignJWT) => SignJWT = (j) => j) =>
    edit(
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256' })
        .setIssuer(`https://sts.windows.net/${graph.tenantId}/`)
        .setAudience('https://graph.microsoft.com')
        .setIssuedAt(),
    ).sign(createPrivateKey(key));
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it('accepts a token signed with its key', async () => {
    expect(await graphStatus(await rs256(KEY, (j) => j.setExpirationTime(now() + 600)))).toBe(200);
  });

  const cases: [string, () => Promise<string>][] = [
    ['no exp', () => rs256(KEY)],
    ['expired', () => rs256(KEY, (j) => j.setExpirationTime(now() - 60))],
    ['another key', () => rs256(generateSigningKeyPem(), (j) => j.setExpirationTime(now() + 600))],
    [
      'another issuer',
      () => rs256(KEY, (j) => j.setIssuer('https://sts.windows.net/other/').setExpirationTime(now() + 600)),
    ],
    ['another audience', () => rs256(KEY, (j) => j.setAudience(API_ID).setExpirationTime(now() + 600))],
    [
      'alg none',
      async () =>
        `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, iss: `https://sts.windows.net/${graph.tenantId}/`, aud: 'https://graph.microsoft.com', exp: now() + 600 })}.`,
    ],
    [
      'HS256 keyed with the public key (algorithm confusion)',
      async () => {
        const jwks = (await (await fetch(`${graph.url}/${graph.tenantId}/discovery/v2.0/keys`)).json()) as {
          keys: { n: string }[];
        };
        return new SignJWT(claims)
          .setProtectedHeader({ alg: 'HS256' })
          .setIssuer(`https://sts.windows.net/${graph.tenantId}/`)
          .setAudience('https://graph.microsoft.com')
          .setExpirationTime(now() + 600)
          .sign(new TextEncoder().encode(jwks.keys[0]?.n ?? 'x'));
      },
    ],
  ];
  test.each(cases)('refuses %s with 401', async (_label, make) => {
    expect(await graphStatus(await make())).toBe(401);
  });

  it('two in-memory emulators (one shared key per process) refuse each other’s tokens', async () => {
    const other = await startLocalGraph({ dbPath: ':memory:', port: 0, hostname: 'contoso.sharepoint.com' });
    const third = await startLocalGraph({ dbPath: ':memory:', port: 0, hostname: 'contoso.sharepoint.com' });
    try {
      const r = await fetch(`${other.url}/local/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ client_id: 'localgraph-admin', client_secret: other.adminSecret }),
      });
      const token = ((await r.json()) as { access_token: string }).access_token;
      const me = (url: string) =>
        fetch(`${url}/v1.0/sites/contoso.sharepoint.com`, { headers: { Authorization: `Bearer ${token}` } });
      expect((await me(other.url)).status).toBe(200);
      expect((await me(third.url)).status).toBe(401);
    } finally {
      await other.close();
      await third.close();
    }
  });
});

describe('/local/token only as the embedded sign-in needs', () => {
  it('refuses a page of a non-loopback origin (DNS rebinding, cross-site) and any client secret from a page', async () => {
    const evil = await tokenOf({ upn: UPN }, { Origin: 'https://attacker.example' });
    expect(evil.status).toBe(400);
    expect(evil.body.error_description).toMatch(/AADSTS9002326/);
    expect(evil.body.access_token).toBeUndefined();
    expect((await tokenOf({ upn: UPN }, { Origin: 'null' })).status).toBe(400);
    const secretFromPage = await tokenOf(
      { client_id: 'localgraph-admin', client_secret: ADMIN_SECRET },
      { Origin: 'http://127.0.0.1:53000' },
    );
    expect(secretFromPage.status).toBe(400);
    expect(secretFromPage.body.access_token).toBeUndefined();
    // Server-side callers (no Origin: the CLI, the bot) and a loopback page still sign in.
    expect((await tokenOf({ upn: UPN }, { Origin: 'http://127.0.0.1:53000' })).status).toBe(200);
  });

  it('once the web server is named, only its origin', async () => {
    graph.allowSignInOrigins(['http://127.0.0.1:53001', 'http://localhost:53001']);
    try {
      expect((await tokenOf({ upn: UPN }, { Origin: 'http://localhost:53001' })).status).toBe(200);
      expect((await tokenOf({ upn: UPN }, { Origin: 'http://127.0.0.1:8080' })).status).toBe(400);
      expect((await tokenOf({ upn: UPN })).status).toBe(200);
    } finally {
      graph.allowSignInOrigins([]);
    }
  });
});
