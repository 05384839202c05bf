// Shared resolution and JSON shaping for sites, lists and items.
import type { Principal, RequestContext } from '../context';
import { queryOption } from '../context';
import { invalidRequest, listNotFound, siteNotFound } from '../errors/graph-error-factory';
import type { AccessLevel } from '../auth/permissions';
import { requireAccess } from '../auth/permissions';
import { graphDate, type JsonObject } from '../http/wire';
import type { IdentitySet, ListRecord, SiteRecord } from '../persistence/list-store';
import { ODataSyntaxError, ODataUnsupportedError } from '../odata/lexer';
import { signInToSite } from './site-directory';

export const UIL_TITLE = 'User Information List';
export const SHAREPOINT_APP_USERNAME = 'app@sharepoint';

export function nowIso(ctx: RequestContext): string {
  return graphDate(ctx.services.now());
}

export function contextUrl(ctx: RequestContext, fragment: string): string {
  return `${ctx.services.baseUrl()}/v1.0/$metadata#${fragment}`;
}

/** Resolves the `{site}` route parameter: composite id, `root`, a bare hostname, or `host:/sites/path`. */
export function resolveSite(ctx: RequestContext): SiteRecord {
  const ref = ctx.params.site ?? '';
  const store = ctx.services.store;
  let site: SiteRecord | undefined;
  const pathForm = /^([^:/]+):\/sites\/(.+)$/i.exec(ref);
  if (pathForm) {
    site = store.getSiteByPath(pathForm[1] as string, (pathForm[2] as string).replace(/\/+$/, ''));
  } else if (ref === 'root' || ref.toLowerCase() === ctx.services.hostname.toLowerCase()) {
    site = store.getSiteByPath(ctx.services.hostname, '');
  } else {
    site = store.getSiteById(ref);
  }
  if (!site) throw siteNotFound();
  return site;
}

export function resolveList(ctx: RequestContext, site: SiteRecord): ListRecord {
  const list = ctx.services.store.getList(site.id, ctx.params.list ?? '');
  if (!list) throw listNotFound();
  return list;
}

/**
 * The access check every site route makes (403 below `level`). A person who passes it has now visited the
 * site, so SharePoint lists them in its User Information List (site-directory.ts).
 */
export function authorize(
  ctx: RequestContext,
  level: AccessLevel,
  site: SiteRecord,
  list?: ListRecord,
): void {
  requireAccess(ctx, level, site, list);
  if (ctx.principal?.kind === 'user') signInToSite(ctx.services.store, site, ctx.principal, nowIso(ctx));
}

/** Site + optional list with an access check in one call. */
export function siteAndList(ctx: RequestContext, level: AccessLevel): { site: SiteRecord; list: ListRecord } {
  const site = resolveSite(ctx);
  const list = resolveList(ctx, site);
  authorize(ctx, level, site, list);
  return { site, list };
}

export function siteWebUrl(site: SiteRecord): string {
  return site.path === '' ? `https://${site.hostname}` : `https://${site.hostname}/sites/${site.path}`;
}

export function listWebUrl(site: SiteRecord, list: ListRecord): string {
  if (list.system && list.displayName === UIL_TITLE) return `${siteWebUrl(site)}/_catalogs/users`;
  return `${siteWebUrl(site)}/Lists/${encodeURI(list.name)}`;
}

export function siteJson(site: SiteRecord): JsonObject {
  const out: JsonObject = {
    id: site.id,
    name: site.path === '' ? '' : site.path,
    displayName: site.displayName,
    description: site.description,
    createdDateTime: site.createdDateTime,
    lastModifiedDateTime: site.lastModifiedDateTime,
    webUrl: siteWebUrl(site),
    siteCollection: { hostname: site.hostname },
  };
  if (site.path === '') out.root = {};
  return out;
}

export function listETag(list: ListRecord): string {
  return `"${list.id},${list.version}"`;
}

export function listJson(site: SiteRecord, list: ListRecord): JsonObject {
  const etag = listETag(list);
  const out: JsonObject = {
    '@odata.etag': etag,
    id: list.id,
    eTag: etag,
    name: list.name,
    displayName: list.displayName,
    description: list.description,
    createdDateTime: list.createdDateTime,
    lastModifiedDateTime: list.lastModifiedDateTime,
    webUrl: listWebUrl(site, list),
    parentReference: { siteId: site.id },
    list: { contentTypesEnabled: false, hidden: list.hidden, template: list.template },
  };
  if (list.createdBy) out.createdBy = list.createdBy;
  if (list.system) out.system = {};
  return out;
}

/** Applies an entity-level $select; `@odata.*` annotations always stay. */
export function applySelect(obj: JsonObject, select: string[] | undefined): JsonObject {
  if (!select || select.length === 0) return obj;
  const wanted = new Set(select.map((s) => s.toLowerCase()));
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(obj)) {
    if (k.startsWith('@odata.') || wanted.has(k.toLowerCase())) out[k] = v;
  }
  return out;
}

export function identityOf(p: Principal | undefined): IdentitySet {
  if (!p) return { user: { displayName: 'System Account' } };
  if (p.kind === 'app') {
    return {
      application: { id: p.appId, displayName: p.displayName },
      user: { displayName: 'SharePoint App' },
    };
  }
  const user: { id?: string; displayName: string; email?: string } = { displayName: p.displayName, id: p.id };
  if (p.mail) user.email = p.mail;
  return { user };
}

/** Turns parser/compiler failures into Graph's 400. */
export function withQueryErrors<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ODataSyntaxError) throw invalidRequest(`Invalid filter clause: ${e.message}`);
    if (e instanceof ODataUnsupportedError) throw invalidRequest(`Invalid filter clause: ${e.message}`);
    throw e;
  }
}

/** `$top` as a page size (list items treat it so); rejects nonsense. */
export function pageSize(ctx: RequestContext, fallback: number, max = 5000): number {
  const top = queryOption(ctx, 'top');
  if (top === undefined) return fallback;
  const n = Number(top);
  if (!Number.isInteger(n) || n < 1) throw invalidRequest(`Invalid value '${top}' for $top.`);
  return Math.min(n, max);
}

/** Absolute link for paging: same path and options, with one option replaced. */
export function pagingLink(
  ctx: RequestContext,
  replace: Record<string, string>,
  drop: string[] = [],
): string {
  const parts: string[] = [];
  const skip = new Set(
    [...Object.keys(replace), ...drop].flatMap((k) => [k, k.replace(/^\$/, ''), '$' + k.replace(/^\$/, '')]),
  );
  for (const [k, v] of ctx.req.query) {
    if (skip.has(k)) continue;
    parts.push(`${k}=${encodeURIComponent(v)}`);
  }
  for (const [k, v] of Object.entries(replace)) parts.push(`${k}=${encodeURIComponent(v)}`);
  const path = ctx.req.path.startsWith('/v1.0') ? ctx.req.path : `/v1.0${ctx.req.path}`;
  return `${ctx.services.baseUrl()}${path}?${parts.join('&')}`;
}

export function base64NoPad(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64').replace(/=+$/, '');
}

export function fromBase64(s: string): string {
  return Buffer.from(s, 'base64').toString('utf8');
}
