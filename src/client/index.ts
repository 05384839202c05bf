// The front ends' shared layer (the Teams tab and the Excel task pane): runtime configuration, sign-in, the Graph
// session of the signed-in person and the i18next bootstrap. It may import src/domain and src/graph, never a
// front end (see docs/architecture.md).
export {
  GRAPH_SCOPES,
  loadRuntimeConfig,
  parseRuntimeConfig,
  type AuthMode,
  type DemoPersona,
  type RuntimeConfig,
} from './runtime-config';
export {
  AuthRequiredError,
  createAuthProvider,
  createLocalAuthProvider,
  createMsalAuthProvider,
  createOfficeDialogPort,
  decodeJwtClaims,
  officeGlobal,
  REDIRECT_BRIDGE_PATH,
  type AuthProvider,
  type CreateAuthProviderOptions,
  type LocalAuthOptions,
  type MsalAuthOptions,
  type AuthHost,
  type SignedInUser,
} from './auth';
export { actorSource, loadActorSource, type ActorRecord, type ActorSource } from './actor';
export { createGraphSession, type GraphSession, type GraphSessionOptions } from './graph-session';
export { createI18n, directionOf, localeNames, resolveLocale, type Catalogues } from './i18n';
