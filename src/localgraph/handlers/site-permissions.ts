// Sites.Selected grants: POST/GET /sites/{id}/permissions.
import type { Handler } from '../context';
import { hasAppRole } from '../auth/permissions';
import { accessDenied, invalidRequest } from '../errors/graph-error-factory';
import { isObject, type JsonObject } from '../http/wire';
import type { SiteGrant } from '../persistence/list-store';
import { base64NoPad, contextUrl, resolveSite } from './common';

const ROLES = ['read', 'write', 'manage', 'fullcontrol'];

function grantJson(g: SiteGrant): JsonObject {
  const identity = { application: { id: g.appId, displayName: g.appDisplayName } };
  return { id: g.id, roles: g.roles, grantedToIdentitiesV2: [identity], grantedToIdentities: [identity] };
}

function requireFullControl(ctx: Parameters<Handler>[0]): void {
  if (!hasAppRole(ctx.principal, 'Sites.FullControl.All')) {
    throw accessDenied('Either scp or roles claim need to be present in the token.');
  }
}

export const getSitePermissions: Handler = (ctx) => {
  requireFullControl(ctx);
  const site = resolveSite(ctx);
  return {
    status: 200,
    body: {
      '@odata.context': contextUrl(ctx, `sites('${site.id}')/permissions`),
      value: ctx.services.store.getSiteGrants(site.id).map(grantJson),
    },
  };
};

export const createSitePermission: Handler = (ctx) => {
  requireFullControl(ctx);
  const site = resolveSite(ctx);
  const b = ctx.req.body;
  if (!isObject(b) || !Array.isArray(b.roles) || b.roles.length === 0)
    throw invalidRequest("'roles' is required.");
  const roles = b.roles.map((r) => String(r).toLowerCase());
  if (!roles.every((r) => ROLES.includes(r)))
    throw invalidRequest(`Invalid role; expected one of ${ROLES.join(', ')}.`);
  const identities = Array.isArray(b.grantedToIdentitiesV2) ? b.grantedToIdentitiesV2 : b.grantedToIdentities;
  const first: unknown = Array.isArray(identities) ? identities[0] : undefined;
  const app = isObject(first) && isObject(first.application) ? first.application : undefined;
  if (!app || typeof app.id !== 'string' || app.id === '') {
    throw invalidRequest("'grantedToIdentities' must name an application.");
  }
  const grant = ctx.services.store.addSiteGrant({
    id: base64NoPad(`i:0i.t|ms.sp.ext|${app.id}@${ctx.services.tenantId}`),
    siteId: site.id,
    appId: app.id,
    appDisplayName: typeof app.displayName === 'string' ? app.displayName : app.id,
    roles,
  });
  return {
    status: 201,
    body: {
      '@odata.context': contextUrl(ctx, `sites('${site.id}')/permissions/$entity`),
      ...grantJson(grant),
    },
  };
};
