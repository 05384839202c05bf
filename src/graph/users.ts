// Directory users, and the site's hidden User Information List, where person columns point (site-local ids).
import type { User } from '@microsoft/microsoft-graph-types';
import { segment } from './client';
import type { FetchLike, GraphClient } from './client';
import { GraphError, toGraphError } from './errors';
import { listItems } from './list-items';
import type { PersonResolver } from './mapping';
import { odataString } from './odata';
import { getAllPages } from './paging';
import type { PageProgress } from './paging';

export const USER_SELECT = 'id,displayName,mail,userPrincipalName,preferredLanguage,jobTitle,department';
export const USER_INFORMATION_LIST = 'User Information List';

/** `GET /me` (delegated tokens only). */
export async function getMe(client: GraphClient): Promise<User> {
  return (await client.request<User>('GET', '/me', { query: { $select: USER_SELECT } })).body;
}

/** `GET /users/{id | userPrincipalName}`; 404 `Request_ResourceNotFound` when unknown. */
export async function getUser(client: GraphClient, idOrUpn: string): Promise<User> {
  return (
    await client.request<User>('GET', `/users/${segment(idOrUpn)}`, { query: { $select: USER_SELECT } })
  ).body;
}

/**
 * Directory users whose display name, mail or UPN starts with `prefix` (people pickers). The directory, not
 * the site's User Information List: a person who never opened the site can be chosen, and is ensured on the
 * site when the record is written (ensureLookupIdForEmail). startswith on these properties needs no
 * ConsistencyLevel header (learn.microsoft.com/graph/aad-advanced-queries: default query support).
 */
export async function searchUsers(client: GraphClient, prefix: string, top = 10): Promise<User[]> {
  const literal = odataString(prefix);
  const response = await client.request<{ value?: User[] }>('GET', '/users', {
    query: {
      $filter: `startswith(displayName,${literal}) or startswith(mail,${literal}) or startswith(userPrincipalName,${literal})`,
      $select: USER_SELECT,
      $top: top,
    },
  });
  return response.body?.value ?? [];
}

export async function listUsers(
  client: GraphClient,
  options: { onPage?: (progress: PageProgress) => void } = {},
): Promise<User[]> {
  return (
    await getAllPages<User>(client, '/users', { query: { $select: USER_SELECT }, onPage: options.onPage })
  ).items;
}

export interface NewUser {
  displayName: string;
  userPrincipalName: string;
  mail?: string;
  preferredLanguage?: string;
  jobTitle?: string;
  department?: string;
  /** Graph requires one; a random one is generated when absent (these accounts sign in another way). */
  password?: string;
}

/** `POST /users` (User.ReadWrite.All). */
export async function createUser(client: GraphClient, user: NewUser): Promise<User> {
  const { password, ...rest } = user;
  const body = {
    accountEnabled: true,
    mailNickname: user.userPrincipalName.split('@')[0]?.replace(/[^A-Za-z0-9._-]/g, '') || 'user',
    passwordProfile: {
      forceChangePasswordNextSignIn: true,
      password: password ?? `Gh-${Math.random().toString(36).slice(2)}-${Date.now().toString(36)}!`,
    },
    ...rest,
  };
  return (await client.request<User>('POST', '/users', { body })).body;
}

export interface SiteUser {
  lookupId: number;
  email: string;
  displayName: string;
}

/**
 * SharePoint REST for one site: the only thing Graph v1.0 lacks here is ensureUser (graph-lists.md §7, §10).
 * It needs a SharePoint-audience token (`https://{tenant}.sharepoint.com/.default`), never a Graph token:
 * delegated (nested app authentication in the front ends) or app-only from a CERTIFICATE credential —
 * SharePoint REST refuses app-only tokens obtained with a client secret ("Unsupported app only token.";
 * learn.microsoft.com/sharepoint/dev/solution-guidance/security-apponly-azuread). See docs/deploy.md.
 */
export interface SharePointRestOptions {
  /** The site as SharePoint REST reaches it: `https://contoso.sharepoint.com/sites/governance`, or
   * localgraph's stand-in `{localgraph url}/sites/governance`. */
  readonly siteUrl: string;
  readonly getToken: () => Promise<string>;
  readonly fetchImpl?: FetchLike;
}

/** The claims login name SharePoint REST takes for an Entra ID user. */
export const membershipLogonName = (upnOrEmail: string): string => `i:0#.f|membership|${upnOrEmail}`;

/**
 * `POST {site}/_api/web/ensureuser`: adds the person to the site's User Information List if the site has
 * not seen them yet, and returns their site-local id. undefined when the directory does not know them
 * (SharePoint answers 400/404 "could not be found"); other failures (no or wrong token, no permission on the
 * site, network) throw a GraphError with SharePoint's status.
 */
export async function ensureSiteUser(
  rest: SharePointRestOptions,
  email: string,
): Promise<SiteUser | undefined> {
  const fetchImpl = rest.fetchImpl ?? fetch;
  const url = `${rest.siteUrl.replace(/\/+$/, '')}/_api/web/ensureuser`;
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${await rest.getToken()}`,
        Accept: 'application/json;odata=nometadata',
        'Content-Type': 'application/json;odata=nometadata',
      },
      body: JSON.stringify({ logonName: membershipLogonName(email) }),
    });
  } catch (error) {
    throw new GraphError({
      status: 0,
      code: 'networkError',
      message: `ensureuser: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // SharePoint's 401 can be plain text; keep it as the body.
  }
  if (response.status === 400 || response.status === 404) return undefined;
  if (!response.ok) {
    // SharePoint's envelopes ({"odata.error": …} / {"error_description"}) are not Graph's: keep the status.
    const error = toGraphError(response.status, body, response.headers);
    throw new GraphError({ ...errorInit(error), code: 'ensureUserFailed' });
  }
  const user = (body && typeof body === 'object' && 'd' in body ? (body as { d: unknown }).d : body) as {
    Id?: unknown;
    Email?: unknown;
    Title?: unknown;
  };
  const lookupId = Number(user?.Id);
  if (!Number.isInteger(lookupId))
    throw new GraphError({
      status: 502,
      code: 'ensureUserFailed',
      message: 'ensureuser answered without an Id',
      body,
    });
  return {
    lookupId,
    email:
      typeof user.Email === 'string' && user.Email !== '' ? user.Email.toLowerCase() : email.toLowerCase(),
    displayName: typeof user.Title === 'string' ? user.Title : '',
  };
}

