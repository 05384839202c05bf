import { loadRuntimeConfig, parseRuntimeConfig } from '../../src/client/runtime-config';

describe('runtime config', () => {
  it('accepts the local shape and strips trailing slashes', () => {
    const config = parseRuntimeConfig({
      graphBaseUrl: 'http://127.0.0.1:4400/',
      authMode: 'local',
      siteHostname: 'contoso.sharepoint.com',
      sitePath: '/sites/governance',
      personas: [{ upn: 'a@contoso.org', displayName: 'A', role: 'custodian' }, { bad: true }],
    });
    expect(config.graphBaseUrl).toBe('http://127.0.0.1:4400');
    expect(config.personas).toHaveLength(1);
  });
  it('needs a client id in tenant mode', () => {
    expect(() =>
      parseRuntimeConfig({
        graphBaseUrl: 'https://graph.microsoft.com',
        authMode: 'tenant',
        siteHostname: 'x',
        sitePath: '/y',
      }),
    ).toThrow(/clientId/);
  });
});

describe('loading /config.json', () => {
  it('fetches it without the cache and checks it', async () => {
    const seen: { url: string; init?: RequestInit }[] = [];
    const fetchStub = (async (url: string, init?: RequestInit) => {
      seen.push({ url, init });
      return new Response(
        JSON.stringify({
          graphBaseUrl: 'http://127.0.0.1:4400',
          authMode: 'local',
          siteHostname: 'contoso.sharepoint.com',
          sitePath: '/sites/governance',
        }),
      );
    }) as unknown as typeof fetch;
    const config = await loadRuntimeConfig(fetchStub);
    expect(config.sitePath).toBe('/sites/governance');
    expect(seen).toEqual([{ url: '/config.json', init: { cache: 'no-store' } }]);
  });
  it('says which HTTP status it got', async () => {
    const fetchStub = (async () => new Response('nope', { status: 404 })) as unknown as typeof fetch;
    await expect(loadRuntimeConfig(fetchStub)).rejects.toThrow('config.json: HTTP 404');
  });
});
