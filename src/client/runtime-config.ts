// The runtime configuration the web server publishes at /config.json. The tab and the task pane read it at
// start; nothing about the Graph endpoint, the sign-in mode or the site is built into the bundle.
// No React here: src/web/server.ts imports it too.

export type AuthMode = 'local' | 'tenant';

/** A demo person offered on the local sign-in page (embedded mode only). */
export interface DemoPersona {
  readonly upn: string;
  readonly displayName: string;
  /** custodian, focalPoint, officer, reader... */
  readonly role: string;
  readonly mission?: string;
}

export interface RuntimeConfig {
  /** Graph root without the version, e.g. https://graph.microsoft.com or http://127.0.0.1:4400. */
  readonly graphBaseUrl: string;
  readonly authMode: AuthMode;
  /** Entra ID app (client) id, tenant mode only. */
  readonly clientId?: string;
  /** Entra ID tenant id or 'organizations'. */
  readonly tenantId?: string;
  /** The governance site, e.g. contoso.sharepoint.com and /sites/governance. */
  readonly siteHostname: string;
  readonly sitePath: string;
  /** Demo people for the local sign-in page. */
  readonly personas?: readonly DemoPersona[];
  /** Teams app id, for deep links. */
  readonly teamsAppId?: string;
  /**
   * Entra ID authority, e.g. https://login.microsoftonline.com/{tenant-id} (tenant mode). Default: from tenantId.
   * A test points it at its own OpenID Connect server on loopback.
   */
  readonly authority?: string;
  /** Authorities that are not Entra ID's (a test's OIDC server), for msal-browser's knownAuthorities. */
  readonly knownAuthorities?: readonly string[];
  /** The app API's delegated scope (api://…/access_as_user): what the front ends ask for to call the write service. */
  readonly apiScope?: string;
  /** The write service, e.g. /api/write (same origin as the pages) or an absolute URL. */
  readonly writeServiceUrl?: string;
}

export const GRAPH_SCOPES = [
  'https://graph.microsoft.com/Sites.ReadWrite.All',
  'https://graph.microsoft.com/User.ReadBasic.All',
] as const;

const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** Checks the JSON shape; throws an Error naming the first bad key (the shell shows it). */
export const parseRuntimeConfig = (json: unknown): RuntimeConfig => {
  if (typeof json !== 'object' || json === null) throw new Error('config.json is not an object');
  const o = json as Record<string, unknown>;
  if (!isString(o.graphBaseUrl)) throw new Error('config.json: graphBaseUrl is missing');
  if (o.authMode !== 'local' && o.authMode !== 'tenant')
    throw new Error('config.json: authMode must be local or tenant');
  if (!isString(o.siteHostname) || !isString(o.sitePath))
    throw new Error('config.json: siteHostname/sitePath missing');
  if (o.authMode === 'tenant' && !isString(o.clientId))
    throw new Error('config.json: clientId is required in tenant mode');
  const personas = Array.isArray(o.personas)
    ? o.personas.filter(
        (p): p is DemoPersona =>
          typeof p === 'object' &&
          p !== null &&
          isString((p as DemoPersona).upn) &&
          isString((p as DemoPersona).displayName),
      )
    : undefined;
  return {
    graphBaseUrl: o.graphBaseUrl.replace(/\/+$/, ''),
    authMode: o.authMode,
    clientId: isString(o.clientId) ? o.clientId : undefined,
    tenantId: isString(o.tenantId) ? o.tenantId : undefined,
    siteHostname: o.siteHostname,
    sitePath: o.sitePath,
    personas,
    teamsAppId: isString(o.teamsAppId) ? o.teamsAppId : undefined,
    authority: isString(o.authority) ? o.authority.replace(/\/+$/, '') : undefined,
    knownAuthorities: Array.isArray(o.knownAuthorities)
      ? o.knownAuthorities.filter((a): a is string => isString(a))
      : undefined,
    apiScope: isString(o.apiScope) ? o.apiScope : undefined,
    writeServiceUrl: isString(o.writeServiceUrl) ? o.writeServiceUrl : undefined,
  };
};

/** The Entra ID authority of a tenant-mode configuration. */
export const authorityOf = (config: Pick<RuntimeConfig, 'authority' | 'tenantId'>): string =>
  config.authority ?? `https://login.microsoftonline.com/${config.tenantId ?? 'organizations'}`;

/** Fetches and checks /config.json (the web server publishes it beside the pages). */
export const loadRuntimeConfig = async (
  fetchImpl: typeof fetch = (input, init) => globalThis.fetch(input, init),
): Promise<RuntimeConfig> => {
  const response = await fetchImpl('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
  return parseRuntimeConfig(await response.json());
};
