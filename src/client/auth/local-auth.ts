// Embedded mode: the demo sign-in. localgraph emulates Entra ID with POST {graph}/local/token {upn}.
// This is the identity endpoint of the emulator, not a Graph resource, so it is called here.
import { AuthRequiredError, decodeJwtClaims, type AuthProvider, type SignedInUser } from './auth-provider';

interface StoredSession {
  readonly upn: string;
  readonly displayName: string;
  readonly token: string;
  readonly expiresAt: number;
}

export interface LocalAuthOptions {
  readonly graphBaseUrl: string;
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

  const requestToken = async (upn: string): Promise<StoredSession> => {
    const response = await doFetch(`${options.graphBaseUrl}/local/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ upn }),
    });
    if (!response.ok) {
      throw Object.assign(new Error(`Sign-in failed (${response.status})`), { status: response.status });
    }
    const body = (await response.json()) as { access_token: string; expires_in?: number };
    const claims = decodeJwtClaims(body.access_token);
    const displayName = typeof claims.name === 'string' ? claims.name : upn;
    const next: StoredSession = {
      upn: (typeof claims.upn === 'string' ? claims.upn : upn).toLowerCase(),
      displayName,
      token: body.access_token,
      expiresAt: now() + (body.expires_in ?? 3600) * 1000,
    };
    session = next;
    storage?.setItem(storageKey, JSON.stringify(next));
    return next;
  };

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
      if (session.expiresAt - EARLY_RENEW_MS <= now()) session = await requestToken(session.upn);
      return session.token;
    },
    async signOut() {
      session = undefined;
      storage?.removeItem(storageKey);
    },
  };
};
