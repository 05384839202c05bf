// The one SharePoint REST route the app needs: POST {site}/_api/web/ensureuser, answered on localgraph's
// SharePoint host. Addressing: `{localgraph url}/sites/{path}/_api/web/ensureuser` stands for
// `https://{hostname}/sites/{path}/_api/web/ensureuser` (and `{url}/_api/web/ensureuser` for the root site).
// Sources:
// - EnsureUser: "Checks whether the specified login name belongs to a valid user in the site. If the user doesn't
//   exist, adds the user to the site." (learn.microsoft.com/previous-versions/office/sharepoint-visio/jj245233,
//   SP.Web.ensureUser; REST POST http://<site>/_api/web/ensureuser with {"logonName": …}).
// - It needs a SharePoint-audience token: a Graph token is refused "Invalid issuer or signature."
//   (SharePoint/sp-dev-docs#5889, "one access token can only against one resource").
// - App-only tokens from a client secret are refused "Unsupported app only token."; certificate ones work
//   (learn.microsoft.com/sharepoint/dev/solution-guidance/security-apponly-azuread FAQ; SharePoint/sp-dev-docs
//   #8480, #8713, #3711; appidacr 1 = secret, 2 = certificate).
// - Error envelopes: {"odata.error":{"code":"<hresult>, <exception>","message":{"lang","value"}}} (JSON light) or
//   {"error":{…}} (verbose), e.g. "-2130575276, Microsoft.SharePoint.SPException" / "The user does not exist or
//   is not unique." (SharePoint/sp-dev-docs#10163; pnp/cli-microsoft365 spo group user tests).
import type { Handler, Principal, RequestContext } from '../context';
import { accessLevel } from '../auth/permissions';
import { GraphError } from '../errors/graph-error';
import type { ResponseModel } from '../http/wire';
import { isObject } from '../http/wire';
import type { DirectoryUser, ItemRecord, SiteRecord } from '../persistence/list-store';
import { nowIso, siteWebUrl } from './common';
import { findSiteUser, signInToSite, userInformationList, addUserToList } from './site-directory';

/** SharePoint Online's first-party app id: tokens for it (or for https://{hostname}) are SharePoint tokens. */
export const SHAREPOINT_APP_ID = '00000003-0000-0ff1-ce00-000000000000';

/** The token audience for a requested resource when it is this tenant's SharePoint, else undefined. */
export function sharePointAudience(resource: string, hostname: string): string | undefined {
  const r = resource.replace(/\/+$/, '').toLowerCase();
  if (r === SHAREPOINT_APP_ID) return SHAREPOINT_APP_ID;
  if (r === `https://${hostname.toLowerCase()}`) return `https://${hostname.toLowerCase()}`;
  return undefined;
}

type Flavour = 'verbose' | 'minimal' | 'nometadata';

const CONTENT_TYPE: Record<Flavour, string> = {
  verbose: 'application/json;odata=verbose;charset=utf-8',
  minimal: 'application/json;odata=minimalmetadata;streaming=true;charset=utf-8',
  nometadata: 'application/json;odata=nometadata;streaming=true;charset=utf-8',
};

/** The JSON flavour the Accept header asks for; undefined when it asks for none (SharePoint would send Atom). */
function flavourOf(accept: string | undefined): Flavour | undefined {
  const a = (accept ?? '').toLowerCase();
  if (a.includes('odata=verbose')) return 'verbose';
  if (a.includes('odata=nometadata')) return 'nometadata';
  if (a.includes('application/json') || a.includes('odata=minimalmetadata')) return 'minimal';
  return undefined;
}

function spError(
  status: number,
  flavour: Flavour,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): ResponseModel {
  const error = { code, message: { lang: 'en-US', value: message } };
  return {
    status,
    headers: { 'Content-Type': CONTENT_TYPE[flavour], ...headers },
    body: flavour === 'verbose' ? { error } : { 'odata.error': error },
  };
}

/** SharePoint's 401: a bare {error_description} body and a Bearer challenge naming its resource. */
function spUnauthorized(ctx: RequestContext, description: string, diagnostics: string): ResponseModel {
  return {
    status: 401,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'WWW-Authenticate': `Bearer realm="${ctx.services.tenantId}",client_id="${SHAREPOINT_APP_ID}",trusted_issuers="00000001-0000-0000-c000-000000000000@*,https://sts.windows.net/*/,https://login.microsoftonline.com/*/v2.0",authorization_uri="https://login.windows.net/common/oauth2/authorize"`,
      'x-ms-diagnostics': diagnostics,
    },
    body: { error_description: description },
  };
}

async function sharePointPrincipal(ctx: RequestContext): Promise<Principal | ResponseModel> {
  const hostname = ctx.services.hostname.toLowerCase();
  try {
    return await ctx.services.tokens.verify(ctx.req.headers.authorization, [
      `https://${hostname}`,
      SHAREPOINT_APP_ID,
    ]);
  } catch (e) {
    if (e instanceof GraphError && /expired/i.test(e.message)) {
      return spUnauthorized(
        ctx,
        'Invalid JWT token. The token is expired.',
        '3000003;reason="Invalid JWT token. The token is expired.";category="invalid_client"',
      );
    }
    return spUnauthorized(
      ctx,
      'Invalid issuer or signature.',
      '3000006;reason="Token contains invalid signature.";category="invalid_client"',
    );
  }
}

