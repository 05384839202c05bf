// Teams apps in a user's personal scope: what a reminder bot needs to reach people who never opened its chat
// (proactive installation). The org app catalog is filled by an admin route (a Teams admin uploading the app).
//
// Behaviour, from Microsoft's pages (microsoftgraph/microsoft-graph-docs-contrib, api-reference/v1.0/api/):
//  - POST /users/{user-id | user-principal-name}/teamwork/installedApps
//    {"teamsApp@odata.bind": "https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/{id}"} → 201 Created, no
//    body (userteamwork-post-installedapps.md). Application permission TeamsAppInstallation.ReadWriteSelfForUser.All
//    (least privileged: the app may install only ITSELF) or TeamsAppInstallation.ReadWriteForUser.All. Already
//    installed → 409 Conflict (as for teams: microsoftgraph/microsoft-graph-docs-contrib#3686).
//  - GET  /users/{id}/teamwork/installedApps[?$expand=teamsApp,teamsAppDefinition][&$filter=teamsApp/id eq '…' |
//    teamsApp/externalId eq '…'] → 200 {value:[{id, teamsApp?, teamsAppDefinition?}]}; the installation id is
//    not the app id (userteamwork-list-installedapps.md); the documented ids are base64 of "{userId}##{appId}".
//    Permissions: TeamsAppInstallation.ReadForUser.All, ReadWriteSelfForUser.All, ReadWriteForUser.All.
//  - GET  /users/{id}/teamwork/installedApps/{installation-id}/chat → 200 {id: "19:…_{userId}@unq.gbl.spaces"}
//    (userscopeteamsappinstallation-get-chat.md), same permissions as the list.
// Stricter where the pages are silent: with a *Self* permission the app sees and installs only its own app
// (the catalog app whose bot id is the caller's client id); delegated callers are refused (not emulated).
// Persisted in the store's meta table, so installations survive a restart.
import type { Handler, RequestContext } from '../context';
import { queryOption, requirePrincipal } from '../context';
import { hasAppRole } from '../auth/permissions';
import { accessDenied, directoryNotFound, invalidRequest } from '../errors/graph-error-factory';
import { GraphError } from '../errors/graph-error';
import { isObject, type JsonObject } from '../http/wire';
import { contextUrl } from './common';

interface CatalogApp {
  readonly id: string;
  /** The manifest id. */
  readonly externalId: string;
  readonly displayName: string;
  /** The bot's app (client) id: what TeamsAppInstallation.*Self* permissions compare with the caller. */
  readonly botId: string;
  readonly version: string;
}

const CATALOG_KEY = 'teamwork.catalog';
const INSTALLS_KEY = 'teamwork.installations';

const readJson = <T>(ctx: RequestContext, key: string, fallback: T): T => {
  const text = ctx.services.store.getMeta(key);
  return text ? (JSON.parse(text) as T) : fallback;
};

const catalogOf = (ctx: RequestContext): Record<string, CatalogApp> => readJson(ctx, CATALOG_KEY, {});
/** "{userId}##{appId}" of every installation. */
const installsOf = (ctx: RequestContext): string[] => readJson(ctx, INSTALLS_KEY, []);

const installationId = (userId: string, appId: string): string =>
  Buffer.from(`${userId}##${appId}`).toString('base64');

const parseInstallationId = (id: string): { userId: string; appId: string } | undefined => {
  const text = Buffer.from(id, 'base64').toString('utf8');
  const [userId, appId, extra] = text.split('##');
  return userId && appId && extra === undefined ? { userId, appId } : undefined;
};

const teamworkError = (status: number, code: string, message: string) =>
  new GraphError(status, code, message);

const WRITE = ['TeamsAppInstallation.ReadWriteSelfForUser.All', 'TeamsAppInstallation.ReadWriteForUser.All'];
const READ = [...WRITE, 'TeamsAppInstallation.ReadForUser.All'];

/** The apps this caller may see or install: all with a non-Self permission, else only its own. */
const visibleApp = (ctx: RequestContext, app: CatalogApp, write: boolean): boolean => {
  const p = requirePrincipal(ctx);
  const all = write
    ? ['TeamsAppInstallation.ReadWriteForUser.All']
    : ['TeamsAppInstallation.ReadWriteForUser.All', 'TeamsAppInstallation.ReadForUser.All'];
  return hasAppRole(p, ...all) || p.appId === app.botId;
};

const requireAppPermission = (ctx: RequestContext, roles: readonly string[]): void => {
  const p = requirePrincipal(ctx);
  if (p.kind !== 'app' || !hasAppRole(p, ...roles)) {
    throw accessDenied(`Missing role permissions on the request. API requires one of '${roles.join(', ')}'.`);
  }
};

/** The directory user the path names (object id or UPN). */
const userOf = (ctx: RequestContext) => {
  const key = ctx.params.user ?? '';
  const user = ctx.services.store.getUser(key);
  if (!user) throw directoryNotFound(key);
  return user;
};

