// Moved to src/client/runtime-config.ts (shared by the tab and the task pane). Kept for src/web/server.ts and
// the tenant tests, which import it from here; new code imports src/client.
export {
  GRAPH_SCOPES,
  parseRuntimeConfig,
  type AuthMode,
  type DemoPersona,
  type RuntimeConfig,
} from '../client/runtime-config';
