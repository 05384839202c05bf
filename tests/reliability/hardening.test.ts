// Issue 15's defects, one test each: malformed paths never end a server, loopback Host names only, security
// headers on every response (CSP per page, frame-ancestors exactly Microsoft's hosts, HSTS in the tenant),
// body limits and malformed JSON at the local connector and the bot endpoint, the embedded bot asks only its
// own connector who a sender is, vite serves nothing outside src/ and node_modules, DATA_DIR is never
// committable, and refused requests are logged sampled.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startLocalConnector } from '../../src/bot';
import type { LocalConnector } from '../../src/bot';
import { NodeHttpAdapter } from '../../src/bot/http-adapter';
import { createRefusalLog } from '../../src/web/guards';
import { MICROSOFT_365_FRAME_ANCESTORS, startWebServer, type WebServer } from '../../src/web/server';
import { startBot, startWorld as startBotWorld } from '../bot/harness';
import type { BotInstance, World as BotWorld } from '../bot/harness';

const REPO = resolve(__dirname, '..', '..');

/** A raw request (fetch cannot send a foreign Host header or an unencoded path). */
const raw = (
  url: string,
  options: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
) =>
  new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>(
    (resolveRequest, reject) => {
      const target = new URL(url);
      const req = request(
        {
          host: target.hostname,
          port: target.port,
          method: options.method ?? 'GET',
          path: options.path ?? target.pathname,
          headers: options.headers,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolveRequest({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
        },
      );
      req.on('error', reject);
      req.end(options.body);
    },
  );

const directive = (csp: unknown, name: string): string =>
  String(csp)
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `))
    ?.slice(name.length + 1) ?? '';

describe('web server (built files)', () => {
  let dir: string;
  let local: WebServer;
  let tenant: WebServer;
  const warnings: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gh-hardening-web-'));
    for (const page of ['tab', 'taskpane', 'workbook']) {
      mkdirSync(join(dir, page));
      writeFileSync(join(dir, page, 'index.html'), `<!doctype html><title>${page}</title>`);
    }
    const common = {
      port: 0,
      serve: 'dist' as const,
      distDir: dir,
      site: { hostname: 'contoso.sharepoint.com', path: '/sites/governance' },
      logger: { info: () => undefined, warn: (m: string) => void warnings.push(m) },
    };
    local = await startWebServer({ ...common, graphBaseUrl: 'http://127.0.0.1:4400', mode: 'local' });
    tenant = await startWebServer({ ...common, graphBaseUrl: 'https://graph.microsoft.com', mode: 'tenant' });
  });
  afterAll(async () => {
    await local?.close();
    await tenant?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['/tab/%ZZ', '/tab/%ZZ'],
    ['/office-js/%ZZ', '/office-js/%ZZ'],
    ['/addin-assets/%ZZ', '/addin-assets/%ZZ'],
    ['/%E0%A4%A', '/%E0%A4%A'],
    ['/tab/%00', '/tab/%00'],
    ['/office-js/../../package.json', '/office-js/../../package.json'],
    ['/tab/a… (5,000 characters)', '/tab/' + 'a'.repeat(5000)],
  ])('GET %s is a 4xx and the server keeps serving', async (_label, path) => {
    for (const web of [local, tenant]) {
      const r = await raw(web.url, { path });
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      expect((await fetch(`${web.url}/tab/`)).status).toBe(200);
    }
  });

  it('local mode answers loopback Host names only (DNS rebinding)', async () => {
    for (const host of ['evil.example', 'evil.example:53000', '127.0.0.1.nip.io']) {
      const r = await raw(`${local.url}/config.json`, { headers: { Host: host } });
      expect({ host, status: r.status }).toEqual({ host, status: 421 });
      expect(r.body).not.toContain('personas');
    }
    const port = new URL(local.url).port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, 'localhost'])
      expect((await raw(`${local.url}/config.json`, { headers: { Host: host } })).status).toBe(200);
    // The tenant is reached by its App Service name.
    expect(
      (await raw(`${tenant.url}/config.json`, { headers: { Host: 'govhub.azurewebsites.net' } })).status,
    ).toBe(200);
  });

  it('every response carries the security headers; frame-ancestors per page, exactly the documented hosts', async () => {
    for (const path of ['/tab/', '/taskpane/', '/workbook/', '/config.json', '/nope']) {
      for (const web of [local, tenant]) {
        const r = await fetch(`${web.url}${path}`);
        const csp = r.headers.get('content-security-policy');
        expect({ path, csp: Boolean(csp) }).toEqual({ path, csp: true });
        expect(directive(csp, 'script-src')).toBe("'self'");
        expect(directive(csp, 'object-src')).toBe("'none'");
        expect(r.headers.get('x-content-type-options')).toBe('nosniff');
        expect(r.headers.get('strict-transport-security')).toBe(
          web === tenant ? 'max-age=31536000; includeSubDomains' : null,
        );
        if (web === local) expect(directive(csp, 'frame-ancestors')).toBe("'self'");
      }
    }
    const ancestors = async (path: string) =>
      directive(
        (await fetch(`${tenant.url}${path}`)).headers.get('content-security-policy'),
        'frame-ancestors',
      )
        .split(' ')
        .sort();
    // learn.microsoft.com/microsoftteams/platform/tabs/how-to/tab-requirements: Teams, Outlook, Microsoft 365.
    expect(await ancestors('/tab/')).toEqual(
      [
        "'self'",
        'https://*.cloud.microsoft',
        'https://teams.microsoft.com',
        'https://*.teams.microsoft.com',
        'https://*.microsoft365.com',
        'https://*.office.com',
        'https://outlook.office.com',
        'https://outlook.office365.com',
        'https://outlook-sdf.office.com',
        'https://outlook-sdf.office365.com',
      ].sort(),
    );
    expect([...MICROSOFT_365_FRAME_ANCESTORS]).toHaveLength(9);
    expect(await ancestors('/taskpane/')).toEqual(
      [
        "'self'",
        'https://*.cloud.microsoft',
        'https://*.microsoft365.com',
        'https://*.office.com',
        'https://*.officeapps.live.com',
        'https://contoso.sharepoint.com',
      ].sort(),
    );
    expect(await ancestors('/workbook/')).toEqual(["'self'"]);
  });

  it('refused requests are logged at warn, sampled: a flood writes a bounded number of lines', async () => {
    warnings.length = 0;
    for (let i = 0; i < 200; i++)
      await raw(`${local.url}/config.json`, { headers: { Host: 'evil.example' } });
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.length).toBeLessThanOrEqual(5);
  });
});

describe('createRefusalLog', () => {
  it('logs the first lines of a window, then one summary of what it dropped', () => {
    const lines: string[] = [];
    let t = 0;
    const log = createRefusalLog(
      { warn: (m, c) => void lines.push(`${m} ${JSON.stringify(c ?? {})}`) },
      {
        perWindow: 2,
        windowMs: 1000,
        now: () => t,
      },
    );
    for (let i = 0; i < 10; i++) log.refused('bad host');
    t = 1000;
    log.refused('bad host');
    expect(lines).toEqual([
      'refused request: bad host {}',
      'refused request: bad host {}',
      'refused requests not logged in the last window {"dropped":8,"windowMs":1000}',
      'refused request: bad host {}',
    ]);
  });
});

describe('local connector', () => {
  let connector: LocalConnector;
  beforeAll(async () => {
    connector = await startLocalConnector({ users: async () => [] });
  });
  afterAll(async () => connector?.close());

  const alive = async () => expect((await fetch(`${connector.url}/chat/api/people`)).status).toBe(200);

  it('refuses a body over 100 KB with 413 MessageSizeTooBig (Teams’ limit), and stores nothing', async () => {
    const big = JSON.stringify({ type: 'message', text: 'x'.repeat(200 * 1024) });
    const r = await raw(`${connector.url}/v3/conversations/a:1/activities`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: big,
    });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body)).toMatchObject({ error: { code: 'MessageSizeTooBig' } });
    expect(connector.activities()).toHaveLength(0);
    await alive();
  });

  it.each([
    ['not JSON', '{"type":'],
    ['not an object', '[1,2]'],
    ['null', 'null'],
  ])('answers a body that is %s with 400', async (_label, body) => {
    for (const path of [
      '/v3/conversations',
      '/v3/conversations/a:1/activities',
      '/chat/api/users/u1/messages',
    ]) {
      const r = await raw(`${connector.url}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
      });
      expect({ path, status: r.status }).toEqual({ path, status: 400 });
    }
    await alive();
  });

  it('answers a malformed percent-encoding with 400 and a foreign Host with 421', async () => {
    expect((await raw(connector.url, { path: '/v3/conversations/%ZZ/members' })).status).toBe(400);
    expect(
      (await raw(`${connector.url}/chat/api/people`, { headers: { Host: 'evil.example' } })).status,
    ).toBe(421);
    await alive();
  });
});

