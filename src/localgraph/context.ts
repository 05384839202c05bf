// Request context and the service bag handed to every handler.
import type { ResponseModel } from './http/wire';
import type { Leniency, Logger } from './options';
import type { ListStore, SiteRole } from './persistence/list-store';
import type { FaultInjector } from './faults/fault-injector';
import type { TokenService } from './auth/token-service';

export interface Principal {
  kind: 'user' | 'app';
  /** Entra object id of the user, or the app's client id. */
  id: string;
  displayName: string;
  upn?: string;
  mail?: string | null;
  appId: string;
  roles: readonly string[];
  scopes: readonly string[];
  /** App-only tokens: how the app proved itself (Entra's `appidacr`); SharePoint REST needs 'certificate'. */
  appCredential?: 'secret' | 'certificate';
}

export interface InternalRequest {
  method: string;
  /** Path as requested, e.g. /v1.0/sites/contoso.sharepoint.com:/sites/governance:/lists */
  path: string;
  query: URLSearchParams;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: unknown;
  /** A sub-request of $batch: no latency, its own fault roll. */
  inBatch?: boolean;
}

export interface Services {
  store: ListStore;
  logger: Logger;
  faults: FaultInjector;
  tokens: TokenService;
  hostname: string;
  pageSize: number;
  tenantId: string;
  defaultSiteRole: SiteRole | 'none';
  lenient: Required<Leniency>;
  listViewThreshold: number;
  deltaTokenRetentionSeconds: number;
  baseUrl(): string;
  now(): Date;
  /** Runs a request through faults → auth → routing (used by $batch). */
  dispatch(req: InternalRequest, ids: { requestId: string; clientRequestId: string }): Promise<ResponseModel>;
}

export interface RequestContext {
  requestId: string;
  clientRequestId: string;
  req: InternalRequest;
  params: Record<string, string>;
  principal?: Principal;
  services: Services;
}

export type Handler = (ctx: RequestContext) => ResponseModel | Promise<ResponseModel>;

/** Query option by name, with or without `$` (Graph v1.0 accepts both). */
export function queryOption(ctx: RequestContext, name: string): string | undefined {
  return ctx.req.query.get('$' + name) ?? ctx.req.query.get(name) ?? undefined;
}

export function requirePrincipal(ctx: RequestContext): Principal {
  if (!ctx.principal) throw new Error('route requires an authenticated principal');
  return ctx.principal;
}
