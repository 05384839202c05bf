// Opens a Graph client for a command: the embedded Graph (the one `npm start` runs, or an in-process one
// on the same database when nothing is listening) or a tenant (app-only token by client credentials).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect as tcpConnect } from 'node:net';
import { createGraphClient } from '../../graph';
import type { FetchLike, GraphClient } from '../../graph';
import { startLocalGraph } from '../../localgraph';
import type { LocalGraphHandle } from '../../localgraph';
import type { LocalConfig, TenantConfig } from '../config';
import type { CliLogger } from '../output';
import { adminTokenProvider, localTokenProvider } from './local-identity';

export interface GraphConnection {
  readonly client: GraphClient;
  /** Base URL of Graph (without /v1.0). */
  readonly baseUrl: string;
  readonly getToken: () => Promise<string>;
  /** How it was reached, for the command's output. */
  readonly description: string;
  /** Present for the embedded Graph: its URL for the local admin routes. */
  readonly localUrl?: string;
  close(): Promise<void>;
}

/** True when something accepts TCP connections on 127.0.0.1:port. */
export function isPortOpen(port: number, host = '127.0.0.1', timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tcpConnect({ port, host });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export function localGraphOptions(config: LocalConfig, options: { port: number; logger: CliLogger }) {
  return {
    dbPath: config.localGraph.dbPath,
    port: options.port,
    hostname: config.site.hostname,
    sites: [{ path: config.site.path, displayName: 'Governance Hub' }],
    faults: { ...config.localGraph.faults },
    adminSecret: config.localGraph.adminSecret,
    logger: options.logger,
  };
}

/** Starts the embedded Graph on the configured database file and port (npm start). */
export async function startEmbeddedGraph(
  config: LocalConfig,
  options: { logger: CliLogger; port?: number },
): Promise<LocalGraphHandle> {
  mkdirSync(config.localGraph.dataDir, { recursive: true });
  // The folder holds the emulator's signing key and admin secret: never committable, whatever DATA_DIR is called.
  const ignore = join(config.localGraph.dataDir, '.gitignore');
  if (!existsSync(ignore)) writeFileSync(ignore, '# DATA_DIR of npm start: secrets, never commit\n*\n');
  return startLocalGraph(
    localGraphOptions(config, { port: options.port ?? config.localGraph.port, logger: options.logger }),
  );
}

/**
 * The embedded Graph for a one-off command: the running `npm start` when it listens on LOCALGRAPH_PORT,
 * otherwise an in-process one on the same SQLite file (ephemeral port), closed with the connection.
 */
export async function connectLocal(
  config: LocalConfig,
  options: { logger: CliLogger; fetchImpl?: FetchLike },
): Promise<GraphConnection> {
  let handle: LocalGraphHandle | undefined;
  let url = `http://127.0.0.1:${config.localGraph.port}`;
  let description = `embedded Graph at ${url} (npm start)`;
  if (config.localGraph.port === 0 || !(await isPortOpen(config.localGraph.port))) {
    handle = await startEmbeddedGraph(config, { logger: options.logger, port: 0 });
    url = handle.url;
    description = `embedded Graph on ${config.localGraph.dbPath} (in-process, ${url})`;
  }
  const getToken = adminTokenProvider({
    url,
    adminSecret: config.localGraph.adminSecret,
    ...(options.fetchImpl ? { fetchImpl: options.fetchImpl } : {}),
  });
  const client = createGraphClient({
    baseUrl: url,
    getToken,
    logger: options.logger,
    ...(options.fetchImpl ? { fetchImpl: options.fetchImpl } : {}),
  });
  return {
    client,
    baseUrl: url,
    getToken,
    description,
    localUrl: url,
    close: async () => {
      await handle?.close();
    },
  };
}

/** Client-credentials token from Entra ID for the app registration (tenant mode). */
/**
 * App-only tokens from App Service's managed identity endpoint (IDENTITY_ENDPOINT and IDENTITY_HEADER, set by the
 * platform: "REST endpoint reference", learn.microsoft.com/azure/app-service/overview-managed-identity). `clientId`
 * picks the user-assigned identity; the resource is the audience (https://graph.microsoft.com). No secret exists.
 */
export function managedIdentityTokenProvider(options: {
  clientId: string;
  resource: string;
  endpoint?: string;
  header?: string;
  fetchImpl?: FetchLike;
}): () => Promise<string> {
  const fetchImpl = options.fetchImpl ?? fetch;
  let cached: { token: string; expiresAt: number } | undefined;
  return async () => {
    if (cached && cached.expiresAt > Date.now()) return cached.token;
    const endpoint = options.endpoint ?? process.env.IDENTITY_ENDPOINT;
    const header = options.header ?? process.env.IDENTITY_HEADER;
    if (!endpoint || !header)
      throw new Error(
        'BOT_TYPE=UserAssignedMsi, but IDENTITY_ENDPOINT/IDENTITY_HEADER are not set: the managed identity is ' +
          'only available inside App Service (set BOT_PASSWORD and BOT_TYPE=SingleTenant elsewhere)',
      );
    const url = new URL(endpoint);
    url.searchParams.set('api-version', '2019-08-01');
    url.searchParams.set('resource', options.resource);
    url.searchParams.set('client_id', options.clientId);
    const response = await fetchImpl(url.toString(), { headers: { 'X-IDENTITY-HEADER': header } });
    const body = (await response.json().catch(() => ({}))) as {
      access_token?: string;
      expires_on?: string | number;
      message?: string;
    };
    if (!response.ok || !body.access_token)
      throw new Error(
        `managed identity token request failed (${response.status}): ${body.message ?? 'no detail'}`,
      );
    // expires_on: seconds since the epoch; renew five minutes early.
    const expiresOn = Number(body.expires_on);
    cached = {
      token: body.access_token,
      expiresAt: Number.isFinite(expiresOn) ? expiresOn * 1000 - 300_000 : Date.now() + 600_000,
    };
    return cached.token;
  };
}

export function clientCredentialsTokenProvider(options: {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  fetchImpl?: FetchLike;
}): () => Promise<string> {
  const fetchImpl = options.fetchImpl ?? fetch;
  let cached: { token: string; expiresAt: number } | undefined;
  return async () => {
    if (cached && cached.expiresAt > Date.now()) return cached.token;
    const response = await fetchImpl(
      `https://login.microsoftonline.com/${encodeURIComponent(options.tenantId)}/oauth2/v2.0/token`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          client_id: options.clientId,
          client_secret: options.clientSecret,
          scope: 'https://graph.microsoft.com/.default',
          grant_type: 'client_credentials',
        }).toString(),
      },
    );
    const body = (await response.json()) as {
      access_token?: string;
      expires_in?: number;
      error_description?: string;
    };
    if (!response.ok || !body.access_token) {
      throw new Error(
        `Entra ID token request failed (${response.status}): ${body.error_description ?? 'no detail'}`,
      );
    }
    cached = { token: body.access_token, expiresAt: Date.now() + ((body.expires_in ?? 3600) - 60) * 1000 };
    return cached.token;
  };
}

export function connectTenant(config: TenantConfig, options: { logger: CliLogger }): GraphConnection {
  const secret = config.tenant.clientSecret;
  if (!secret) {
    throw new Error(
      'AAD_APP_CLIENT_SECRET is not set: put it in env/.env.dev.user (see env/.env.dev.user.sample).',
    );
  }
  // GRAPH_TOKEN_SOURCE=localgraph: a local Graph stands in for the tenant (tests); same credentials.
  const getToken =
    config.tenant.tokenSource === 'localgraph'
      ? localTokenProvider({
          url: config.tenant.graphBaseUrl,
          credentials: { client_id: config.tenant.clientId, client_secret: secret },
        })
      : clientCredentialsTokenProvider({
          tenantId: config.tenant.tenantId,
          clientId: config.tenant.clientId,
          clientSecret: secret,
        });
  const client = createGraphClient({ baseUrl: config.tenant.graphBaseUrl, getToken, logger: options.logger });
  return {
    client,
    baseUrl: config.tenant.graphBaseUrl,
    getToken,
    description: `${config.tenant.graphBaseUrl} (tenant ${config.tenant.tenantId})`,
    close: async () => undefined,
  };
}
