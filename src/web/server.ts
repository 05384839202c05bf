// The web server for the front ends (Teams tab, Excel task pane, local workbook page).
// It serves the pages with vite in middleware mode while developing, or the built files from dist/web,
// and publishes the runtime configuration at /config.json: the front ends hard-code nothing.
// createWebHandler is the same without a server, for `serve`, which adds the bot on the same port.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import type { DemoPersona, RuntimeConfig } from '../client/runtime-config';
import { createRefusalLog, isAllowedHost } from './guards';

export interface WebLogger {
  info(message: string, context?: Readonly<Record<string, unknown>>): void;
  warn(message: string, context?: Readonly<Record<string, unknown>>): void;
}

export interface WebServerOptions {
  /** 0 picks a free port. */
  readonly port: number;
  /** @defaultvalue '127.0.0.1' */
  readonly host?: string;
  /** Graph root the browser calls: https://graph.microsoft.com, or the localgraph URL. */
  readonly graphBaseUrl: string;
  readonly mode: 'local' | 'tenant';
  /** Entra ID app (client) id for nested app authentication (tenant mode). */
  readonly aadClientId?: string;
  /** @defaultvalue 'organizations' */
  readonly tenantId?: string;
  /** The governance site. @defaultvalue { hostname: 'contoso.sharepoint.com', path: '/sites/governance' } (env/.env.local) */
  readonly site?: { readonly hostname: string; readonly path: string };
  /** Demo people offered on the local sign-in page (local mode). */
  readonly personas?: readonly DemoPersona[];
  readonly teamsAppId?: string;
  /** 'dev' = vite middleware, 'dist' = built files, 'auto' = dist when built. @defaultvalue 'auto' */
  readonly serve?: 'auto' | 'dev' | 'dist';
  /** @defaultvalue <repo>/dist/web */
  readonly distDir?: string;
  readonly logger?: WebLogger;
  /** Local mode answers loopback Host headers only; these host names too (e.g. a dev tunnel's). */
  readonly allowedHosts?: readonly string[];
}

export interface WebServer {
  /** e.g. http://127.0.0.1:53000 */
  readonly url: string;
  /** e.g. http://127.0.0.1:53000/tab/ */
  readonly tabUrl: string;
  readonly serving: 'dev' | 'dist';
  close(): Promise<void>;
}

const repoRoot = resolve(__dirname, '..', '..');
const officeJsDir = resolve(repoRoot, 'node_modules/@microsoft/office-js/dist');
const addinAssetsDir = resolve(repoRoot, 'manifest/assets');

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

const noopLogger: WebLogger = { info: () => undefined, warn: () => undefined };

/** The configuration the front end reads at start (GET /config.json). */
export const buildRuntimeConfig = (options: Omit<WebServerOptions, 'port' | 'host'>): RuntimeConfig => ({
  graphBaseUrl: options.graphBaseUrl.replace(/\/+$/, '').replace(/\/v1\.0$/, ''),
  authMode: options.mode,
  clientId: options.aadClientId,
  tenantId: options.tenantId,
  siteHostname: options.site?.hostname ?? 'contoso.sharepoint.com',
  sitePath: options.site?.path ?? '/sites/governance',
  personas: options.mode === 'local' ? (options.personas ?? []) : undefined,
  teamsAppId: options.teamsAppId,
});

/**
 * Who may frame each page (CSP frame-ancestors). Tenant mode, the tab: exactly the hosts Microsoft lists for
 * Teams, Outlook and the Microsoft 365 app ("Set Content Security Policy headers to allow Teams and any other host
 * applications of your app", https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/tab-requirements).
 * The task pane: the Microsoft 365 hosts of that list (Excel on the web at excel.cloud.microsoft, as Microsoft
 * answers in OfficeDev/office-js-docs-pr#4911) plus the frame Office on the web puts each add-in in
 * (*.officeapps.live.com, OfficeDev/office-js#3342) and the tenant's own SharePoint, where Excel on the web opens
 * a workbook from a site (#4911). Local mode and every other page: only this origin.
 */
export const MICROSOFT_365_FRAME_ANCESTORS = [
  'https://*.cloud.microsoft',
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook-sdf.office.com',
  'https://outlook-sdf.office365.com',
] as const;

const frameAncestors = (config: RuntimeConfig, pathname: string): string => {
  if (config.authMode === 'local') return `'self'`;
  if (pathname.startsWith('/tab/')) return `'self' ${MICROSOFT_365_FRAME_ANCESTORS.join(' ')}`;
  if (pathname.startsWith('/taskpane/'))
    return [
      `'self'`,
      'https://*.cloud.microsoft',
      'https://*.microsoft365.com',
      'https://*.office.com',
      'https://*.officeapps.live.com',
      `https://${config.siteHostname}`,
    ].join(' ');
  return `'self'`;
};

/**
 * Content-Security-Policy of every response. In local mode the page may talk to itself and to localgraph only, so
 * nothing can leave for the internet. In tenant mode, Graph and Entra ID. Styles are inline because Fluent
 * (Griffel) inserts them at run time; scripts only from this origin; no plugins, no foreign forms or bases.
 */
