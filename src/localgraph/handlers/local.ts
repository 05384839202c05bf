// Local (non-Graph) routes: token issuance and discovery emulating Entra ID, app registration, and admin
// controls (role assignments, groups, faults).
import { randomBytes, randomUUID } from 'node:crypto';
import type { Handler, RequestContext } from '../context';
import { hasAppRole } from '../auth/permissions';
import { SIGNING_ALGORITHM } from '../auth/token-service';
import { CLIENT_ASSERTION_TYPE, certificateKey, clientAssertionError } from './client-assertion';
import { DELTA_EPOCH_KEY } from './delta';
import { sharePointAudience } from './sharepoint-rest';
import { accessDenied, invalidRequest, listNotFound, siteNotFound } from '../errors/graph-error-factory';
import { isObject } from '../http/wire';
import type { SiteRole } from '../persistence/list-store';
import type { Faults } from '../options';

const ROLES: readonly SiteRole[] = ['owner', 'member', 'visitor'];

function oauthError(error: string, description: string, status = 400) {
  return { status, body: { error, error_description: description } };
}

// Why /local/token asks no password: the demo people live only in this emulator on 127.0.0.1, and any process
// that can reach it as the same OS user can read its SQLite file (keys included) anyway, so a password would
// guard nothing the file system does not. What it must refuse is another web origin acting through the
// browser (a cross-site page, DNS rebinding): the Host check (server.ts) and the Origin check below do that.
// A page may ask only for a person's token, only from a loopback origin, and only from the web server's
// origin once `npm start` names it (TokenService.allowSignInOrigins); client secrets never come from a page.
const LOOPBACK_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/i;

/** The scope parameter (v2 endpoint, space-separated): Graph, or one API resource and its permission. */
type RequestedResource = { kind: 'graph' } | { kind: 'api'; resource: string; permission: string };

function parseScope(
  scope: unknown,
): RequestedResource | { kind: 'error'; response: ReturnType<typeof oauthError> } {
  if (scope === undefined || scope === '') return { kind: 'graph' };
  if (typeof scope !== 'string')
    return { kind: 'error', response: oauthError('invalid_scope', "AADSTS70011: 'scope' must be a string.") };
  const resources = new Map<string, string>();
  for (const item of scope.split(' ').filter(Boolean)) {
    const slash = item.lastIndexOf('/');
    // A bare name (User.Read, openid) is a Graph permission, as on Entra's v2.0 endpoint.
    const resource = slash < 0 ? 'https://graph.microsoft.com' : item.slice(0, slash);
    resources.set(
      resource.toLowerCase() === 'https://graph.microsoft.com' ? 'graph' : resource,
      slash < 0 ? item : item.slice(slash + 1),
    );
  }
  if (resources.size > 1)
    return {
      kind: 'error',
      response: oauthError(
        'invalid_scope',
        'AADSTS28000: Provided value for the input parameter scope is not valid because it contains more than one resource.',
      ),
    };
  const [entry] = [...resources];
  if (!entry || entry[0] === 'graph') return { kind: 'graph' };
  return { kind: 'api', resource: entry[0], permission: entry[1] };
}

/** The one permission the app's API exposes (aad.manifest.json oauth2PermissionScopes). */
const API_SCOPE = 'access_as_user';

