// Directory: GET /me, GET /users, GET /users/{id|upn}, POST /users (a new user is on no site's UIL).
import { randomUUID } from 'node:crypto';
import type { Handler, RequestContext } from '../context';
import { queryOption, requirePrincipal } from '../context';
import { hasAppRole } from '../auth/permissions';
import {
  authorizationDenied,
  directoryBadRequest,
  directoryNotFound,
  directoryUnsupportedQuery,
  meAppOnly,
} from '../errors/graph-error-factory';
import { isObject, type JsonObject } from '../http/wire';
import { ODataSyntaxError, ODataUnsupportedError } from '../odata/lexer';
import { parseFilter } from '../odata/parser';
import { parseSelect } from '../odata/query-options';
import type { DirectoryUser } from '../persistence/list-store';
import { UnknownUserPropertyError } from '../persistence/sqlite-list-store';
import { applySelect, base64NoPad, contextUrl, fromBase64, nowIso, pagingLink } from './common';
import { addUserToList, userInformationList } from './site-directory';

const DEFAULT_SELECT = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
  'id',
];

function userJson(u: DirectoryUser): JsonObject {
  return {
    businessPhones: [],
    displayName: u.displayName,
    givenName: u.givenName,
    jobTitle: u.jobTitle,
    mail: u.mail,
    mobilePhone: null,
    officeLocation: u.officeLocation,
    preferredLanguage: u.preferredLanguage,
    surname: u.surname,
    userPrincipalName: u.userPrincipalName,
    id: u.id,
    country: u.country,
    department: u.department,
    createdDateTime: u.createdDateTime,
  };
}

function selectUser(ctx: RequestContext, u: DirectoryUser): JsonObject {
  return applySelect(userJson(u), parseSelect(queryOption(ctx, 'select')) ?? DEFAULT_SELECT);
}

function entityContext(ctx: RequestContext): string {
  const select = queryOption(ctx, 'select');
  return contextUrl(ctx, select ? `users(${select})/$entity` : 'users/$entity');
}

function canReadDirectory(ctx: RequestContext): boolean {
  const p = requirePrincipal(ctx);
  return (
    p.kind === 'user' ||
    hasAppRole(p, 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All')
  );
}

export const getMe: Handler = (ctx) => {
  const p = requirePrincipal(ctx);
  if (p.kind !== 'user') throw meAppOnly();
  const u = ctx.services.store.getUser(p.upn ?? p.id);
  if (!u) throw directoryNotFound(p.id);
  return { status: 200, body: { '@odata.context': entityContext(ctx), ...selectUser(ctx, u) } };
};

export const getUser: Handler = (ctx) => {
  if (!canReadDirectory(ctx)) throw authorizationDenied();
  const key = ctx.params.user ?? '';
  const u = ctx.services.store.getUser(key);
  if (!u) throw directoryNotFound(key);
  return { status: 200, body: { '@odata.context': entityContext(ctx), ...selectUser(ctx, u) } };
};

export const getUsers: Handler = (ctx) => {
  if (!canReadDirectory(ctx)) throw authorizationDenied();
  const topText = queryOption(ctx, 'top');
  const top = topText === undefined ? 100 : Number(topText);
  if (!Number.isInteger(top) || top < 1 || top > 999) {
    throw directoryBadRequest(
      `Invalid page size specified: '${topText}'. Must be between 1 and 999 inclusive.`,
    );
  }
  const filterText = queryOption(ctx, 'filter');
  const skip = queryOption(ctx, 'skiptoken');
  let rows: DirectoryUser[];
  try {
    rows = ctx.services.store.queryUsers({
      filter: filterText ? parseFilter(filterText) : undefined,
      afterUpn: skip ? fromBase64(skip) : undefined,
      limit: top + 1,
    });
  } catch (e) {
    if (e instanceof UnknownUserPropertyError) {
      throw directoryUnsupportedQuery(
        `Unsupported or invalid query filter clause specified for property '${e.message}' of resource 'User'.`,
      );
    }
    if (e instanceof ODataSyntaxError || e instanceof ODataUnsupportedError) {
      throw directoryUnsupportedQuery(`Invalid filter clause: ${e.message}`);
    }
    throw e;
  }
  const page = rows.slice(0, top);
  const body: JsonObject = {
    '@odata.context': contextUrl(
      ctx,
      queryOption(ctx, 'select') ? `users(${queryOption(ctx, 'select')})` : 'users',
    ),
    value: page.map((u) => selectUser(ctx, u)),
  };
  const last = page[page.length - 1];
  if (rows.length > top && last) {
    body['@odata.nextLink'] = pagingLink(ctx, { $skiptoken: base64NoPad(last.userPrincipalName) }, [
      'skiptoken',
    ]);
  }
  return { status: 200, body };
};

const optionalString = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

export const createUser: Handler = (ctx) => {
  if (!hasAppRole(ctx.principal, 'User.ReadWrite.All', 'Directory.ReadWrite.All'))
    throw authorizationDenied();
  const b = ctx.req.body;
  if (!isObject(b)) throw directoryBadRequest('A user object is required.');
  const displayName = optionalString(b.displayName);
  const upn = optionalString(b.userPrincipalName);
  if (!displayName)
    throw directoryBadRequest("Invalid value specified for property 'displayName' of resource 'User'.");
  if (!upn || !/^[^@\s]+@[^@\s]+$/.test(upn)) {
    throw directoryBadRequest("Invalid value specified for property 'userPrincipalName' of resource 'User'.");
  }
  const store = ctx.services.store;
  if (store.getUser(upn)) {
    throw directoryBadRequest(
      'Another object with the same value for property userPrincipalName already exists.',
    );
  }
  const now = nowIso(ctx);
  const user = store.createUser({
    id: randomUUID(),
    userPrincipalName: upn,
    displayName,
    // Without Exchange, Graph leaves mail null; here it defaults to the UPN so person columns have an email.
    mail: optionalString(b.mail) ?? upn.toLowerCase(),
    preferredLanguage: optionalString(b.preferredLanguage),
    officeLocation: optionalString(b.officeLocation),
    country: optionalString(b.country),
    jobTitle: optionalString(b.jobTitle),
    department: optionalString(b.department),
    givenName: optionalString(b.givenName),
    surname: optionalString(b.surname),
    createdDateTime: now,
  });
  // A new directory user is on no site until they visit it or are ensured (reference/graph-lists.md §7, §10);
  // only the transitional lenient mode adds them everywhere.
  if (ctx.services.lenient.siteUsersFromDirectory) {
    for (const site of store.listSites()) {
      const uil = userInformationList(store, site);
      if (uil) addUserToList(store, uil, user, now);
    }
  }
  return {
    status: 201,
    headers: { Location: `${ctx.services.baseUrl()}/v1.0/users/${user.id}` },
    body: { '@odata.context': contextUrl(ctx, 'users/$entity'), ...userJson(user) },
  };
};
