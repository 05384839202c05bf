import type { LocalGraphHandle } from '../../../src/localgraph';
import { adminToken, call, siteId, start } from '../helpers';

describe('localgraph performance', () => {
  let g: LocalGraphHandle;

  beforeAll(async () => {
    g = await start();
  });
  afterAll(async () => g.close());

  it('pages 10,000 items in 50 requests quickly', async () => {
    const admin = await adminToken(g.url);
    const site = await siteId(g.url, admin);
    const list = (
      await call(g.url, 'POST', `/v1.0/sites/${site}/lists`, {
        token: admin,
        body: { displayName: 'Big', columns: [{ name: 'Seq', number: {}, indexed: true }] },
      })
    ).body.id as string;
    const who = { user: { displayName: 'Seeder' } };
    for (let i = 0; i < 10_000; i++) {
      g.store.createItem(list, {
        fields: { Title: `Row ${i}`, Seq: i },
        identity: who,
        uilId: 1,
        now: '2024-01-01T00:00:00Z',
      });
    }
    const t0 = Date.now();
    let next: string | undefined = `/v1.0/sites/${site}/lists/${list}/items?$expand=fields`;
    let requests = 0;
    let count = 0;
    while (next) {
      const r = await call(g.url, 'GET', next, { token: admin });
      requests++;
      count += r.body.value.length;
      next = r.body['@odata.nextLink'];
    }
    const elapsed = Date.now() - t0;
    expect(count).toBe(10_000);
    expect(requests).toBe(50);
    expect(elapsed).toBeLessThan(5000);

    const t1 = Date.now();
    const filtered = await call(
      g.url,
      'GET',
      `/v1.0/sites/${site}/lists/${list}/items?$expand=fields&$filter=fields/Seq ge 9990`,
      {
        token: admin,
      },
    );
    expect(filtered.body.value).toHaveLength(10);
    expect(Date.now() - t1).toBeLessThan(1000);
  });
});