const contentSecurityPolicy = (config: RuntimeConfig, pathname: string): string => {
  const graphOrigin = new URL(config.graphBaseUrl).origin;
  const connect =
    config.authMode === 'local'
      ? `'self' ${graphOrigin} ws://127.0.0.1:* ws://localhost:*`
      : `'self' ${graphOrigin} https://login.microsoftonline.com`;
  return [
    `default-src 'self'`,
    `script-src 'self'`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data:`,
    `font-src 'self'`,
    `connect-src ${connect}`,
    `object-src 'none'`,
    `frame-ancestors ${frameAncestors(config, pathname)}`,
    `base-uri 'self'`,
    `form-action 'self'`,
  ].join('; ');
};

/** HTTPS only, for a year, in the tenant (App Service serves https; a browser ignores it over http). */
const HSTS = 'max-age=31536000; includeSubDomains';

const sendJson = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
};

/** Encodings the server sends, best first: brotli (about 10 % smaller than gzip on our bundles), then gzip. */
type ContentEncoding = 'br' | 'gzip';

/**
 * The encoding to send for an Accept-Encoding header (RFC 9110 §12.5.3): the best one the client accepts with
 * q > 0, named or through `*`; undefined = identity.
 */
export const negotiateEncoding = (acceptEncoding: string | undefined): ContentEncoding | undefined => {
  const weights = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    weights.set(name, q === undefined ? 1 : Number(q));
  }
  const weight = (name: ContentEncoding) => weights.get(name) ?? weights.get('*') ?? 0;
  return (['br', 'gzip'] as const).find((name) => weight(name) > 0);
};

const compressible = (contentType: string): boolean =>
  /^(text\/|application\/(json|javascript)|image\/svg\+xml)/.test(contentType);
/** Below this a compressed body saves less than its headers cost. */
const MIN_COMPRESS_BYTES = 1024;
/** Compressed bodies kept in memory, so each file is compressed once per content and encoding. */
const COMPRESSED_CACHE_BYTES = 64 * 1024 * 1024;

const compress = (body: Buffer, encoding: ContentEncoding): Buffer =>
  encoding === 'br'
    ? brotliCompressSync(body, {
        params: {
          // Quality 9: within 8 % of 11 on our bundles at a twentieth of the time; done once per file.
          [zlibConstants.BROTLI_PARAM_QUALITY]: 9,
          [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      })
    : gzipSync(body, { level: 9 });

/** Compressed files by path, size, mtime and encoding; emptied when it outgrows its budget. */
const createCompressedCache = () => {
  const entries = new Map<string, Buffer>();
  let bytes = 0;
  return (key: string, make: () => Buffer): Buffer => {
    const hit = entries.get(key);
    if (hit) return hit;
    const value = make();
    if (bytes + value.length > COMPRESSED_CACHE_BYTES) {
      entries.clear();
      bytes = 0;
    }
    entries.set(key, value);
    bytes += value.length;
    return value;
  };
};
const compressedCache = createCompressedCache();

/**
 * Serves a file from a folder; false when there is none (so the caller answers 404). Hashed assets
 * (/assets/name-HASH.js) are immutable for a year; everything else (index.html) is revalidated on every load
 * (no-cache + ETag), so a new build shows at the next reload. Text is sent brotli- or gzip-compressed when the
 * browser accepts it, with Vary: Accept-Encoding so caches keep the encodings apart.
 */
const serveStatic = (dir: string, pathname: string, req: IncomingMessage, res: ServerResponse): boolean => {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  if (path.endsWith('/')) path += 'index.html';
  const file = resolve(dir, '.' + path);
  // No path traversal out of the build folder.
  if (file !== dir && !file.startsWith(dir + sep)) return false;
  if (!existsSync(file)) return false;
  const stat = statSync(file);
  if (!stat.isFile()) return false;
  const contentType = contentTypes[extname(file)] ?? 'application/octet-stream';
  const hashed = path.startsWith('/assets/');
  const encoding =
    compressible(contentType) && stat.size >= MIN_COMPRESS_BYTES
      ? negotiateEncoding(req.headers['accept-encoding'])
      : undefined;
  const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}${encoding ? `-${encoding}` : ''}"`;
  const headers: Record<string, string> = {
    'Content-Type': contentType,
    'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    ETag: etag,
  };
  if (compressible(contentType)) headers.Vary = 'Accept-Encoding';
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers);
    res.end();
    return true;
  }
  if (!encoding) {
    res.writeHead(200, { ...headers, 'Content-Length': String(stat.size) });
    if (req.method === 'HEAD') res.end();
    // A read error (file gone since stat) ends this response, never the process.
    else
      createReadStream(file)
        .on('error', () => res.destroy())
        .pipe(res);
    return true;
  }
  const body = compressedCache(`${file}\0${stat.size}\0${stat.mtimeMs}\0${encoding}`, () =>
    compress(readFileSync(file), encoding),
  );
  res.writeHead(200, { ...headers, 'Content-Encoding': encoding, 'Content-Length': String(body.length) });
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
};

type Next = (error?: unknown) => void;
type Middleware = (req: IncomingMessage, res: ServerResponse, next: Next) => void;

