// Sign-in for the task pane: the local demo sign-in (embedded mode, localgraph's /local/token) or nested app
// authentication inside Office (tenant mode). Same contract as the tab's AuthProvider; the two should move to a
// shared folder (the layer rules keep src/addin from importing src/tab).
import type { IPublicClientApplication } from '@azure/msal-browser';
import type { AddinConfig } from '../services/runtime-config';

export interface AddinUser {
  readonly upn: string;
  readonly displayName: string;
}

export interface AddinAuth {
  readonly mode: 'local' | 'tenant';
  restore(): Promise<AddinUser | undefined>;
  signIn(upn?: string): Promise<AddinUser>;
  getToken(): Promise<string>;
  signOut(): Promise<void>;
}

const GRAPH_SCOPES = [
  'https://graph.microsoft.com/Sites.ReadWrite.All',
  'https://graph.microsoft.com/User.ReadBasic.All',
];
const STORAGE_KEY = 'governanceHub.addin.localSession';

const claimsOf = (token: string): Record<string, unknown> => {
  try {
    const part = (token.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/');
    const json = new TextDecoder().decode(
      Uint8Array.from(atob(part + '='.repeat((4 - (part.length % 4)) % 4)), (c) => c.charCodeAt(0)),
    );
    const parsed: unknown = JSON.parse(json);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};

interface Session {
  upn: string;
  displayName: string;
  token: string;
  expiresAt: number;
}

export const createLocalAddinAuth = (
  graphBaseUrl: string,
  storage: Storage | undefined = globalThis.sessionStorage,
): AddinAuth => {
  let session: Session | undefined;
  const load = (): Session | undefined => {
    try {
      const raw = storage?.getItem(STORAGE_KEY);
      return raw ? (JSON.parse(raw) as Session) : undefined;
    } catch {
      return undefined;
    }
  };
  const request = async (upn: string): Promise<Session> => {
    // localgraph's identity endpoint (emulates Entra ID), not a Graph resource.
    const response = await fetch(`${graphBaseUrl}/local/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ upn }),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const body = (await response.json()) as { access_token: string; expires_in?: number };
    const claims = claimsOf(body.access_token);
    session = {
      upn: (typeof claims.upn === 'string' ? claims.upn : upn).toLowerCase(),
      displayName: typeof claims.name === 'string' ? claims.name : upn,
      token: body.access_token,
      expiresAt: Date.now() + (body.expires_in ?? 3600) * 1000,
    };
    storage?.setItem(STORAGE_KEY, JSON.stringify(session));
    return session;
  };
  return {
    mode: 'local',
    async restore() {
      session = session ?? load();
      return session ? { upn: session.upn, displayName: session.displayName } : undefined;
    },
    async signIn(upn) {
      if (!upn) throw new Error('Choose a person');
      const s = await request(upn);
      return { upn: s.upn, displayName: s.displayName };
    },
    async getToken() {
      session = session ?? load();
      if (!session) throw new Error('Sign-in required');
      if (session.expiresAt - 60_000 <= Date.now()) session = await request(session.upn);
      return session.token;
    },
    async signOut() {
      session = undefined;
      storage?.removeItem(STORAGE_KEY);
    },
  };
};

/** Nested app authentication: Office brokers the token for our app registration (msal-browser, loaded lazily). */
export const createNaaAddinAuth = (clientId: string, tenantId = 'organizations'): AddinAuth => {
  type Pca = IPublicClientApplication;
  let pca: Promise<Pca> | undefined;
  const app = (): Promise<Pca> => {
    pca ??= import('@azure/msal-browser').then((msal) =>
      msal.createNestablePublicClientApplication({
        auth: { clientId, authority: `https://login.microsoftonline.com/${tenantId}` },
      }),
    );
    return pca;
  };
  const acquire = async (interactive: boolean) => {
    const client = await app();
    const account = client.getActiveAccount() ?? client.getAllAccounts()[0];
    try {
      const result = await client.acquireTokenSilent({ scopes: GRAPH_SCOPES, account });
      if (result.account) client.setActiveAccount(result.account);
      return result;
    } catch (error) {
      if (!interactive) throw error;
      const result = await client.acquireTokenPopup({ scopes: GRAPH_SCOPES });
      client.setActiveAccount(result.account);
      return result;
    }
  };
  const user = (r: { account: { username: string; name?: string } }): AddinUser => ({
    upn: r.account.username.toLowerCase(),
    displayName: r.account.name ?? r.account.username,
  });
  return {
    mode: 'tenant',
    async restore() {
      try {
        return user(await acquire(false));
      } catch {
        return undefined;
      }
    },
    async signIn() {
      return user(await acquire(true));
    },
    async getToken() {
      return (await acquire(false)).accessToken;
    },
    async signOut() {
      (await app()).setActiveAccount(null);
    },
  };
};

export const createAddinAuth = (config: AddinConfig): AddinAuth =>
  config.authMode === 'tenant' && config.clientId
    ? createNaaAddinAuth(config.clientId, config.tenantId)
    : createLocalAddinAuth(config.graphBaseUrl);