const errorInit = (error: GraphError) => ({
  status: error.status,
  code: error.code,
  message: error.message,
  requestId: error.requestId,
  body: error.body,
});

/** A PersonResolver over one site's User Information List, loaded once and reloaded on a miss. */
export interface SiteUserDirectory extends PersonResolver {
  readonly siteId: string;
  /** Everyone the site knows (loads the list if needed). */
  users(): Promise<readonly SiteUser[]>;
  /**
   * The one way to make sure a person exists on the site before a person column is written: the User
   * Information List first (cached), then SharePoint REST ensureuser when configured. undefined when the
   * person cannot be on the site (unknown to the directory, or no SharePoint REST configured).
   */
  ensureLookupIdForEmail(email: string): Promise<number | undefined>;
  /** Forget the cache (e.g. after new people were granted access). */
  invalidate(): void;
}

export interface SiteUserDirectoryOptions {
  /** Without it, people the site has not seen cannot be written into person columns (personNotInSite). */
  readonly sharePoint?: SharePointRestOptions;
}

export function createSiteUserDirectory(
  client: GraphClient,
  siteId: string,
  options: SiteUserDirectoryOptions = {},
): SiteUserDirectory {
  let byEmail = new Map<string, SiteUser>();
  let byId = new Map<string, SiteUser>();
  let loading: Promise<void> | undefined;
  let loaded = false;
  // Keys that missed since the last load: a second miss does not reload again.
  let missed = new Set<string>();
  const ensuring = new Map<string, Promise<number | undefined>>();

  const load = (): Promise<void> => {
    loading ??= (async () => {
      try {
        const items = await listItems(client, siteId, USER_INFORMATION_LIST, {
          select: ['EMail', 'Title', 'UserName'],
        });
        const nextByEmail = new Map<string, SiteUser>();
        const nextById = new Map<string, SiteUser>();
        for (const item of items) {
          const fields = item.fields ?? {};
          const lookupId = Number(item.id);
          const email = typeof fields.EMail === 'string' ? fields.EMail.toLowerCase() : '';
          if (!Number.isInteger(lookupId)) continue;
          const user: SiteUser = {
            lookupId,
            email,
            displayName: typeof fields.Title === 'string' ? fields.Title : '',
          };
          nextById.set(String(lookupId), user);
          if (email) nextByEmail.set(email, user);
        }
        byEmail = nextByEmail;
        byId = nextById;
        missed = new Set();
        loaded = true;
      } finally {
        loading = undefined;
      }
    })();
    return loading;
  };

  async function find(index: 'email' | 'id', key: string): Promise<SiteUser | undefined> {
    if (!loaded) await load();
    const lookup = () => (index === 'email' ? byEmail : byId).get(key);
    const hit = lookup();
    const missKey = `${index}:${key}`;
    if (hit || missed.has(missKey)) return hit;
    await load();
    const retry = lookup();
    if (!retry) missed.add(missKey);
    return retry;
  }

  const remember = (user: SiteUser, email: string) => {
    byId.set(String(user.lookupId), user);
    byEmail.set(email, user);
    if (user.email) byEmail.set(user.email, user);
    missed.delete(`email:${email}`);
    missed.delete(`id:${user.lookupId}`);
  };

  return {
    siteId,
    async lookupIdForEmail(email) {
      return (await find('email', email.toLowerCase()))?.lookupId;
    },
    async emailForLookupId(lookupId) {
      return (await find('id', String(lookupId)))?.email || undefined;
    },
    async ensureLookupIdForEmail(email) {
      const key = email.toLowerCase();
      const known = await find('email', key);
      if (known) return known.lookupId;
      const rest = options.sharePoint;
      if (!rest) return undefined;
      // One ensureuser per person at a time, however many rows of a batch name them.
      let pending = ensuring.get(key);
      if (!pending) {
        pending = (async () => {
          try {
            const user = await ensureSiteUser(rest, key);
            if (user) remember(user, key);
            return user?.lookupId;
          } finally {
            ensuring.delete(key);
          }
        })();
        ensuring.set(key, pending);
      }
      return pending;
    },
    async users() {
      if (!loaded) await load();
      return [...byId.values()];
    },
    invalidate() {
      loaded = false;
    },
  };
}

const directories = new WeakMap<GraphClient, Map<string, SiteUserDirectory>>();

/** One shared directory per client and site (options apply when it is first created). */
export function siteUserDirectory(
  client: GraphClient,
  siteId: string,
  options: SiteUserDirectoryOptions = {},
): SiteUserDirectory {
  let perSite = directories.get(client);
  if (!perSite) {
    perSite = new Map();
    directories.set(client, perSite);
  }
  let directory = perSite.get(siteId);
  if (!directory) {
    directory = createSiteUserDirectory(client, siteId, options);
    perSite.set(siteId, directory);
  }
  return directory;
}