/** What startWebServer mounts, for a caller that owns the HTTP server (`serve`: front ends + bot). */
export interface WebHandler {
  readonly serving: 'dev' | 'dist';
  readonly config: RuntimeConfig;
  /** Answers every request (404 for unknown paths). */
  handle(req: IncomingMessage, res: ServerResponse): void;
  close(): Promise<void>;
}

export type WebHandlerOptions = Omit<WebServerOptions, 'port' | 'host'> & {
  /** The server the handler is mounted on; vite's HMR socket attaches to it in 'dev'. */
  readonly server?: Server;
};

export const createWebHandler = async (options: WebHandlerOptions): Promise<WebHandler> => {
  const logger = options.logger ?? noopLogger;
  const config = buildRuntimeConfig(options);
  const refusals = createRefusalLog(logger);
  const distDir = resolve(options.distDir ?? resolve(repoRoot, 'dist/web'));
  const built = existsSync(resolve(distDir, 'tab/index.html'));
  const serving: 'dev' | 'dist' =
    options.serve === 'dev' || (options.serve !== 'dist' && !built) ? 'dev' : 'dist';
  if (options.serve === 'dist' && !built)
    throw new Error(`No build in ${distDir}: run "npm run build" first.`);

  let vite: { middlewares: Middleware; close(): Promise<void> } | undefined;
  if (serving === 'dev') {
    const { createServer: createViteServer } = await import('vite');
    const dev = await createViteServer({
      configFile: resolve(repoRoot, 'vite.config.ts'),
      server: { middlewareMode: true, hmr: options.server ? { server: options.server } : false },
      appType: 'mpa',
    });
    // The vite root is src/web; the front ends' code sits beside it in src/, which vite would not watch.
    dev.watcher.add(resolve(repoRoot, 'src'));
    vite = dev;
  }

  const route = (req: IncomingMessage, res: ServerResponse): void => {
    // Local mode answers loopback names only: a page on another name resolving to 127.0.0.1 (DNS rebinding)
    // would otherwise read /config.json and drive the sign-in.
    if (config.authMode === 'local' && !isAllowedHost(req.headers.host, options.allowedHosts)) {
      refusals.refused('host not allowed', { host: String(req.headers.host ?? '').slice(0, 100) });
      return sendJson(res, 421, { error: 'misdirected request: this server answers localhost only' });
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const pathname = url.pathname;
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Content-Security-Policy', contentSecurityPolicy(config, pathname));
    if (config.authMode === 'tenant') res.setHeader('Strict-Transport-Security', HSTS);
    if (pathname === '/config.json') return sendJson(res, 200, config);
    if (pathname === '/healthz') return sendJson(res, 200, { ok: true, serving });
    // Excel add-in: office.js from the installed @microsoft/office-js package (never a CDN), and the ribbon icons.
    if (
      pathname.startsWith('/office-js/') &&
      serveStatic(officeJsDir, pathname.slice('/office-js'.length), req, res)
    )
      return;
    if (
      pathname.startsWith('/addin-assets/') &&
      serveStatic(addinAssetsDir, pathname.slice('/addin-assets'.length), req, res)
    )
      return;
    if (pathname === '/' || pathname === '/tab' || pathname === '/index.html') {
      res.writeHead(302, { Location: '/tab/' + url.search + url.hash });
      return void res.end();
    }
    if (vite) {
      vite.middlewares(req, res, (error?: unknown) => {
        if (error) logger.warn('web: dev server error', { path: pathname, error: String(error) });
        if (!res.headersSent)
          sendJson(res, error ? 500 : 404, { error: error ? 'internal error' : 'not found' });
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendJson(res, 405, { error: 'method not allowed' });
    if (!serveStatic(distDir, pathname, req, res)) sendJson(res, 404, { error: 'not found' });
  };

  /** No request ends the process: whatever a path, header or encoding makes throw is a 400 for that request. */
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    try {
      route(req, res);
    } catch (error) {
      refusals.refused('malformed request', { error: (error as Error).message.slice(0, 200) });
      if (!res.headersSent) sendJson(res, 400, { error: 'bad request' });
      else res.destroy();
    }
  };

  return {
    serving,
    config,
    handle,
    close: async () => {
      await vite?.close();
    },
  };
};

export const startWebServer = async (options: WebServerOptions): Promise<WebServer> => {
  const logger = options.logger ?? noopLogger;
  const host = options.host ?? '127.0.0.1';
  const server: Server = createServer();
  const web = await createWebHandler({ ...options, server });
  server.on('request', web.handle);

  try {
    await new Promise<void>((resolveListen, reject) => {
      server.once('error', reject);
      server.listen(options.port, host, () => resolveListen());
    });
  } catch (error) {
    // A port in use: vite's watcher and HMR must not keep the process alive.
    await web.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const url = `http://${host}:${port}`;
  const serving = web.serving;
  logger.info('web: listening', { url, serving, mode: options.mode });

  return {
    url,
    tabUrl: `${url}/tab/`,
    serving,
    close: async () => {
      await web.close();
      server.closeAllConnections();
      await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
    },
  };
};
