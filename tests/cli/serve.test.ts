// The tenant mode end to end with localgraph standing in for the tenant, by configuration only
// (GRAPH_BASE_URL + GRAPH_TOKEN_SOURCE=localgraph): `provision --tenant` with a Sites.Selected provisioner,
// then `serve` with the bot's own Sites.Selected app — built front ends, /config.json and /api/messages
// on one port.
import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { createMemoryOutput } from '../../src/cli/output';
import { createGraphClient, findList } from '../../src/graph';
import { startLocalGraph } from '../../src/localgraph';
import type { LocalGraphHandle } from '../../src/localgraph';
import { adminTokenProvider } from '../../src/cli/pipeline/local-identity';
import { SignJWT } from 'jose';
import { registerJwks } from '../support/jwks-rsa-stub';

// Bot Framework's signing key, as far as this test is concerned: its public half is what the jwks-rsa stand-in
// serves for Bot Framework's JWKS URI (the one the Teams SDK derives from its OpenID metadata URL).
const TRUSTED_KEY = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
const TRUSTED_KID = 'bot-framework-test-key';
registerJwks('https://login.botframework.com/v1/.well-known/keys', [
  { ...createPublicKey(TRUSTED_KEY).export({ format: 'jwk' }), kid: TRUSTED_KID },
]);

const ADMIN_SECRET = 'serve-test-admin-secret';
const TENANT_ID = '11111111-2222-4333-8444-555555555555';
const TAB_APP_ID = '22222222-3333-4444-8555-666666666666';
const PROVISIONER_ID = '33333333-4444-4555-8666-777777777777';
const PROVISIONER_SECRET = 'provisioner-secret-value';
const BOT_ID = '44444444-5555-4666-8777-888888888888';
const BOT_PASSWORD = 'bot-password-value-not-printed';

const ENV_DEV = [
  'GRAPH_MODE=tenant',
  'GRAPH_BASE_URL=https://graph.microsoft.com',
  `TENANT_ID=${TENANT_ID}`,
  `AAD_APP_CLIENT_ID=${TAB_APP_ID}`,
  'GOVERNANCE_SITE_HOSTNAME=contoso.sharepoint.com',
  'GOVERNANCE_SITE_PATH=/sites/governance',
  `BOT_ID=${BOT_ID}`,
  'TEAMS_APP_ID=55555555-6666-4777-8888-999999999999',
  'TAB_ENDPOINT=https://govhub-web.azurewebsites.net',
].join('\n');

// A stand-in for `npm run build`'s output: serve must serve dist/web, never vite from source.
const DIST: Record<string, string> = {
  'tab/index.html':
    '<!doctype html><html><head><script type="module" src="/assets/tab-abc123.js"></script></head><body><div id="root"></div></body></html>',
  'taskpane/index.html': '<!doctype html><html><body>task pane</body></html>',
  'assets/tab-abc123.js': 'console.log("tab");',
};

