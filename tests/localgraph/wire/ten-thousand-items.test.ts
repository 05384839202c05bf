import type { LocalGraphHandle } from '../../../src/localgraph';
import { adminToken, call, siteId, start } from '../helpers';

// Counts, not timings: how long paging takes is measured by `npm run bench`.
describe('localgraph at 10,000 items', () => {
  let g: LocalGraphHandle;

  beforeAll(async () => {
    g = await start();
  });
  afterAll(async () => g.close());

  it('pages 10,000 items in 50 requests of the default size, and filters them on an indexed column', async () => {
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
    let next: string | undefined = `/v1.0/sites/${site}/lists/${list}/items?$expand=fields`;
    let requests = 0;
    let count = 0;
    while (next) {
      const r = await call(g.url, 'GET', next, { token: admin });
      requests++;
      count += r.body.value.length;
      next = r.body['@odata.nextLink'];
    }
    expect(count).toBe(10_000);
    expect(requests).toBe(50);

    const filtered = await call(
      g.url,
      'GET',
      `/v1.0/sites/${site}/lists/${list}/items?$expand=fields&$filter=fields/Seq ge 9990`,
      {
        token: admin,
      },
    );
    expect(filtered.body.value.map((i: { fields: { Seq: number } }) => i.fields.Seq)).toEqual([
      9990, 9991, 9992, 9993, 9994, 9995, 9996, 9997, 9998, 9999,
    ]);
  });
});
