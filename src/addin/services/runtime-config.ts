// The runtime configuration the web server publishes at /config.json (the same document the tab reads; the shape
// is duplicated here because the layer rules keep src/addin from importing src/tab; see the add-in README).
export interface AddinPersona {
  readonly upn: string;
  readonly displayName: string;
  readonly role: string;
  readonly mission?: string;
}

export interface AddinConfig {
  readonly graphBaseUrl: string;
  readonly authMode: 'local' | 'tenant';
  readonly clientId?: string;
  readonly tenantId?: string;
  readonly siteHostname: string;
  readonly sitePath: string;
  readonly personas: readonly AddinPersona[];
}

const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

export const parseAddinConfig = (json: unknown): AddinConfig => {
  if (typeof json !== 'object' || json === null) throw new Error('config.json is not an object');
  const o = json as Record<string, unknown>;
  if (!str(o.graphBaseUrl)) throw new Error('config.json: graphBaseUrl is missing');
  if (o.authMode !== 'local' && o.authMode !== 'tenant')
    throw new Error('config.json: authMode must be local or tenant');
  if (!str(o.siteHostname) || !str(o.sitePath)) throw new Error('config.json: siteHostname/sitePath missing');
  if (o.authMode === 'tenant' && !str(o.clientId))
    throw new Error('config.json: clientId is required in tenant mode');
  const personas = Array.isArray(o.personas)
    ? o.personas.filter(
        (p): p is AddinPersona =>
          typeof p === 'object' &&
          p !== null &&
          str((p as AddinPersona).upn) &&
          str((p as AddinPersona).displayName),
      )
    : [];
  return {
    graphBaseUrl: o.graphBaseUrl.replace(/\/+$/, ''),
    authMode: o.authMode,
    clientId: str(o.clientId) ? o.clientId : undefined,
    tenantId: str(o.tenantId) ? o.tenantId : undefined,
    siteHostname: o.siteHostname,
    sitePath: o.sitePath,
    personas,
  };
};

export const loadAddinConfig = async (fetchImpl: typeof fetch = fetch): Promise<AddinConfig> => {
  const response = await fetchImpl('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
  return parseAddinConfig(await response.json());
};
