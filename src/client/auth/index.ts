import type { RuntimeConfig } from '../runtime-config';
import type { AuthProvider } from './auth-provider';
import { createLocalAuthProvider } from './local-auth';
import { createNaaAuthProvider } from './naa-auth';

export { AuthRequiredError, decodeJwtClaims, type AuthProvider, type SignedInUser } from './auth-provider';
export { createLocalAuthProvider, type LocalAuthOptions } from './local-auth';
export { createNaaAuthProvider, type NaaAuthOptions } from './naa-auth';

/** Picks the sign-in implementation from the runtime configuration. */
export const createAuthProvider = (config: RuntimeConfig, loginHint?: string): AuthProvider =>
  config.authMode === 'tenant' && config.clientId
    ? createNaaAuthProvider({ clientId: config.clientId, tenantId: config.tenantId, loginHint })
    : createLocalAuthProvider({ graphBaseUrl: config.graphBaseUrl });
