export {
  startWebServer,
  buildRuntimeConfig,
  type WebServer,
  type WebServerOptions,
  type WebLogger,
} from './server';
