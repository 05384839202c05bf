import type { LocalGraphHandle } from '../../../src/localgraph';
import { JSON_CONTENT_TYPE } from '../../../src/localgraph';
import { adminToken, call, siteId, start, type Json } from '../helpers';

describe('localgraph wire: delta, versions, $batch', () => {
  let g: LocalGraphHandle;
  let admin: string;
  let site: string;
  let list: string;
  const items = (): string => `/v1.0/sites/${site}/lists/${list}/items`;

  beforeAll(async () => {
    g = await start({ pageSize: 2 });
    admin = await adminToken(g.url);
    site = await siteId(g.url, admin);
    const r = await call(g.url, 'POST', `/v1.0/sites/${site}/lists`, {
      token: admin,
      body: { displayName: 'Risks', columns: [{ name: 'Score', number: {} }] },
    });
    list = r.body.id;
  });
  afterAll(async () => g.close());

  async function create(title: string): Promise<Json> {
    return (await call(g.url, 'POST', items(), { token: admin, body: { fields: { Title: title } } })).body;
  }

  async function follow(start: string): Promise<{ value: Json[]; deltaLink: string; pages: number }> {
    let next: string | undefined = start;
    const value: Json[] = [];
    let pages = 0;
    let deltaLink = '';
    while (next) {
      const r = await call(g.url, 'GET', next, { token: admin });
      expect(r.status).toBe(200);
      pages++;
      value.push(...r.body.value);
      next = r.body['@odata.nextLink'];
      if (!next) deltaLink = r.body['@odata.deltaLink'];
    }
    return { value, deltaLink, pages };
  }

  it('enumerates, then reports creates, updates and deletes since the deltaLink', async () => {
    for (const t of ['a', 'b', 'c']) await create(t);
    const first = await follow(`${items()}/delta?$expand=fields`);
    expect(first.pages).toBe(2);
    expect(first.value.map((i) => i.fields.Title)).toEqual(['a', 'b', 'c']);
    expect(first.deltaLink).toMatch(new RegExp(`^${g.url}/v1\\.0/.*/items/delta\\?.*token=`));

    const d = await create('d');
    await call(g.url, 'PATCH', `${items()}/1/fields`, { token: admin, body: { Title: 'a2' } });
    expect((await call(g.url, 'DELETE', `${items()}/2`, { token: admin })).status).toBe(204);
    const changes = await follow(first.deltaLink);
    const byId = new Map(changes.value.map((i) => [i.id, i]));
    expect(byId.get(d.id).fields.Title).toBe('d');
    expect(byId.get('1').fields.Title).toBe('a2');
    expect(byId.get('2')).toEqual({
      id: '2',
      parentReference: { siteId: site },
      deleted: { state: 'deleted' },
    });
    expect(byId.has('3')).toBe(false);

    const quiet = await follow(changes.deltaLink);
    expect(quiet.value).toEqual([]);
  });

  it('token=latest returns no items and a deltaLink', async () => {
    const r = await call(g.url, 'GET', `${items()}/delta?token=latest`, { token: admin });
    expect(r.body.value).toEqual([]);
    expect(r.body['@odata.deltaLink']).toContain('token=');
    await create('after-latest');
    const next = await call(g.url, 'GET', r.body['@odata.deltaLink'], { token: admin });
    expect(next.body.value.map((i: Json) => i.id)).toHaveLength(1);
  });

  it('answers 410 with a Location for an invalid token', async () => {
    const r = await call(g.url, 'GET', `${items()}/delta?token=garbage`, { token: admin });
    expect(r.status).toBe(410);
    expect(r.body.error.code).toBe('resyncChangesApplyDifferences');
    expect(r.headers.get('location')).toMatch(/\/items\/delta$/);
  });

  it('keeps versions N.0 with field snapshots, newest first', async () => {
    const it1 = await create('v1');
    await call(g.url, 'PATCH', `${items()}/${it1.id}/fields`, {
      token: admin,
      body: { Title: 'v2', Score: 3 },
    });
    const r = await call(g.url, 'GET', `${items()}/${it1.id}/versions`, { token: admin });
    expect(r.status).toBe(200);
    expect(r.body.value.map((v: Json) => v.id)).toEqual(['2.0', '1.0']);
    expect(r.body.value[0].fields).toMatchObject({ Title: 'v2', Score: 3 });
    expect(r.body.value[1].fields.Title).toBe('v1');
    expect(r.body.value[1].fields.Score).toBeUndefined();
    expect(r.body.value[0].lastModifiedBy.application.id).toBe('localgraph-admin');
    expect(r.body.value[0].lastModifiedDateTime).toMatch(/Z$/);
  });

  it('runs 20 requests, rejects 21, duplicate ids and unknown dependencies', async () => {
    const reqs = (n: number, id = (i: number) => String(i + 1)) =>
      Array.from({ length: n }, (_, i) => ({
        id: id(i),
        method: 'GET',
        url: `/sites/${site}/lists/${list}`,
      }));
    const ok = await call(g.url, 'POST', '/v1.0/$batch', { token: admin, body: { requests: reqs(20) } });
    expect(ok.status).toBe(200);
    expect(ok.body.responses).toHaveLength(20);
    const sub = ok.body.responses[0];
    expect(sub.status).toBe(200);
    expect(sub.headers['Content-Type']).toBe(JSON_CONTENT_TYPE);
    expect(sub.body.id).toBe(list);
    expect(
      (await call(g.url, 'POST', '/v1.0/$batch', { token: admin, body: { requests: reqs(21) } })).status,
    ).toBe(400);
    const dup = await call(g.url, 'POST', '/v1.0/$batch', {
      token: admin,
      body: { requests: reqs(2, (i) => (i === 0 ? 'A' : 'a')) },
    });
    expect(dup.status).toBe(400);
    expect(dup.body.error.code).toBe('invalidRequest');
    const unknown = await call(g.url, 'POST', '/v1.0/$batch', {
      token: admin,
      body: { requests: [{ id: '1', method: 'GET', url: `/sites/${site}`, dependsOn: ['9'] }] },
    });
    expect(unknown.status).toBe(400);
    const noId = await call(g.url, 'POST', '/v1.0/$batch', {
      token: admin,
      body: { requests: [{ method: 'GET', url: `/sites/${site}` }] },
    });
    expect(noId.status).toBe(400);
  });

  it('orders by dependsOn and fails dependants with 424', async () => {
    const r = await call(g.url, 'POST', '/v1.0/$batch', {
      token: admin,
      body: {
        requests: [
          { id: '3', method: 'GET', url: `/sites/${site}/lists/${list}/items/999`, dependsOn: ['2'] },
          {
            id: '1',
            method: 'POST',
            url: `/sites/${site}/lists/${list}/items`,
            headers: { 'Content-Type': 'application/json' },
            body: { fields: { Title: 'batched' } },
          },
          { id: '2', method: 'DELETE', url: `/sites/${site}/lists/${list}/items/999`, dependsOn: ['1'] },
          { id: '4', method: 'GET', url: `/sites/${site}/lists/${list}/items?$top=1`, dependsOn: ['1'] },
        ],
      },
    });
    const byId = new Map<string, Json>(r.body.responses.map((x: Json) => [x.id, x]));
    expect(byId.get('1').status).toBe(201);
    expect(byId.get('1').body.fields.Title).toBe('batched');
    expect(byId.get('2').status).toBe(404);
    expect(byId.get('3').status).toBe(424);
    expect(byId.get('4').status).toBe(200);
  });

  it('throttles sub-requests individually with their own Retry-After', async () => {
    g.setFaults({ throttleRate: 1, retryAfterSeconds: 2 });
    try {
      const r = await call(g.url, 'POST', '/v1.0/$batch', {
        token: admin,
        body: { requests: [{ id: '1', method: 'GET', url: `/sites/${site}` }] },
      });
      expect(r.status).toBe(200);
      const sub = r.body.responses[0];
      expect(sub.status).toBe(429);
      expect(sub.headers['Retry-After']).toBe('2');
      expect(sub.body.error.code).toBe('activityLimitReached');
    } finally {
      g.setFaults({ throttleRate: 0 });
    }
  });
});
