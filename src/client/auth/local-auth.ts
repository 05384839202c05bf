// Embedded mode: the demo sign-in. localgraph emulates Entra ID with POST {graph}/local/token {upn}.
// This is the identity endpoint of the emulator, not a Graph resource, so it is called here.
import { AuthRequiredError, decodeJwtClaims, type AuthProvider, type SignedInUser } from './auth-provider';

interface StoredToken {
  readonly token: string;
  readonly expiresAt: number;
}

interface StoredSession extends StoredToken {
  readonly upn: string;
  readonly displayName: string;
  /** The app API's token (the write service), asked for on first use. */
  readonly api?: StoredToken;
}

export interface LocalAuthOptions {
  readonly graphBaseUrl: string;
  /**
   * The app API's scope (api://…/access_as_user) for getApiToken; localgraph issues a token for that audience as
   * Entra ID would. Absent: getApiToken rejects.
   */
  readonly apiScope?: string;
  /** @defaultvalue globalThis.fetch */
  readonly fetch?: typeof fetch;
  /** Where the session survives a reload. @defaultvalue window.sessionStorage when present */
  readonly storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  /** @defaultvalue Date.now */
  readonly now?: () => number;
  /** The storage key of the session, so the tab and the task pane keep separate sessions. @defaultvalue 'governanceHub.localSession' */
  readonly storageKey?: string;
}

const DEFAULT_STORAGE_KEY = 'governanceHub.localSession';
// Renew a minute early so a request never leaves with a token about to expire.
const EARLY_RENEW_MS = 60_000;

export const createLocalAuthProvider = (options: LocalAuthOptions): AuthProvider => {
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const storage = options.storage ?? (typeof sessionStorage === 'undefined' ? undefined : sessionStorage);
  const now = options.now ?? Date.now;
  const storageKey = options.storageKey ?? DEFAULT_STORAGE_KEY;
  let session: StoredSession | undefined;

  const load = (): StoredSession | undefined => {
    const raw = storage?.getItem(storageKey);
    if (!raw) return undefined;
    try {
      return JSON.parse(raw) as StoredSession;
    } catch {
      return undefined;
    }
  };

  const fetchToken = async (
    upn: string,
    scope?: string,
  ): Promise<{ token: string; expiresAt: number; claims: Record<string, unknown> }> => {
    const response = await doFetch(`${options.graphBaseUrl}/local/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(scope ? { upn, scope } : { upn }),
    });
    if (!response.ok) {
      throw Object.assign(new Error(`Sign-in failed (${response.status})`), { status: response.status });
    }
    const body = (await response.json()) as { access_token: string; expires_in?: number };
    return {
      token: body.access_token,
      expiresAt: now() + (body.expires_in ?? 3600) * 1000,
      claims: decodeJwtClaims(body.access_token),
    };
  };

  const save = (next: StoredSession): StoredSession => {
    session = next;
    storage?.setItem(storageKey, JSON.stringify(next));
    return next;
  };

  const requestToken = async (upn: string): Promise<StoredSession> => {
    const { token, expiresAt, claims } = await fetchToken(upn);
    return save({
      upn: (typeof claims.upn === 'string' ? claims.upn : upn).toLowerCase(),
      displayName: typeof claims.name === 'string' ? claims.name : upn,
      token,
      expiresAt,
    });
  };

  const fresh = (t: StoredToken | undefined): boolean =>
    t !== undefined && t.expiresAt - EARLY_RENEW_MS > now();

  const toUser = (s: StoredSession): SignedInUser => ({ upn: s.upn, displayName: s.displayName });

  return {
    mode: 'local',
    async restore() {
      session = session ?? load();
      return session ? toUser(session) : undefined;
    },
    async signIn(upn) {
      if (!upn) throw new Error('Choose a person to sign in as');
      return toUser(await requestToken(upn));
    },
    async getToken() {
      session = session ?? load();
      if (!session) throw new AuthRequiredError();
      if (!fresh(session)) session = await requestToken(session.upn);
      return session.token;
    },
    async getApiToken() {
      session = session ?? load();
      if (!session) throw new AuthRequiredError();
      if (!options.apiScope) throw new Error('No API scope is configured (config.json apiScope)');
      if (session.api && fresh(session.api)) return session.api.token;
      const { token, expiresAt } = await fetchToken(session.upn, options.apiScope);
      return save({ ...session, api: { token, expiresAt } }).api?.token ?? token;
    },
    async signOut() {
      session = undefined;
      storage?.removeItem(storageKey);
    },
  };
};