const APP_BIND = /^https:\/\/graph\.microsoft\.com\/(?:v1\.0|beta)\/appCatalogs\/teamsApps\/([^/?#]+)$/;

export const postUserInstalledApp: Handler = (ctx) => {
  requireAppPermission(ctx, WRITE);
  const user = userOf(ctx);
  const body = ctx.req.body;
  const bind = isObject(body) ? body['teamsApp@odata.bind'] : undefined;
  const match = typeof bind === 'string' ? APP_BIND.exec(bind) : null;
  if (!match) {
    throw invalidRequest(
      'The request body must bind the app: {"teamsApp@odata.bind": "https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/{id}"}.',
    );
  }
  const appId = decodeURIComponent(match[1] ?? '');
  const app = catalogOf(ctx)[appId];
  if (!app)
    throw teamworkError(404, 'NotFound', `The app ${appId} is not in the organisation's app catalog.`);
  if (!visibleApp(ctx, app, true)) {
    throw accessDenied(
      'TeamsAppInstallation.ReadWriteSelfForUser.All allows the app to install only itself.',
    );
  }
  const installs = installsOf(ctx);
  const key = `${user.id}##${app.id}`;
  if (installs.includes(key)) {
    throw teamworkError(409, 'Conflict', 'The app is already installed for this user.');
  }
  ctx.services.store.setMeta(INSTALLS_KEY, JSON.stringify([...installs, key]));
  return { status: 201 };
};

const installationJson = (userId: string, app: CatalogApp, expand: ReadonlySet<string>): JsonObject => ({
  id: installationId(userId, app.id),
  ...(expand.has('teamsapp')
    ? {
        teamsApp: {
          id: app.id,
          externalId: app.externalId,
          displayName: app.displayName,
          distributionMethod: 'organization',
        },
      }
    : {}),
  ...(expand.has('teamsappdefinition')
    ? {
        teamsAppDefinition: {
          id: Buffer.from(`${app.id}##${app.version}`).toString('base64'),
          teamsAppId: app.id,
          displayName: app.displayName,
          version: app.version,
        },
      }
    : {}),
});

// Only the filters the docs show: teamsApp/id eq '…' and teamsApp/externalId eq '…' (quotes doubled inside).
const FILTER = /^\s*teamsApp\/(id|externalId)\s+eq\s+'((?:[^']|'')*)'\s*$/i;

export const getUserInstalledApps: Handler = (ctx) => {
  requireAppPermission(ctx, READ);
  const user = userOf(ctx);
  const expand = new Set(
    (queryOption(ctx, 'expand') ?? '')
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
  );
  for (const e of expand)
    if (e !== 'teamsapp' && e !== 'teamsappdefinition')
      throw invalidRequest(
        `Could not find a property named '${e}' on type 'microsoft.graph.teamsAppInstallation'.`,
      );
  const filterText = queryOption(ctx, 'filter');
  let filter: ((app: CatalogApp) => boolean) | undefined;
  if (filterText !== undefined) {
    const m = FILTER.exec(filterText);
    if (!m) throw invalidRequest(`Unsupported filter: ${filterText.slice(0, 200)}`);
    const value = (m[2] ?? '').replace(/''/g, "'");
    filter = m[1]?.toLowerCase() === 'id' ? (a) => a.id === value : (a) => a.externalId === value;
  }
  const catalog = catalogOf(ctx);
  const value = installsOf(ctx)
    .map((k) => k.split('##'))
    .filter(([userId]) => userId === user.id)
    .flatMap(([, appId]) => {
      const app = catalog[appId ?? ''];
      return app && visibleApp(ctx, app, false) && (!filter || filter(app)) ? [app] : [];
    })
    .map((app) => installationJson(user.id, app, expand));
  return {
    status: 200,
    body: { '@odata.context': contextUrl(ctx, `users('${user.id}')/teamwork/installedApps`), value },
  };
};

export const getUserInstalledAppChat: Handler = (ctx) => {
  requireAppPermission(ctx, READ);
  const user = userOf(ctx);
  const parsed = parseInstallationId(ctx.params.installation ?? '');
  const app = parsed ? catalogOf(ctx)[parsed.appId] : undefined;
  if (
    !parsed ||
    !app ||
    parsed.userId !== user.id ||
    !installsOf(ctx).includes(`${user.id}##${app.id}`) ||
    !visibleApp(ctx, app, false)
  ) {
    throw teamworkError(404, 'NotFound', 'The app installation was not found for this user.');
  }
  return {
    status: 200,
    body: {
      '@odata.context': contextUrl(ctx, 'chats/$entity'),
      // The 1:1 chat of the user and the app's bot, shaped as the documented example.
      id: localChatId(app.botId, user.id),
      chatType: 'oneOnOne',
    },
  };
};

/** The 1:1 chat id of a bot and a user, as Teams shapes it (the local connector accepts these). */
export const localChatId = (botId: string, userId: string): string => `19:${botId}_${userId}@unq.gbl.spaces`;

/** Local admin: publish an app to the org catalog (what a Teams admin does in the admin center). */
export const putCatalogApp: Handler = (ctx) => {
  if (!hasAppRole(ctx.principal, 'Sites.FullControl.All')) {
    throw accessDenied('This local admin route needs an app token with Sites.FullControl.All.');
  }
  const id = ctx.params.app ?? '';
  const b = ctx.req.body;
  if (!isObject(b) || typeof b.botId !== 'string' || b.botId === '') {
    throw invalidRequest(
      "A body { botId, externalId?, displayName?, version? } is required ('botId': the bot's client id).",
    );
  }
  const app: CatalogApp = {
    id,
    botId: b.botId,
    externalId: typeof b.externalId === 'string' ? b.externalId : id,
    displayName: typeof b.displayName === 'string' ? b.displayName : id,
    version: typeof b.version === 'string' ? b.version : '1.0.0',
  };
  ctx.services.store.setMeta(CATALOG_KEY, JSON.stringify({ ...catalogOf(ctx), [id]: app }));
  return { status: 200, body: { ...app } };
};
