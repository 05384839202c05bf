import type { RuntimeConfig } from '../runtime-config';
import type { AuthProvider } from './auth-provider';
import { createLocalAuthProvider } from './local-auth';
import { createNaaAuthProvider } from './naa-auth';

export { AuthRequiredError, decodeJwtClaims, type AuthProvider, type SignedInUser } from './auth-provider';
export { createLocalAuthProvider, type LocalAuthOptions } from './local-auth';
export { createNaaAuthProvider, type NaaAuthOptions } from './naa-auth';

export interface CreateAuthProviderOptions {
  /** From the host (Teams user.loginHint), so the silent call picks the right account. */
  readonly loginHint?: string;
  /** Storage key of the local demo session. @defaultvalue 'governanceHub.localSession' */
  readonly localStorageKey?: string;
}

/** Picks the sign-in implementation from the runtime configuration. */
export const createAuthProvider = (
  config: RuntimeConfig,
  options: CreateAuthProviderOptions = {},
): AuthProvider =>
  config.authMode === 'tenant' && config.clientId
    ? createNaaAuthProvider({
        clientId: config.clientId,
        tenantId: config.tenantId,
        loginHint: options.loginHint,
      })
    : createLocalAuthProvider({ graphBaseUrl: config.graphBaseUrl, storageKey: options.localStorageKey });
