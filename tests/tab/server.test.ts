// The web server: /config.json, / -> /tab/, built files with cache headers and a CSP, no path traversal.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { negotiateEncoding, startWebServer, type WebServer } from '../../src/web/server';

const BIG_SCRIPT = Array.from({ length: 400 }, (_, i) => `export const value${i} = ${i};`).join('\n');

/** Raw GET (fetch would decompress and hide the wire bytes). */
const rawGet = (url: string, headers: Record<string, string>) =>
  new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (resolve, reject) => {
      request(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      })
        .on('error', reject)
        .end();
    },
  );

describe('startWebServer (built files)', () => {
  let dir: string;
  let web: WebServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gh-web-'));
    mkdirSync(join(dir, 'tab'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'tab', 'index.html'), '<!doctype html><title>tab</title>');
    writeFileSync(join(dir, 'assets', 'tab-abc.js'), 'console.log(1)');
    writeFileSync(join(dir, 'assets', 'big-abc.js'), BIG_SCRIPT);
    writeFileSync(join(tmpdir(), 'gh-secret.txt'), 'secret');
    web = await startWebServer({
      port: 0,
      graphBaseUrl: 'http://127.0.0.1:4400/v1.0/',
      mode: 'local',
      personas: [{ upn: 'amina.diallo@contoso.org', displayName: 'Amina Diallo', role: 'custodian' }],
      site: { hostname: 'contoso.sharepoint.com', path: '/sites/governance' },
      serve: 'dist',
      distDir: dir,
    });
  });
  afterAll(async () => {
    await web.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(join(tmpdir(), 'gh-secret.txt'), { force: true });
  });

  it('publishes the runtime configuration', async () => {
    const response = await fetch(`${web.url}/config.json`);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      graphBaseUrl: 'http://127.0.0.1:4400',
      authMode: 'local',
      siteHostname: 'contoso.sharepoint.com',
      sitePath: '/sites/governance',
      personas: [{ upn: 'amina.diallo@contoso.org', displayName: 'Amina Diallo', role: 'custodian' }],
    });
  });

  it('redirects / to /tab/ and serves the page with a CSP that only allows itself and localgraph', async () => {
    const redirect = await fetch(`${web.url}/`, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('/tab/');
    const page = await fetch(web.tabUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("connect-src 'self' http://127.0.0.1:4400");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/https:/);
  });

  it('serves hashed assets as immutable and refuses to leave the build folder', async () => {
    const asset = await fetch(`${web.url}/assets/tab-abc.js`);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${web.url}/assets/..%2f..%2fgh-secret.txt`)).status).toBe(404);
    expect((await fetch(`${web.url}/nope.js`)).status).toBe(404);
  });

  it('sends brotli, else gzip, as the browser accepts, with Vary and the compressed length', async () => {
    const url = `${web.url}/assets/big-abc.js`;
    const br = await rawGet(url, { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(BIG_SCRIPT.length / 3);
    expect(brotliDecompressSync(br.body).toString()).toBe(BIG_SCRIPT);
    const gz = await rawGet(url, { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(BIG_SCRIPT);
    const plain = await rawGet(url, { 'Accept-Encoding': 'br;q=0, gzip;q=0' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(BIG_SCRIPT);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('revalidates index.html on every load (no-cache, ETag, 304)', async () => {
    const first = await rawGet(web.tabUrl, { 'Accept-Encoding': 'br' });
    expect(first.headers['cache-control']).toBe('no-cache');
    const etag = String(first.headers.etag);
    const again = await rawGet(web.tabUrl, { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip;q=0.5', 'gzip'],
    ['*', 'br'],
    ['*;q=0', undefined],
    ['identity', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('negotiates Accept-Encoding %p as %p', (header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected);
  });

  it('in tenant mode, lets Teams frame the tab and names the app registration', async () => {
    const tenant = await startWebServer({
      port: 0,
      graphBaseUrl: 'https://graph.microsoft.com',
      mode: 'tenant',
      aadClientId: '7d1a0c2b-0000-4000-8000-00000000a11d',
      serve: 'dist',
      distDir: dir,
    });
    try {
      const config = (await (await fetch(`${tenant.url}/config.json`)).json()) as Record<string, unknown>;
      expect(config).toMatchObject({ authMode: 'tenant', clientId: '7d1a0c2b-0000-4000-8000-00000000a11d' });
      expect(config.personas).toBeUndefined();
      const csp = (await fetch(tenant.tabUrl)).headers.get('content-security-policy') ?? '';
      expect(csp).toContain('frame-ancestors');
      expect(csp).toContain('https://teams.microsoft.com');
    } finally {
      await tenant.close();
    }
  });
});
