// Directory users, and the site's hidden User Information List, where person columns point (site-local ids).
import type { User } from '@microsoft/microsoft-graph-types';
import { segment } from './client';
import type { GraphClient } from './client';
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

/** Users whose display name starts with `prefix` (people pickers). */
export async function searchUsers(client: GraphClient, prefix: string, top = 10): Promise<User[]> {
  const response = await client.request<{ value?: User[] }>('GET', '/users', {
    query: { $filter: `startswith(displayName,${odataString(prefix)})`, $select: USER_SELECT, $top: top },
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

/** A PersonResolver over one site's User Information List, loaded once and reloaded on a miss. */
export interface SiteUserDirectory extends PersonResolver {
  readonly siteId: string;
  /** Everyone the site knows (loads the list if needed). */
  users(): Promise<readonly SiteUser[]>;
  /** Forget the cache (e.g. after new people were granted access). */
  invalidate(): void;
}

export function createSiteUserDirectory(client: GraphClient, siteId: string): SiteUserDirectory {
  let byEmail = new Map<string, SiteUser>();
  let byId = new Map<string, SiteUser>();
  let loading: Promise<void> | undefined;
  let loaded = false;
  // Keys that missed since the last load: a second miss does not reload again.
  let missed = new Set<string>();

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

  return {
    siteId,
    async lookupIdForEmail(email) {
      return (await find('email', email.toLowerCase()))?.lookupId;
    },
    async emailForLookupId(lookupId) {
      return (await find('id', String(lookupId)))?.email || undefined;
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

/** One shared directory per client and site. */
export function siteUserDirectory(client: GraphClient, siteId: string): SiteUserDirectory {
  let perSite = directories.get(client);
  if (!perSite) {
    perSite = new Map();
    directories.set(client, perSite);
  }
  let directory = perSite.get(siteId);
  if (!directory) {
    directory = createSiteUserDirectory(client, siteId);
    perSite.set(siteId, directory);
  }
  return directory;
}
