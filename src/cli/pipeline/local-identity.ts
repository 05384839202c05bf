// Thin helpers for localgraph's local identity and admin routes (they are not Graph, so src/graph has no
// module for them): app-only and user tokens from POST /local/token, site roles and groups through
// /local/admin. Only cli/ (and bench/) talk to these routes.
import type { FetchLike } from '../../graph';

export const LOCAL_ADMIN_CLIENT_ID = 'localgraph-admin';

export interface LocalToken {
  readonly accessToken: string;
  /** Epoch ms after which a new token is fetched. */
  readonly expiresAt: number;
}

async function postJson(fetchImpl: FetchLike, url: string, body: unknown, token?: string): Promise<unknown> {
  const response = await fetchImpl(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    // OAuth errors carry error/error_description; never echo the request (it holds the secret).
    const detail = JSON.stringify(parsed ?? text).slice(0, 300);
    throw new Error(`POST ${new URL(url).pathname} failed with ${response.status}: ${detail}`);
  }
  return parsed;
}

export interface TokenProviderOptions {
  /** localgraph base URL, e.g. http://127.0.0.1:4400. */
  readonly url: string;
  /** `{ client_id, client_secret }` for an app, or `{ upn }` for a directory user. */
  readonly credentials:
    { readonly client_id: string; readonly client_secret: string } | { readonly upn: string };
  readonly fetchImpl?: FetchLike;
  readonly now?: () => number;
}

/** A getToken() for createGraphClient that caches the token until a minute before it expires. */
export function localTokenProvider(options: TokenProviderOptions): () => Promise<string> {
  const fetchImpl = options.fetchImpl ?? fetch;
  const now = options.now ?? Date.now;
  let current: LocalToken | undefined;
  let pending: Promise<LocalToken> | undefined;
  return async () => {
    if (current && current.expiresAt > now()) return current.accessToken;
    pending ??= (async () => {
      try {
        const body = (await postJson(fetchImpl, `${options.url}/local/token`, options.credentials)) as {
          access_token?: unknown;
          expires_in?: unknown;
        };
        if (typeof body.access_token !== 'string')
          throw new Error('POST /local/token returned no access_token');
        const lifetime = typeof body.expires_in === 'number' ? body.expires_in : 3600;
        current = { accessToken: body.access_token, expiresAt: now() + Math.max(0, lifetime - 60) * 1000 };
        return current;
      } finally {
        pending = undefined;
      }
    })();
    return (await pending).accessToken;
  };
}

export const adminTokenProvider = (options: {
  url: string;
  adminSecret: string;
  fetchImpl?: FetchLike;
}): (() => Promise<string>) =>
  localTokenProvider({
    url: options.url,
    credentials: { client_id: LOCAL_ADMIN_CLIENT_ID, client_secret: options.adminSecret },
    ...(options.fetchImpl ? { fetchImpl: options.fetchImpl } : {}),
  });

export type LocalSiteRole = 'owner' | 'member' | 'visitor' | 'none';

async function putJson(fetchImpl: FetchLike, url: string, token: string, body: unknown): Promise<void> {
  const response = await fetchImpl(url, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(
      `PUT ${new URL(url).pathname} failed with ${response.status}: ${(await response.text()).slice(0, 300)}`,
    );
  }
}

export interface LocalAdminOptions {
  readonly url: string;
  readonly getToken: () => Promise<string>;
  readonly fetchImpl?: FetchLike;
}

/** `PUT /local/admin/sites/{site}/roles/{principal}` (emulates a SharePoint role assignment). */
export async function setSiteRole(
  options: LocalAdminOptions & { siteId: string; principal: string; role: LocalSiteRole },
): Promise<void> {
  const path = `/local/admin/sites/${encodeURIComponent(options.siteId)}/roles/${encodeURIComponent(options.principal)}`;
  await putJson(options.fetchImpl ?? fetch, `${options.url}${path}`, await options.getToken(), {
    role: options.role,
  });
}

/** `PUT /local/admin/groups/{group}` with its members' UPNs. */
export async function setGroupMembers(
  options: LocalAdminOptions & { group: string; members: readonly string[] },
): Promise<void> {
  const path = `/local/admin/groups/${encodeURIComponent(options.group)}`;
  await putJson(options.fetchImpl ?? fetch, `${options.url}${path}`, await options.getToken(), {
    members: options.members,
  });
}
