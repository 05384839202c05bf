// The one route table: method + path pattern → handler. `:name` segments become ctx.params.
import type { Handler } from './context';
import { postBatch } from './handlers/batch';
import { createColumn, getColumn, getColumns, updateColumn } from './handlers/columns';
import { getDelta } from './handlers/delta';
import {
  createItem,
  deleteItem,
  getItem,
  getItems,
  getVersion,
  getVersions,
  updateItem,
  updateItemFields,
} from './handlers/items';
import { createList, getList, getLists } from './handlers/lists';
import {
  expireDeltaTokens,
  getFaults,
  getOpenIdConfiguration,
  getSigningKeys,
  postApp,
  postToken,
  putFaults,
  putGroup,
  putListRoles,
  putSiteRole,
} from './handlers/local';
import { createSitePermission, getSitePermissions } from './handlers/site-permissions';
import { getSite } from './handlers/sites';
import { postEnsureUser } from './handlers/sharepoint-rest';
import { createUser, getMe, getUser, getUsers } from './handlers/users';
import {
  getUserInstalledAppChat,
  getUserInstalledApps,
  postUserInstalledApp,
  putCatalogApp,
} from './handlers/teamwork';

/** graph: Graph bearer token; admin: bearer token (handler checks the role); none: anonymous. */
export type RouteAuth = 'graph' | 'admin' | 'none';

export interface Route {
  method: string;
  pattern: string;
  handler: Handler;
  auth: RouteAuth;
  /** The $batch envelope takes no fault roll itself: each sub-request rolls. */
  faultExempt?: boolean;
}

const LIST = '/v1.0/sites/:site/lists/:list';
const ITEM = `${LIST}/items/:item`;