describe('bot endpoint (embedded listener)', () => {
  let adapter: NodeHttpAdapter;
  let url: string;
  beforeAll(async () => {
    adapter = new NodeHttpAdapter();
    adapter.registerRoute('POST', '/api/messages', async () => ({ status: 200, body: { ok: true } }));
    url = await adapter.listen(0, '127.0.0.1');
  });
  afterAll(async () => adapter?.stop());

  it('refuses a foreign Host, a body that is not an activity object, and an oversized body', async () => {
    const post = (body: string, headers: Record<string, string> = {}) =>
      raw(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body,
      });
    expect((await post('{}', { Host: 'evil.example' })).status).toBe(421);
    expect((await post('null')).status).toBe(400);
    expect((await post('{"a":')).status).toBe(400);
    expect((await post(JSON.stringify({ text: 'x'.repeat(1_100_000) }))).status).toBe(413);
    expect((await post('{}')).status).toBe(200);
  });
});

describe('embedded bot: who sent an activity is asked of its own connector only', () => {
  let world: BotWorld;
  let instance: BotInstance;
  let impostor: Server;
  let impostorUrl: string;
  const asked: string[] = [];

  beforeAll(async () => {
    world = await startBotWorld();
    instance = await startBot(world);
    // A server that would say the sender is the officer, named as serviceUrl by an unauthenticated activity.
    impostor = createServer((req, res) => {
      asked.push(`${req.method} ${req.url}`);
      const officer = world.people.find((p) => p.officer);
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          id: '29:x',
          name: 'x',
          email: officer?.email,
          userPrincipalName: officer?.email,
          aadObjectId: officer?.userId,
        }),
      );
    });
    await new Promise<void>((r) => impostor.listen(0, '127.0.0.1', () => r()));
    impostorUrl = `http://127.0.0.1:${(impostor.address() as AddressInfo).port}`;
  }, 60_000);
  afterAll(async () => {
    await instance?.stop();
    await world?.close();
    await new Promise<void>((r) => impostor?.close(() => r()));
  });

  it('ignores the serviceUrl an unauthenticated activity names', async () => {
    const activity = {
      type: 'message',
      id: 'm1',
      text: 'status',
      channelId: 'msteams',
      serviceUrl: impostorUrl,
      from: { id: '29:someone', aadObjectId: '00000000-0000-4000-8000-0000000000aa' },
      recipient: { id: 'governance-hub-bot' },
      conversation: { id: 'a:impostor', conversationType: 'personal', tenantId: 'local-tenant' },
    };
    await fetch(`${instance.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(activity),
    });
    await instance.bot.outcomesIdle();
    expect(asked.filter((r) => /\/members(\/|$)/.test(r))).toEqual([]);
  });
});

describe('secrets never served or committable', () => {
  it('vite (npm run dev) serves nothing outside src/ and node_modules: no DATA_DIR, no env, no repository files', () => {
    const dataDir = join(REPO, '.data-hardening-test');
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, 'graph.db'), 'signing key');
    writeFileSync(join(REPO, 'src', 'web', 'hardening-test.db'), 'db in src');
    const refused = [
      join(dataDir, 'graph.db'),
      join(REPO, 'src', 'web', 'hardening-test.db'),
      join(REPO, 'package.json'),
      join(REPO, 'env', '.env.local'),
    ].map((file) => `/@fs${file}`);
    // What the pages need still loads.
    const served = [`/@fs${join(REPO, 'src', 'web', 'server.ts')}`];
    try {
      const out = execFileSync(
        process.execPath,
        ['--import', 'tsx', join(__dirname, 'vite-fs-child.ts'), ...refused, ...served],
        { cwd: REPO, encoding: 'utf8', timeout: 60_000 },
      );
      const statuses = JSON.parse(out.trim().split('\n').pop() ?? '{}') as Record<string, number>;
      expect(statuses).toEqual(
        Object.fromEntries([...refused.map((p) => [p, 403]), ...served.map((p) => [p, 200])]),
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(join(REPO, 'src', 'web', 'hardening-test.db'), { force: true });
    }
  }, 90_000);

  it('git ignores any DATA_DIR-like folder and SQLite file', () => {
    const ignored = (path: string) => {
      try {
        execFileSync('git', ['check-ignore', '-q', '--no-index', path], { cwd: REPO });
        return true;
      } catch {
        return false;
      }
    };
    for (const path of [
      '.data/graph.db',
      '.data-e2e/graph.db',
      '.data2/x',
      'other/graph.db',
      'bot.db-wal',
      'x.db-shm',
    ])
      expect({ path, ignored: ignored(path) }).toEqual({ path, ignored: true });
    expect(ignored('src/web/server.ts')).toBe(false);
    expect(readFileSync(join(REPO, '.gitignore'), 'utf8')).toContain('.data*/');
  });
});