const isResponse = (v: Principal | ResponseModel): v is ResponseModel => 'status' in v;

function siteFor(ctx: RequestContext): SiteRecord | undefined {
  const path = (ctx.params.sitePath ?? '').toLowerCase();
  return ctx.services.store.getSiteByPath(ctx.services.hostname, path);
}

/** `i:0#.f|membership|ada@contoso.com`, a bare UPN or an email → the directory user. */
function directoryUserFor(ctx: RequestContext, logonName: string): DirectoryUser | undefined {
  const m = /^i:0#\.f\|membership\|(.+)$/i.exec(logonName.trim());
  const key = (m ? (m[1] as string) : logonName).trim();
  if (key === '' || key.includes('|')) return undefined;
  return ctx.services.store.getUser(key) ?? ctx.services.store.findUserByMail(key);
}

function userJson(site: SiteRecord, item: ItemRecord, flavour: Flavour): Record<string, unknown> {
  const f = item.fields;
  const str = (v: unknown): string => (typeof v === 'string' ? v : '');
  const upn = str(f.UserName);
  const user: Record<string, unknown> = {
    Id: item.id,
    IsHiddenInUI: false,
    LoginName: str(f.Name) || `i:0#.f|membership|${upn}`,
    Title: str(f.Title),
    PrincipalType: 1,
    Email: str(f.EMail),
    Expiration: '',
    IsEmailAuthenticationGuestUser: false,
    IsShareByEmailGuestUser: false,
    IsSiteAdmin: false,
    UserId: {
      NameId: str(f.NameId) || item.uniqueId.replace(/-/g, '').slice(0, 16),
      NameIdIssuer: 'urn:federation:microsoftonline',
    },
    UserPrincipalName: upn,
  };
  const api = `${siteWebUrl(site)}/_api`;
  if (flavour === 'verbose') {
    const uri = `${api}/Web/GetUserById(${item.id})`;
    return { d: { __metadata: { id: uri, uri, type: 'SP.User' }, ...user } };
  }
  if (flavour === 'minimal') {
    return {
      'odata.metadata': `${api}/$metadata#SP.ApiData.Users1/@Element`,
      'odata.type': 'SP.User',
      'odata.id': `${api}/Web/GetUserById(${item.id})`,
      'odata.editLink': `Web/GetUserById(${item.id})`,
      ...user,
    };
  }
  return user;
}

/** POST {site}/_api/web/ensureuser {"logonName": …} → the site user (added to the User Information List if new). */
export const postEnsureUser: Handler = async (ctx) => {
  const flavour = flavourOf(ctx.req.headers.accept);
  const auth = await sharePointPrincipal(ctx);
  if (isResponse(auth)) return auth;
  if (auth.kind === 'app' && auth.appCredential !== 'certificate') {
    return spUnauthorized(
      ctx,
      'Unsupported app only token.',
      '3001000;reason="There has been an error authenticating the request.";category="invalid_client"',
    );
  }
  const f: Flavour = flavour ?? 'minimal';
  const site = siteFor(ctx);
  if (!site) return spError(404, f, '-2147024894, System.IO.FileNotFoundException', 'File Not Found.');
  const authed: RequestContext = { ...ctx, principal: auth };
  const now = nowIso(ctx);
  const level = accessLevel(authed, site);
  if (auth.kind === 'user' && level !== 'none') signInToSite(ctx.services.store, site, auth, now);
  if (level !== 'write' && level !== 'manage') {
    return spError(
      403,
      f,
      '-2147024891, System.UnauthorizedAccessException',
      'Access denied. You do not have permission to perform this action or access this resource.',
    );
  }
  if (!flavour) {
    // SharePoint would answer Atom XML; localgraph speaks only JSON (README: known deviations).
    return spError(
      406,
      'minimal',
      '-1, Microsoft.SharePoint.Client.ClientServiceException',
      "Send 'Accept: application/json;odata=nometadata' (or verbose / minimalmetadata).",
    );
  }
  const body = ctx.req.body;
  const logonName = isObject(body) ? body.logonName : undefined;
  if (typeof logonName !== 'string' || logonName.trim() === '') {
    return spError(
      400,
      flavour,
      '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
      'The parameter logonName does not exist in method EnsureUser.',
    );
  }
  const user = directoryUserFor(ctx, logonName);
  const uil = userInformationList(ctx.services.store, site);
  if (!user || !uil) {
    return spError(
      400,
      flavour,
      '-2146232832, Microsoft.SharePoint.SPException',
      `The specified user ${logonName.slice(0, 300)} could not be found.`,
    );
  }
  const store = ctx.services.store;
  const existing = findSiteUser(store, uil, user.userPrincipalName);
  const id = existing ?? addUserToList(store, uil, user, now);
  const item = store.getItem(uil.id, id);
  if (!item) return spError(500, flavour, '-2146232832, Microsoft.SharePoint.SPException', 'Unexpected.');
  return {
    status: 200,
    headers: { 'Content-Type': CONTENT_TYPE[flavour] },
    body: userJson(site, item, flavour),
  };
};
