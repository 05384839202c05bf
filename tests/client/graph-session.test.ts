import { createGraphSession } from '../../src/client/graph-session';
import { AI_REGISTRY, DATA_INVENTORY } from '../../src/domain/registers';
import { asset, FOCAL, HOST, startHarness, type Harness } from '../addin/harness';

const token = async (url: string, upn: string): Promise<string> => {
  const r = await fetch(`${url}/local/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ upn }),
  });
  return ((await r.json()) as { access_token: string }).access_token;
};

describe('graph session (one client and one site per signed-in person)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness([asset(1)]);
  });
  afterAll(() => h.close());

  const session = async (sitePath = '/sites/governance') => {
    const bearer = await token(h.graph.url, FOCAL);
    const requests: string[] = [];
    const s = createGraphSession({
      config: { graphBaseUrl: h.graph.url, siteHostname: HOST, sitePath },
      getToken: async () => bearer,
      retry: { delaySeconds: 0, maxRetries: 0 },
      fetchImpl: (input, init) => {
        requests.push(`${init?.method ?? 'GET'} ${String(input instanceof Request ? input.url : input)}`);
        return fetch(input, init);
      },
    });
    return { s, requests };
  };

  it('reads the site once and shares one repository per list', async () => {
    const { s, requests } = await session();
    expect(await s.siteId()).toBe(h.siteId);
    const [a, b] = await Promise.all([s.repository(DATA_INVENTORY), s.repository(DATA_INVENTORY)]);
    expect(a).toBe(b);
    expect(await s.siteId()).toBe(h.siteId);
    expect(requests.filter((r) => r.includes('/sites/contoso.sharepoint.com:'))).toHaveLength(1);
    expect((await a.list()).map((r) => r.values.Title)).toEqual(['Asset 0001']);
    expect((await s.people()).siteId).toBe(h.siteId);
  });

  it('reports a missing list as 404 and tries again on the next call', async () => {
    const { s } = await session();
    // The harness provisions the data inventory only.
    await expect(s.repository(AI_REGISTRY)).rejects.toMatchObject({ status: 404 });
    await expect(s.repository(AI_REGISTRY)).rejects.toMatchObject({ status: 404 });
  });

  it('forgets a failed site read, so a later call can succeed', async () => {
    const { s } = await session('/sites/nowhere');
    await expect(s.siteId()).rejects.toBeDefined();
    await expect(s.siteId()).rejects.toBeDefined();
  });
});
