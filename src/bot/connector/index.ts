export { startLocalConnector } from './local-connector';
export type {
  LocalConnector,
  LocalConnectorOptions,
  ConnectorUser,
  StoredActivity,
  InvokeResult,
} from './local-connector';
export { chatPageHtml, chatPageCss, chatPageScript, CHAT_ASSETS, CHAT_CSP } from './chat-page';