function writeTree(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

async function registerApp(
  graph: LocalGraphHandle,
  admin: () => Promise<string>,
  app: { id: string; secret: string; name: string; siteRole: 'write' | 'fullcontrol' },
  siteId: string,
): Promise<void> {
  const response = await fetch(`${graph.url}/local/apps`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await admin()}` },
    body: JSON.stringify({
      client_id: app.id,
      client_secret: app.secret,
      displayName: app.name,
      roles: ['Sites.Selected'],
    }),
  });
  expect(response.status).toBe(201);
  // The per-site grant an admin gives (docs/deploy.md steps 7 and 8).
  const grant = await fetch(`${graph.url}/v1.0/sites/${siteId}/permissions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await admin()}` },
    body: JSON.stringify({
      roles: [app.siteRole],
      grantedToIdentities: [{ application: { id: app.id, displayName: app.name } }],
    }),
  });
  expect(grant.status).toBe(201);
}

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('tenant mode against localgraph (provision --tenant, serve)', () => {
  let dir: string;
  let graph: LocalGraphHandle;
  let admin: () => Promise<string>;
  let siteId: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gh-serve-'));
    writeTree(dir, { 'env/.env.dev': ENV_DEV });
    writeTree(join(dir, 'dist', 'web'), DIST);
    graph = await startLocalGraph({
      dbPath: join(dir, 'graph.db'),
      port: 0,
      hostname: 'contoso.sharepoint.com',
      sites: [{ path: 'governance', displayName: 'Governance Hub' }],
      adminSecret: ADMIN_SECRET,
    });
    admin = adminTokenProvider({ url: graph.url, adminSecret: ADMIN_SECRET });
    const client = createGraphClient({ baseUrl: graph.url, getToken: admin });
    const site = (
      await client.request<{ id: string }>('GET', '/sites/contoso.sharepoint.com:/sites/governance')
    ).body;
    siteId = site.id;
    await registerApp(
      graph,
      admin,
      { id: PROVISIONER_ID, secret: PROVISIONER_SECRET, name: 'provisioner', siteRole: 'fullcontrol' },
      siteId,
    );
    await registerApp(
      graph,
      admin,
      { id: BOT_ID, secret: BOT_PASSWORD, name: 'bot', siteRole: 'write' },
      siteId,
    );
    // Only configuration points the tenant mode at localgraph.
    env = { GRAPH_BASE_URL: graph.url, GRAPH_TOKEN_SOURCE: 'localgraph' };
  });

  afterAll(async () => {
    await graph?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('provision --tenant creates the registers and the unit lists, and prints the officers follow-up', async () => {
    const output = createMemoryOutput();
    const code = await runCli({
      argv: ['provision', '--tenant'],
      output,
      rootDir: dir,
      processEnv: { ...env, AAD_APP_CLIENT_ID: PROVISIONER_ID, AAD_APP_CLIENT_SECRET: PROVISIONER_SECRET },
    });
    expect(output.errors).toEqual([]);
    expect(code).toBe(0);
    const text = output.lines.join('\n');
    for (const list of [
      'DataInventory',
      'AiRegistry',
      'RiskRegister',
      'AiVerifications',
      'ScorecardSnapshots',
      'GovernanceSettings',
    ]) {
      expect(text).toMatch(new RegExp(`created +${list}`));
      const client = createGraphClient({ baseUrl: graph.url, getToken: admin });
      expect(await findList(client, siteId, list)).toBeDefined();
    }
    expect(text).toContain('npx tsx scripts/set-officers-permission.ts --env dev --officers-group-id');
    expect(text).toContain('AiVerifications and GovernanceSettings');
    expect(text).not.toContain(PROVISIONER_SECRET);

    // Idempotent: a second run changes nothing.
    const again = createMemoryOutput();
    expect(
      await runCli({
        argv: ['provision', '--tenant'],
        output: again,
        rootDir: dir,
        processEnv: { ...env, AAD_APP_CLIENT_ID: PROVISIONER_ID, AAD_APP_CLIENT_SECRET: PROVISIONER_SECRET },
      }),
    ).toBe(0);
    expect(again.lines.join('\n')).toContain('Nothing to do');
  });

  it('refuses a plain-http Graph with Entra ID tokens, and localgraph tokens for an https Graph', async () => {
    const output = createMemoryOutput();
    const code = await runCli({
      argv: ['provision', '--tenant'],
      output,
      rootDir: dir,
      processEnv: { GRAPH_BASE_URL: graph.url, AAD_APP_CLIENT_SECRET: 'x' },
    });
    expect(code).toBe(2);
    expect(output.errors.join('\n')).toMatch(/GRAPH_BASE_URL: a plain-http Graph/);
    const other = createMemoryOutput();
    expect(
      await runCli({
        argv: ['provision', '--tenant'],
        output: other,
        rootDir: dir,
        processEnv: { GRAPH_TOKEN_SOURCE: 'localgraph', AAD_APP_CLIENT_SECRET: 'x' },
      }),
    ).toBe(2);
    expect(other.errors.join('\n')).toMatch(/GRAPH_TOKEN_SOURCE: localgraph needs/);
  });

  it('serve: built tab, tenant /config.json and an authenticated /api/messages on one port', async () => {
    const output = createMemoryOutput();
    const controller = new AbortController();
    const running = runCli({
      argv: ['serve'],
      output,
      rootDir: dir,
      signal: controller.signal,
      processEnv: {
        ...env,
        BOT_PASSWORD,
        HOST: '127.0.0.1',
        PORT: '0',
        LEDGER_PATH: join(dir, 'home', 'data', 'bot-ledger.db'),
      },
    });
    try {
      const url = await waitFor('the listening line', () => {
        const line = output.lines.find((l) => l.includes('serving (tenant mode) on '));
        return line?.split(' on ')[1];
      });
      await waitFor('the bot', () =>
        output.lines.some((l) => l.startsWith('Bot ready')) || output.errors.length > 0 ? true : undefined,
      );
      expect(output.errors).toEqual([]);

      const tab = await fetch(`${url}/tab/`);
      expect(tab.status).toBe(200);
      const html = await tab.text();
      expect(html).toContain('/assets/tab-abc123.js');
      expect(tab.headers.get('content-security-policy')).toContain('https://login.microsoftonline.com');
      expect((await fetch(`${url}/assets/tab-abc123.js`)).headers.get('cache-control')).toContain(
        'immutable',
      );
      expect((await fetch(`${url}/taskpane/`)).status).toBe(200);

      const config = (await (await fetch(`${url}/config.json`)).json()) as Record<string, unknown>;
      expect(config).toMatchObject({
        graphBaseUrl: graph.url,
        authMode: 'tenant',
        clientId: TAB_APP_ID,
        tenantId: TENANT_ID,
        siteHostname: 'contoso.sharepoint.com',
        sitePath: '/sites/governance',
        teamsAppId: '55555555-6666-4777-8888-999999999999',
      });
      expect(config.personas).toBeUndefined();

      // The bot endpoint is mounted (not the web 404) and checks Bot Framework tokens against Bot Framework's
      // JWKS (served here by the jwks-rsa stand-in from a key this test owns): a token signed with that key is
      // accepted; none, alg none, or one signed with another key is refused.
      const activity = {
        type: 'typing', // no reply, so nothing is sent to a connector
        id: 'a1',
        channelId: 'msteams',
        serviceUrl: 'https://smba.trafficmanager.net/emea/',
        from: { id: '29:u', aadObjectId: '00000000-0000-4000-8000-000000000001' },
        recipient: { id: `28:${BOT_ID}` },
        conversation: { id: 'a:1', conversationType: 'personal', tenantId: TENANT_ID },
      };
      const post = (headers: Record<string, string>) =>
        fetch(`${url}/api/messages`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...headers },
          body: JSON.stringify(activity),
        });
      const botFrameworkToken = (key: KeyObject, kid: string) =>
        new SignJWT({ serviceurl: activity.serviceUrl })
          .setProtectedHeader({ alg: 'RS256', kid })
          .setIssuer('https://api.botframework.com')
          .setAudience(BOT_ID)
          .setIssuedAt()
          .setExpirationTime('5m')
          .sign(key);
      expect((await post({})).status).toBe(401);
      const unsigned = [
        Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url'),
        Buffer.from(
          JSON.stringify({
            aud: BOT_ID,
            iss: 'https://api.botframework.com',
            serviceurl: activity.serviceUrl,
          }),
        ).toString('base64url'),
        '',
      ].join('.');
      expect((await post({ Authorization: `Bearer ${unsigned}` })).status).toBe(401);
      const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
      expect(
        (await post({ Authorization: `Bearer ${await botFrameworkToken(other, TRUSTED_KID)}` })).status,
      ).toBe(401);
      // Refused requests cannot flood the log: a hundred of them write a bounded number of warn lines, no errors.
      const logged = output.errors.length;
      for (let i = 0; i < 100; i++) await post(i % 2 ? { Authorization: `Bearer ${unsigned}` } : {});
      const flood = output.errors.slice(logged);
      expect(flood.filter((l) => / error: /.test(l))).toEqual([]);
      expect(flood.length).toBeLessThanOrEqual(6);
      const trusted = await post({
        Authorization: `Bearer ${await botFrameworkToken(TRUSTED_KEY, TRUSTED_KID)}`,
      });
      expect(trusted.status).toBeGreaterThanOrEqual(200);
      expect(trusted.status).toBeLessThan(300);
      expect((await fetch(`${url}/api/messages`)).status).toBe(405);

      expect(output.lines.join('\n')).not.toContain(BOT_PASSWORD);
      expect(output.lines.join('\n')).toContain('Send queue       SQLite');
    } finally {
      controller.abort();
      expect(await running).toBe(0);
    }
  });
});