export const postToken: Handler = async (ctx) => {
  const b = ctx.req.body;
  if (!isObject(b)) return oauthError('invalid_request', 'A JSON or form body is required.');
  const store = ctx.services.store;
  const tokens = ctx.services.tokens;
  const origin = ctx.req.headers.origin;
  if (origin !== undefined) {
    if (!LOOPBACK_ORIGIN.test(origin) || !tokens.signInOriginAllowed(origin))
      return oauthError(
        'invalid_request',
        `AADSTS9002326: Cross-origin token redemption is permitted only from the embedded sign-in page, not from origin '${origin.slice(0, 100)}'.`,
      );
    if (typeof b.upn !== 'string')
      return oauthError(
        'invalid_request',
        "AADSTS700025: Client is public so neither 'client_assertion' nor 'client_secret' should be presented.",
      );
  }
  const requested = parseScope(b.scope);
  if (requested.kind === 'error') return requested.response;
  if (typeof b.upn === 'string') {
    const user = store.getUser(b.upn);
    if (!user)
      return oauthError(
        'invalid_grant',
        `AADSTS50034: The user account ${b.upn.slice(0, 200)} does not exist in the directory.`,
      );
    const person = { id: user.id, upn: user.userPrincipalName, displayName: user.displayName };
    if (requested.kind === 'graph') return { status: 200, body: await tokens.issueDelegated(person) };
    const sharePoint = sharePointAudience(requested.resource, ctx.services.hostname);
    if (sharePoint) return { status: 200, body: await tokens.issueDelegated(person, sharePoint) };
    // api://{domain}/{clientId}, api://{clientId} or the bare client id: the API must be registered here.
    const clientId =
      requested.resource
        .replace(/^api:\/\//i, '')
        .split('/')
        .pop() ?? '';
    const api = clientId ? store.getApp(clientId) : undefined;
    if (!api)
      return oauthError(
        'invalid_resource',
        `AADSTS500011: The resource principal named ${requested.resource.slice(0, 200)} was not found in the tenant named ${ctx.services.tenantId}.`,
      );
    if (requested.permission !== API_SCOPE && requested.permission !== '.default')
      return oauthError(
        'invalid_scope',
        `AADSTS65005: The application asked for scope '${requested.permission.slice(0, 100)}' that doesn't exist on the resource '${api.clientId}'.`,
      );
    return {
      status: 200,
      body: await tokens.issueForApi(person, { clientId: api.clientId, scope: API_SCOPE }),
    };
  }
  if (typeof b.client_id === 'string') {
    const app = store.getApp(b.client_id);
    if (!app)
      return oauthError(
        'unauthorized_client',
        `AADSTS700016: Application with identifier '${b.client_id.slice(0, 200)}' was not found.`,
      );
    // A certificate credential (client assertion) instead of a secret: the only app-only token SharePoint REST takes.
    const byCertificate = b.client_assertion_type !== undefined || b.client_assertion !== undefined;
    if (byCertificate) {
      if (b.client_assertion_type !== CLIENT_ASSERTION_TYPE || typeof b.client_assertion !== 'string')
        return oauthError(
          'invalid_request',
          `AADSTS700023: client_assertion_type must be '${CLIENT_ASSERTION_TYPE}' with a client_assertion JWT.`,
        );
      const failure = await clientAssertionError(b.client_assertion, app.clientId, app.certificatePem, [
        `${ctx.services.baseUrl()}/local/token`,
        `https://login.microsoftonline.com/${ctx.services.tenantId}/oauth2/v2.0/token`,
      ]);
      if (failure) return oauthError('invalid_client', failure, 401);
    } else if (b.client_secret !== app.clientSecret) {
      return oauthError('invalid_client', 'AADSTS7000215: Invalid client secret provided.', 401);
    }
    const credential = byCertificate ? 'certificate' : 'secret';
    const sharePoint =
      requested.kind === 'api' ? sharePointAudience(requested.resource, ctx.services.hostname) : undefined;
    if (sharePoint)
      return { status: 200, body: await tokens.issueAppOnly(app, { audience: sharePoint, credential }) };
    if (requested.kind !== 'graph')
      return oauthError(
        'invalid_scope',
        'AADSTS70011: App-only tokens are issued for Microsoft Graph only here.',
      );
    return { status: 200, body: await tokens.issueAppOnly(app, { credential }) };
  }
  return oauthError('invalid_request', 'Send { upn } for a user or { client_id, client_secret } for an app.');
};

/** Entra's answer for a tenant it does not know (discovery routes). */
function unknownTenant(tenant: string) {
  return oauthError(
    'invalid_tenant',
    `AADSTS90002: Tenant '${tenant.slice(0, 100)}' not found. Check to make sure you have the correct tenant ID.`,
  );
}

/** GET /{tenant}/v2.0/.well-known/openid-configuration: Entra's v2.0 discovery document, for this issuer. */
export const getOpenIdConfiguration: Handler = (ctx) => {
  const tenant = ctx.params.tenant ?? '';
  if (tenant.toLowerCase() !== ctx.services.tenantId.toLowerCase()) return unknownTenant(tenant);
  const tokens = ctx.services.tokens;
  return {
    status: 200,
    body: {
      issuer: tokens.apiIssuer,
      jwks_uri: tokens.jwksUri,
      token_endpoint: `${ctx.services.baseUrl()}/local/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post'],
      response_types_supported: ['token'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: [SIGNING_ALGORITHM],
      scopes_supported: ['openid', 'profile', 'email'],
      claims_supported: [
        'sub',
        'iss',
        'aud',
        'exp',
        'iat',
        'nbf',
        'name',
        'oid',
        'preferred_username',
        'tid',
        'ver',
      ],
      tenant_region_scope: null,
      cloud_instance_name: 'localgraph',
    },
  };
};

/** GET /{tenant}/discovery/v2.0/keys: the public signing key as a JWKS (Entra's route and shape). */
export const getSigningKeys: Handler = (ctx) => {
  const tenant = ctx.params.tenant ?? '';
  if (tenant.toLowerCase() !== ctx.services.tenantId.toLowerCase()) return unknownTenant(tenant);
  return {
    status: 200,
    headers: { 'Cache-Control': 'public, max-age=3600' },
    body: { keys: [ctx.services.tokens.publicJwk] },
  };
};

function requireAdmin(ctx: RequestContext): void {
  if (!hasAppRole(ctx.principal, 'Sites.FullControl.All')) {
    throw accessDenied('This local admin route needs an app token with Sites.FullControl.All.');
  }
}

export const postApp: Handler = async (ctx) => {
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
  // The public half of the app's certificate (PEM certificate or public key), for client assertions.
  const certificatePem = typeof b.certificatePem === 'string' ? b.certificatePem : undefined;
  if (certificatePem !== undefined) {
    await certificateKey(certificatePem).catch(() => {
      throw invalidRequest("'certificatePem' must be a PEM certificate or RSA public key.");
    });
  }
  const app = ctx.services.store.registerApp({ clientId, clientSecret, displayName, roles, certificatePem });
  return {
    status: 201,
    body: {
      client_id: app.clientId,
      client_secret: app.clientSecret,
      displayName: app.displayName,
      roles: app.roles,
      hasCertificate: app.certificatePem !== undefined,
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

/** POST /local/admin/delta/expire: every delta token issued so far gets 410 resync (tests of delta recovery). */
export const expireDeltaTokens: Handler = (ctx) => {
  requireAdmin(ctx);
  const store = ctx.services.store;
  const epoch = Number(store.getMeta(DELTA_EPOCH_KEY) ?? '0') + 1;
  store.setMeta(DELTA_EPOCH_KEY, String(epoch));
  return { status: 200, body: { expired: true, epoch } };
};

export const getFaults: Handler = (ctx) => {
  requireAdmin(ctx);
  return { status: 200, body: ctx.services.faults.get() };
};