/** Literal segments are listed before parameters that could swallow them (items/delta before items/:item). */
export const ROUTES: readonly Route[] = [
  { method: 'POST', pattern: '/local/token', handler: postToken, auth: 'none' },
  // Entra's discovery routes, so the write service verifies local tokens as it verifies Entra's (HARDENING).
  {
    method: 'GET',
    pattern: '/:tenant/v2.0/.well-known/openid-configuration',
    handler: getOpenIdConfiguration,
    auth: 'none',
  },
  { method: 'GET', pattern: '/:tenant/discovery/v2.0/keys', handler: getSigningKeys, auth: 'none' },
  { method: 'POST', pattern: '/local/apps', handler: postApp, auth: 'admin' },
  {
    method: 'PUT',
    pattern: '/local/admin/sites/:site/roles/:principal',
    handler: putSiteRole,
    auth: 'admin',
  },
  {
    method: 'PUT',
    pattern: '/local/admin/sites/:site/lists/:list/roles',
    handler: putListRoles,
    auth: 'admin',
  },
  { method: 'PUT', pattern: '/local/admin/groups/:group', handler: putGroup, auth: 'admin' },
  { method: 'PUT', pattern: '/local/admin/faults', handler: putFaults, auth: 'admin' },
  { method: 'GET', pattern: '/local/admin/faults', handler: getFaults, auth: 'admin' },
  { method: 'POST', pattern: '/local/admin/delta/expire', handler: expireDeltaTokens, auth: 'admin' },
  // The org app catalog (a Teams admin uploading the app): handlers/teamwork.ts (BOT).
  {
    method: 'PUT',
    pattern: '/local/admin/appCatalogs/teamsApps/:app',
    handler: putCatalogApp,
    auth: 'admin',
  },

  // SharePoint REST on the SharePoint host (handlers/sharepoint-rest.ts verifies its own SharePoint token).
  { method: 'POST', pattern: '/sites/:sitePath/_api/web/ensureuser', handler: postEnsureUser, auth: 'none' },
  { method: 'POST', pattern: '/_api/web/ensureuser', handler: postEnsureUser, auth: 'none' },

  { method: 'POST', pattern: '/v1.0/$batch', handler: postBatch, auth: 'graph', faultExempt: true },
  { method: 'GET', pattern: '/v1.0/me', handler: getMe, auth: 'graph' },
  { method: 'GET', pattern: '/v1.0/users', handler: getUsers, auth: 'graph' },
  { method: 'POST', pattern: '/v1.0/users', handler: createUser, auth: 'graph' },
  { method: 'GET', pattern: '/v1.0/users/:user', handler: getUser, auth: 'graph' },
  // Proactive installation of the bot for a user, and the 1:1 chat (handlers/teamwork.ts, BOT).
  {
    method: 'GET',
    pattern: '/v1.0/users/:user/teamwork/installedApps',
    handler: getUserInstalledApps,
    auth: 'graph',
  },
  {
    method: 'POST',
    pattern: '/v1.0/users/:user/teamwork/installedApps',
    handler: postUserInstalledApp,
    auth: 'graph',
  },
  {
    method: 'GET',
    pattern: '/v1.0/users/:user/teamwork/installedApps/:installation/chat',
    handler: getUserInstalledAppChat,
    auth: 'graph',
  },

  { method: 'GET', pattern: '/v1.0/sites/:site', handler: getSite, auth: 'graph' },
  { method: 'GET', pattern: '/v1.0/sites/:site/permissions', handler: getSitePermissions, auth: 'graph' },
  { method: 'POST', pattern: '/v1.0/sites/:site/permissions', handler: createSitePermission, auth: 'graph' },
  { method: 'GET', pattern: '/v1.0/sites/:site/lists', handler: getLists, auth: 'graph' },
  { method: 'POST', pattern: '/v1.0/sites/:site/lists', handler: createList, auth: 'graph' },
  { method: 'GET', pattern: LIST, handler: getList, auth: 'graph' },
  { method: 'GET', pattern: `${LIST}/columns`, handler: getColumns, auth: 'graph' },
  { method: 'POST', pattern: `${LIST}/columns`, handler: createColumn, auth: 'graph' },
  { method: 'GET', pattern: `${LIST}/columns/:column`, handler: getColumn, auth: 'graph' },
  { method: 'PATCH', pattern: `${LIST}/columns/:column`, handler: updateColumn, auth: 'graph' },
  { method: 'GET', pattern: `${LIST}/items/delta`, handler: getDelta, auth: 'graph' },
  { method: 'GET', pattern: `${LIST}/items/delta()`, handler: getDelta, auth: 'graph' },
  { method: 'GET', pattern: `${LIST}/items`, handler: getItems, auth: 'graph' },
  { method: 'POST', pattern: `${LIST}/items`, handler: createItem, auth: 'graph' },
  { method: 'GET', pattern: ITEM, handler: getItem, auth: 'graph' },
  { method: 'PATCH', pattern: ITEM, handler: updateItem, auth: 'graph' },
  { method: 'DELETE', pattern: ITEM, handler: deleteItem, auth: 'graph' },
  { method: 'PATCH', pattern: `${ITEM}/fields`, handler: updateItemFields, auth: 'graph' },
  { method: 'GET', pattern: `${ITEM}/versions`, handler: getVersions, auth: 'graph' },
  { method: 'GET', pattern: `${ITEM}/versions/:version`, handler: getVersion, auth: 'graph' },
];

const compiled = ROUTES.map((r) => ({ route: r, segments: r.pattern.split('/').slice(1) }));

/**
 * Splits a request path into segments. Graph's path addressing `/sites/{host}:/sites/{path}[:/rest]` becomes one
 * `{site}` segment `host:/sites/path` so the table stays flat.
 */
export function pathSegments(decodedPath: string): string[] {
  const m = /^\/v1\.0\/sites\/([^/:]+):\/sites\/([^:]+?)\/?(?::(\/.*)?)?$/i.exec(decodedPath);
  if (m) {
    const rest = (m[3] ?? '').split('/').filter((s) => s !== '');
    return ['v1.0', 'sites', `${m[1]}:/sites/${m[2]}`, ...rest];
  }
  return decodedPath.split('/').filter((s) => s !== '');
}

export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'method'; auth: RouteAuth }
  | { kind: 'none' };

export function matchRoute(method: string, segments: string[]): RouteMatch {
  let methodMismatch: RouteAuth | undefined;
  for (const { route, segments: pattern } of compiled) {
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < pattern.length && ok; i++) {
      const p = pattern[i] as string;
      const s = segments[i] as string;
      if (p.startsWith(':')) params[p.slice(1)] = s;
      else ok = p.toLowerCase() === s.toLowerCase();
    }
    if (!ok) continue;
    if (route.method !== method) {
      methodMismatch ??= route.auth;
      continue;
    }
    return { kind: 'found', route, params };
  }
  return methodMismatch ? { kind: 'method', auth: methodMismatch } : { kind: 'none' };
}
