// startLocalGraph: the embedded Microsoft Graph v1.0 emulator (SharePoint lists, users, $batch).
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ephemeralSigningKeyPem, generateSigningKeyPem, TokenService } from './auth/token-service';
import type { Services } from './context';
import { FaultInjector } from './faults/fault-injector';
import { createSiteWithDirectory } from './handlers/site-directory';
import { graphDate } from './http/wire';
import {
  ADMIN_CLIENT_ID,
  DEFAULT_LENIENCY,
  silentLogger,
  type LocalGraphHandle,
  type LocalGraphOptions,
} from './options';
import { SqliteListStore } from './persistence/sqlite-list-store';
import type { ListStore } from './persistence/list-store';
import { clientErrorHandler, createRequestListener, MAX_HEADER_BYTES, runPipeline } from './server';

export type { Faults, LocalGraphHandle, LocalGraphOptions, Logger, SiteSpec } from './options';
export { ADMIN_CLIENT_ID, silentLogger } from './options';
export { generateSigningKeyPem } from './auth/token-service';
export type { ListStore } from './persistence/list-store';
export { SqliteListStore } from './persistence/sqlite-list-store';
export { JSON_CONTENT_TYPE } from './http/wire';

const ADMIN_ROLES = ['Sites.FullControl.All', 'User.ReadWrite.All'];

function metaOrCreate(store: ListStore, key: string, given: string | undefined, make: () => string): string {
  if (given !== undefined) {
    store.setMeta(key, given);
    return given;
  }
  const existing = store.getMeta(key);
  if (existing !== undefined) return existing;
  const value = make();
  store.setMeta(key, value);
  return value;
}

export async function startLocalGraph(options: LocalGraphOptions): Promise<LocalGraphHandle> {
  const logger = options.logger ?? silentLogger;
  const store = new SqliteListStore(options.dbPath);
  const tenantId = metaOrCreate(store, 'tenant_id', undefined, () => randomUUID());
  // RS256 private key (PKCS#8 PEM); a database from before RS256 still holds an HMAC secret, which signs nothing now.
  const signingKeyPem = metaOrCreate(
    store,
    'signing_key',
    options.signingKey ?? (options.dbPath === ':memory:' ? ephemeralSigningKeyPem() : undefined),
    generateSigningKeyPem,
  );
  const adminSecret = metaOrCreate(store, 'admin_secret', options.adminSecret, () =>
    randomBytes(24).toString('base64url'),
  );
  store.registerApp({
    clientId: ADMIN_CLIENT_ID,
    clientSecret: adminSecret,
    displayName: 'localgraph admin',
    roles: ADMIN_ROLES,
  });

  const now = graphDate(new Date());
  const hostname = options.hostname.toLowerCase();
  const lenient = { ...DEFAULT_LENIENCY, ...(options.lenient ?? {}) };
  const withDirectory = lenient.siteUsersFromDirectory;
  if (!store.getSiteByPath(hostname, '')) {
    createSiteWithDirectory(
      store,
      { hostname, path: '', displayName: 'Communication site' },
      now,
      withDirectory,
    );
  }
  for (const s of options.sites ?? []) {
    const path = s.path.replace(/^\/?(sites\/)?/, '').replace(/\/+$/, '');
    if (!store.getSiteByPath(hostname, path)) {
      createSiteWithDirectory(
        store,
        { hostname, path, displayName: s.displayName, description: s.description },
        now,
        withDirectory,
      );
    }
  }

  let baseUrl = '';
  const tokens = await TokenService.create({
    signingKeyPem,
    tenantId,
    lifetimeSeconds: options.tokenLifetimeSeconds ?? 3600,
    baseUrl: () => baseUrl,
  });
  const services: Services = {
    store,
    logger,
    faults: new FaultInjector(options.faults, options.seed ?? 1),
    tokens,
    hostname,
    pageSize: options.pageSize ?? 200,
    tenantId,
    defaultSiteRole: options.defaultSiteRole ?? 'member',
    lenient,
    listViewThreshold: options.listViewThreshold ?? 5000,
    deltaTokenRetentionSeconds: options.deltaTokenRetentionSeconds ?? 7 * 24 * 3600,
    baseUrl: () => baseUrl,
    now: () => new Date(),
    dispatch: (req, ids) => runPipeline(services, req, ids),
  };

  const server = http.createServer({ maxHeaderSize: MAX_HEADER_BYTES }, createRequestListener(services));
  server.on('clientError', clientErrorHandler(services));
  server.keepAliveTimeout = 5000;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  logger.info(`localgraph listening on ${baseUrl}`);

  let closed = false;
  return {
    url: baseUrl,
    store,
    adminSecret,
    tenantId,
    setFaults: (faults) => services.faults.set(faults),
    allowSignInOrigins: (origins) => tokens.allowSignInOrigins(origins),
    close: async () => {
      if (closed) return;
      closed = true;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      store.close();
      logger.info('localgraph closed');
    },
  };
}
