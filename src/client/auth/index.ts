import { authorityOf, type RuntimeConfig } from '../runtime-config';
import type { AuthProvider } from './auth-provider';
import { createLocalAuthProvider } from './local-auth';
import { createMsalAuthProvider, type AuthHost } from './msal-auth';
import type { OfficeDialogPort } from './office-dialog';

export { AuthRequiredError, decodeJwtClaims, type AuthProvider, type SignedInUser } from './auth-provider';
export { createLocalAuthProvider, type LocalAuthOptions } from './local-auth';
export {
  createMsalAuthProvider,
  msalConfiguration,
  scopeKey,
  type AuthHost,
  type DialogSignInMessage,
  type MsalAuthOptions,
} from './msal-auth';
export { createOfficeDialogPort, officeGlobal, type OfficeDialogPort } from './office-dialog';

/** The redirect bridge page (msal-browser v5 popups), registered as a SPA redirect URI in aad.manifest.json. */
export const REDIRECT_BRIDGE_PATH = '/auth/redirect.html';

export interface CreateAuthProviderOptions {
  /** From the host (Teams user.loginHint), so the silent call picks the right account. */
  readonly loginHint?: string;
  /** Storage key of the local demo session. @defaultvalue 'governanceHub.localSession' */
  readonly localStorageKey?: string;
  /** Where the page runs. @defaultvalue 'browser' */
  readonly host?: AuthHost;
  /** Whether the host brokers tokens (nested app authentication). @defaultvalue false */
  readonly naaSupported?: boolean;
  /** Office hosts without NAA: the Office dialog. */
  readonly officeDialog?: OfficeDialogPort;
  /** This page's origin, for the redirect bridge URI. @defaultvalue window.location.origin */
  readonly origin?: string;
}

/** Picks the sign-in implementation from the runtime configuration. */
export const createAuthProvider = (
  config: RuntimeConfig,
  options: CreateAuthProviderOptions = {},
): AuthProvider =>
  config.authMode === 'tenant' && config.clientId
    ? createMsalAuthProvider({
        clientId: config.clientId,
        authority: authorityOf(config),
        knownAuthorities: config.knownAuthorities,
        redirectUri: `${options.origin ?? globalThis.location.origin}${REDIRECT_BRIDGE_PATH}`,
        apiScope: config.apiScope,
        loginHint: options.loginHint,
        host: options.host ?? 'browser',
        naaSupported: options.naaSupported ?? false,
        officeDialog: options.officeDialog,
      })
    : createLocalAuthProvider({
        graphBaseUrl: config.graphBaseUrl,
        apiScope: config.apiScope,
        storageKey: options.localStorageKey,
      });
