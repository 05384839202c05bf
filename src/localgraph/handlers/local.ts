// Local (non-Graph) routes: token issuance emulating Entra ID, app registration, and admin controls
// (role assignments, groups, faults).
import { randomBytes, randomUUID } from 'node:crypto';
import type { Handler, RequestContext } from '../context';
import { hasAppRole } from '../auth/permissions';
import { accessDenied, invalidRequest, listNotFound, siteNotFound } from '../errors/graph-error-factory';
import { isObject } from '../http/wire';
import type { SiteRole } from '../persistence/list-store';
import type { Faults } from '../options';

const ROLES: readonly SiteRole[] = ['owner', 'member', 'visitor'];

function oauthError(error: string, description: string, status = 400) {
  return { status, body: { error, error_description: description } };
}

export const postToken: Handler = async (ctx) => {
  const b = ctx.req.body;
  if (!isObject(b)) return oauthError('invalid_request', 'A JSON or form body is required.');
  const store = ctx.services.store;
  if (typeof b.upn === 'string') {
    const user = store.getUser(b.upn);
    if (!user)
      return oauthError(
        'invalid_grant',
        `AADSTS50034: The user account ${b.upn} does not exist in the directory.`,
      );
    const token = await ctx.services.tokens.issueDelegated({
      id: user.id,
      upn: user.userPrincipalName,
      displayName: user.displayName,
    });
    return { status: 200, body: token };
  }
  if (typeof b.client_id === 'string') {
    const app = store.getApp(b.client_id);
    if (!app)
      return oauthError(
        'unauthorized_client',
        `AADSTS700016: Application with identifier '${b.client_id}' was not found.`,
      );
    if (b.client_secret !== app.clientSecret) {
      return oauthError('invalid_client', 'AADSTS7000215: Invalid client secret provided.', 401);
    }
    return { status: 200, body: await ctx.services.tokens.issueAppOnly(app) };
  }
  return oauthError('invalid_request', 'Send { upn } for a user or { client_id, client_secret } for an app.');
};

function requireAdmin(ctx: RequestContext): void {
  if (!hasAppRole(ctx.principal, 'Sites.FullControl.All')) {
    throw accessDenied('This local admin route needs an app token with Sites.FullControl.All.');
  }
}

export const postApp: Handler = (ctx) => {
  requireAdmin(ctx);
  const b = ctx.req.body;
  if (!isObject(b)) throw invalidRequest('An app object is required.');
  const roles = Array.isArray(b.roles) ? b.roles.map(String) : [];
  const clientId = typeof b.client_id === 'string' && b.client_id !== '' ? b.client_id : randomUUID();
  const clientSecret =
    typeof b.client_secret === 'string' && b.client_secret !== ''
      ? b.client_secret
      : randomBytes(24).toString('base64url');
  const displayName = typeof b.displayName === 'string' && b.displayName !== '' ? b.displayName : clientId;
  const app = ctx.services.store.registerApp({ clientId, clientSecret, displayName, roles });
  return {
    status: 201,
    body: {
      client_id: app.clientId,
      client_secret: app.clientSecret,
      displayName: app.displayName,
      roles: app.roles,
    },
  };
};

export const putSiteRole: Handler = (ctx) => {
  requireAdmin(ctx);
  const site = ctx.services.store.getSiteById(ctx.params.site ?? '');
  if (!site) throw siteNotFound();
  const b = ctx.req.body;
  const role = isObject(b) ? b.role : undefined;
  if (role !== 'none' && !ROLES.includes(role as SiteRole)) {
    throw invalidRequest(`'role' must be one of ${[...ROLES, 'none'].join(', ')}.`);
  }
  const principal = ctx.params.principal ?? '';
  ctx.services.store.setSiteRole(site.id, principal, role === 'none' ? null : (role as SiteRole));
  return { status: 200, body: { siteId: site.id, principal, role } };
};

export const putListRoles: Handler = (ctx) => {
  requireAdmin(ctx);
  const store = ctx.services.store;
  const site = store.getSiteById(ctx.params.site ?? '');
  if (!site) throw siteNotFound();
  const list = store.getList(site.id, ctx.params.list ?? '');
  if (!list) throw listNotFound();
  const b = ctx.req.body;
  if (!isObject(b)) throw invalidRequest('A body { roles, inheritFromSite } is required.');
  if (b.inheritFromSite === true) {
    store.setListUniqueRoles(list.id, null);
    return { status: 200, body: { listId: list.id, inheritFromSite: true, roles: {} } };
  }
  if (!isObject(b.roles)) throw invalidRequest("'roles' must map a UPN or group name to a role.");
  const roles: Record<string, SiteRole> = {};
  for (const [who, role] of Object.entries(b.roles)) {
    if (!ROLES.includes(role as SiteRole))
      throw invalidRequest(`Invalid role '${String(role)}' for '${who}'.`);
    roles[who.toLowerCase()] = role as SiteRole;
  }
  store.setListUniqueRoles(list.id, roles);
  return { status: 200, body: { listId: list.id, inheritFromSite: false, roles } };
};

export const putGroup: Handler = (ctx) => {
  requireAdmin(ctx);
  const b = ctx.req.body;
  if (!isObject(b) || !Array.isArray(b.members)) throw invalidRequest("'members' must be an array of UPNs.");
  const name = ctx.params.group ?? '';
  const members = b.members.map(String);
  ctx.services.store.setGroupMembers(name, members);
  return { status: 200, body: { name, members } };
};

export const putFaults: Handler = (ctx) => {
  requireAdmin(ctx);
  const b = ctx.req.body;
  if (!isObject(b)) throw invalidRequest('A faults object is required.');
  const faults: Faults = {};
  for (const key of ['throttleRate', 'unavailableRate', 'latencyMs', 'retryAfterSeconds'] as const) {
    const v = b[key];
    if (v !== undefined) {
      if (typeof v !== 'number' || v < 0) throw invalidRequest(`'${key}' must be a non-negative number.`);
      faults[key] = v;
    }
  }
  ctx.services.faults.set(faults);
  return { status: 200, body: ctx.services.faults.get() };
};

export const getFaults: Handler = (ctx) => {
  requireAdmin(ctx);
  return { status: 200, body: ctx.services.faults.get() };
};
