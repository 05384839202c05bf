// One sign-in interface for the tab and the task pane; two implementations picked from the runtime configuration:
// the local demo sign-in (embedded mode) and Microsoft Entra ID through msal-browser (tenant mode: nested app
// authentication where the host supports it, else a popup or the Office dialog).
import type { RuntimeConfig } from '../runtime-config';

export interface SignedInUser {
  /** User principal name (e-mail) in lower case. */
  readonly upn: string;
  readonly displayName: string;
}

export interface AuthProvider {
  readonly mode: RuntimeConfig['authMode'];
  /** Resumes an existing session without prompting, or resolves undefined. */
  restore(): Promise<SignedInUser | undefined>;
  /** Signs in. The local provider needs the demo person's UPN; the tenant provider may open a popup. */
  signIn(upn?: string): Promise<SignedInUser>;
  /** A bearer token for Graph, refreshed when needed. Rejects with AuthRequiredError when signed out. */
  getToken(): Promise<string>;
  /**
   * A bearer token for the app's own API (the write service): audience = the app registration, scope
   * access_as_user. Rejects with AuthRequiredError when signed out.
   */
  getApiToken(): Promise<string>;
  signOut(): Promise<void>;
}

/** Thrown when a token is needed and there is no session: the shell shows the sign-in page. */
export class AuthRequiredError extends Error {
  constructor(message = 'Sign-in required') {
    super(message);
    this.name = 'AuthRequiredError';
  }
}

/** Reads the claims of a JWT without verifying it (the server verifies). */
export const decodeJwtClaims = (token: string): Record<string, unknown> => {
  const payload = token.split('.')[1];
  if (!payload) return {};
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
    const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
    const parsed: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};
