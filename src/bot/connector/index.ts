export { startLocalConnector } from './local-connector';
export type {
  LocalConnector,
  LocalConnectorOptions,
  ConnectorUser,
  StoredActivity,
  InvokeResult,
} from './local-connector';
export { chatPageHtml } from './chat-page';
