import type { LocalGraphHandle } from '../../../src/localgraph';
import { JSON_CONTENT_TYPE } from '../../../src/localgraph';
import { adminToken, call, type Json, createUser, HOST, siteId, start, userToken } from '../helpers';

describe('localgraph wire: sites, lists, columns, items', () => {
  let g: LocalGraphHandle;
  let admin: string;
  let site: string;
  let listId: string;
  const base = (): string => g.url;

  beforeAll(async () => {
    g = await start();
    admin = await adminToken(g.url);
    await createUser(g.url, admin, 'ada@contoso.com', 'Ada Lovelace');
    await createUser(g.url, admin, 'bo@contoso.com', 'Bo Diddley');
    site = await siteId(g.url, admin);
  });
  afterAll(async () => g.close());

  it('gets a site by path, by id and root, with Graph headers', async () => {
    const byPath = await call(base(), 'GET', `/v1.0/sites/${HOST}:/sites/governance`, {
      token: admin,
      headers: { 'client-request-id': 'abc-123' },
    });
    expect(byPath.status).toBe(200);
    expect(byPath.headers.get('content-type')).toBe(JSON_CONTENT_TYPE);
    expect(byPath.headers.get('odata-version')).toBe('4.0');
    expect(byPath.headers.get('client-request-id')).toBe('abc-123');
    expect(byPath.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(byPath.body['@odata.context']).toContain('$metadata#sites/$entity');
    expect(byPath.body.id).toMatch(/^contoso\.sharepoint\.com,[0-9a-f-]{36},[0-9a-f-]{36}$/);
    expect(byPath.body).toMatchObject({
      name: 'governance',
      displayName: 'Governance Hub',
      webUrl: 'https://contoso.sharepoint.com/sites/governance',
      siteCollection: { hostname: HOST },
    });
    expect(byPath.body.root).toBeUndefined();
    const byId = await call(base(), 'GET', `/v1.0/sites/${encodeURIComponent(site)}`, { token: admin });
    expect(byId.body.id).toBe(site);
    const root = await call(base(), 'GET', '/v1.0/sites/root', { token: admin });
    expect(root.body.root).toEqual({});
    const missing = await call(base(), 'GET', `/v1.0/sites/${HOST}:/sites/nope`, { token: admin });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('itemNotFound');
    expect(missing.body.error.innerError.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    expect(missing.body.error.innerError['request-id']).toBe(missing.headers.get('request-id'));
  });

  it('creates a list with columns, 409 on duplicate, hides system lists', async () => {
    const r = await call(base(), 'POST', `/v1.0/sites/${site}/lists`, {
      token: admin,
      body: {
        displayName: 'Assets',
        columns: [
          { name: 'Status', indexed: true, choice: { choices: ['Active', 'Retired'] } },
          { name: 'Tags', choice: { choices: ['HR', 'Finance', 'IT'], displayAs: 'checkBoxes' } },
          { name: 'RecordCount', number: { minimum: 0 } },
          { name: 'HasPersonalData', boolean: {} },
          { name: 'Custodian', personOrGroup: { allowMultipleSelection: false } },
          { name: 'Reviewers', personOrGroup: { allowMultipleSelection: true } },
          { name: 'ReviewedOn', dateTime: { format: 'dateOnly' } },
          { name: 'DocLink', hyperlinkOrPicture: {} },
        ],
        list: { template: 'genericList' },
      },
    });
    expect(r.status).toBe(201);
    expect(r.body.eTag).toBe(r.body['@odata.etag']);
    expect(r.body.list).toEqual({ contentTypesEnabled: false, hidden: false, template: 'genericList' });
    listId = r.body.id;
    const dup = await call(base(), 'POST', `/v1.0/sites/${site}/lists`, {
      token: admin,
      body: { displayName: 'assets' },
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('nameAlreadyExists');
    const lists = await call(base(), 'GET', `/v1.0/sites/${site}/lists`, { token: admin });
    expect(lists.body.value.map((l: { displayName: string }) => l.displayName)).toEqual(['Assets']);
    const withSystem = await call(
      base(),
      'GET',
      `/v1.0/sites/${site}/lists?$select=name,displayName,system`,
      {
        token: admin,
      },
    );
    expect(withSystem.body.value.map((l: { displayName: string }) => l.displayName)).toContain(
      'User Information List',
    );
    const byTitle = await call(base(), 'GET', `/v1.0/sites/${HOST}:/sites/governance:/lists/Assets`, {
      token: admin,
    });
    expect(byTitle.body.id).toBe(listId);
  });

  it('adds columns (201, GUID id), validates facets, 409 on duplicate name', async () => {
    const ok = await call(base(), 'POST', `/v1.0/sites/${site}/lists/${listId}/columns`, {
      token: admin,
      body: { name: 'Region', text: { maxLength: 100 } },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(ok.body.text.maxLength).toBe(100);
    const dup = await call(base(), 'POST', `/v1.0/sites/${site}/lists/${listId}/columns`, {
      token: admin,
      body: { name: 'Region', text: {} },
    });
    expect(dup.status).toBe(409);
    const two = await call(base(), 'POST', `/v1.0/sites/${site}/lists/${listId}/columns`, {
      token: admin,
      body: { name: 'Both', text: {}, number: {} },
    });
    expect(two.status).toBe(400);
    const badChoice = await call(base(), 'POST', `/v1.0/sites/${site}/lists/${listId}/columns`, {
      token: admin,
      body: { name: 'Empty', choice: { choices: [] } },
    });
    expect(badChoice.status).toBe(400);
    const cols = await call(base(), 'GET', `/v1.0/sites/${site}/lists/${listId}/columns`, { token: admin });
    const names = cols.body.value.map((c: { name: string }) => c.name);
    expect(names).toEqual(expect.arrayContaining(['Title', 'Status', 'Region', 'ID', 'Created']));
    const patched = await call(base(), 'PATCH', `/v1.0/sites/${site}/lists/${listId}/columns/${ok.body.id}`, {
      token: admin,
      body: { indexed: true, text: { maxLength: 50 } },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ indexed: true, text: { maxLength: 50 } });
    const retype = await call(base(), 'PATCH', `/v1.0/sites/${site}/lists/${listId}/columns/Region`, {
      token: admin,
      body: { number: {} },
    });
    expect(retype.status).toBe(400);
    const doc = cols.body.value.find((c: { name: string }) => c.name === 'DocLink');
    expect(doc.hyperlinkOrPicture).toBeUndefined();
  });

  it('creates, reads, updates and deletes items with Graph field shapes', async () => {
    const users = await call(
      base(),
      'GET',
      `/v1.0/sites/${site}/lists/User Information List/items?$expand=fields($select=EMail,Title)&$filter=fields/EMail eq 'ada@contoso.com'`,
      { token: admin, headers: { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' } },
    );
    expect(users.status).toBe(200);
    const adaId = Number(users.body.value[0].id);
    const all = await call(
      base(),
      'GET',
      `/v1.0/sites/${site}/lists/User Information List/items?expand=fields`,
      {
        token: admin,
      },
    );
    const boId = Number(all.body.value.find((i: Json) => i.fields.EMail === 'bo@contoso.com').id);

    const created = await call(base(), 'POST', `/v1.0/sites/${site}/lists/${listId}/items`, {
      token: admin,
      body: {
        fields: {
          Title: 'Payroll DB',
          Status: 'Active',
          RecordCount: 1200,
          HasPersonalData: true,
          CustodianLookupId: adaId,
          'ReviewersLookupId@odata.type': 'Collection(Edm.Int32)',
          ReviewersLookupId: [adaId, String(boId)],
          'Tags@odata.type': 'Collection(Edm.String)',
          Tags: ['HR', 'Finance'],
          ReviewedOn: '2024-03-01',
        },
      },
    });
    expect(created.status).toBe(201);
    const item = created.body;
    expect(item.id).toBe('1');
    expect(item.eTag).toMatch(/^"[0-9a-f-]{36},1"$/);
    expect(item['@odata.etag']).toBe(item.eTag);
    expect(item.fields['@odata.etag']).toBe(item.eTag);
    expect(item.fields).toMatchObject({
      Title: 'Payroll DB',
      Status: 'Active',
      RecordCount: 1200,
      HasPersonalData: true,
      CustodianLookupId: String(adaId),
      Reviewers: [
        { LookupId: adaId, LookupValue: 'Ada Lovelace', Email: 'ada@contoso.com' },
        { LookupId: boId, LookupValue: 'Bo Diddley', Email: 'bo@contoso.com' },
      ],
      Tags: ['HR', 'Finance'],
      ReviewedOn: '2024-03-01T00:00:00Z',
      id: '1',
      ContentType: 'Item',
      _UIVersionString: '1.0',
      Attachments: false,
    });
    expect(item.fields.Created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(item.fields.Custodian).toBeUndefined();
    expect(item.createdBy.application.id).toBe('localgraph-admin');

    const unknown = await call(base(), 'POST', `/v1.0/sites/${site}/lists/${listId}/items`, {
      token: admin,
      body: { fields: { Foo: 'x' } },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe("Field 'Foo' is not recognized");
    const badChoice = await call(base(), 'POST', `/v1.0/sites/${site}/lists/${listId}/items`, {
      token: admin,
      body: { fields: { Status: 'Nope' } },
    });
    expect(badChoice.status).toBe(400);
    const negative = await call(base(), 'POST', `/v1.0/sites/${site}/lists/${listId}/items`, {
      token: admin,
      body: { fields: { RecordCount: -1 } },
    });
    expect(negative.status).toBe(400);

    // Without expand there are no fields; with select only those fields (plus @odata.etag).
    const plain = await call(base(), 'GET', `/v1.0/sites/${site}/lists/${listId}/items/1`, { token: admin });
    expect(plain.body.fields).toBeUndefined();
    const sel = await call(
      base(),
      'GET',
      `/v1.0/sites/${site}/lists/${listId}/items/1?expand=fields(select=Title,Status)`,
      {
        token: admin,
      },
    );
    expect(Object.keys(sel.body.fields).sort()).toEqual(['@odata.etag', 'Status', 'Title']);
    const idOnly = await call(base(), 'GET', `/v1.0/sites/${site}/lists/${listId}/items?$select=id,eTag`, {
      token: admin,
    });
    expect(Object.keys(idOnly.body.value[0]).sort()).toEqual(['@odata.etag', 'eTag', 'id']);

    // PATCH fields → 200 + whole fieldValueSet with the new eTag; clearing omits the value.
    const patched = await call(base(), 'PATCH', `/v1.0/sites/${site}/lists/${listId}/items/1/fields`, {
      token: admin,
      headers: { 'If-Match': item.eTag },
      body: { Status: 'Retired', HasPersonalData: null },
    });
    expect(patched.status).toBe(200);
    expect(patched.body['@odata.etag']).toMatch(/,2"$/);
    expect(patched.body.Status).toBe('Retired');
    expect(patched.body.Title).toBe('Payroll DB');
    expect(patched.body.HasPersonalData).toBeUndefined();
    expect(patched.body._UIVersionString).toBe('2.0');

    // Stale eTag → 412 and nothing changes.
    const stale = await call(base(), 'PATCH', `/v1.0/sites/${site}/lists/${listId}/items/1/fields`, {
      token: admin,
      headers: { 'If-Match': item.eTag },
      body: { Status: 'Active' },
    });
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('resourceModified');
    const after = await call(base(), 'GET', `/v1.0/sites/${site}/lists/${listId}/items/1?$expand=fields`, {
      token: admin,
    });
    expect(after.body.fields.Status).toBe('Retired');
    expect(after.body.eTag).toBe(patched.body['@odata.etag']);

    const star = await call(base(), 'PATCH', `/v1.0/sites/${site}/lists/${listId}/items/1`, {
      token: admin,
      headers: { 'If-Match': '*' },
      body: { fields: { Status: 'Active' } },
    });
    expect(star.status).toBe(200);
    expect(star.body.fields.Status).toBe('Active');
    expect(star.body.eTag).toMatch(/,3"$/);

    const del = await call(base(), 'DELETE', `/v1.0/sites/${site}/lists/${listId}/items/1`, { token: admin });
    expect(del.status).toBe(204);
    const gone = await call(base(), 'DELETE', `/v1.0/sites/${site}/lists/${listId}/items/1`, {
      token: admin,
    });
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('itemNotFound');
  });

  it('enforces the indexed-column rule and runs filters and orderby', async () => {
    for (const [i, status] of ['Active', 'Retired', 'Active'].entries()) {
      await call(base(), 'POST', `/v1.0/sites/${site}/lists/${listId}/items`, {
        token: admin,
        body: { fields: { Title: `Item ${i}`, Status: status, RecordCount: (i + 1) * 100 } },
      });
    }
    const items = `/v1.0/sites/${site}/lists/${listId}/items?$expand=fields`;
    const indexed = await call(base(), 'GET', `${items}&$filter=fields/Status eq 'Active'`, { token: admin });
    expect(indexed.status).toBe(200);
    expect(indexed.body.value).toHaveLength(2);
    const nonIndexed = await call(base(), 'GET', `${items}&$filter=fields/RecordCount gt 100`, {
      token: admin,
    });
    expect(nonIndexed.status).toBe(400);
    expect(nonIndexed.body.error).toMatchObject({
      code: 'invalidRequest',
      message:
        "Field 'RecordCount' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.",
    });
    const prefer = { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' };
    const both = await call(
      base(),
      'GET',
      `${items}&$filter=${encodeURIComponent("fields/Status eq 'Active' and fields/RecordCount gt 100")}`,
      { token: admin, headers: prefer },
    );
    expect(both.body.value.map((i: Json) => i.fields.Title)).toEqual(['Item 2']);
    const ordered = await call(base(), 'GET', `${items}&$orderby=fields/RecordCount desc`, {
      token: admin,
      headers: prefer,
    });
    expect(ordered.body.value.map((i: Json) => i.fields.RecordCount)).toEqual([300, 200, 100]);
    const orderNoPrefer = await call(base(), 'GET', `${items}&$orderby=fields/Title`, { token: admin });
    expect(orderNoPrefer.status).toBe(400);
    const starts = await call(
      base(),
      'GET',
      `${items}&$filter=startswith(fields/Title,'Item 1') or fields/Title eq 'Item 0'`,
      {
        token: admin,
        headers: prefer,
      },
    );
    expect(starts.body.value).toHaveLength(2);
    const notFilter = await call(base(), 'GET', `${items}&$filter=not (fields/Status eq 'Active')`, {
      token: admin,
    });
    expect(notFilter.body.value.map((i: Json) => i.fields.Status)).toEqual(['Retired']);
    for (const bad of ["contains(fields/Title,'x')", "endswith(fields/Title,'x')", "fields/Status eq 'x"]) {
      const r = await call(base(), 'GET', `${items}&$filter=${encodeURIComponent(bad)}`, {
        token: admin,
        headers: prefer,
      });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('invalidRequest');
    }
    // An injection attempt stays a literal.
    const inj = await call(
      base(),
      'GET',
      `${items}&$filter=${encodeURIComponent("fields/Title eq 'x'' or 1 eq 1'")}`,
      {
        token: admin,
        headers: prefer,
      },
    );
    expect(inj.status).toBe(200);
    expect(inj.body.value).toHaveLength(0);
  });

  it('pages 250 items with $top=100 into 3 pages with absolute nextLinks', async () => {
    const r = await call(base(), 'POST', `/v1.0/sites/${site}/lists`, {
      token: admin,
      body: { displayName: 'Bulk' },
    });
    const bulk = r.body.id;
    for (let i = 0; i < 250; i += 20) {
      const requests = Array.from({ length: Math.min(20, 250 - i) }, (_, k) => ({
        id: String(k + 1),
        method: 'POST',
        url: `/sites/${site}/lists/${bulk}/items`,
        headers: { 'Content-Type': 'application/json' },
        body: { fields: { Title: `Row ${i + k}` } },
      }));
      const b = await call(base(), 'POST', '/v1.0/$batch', { token: admin, body: { requests } });
      expect(b.body.responses.every((x: { status: number }) => x.status === 201)).toBe(true);
    }
    let next: string | undefined = `/v1.0/sites/${site}/lists/${bulk}/items?$expand=fields&$top=100`;
    const sizes: number[] = [];
    const ids = new Set<string>();
    while (next) {
      const page: Awaited<ReturnType<typeof call>> = await call(base(), 'GET', next, { token: admin });
      expect(page.status).toBe(200);
      sizes.push(page.body.value.length);
      for (const it of page.body.value) ids.add(it.id);
      next = page.body['@odata.nextLink'];
      if (next) {
        expect(next.startsWith(`${g.url}/v1.0/sites/`)).toBe(true);
        expect(next).toContain('$skiptoken=');
      }
    }
    expect(sizes).toEqual([100, 100, 50]);
    expect(ids.size).toBe(250);
  });

  it('serves users: /me, /users with filter/select/top, by id and upn, 404', async () => {
    const ada = await userToken(base(), 'ada@contoso.com');
    const me = await call(
      base(),
      'GET',
      '/v1.0/me?$select=id,displayName,mail,userPrincipalName,preferredLanguage',
      {
        token: ada,
      },
    );
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      displayName: 'Ada Lovelace',
      mail: 'ada@contoso.com',
      preferredLanguage: null,
    });
    expect(me.body['@odata.context']).toContain(
      'users(id,displayName,mail,userPrincipalName,preferredLanguage)/$entity',
    );
    const appMe = await call(base(), 'GET', '/v1.0/me', { token: admin });
    expect(appMe.status).toBe(400);
    const filtered = await call(
      base(),
      'GET',
      `/v1.0/users?$filter=${encodeURIComponent("startswith(displayName,'bo') or startswith(mail,'bo')")}&$select=id,displayName`,
      { token: ada },
    );
    expect(filtered.body.value).toEqual([{ id: expect.any(String), displayName: 'Bo Diddley' }]);
    const paged = await call(base(), 'GET', '/v1.0/users?$top=1', { token: ada });
    expect(paged.body.value).toHaveLength(1);
    expect(paged.body['@odata.nextLink']).toContain('$skiptoken=');
    const p2 = await call(base(), 'GET', paged.body['@odata.nextLink'], { token: ada });
    expect(p2.body.value[0].userPrincipalName).toBe('bo@contoso.com');
    const byUpn = await call(base(), 'GET', '/v1.0/users/bo@contoso.com', { token: ada });
    const byId = await call(base(), 'GET', `/v1.0/users/${byUpn.body.id}`, { token: ada });
    expect(byId.body.displayName).toBe('Bo Diddley');
    const missing = await call(base(), 'GET', '/v1.0/users/nobody@contoso.com', { token: ada });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('Request_ResourceNotFound');
    const forbidden = await call(base(), 'POST', '/v1.0/users', {
      token: ada,
      body: { displayName: 'X', userPrincipalName: 'x@contoso.com' },
    });
    expect(forbidden.status).toBe(403);
  });

  it('answers CORS preflight for loopback origins and rejects malformed JSON', async () => {
    const r = await fetch(`${g.url}/v1.0/me`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Headers': 'authorization' },
    });
    expect(r.status).toBe(204);
    expect(r.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(r.headers.get('access-control-expose-headers')).toContain('Retry-After');
    const bad = await call(base(), 'POST', `/v1.0/sites/${site}/lists`, {
      token: admin,
      body: '{"displayName":',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalidRequest');
  });
});
