// localgraph refuses what SharePoint / Graph refuse (issue 12). Each test names the behaviour and its source;
// the sources are also cited next to the code (src/localgraph/**) and in src/localgraph/README.md.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import http from 'node:http';
import { SignJWT, importPKCS8 } from 'jose';
import type { LocalGraphHandle } from '../../../src/localgraph';
import { adminToken, call, createUser, HOST, type Json, siteId, start, userToken } from '../helpers';

const STRICT = { lenient: { siteUsersFromDirectory: false, ignoreListViewThreshold: false } };
const SP_SCOPE = `https://${HOST}/.default`;

async function spUserToken(base: string, upn: string): Promise<string> {
  const r = await call(base, 'POST', '/local/token', { body: { upn, scope: SP_SCOPE } });
  if (r.status !== 200) throw new Error(JSON.stringify(r.body));
  return r.body.access_token as string;
}

/** An app registered with a certificate (its public key), and a client assertion signed with the private key. */
async function certificateApp(base: string, admin: string, roles: string[]) {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const reg = await call(base, 'POST', '/local/apps', {
    token: admin,
    body: {
      displayName: 'cert app',
      roles,
      certificatePem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    },
  });
  expect(reg.status).toBe(201);
  const clientId = reg.body.client_id as string;
  const key = await importPKCS8(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), 'RS256');
  const assertion = (aud = `${base}/local/token`) =>
    new SignJWT({})
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer(clientId)
      .setSubject(clientId)
      .setAudience(aud)
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(key);
  return { clientId, secret: reg.body.client_secret as string, assertion };
}

async function assertionToken(base: string, clientId: string, clientAssertion: string, scope: string) {
  return call(base, 'POST', '/local/token', {
    body: {
      client_id: clientId,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: clientAssertion,
      scope,
    },
  });
}

function ensureUser(base: string, token: string | undefined, logonName: unknown, accept?: string) {
  return call(base, 'POST', '/sites/governance/_api/web/ensureuser', {
    ...(token ? { token } : {}),
    body: { logonName },
    headers: { Accept: accept ?? 'application/json;odata=nometadata' },
  });
}

/** A raw HTTP exchange (fetch cannot send a foreign Host header or an oversized one). */
function rawRequest(
  base: string,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: Json }> {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, path, method: 'GET', headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as Json) : {} }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('localgraph is as strict as the tenant (issue 12)', () => {
  let g: LocalGraphHandle;
  let admin: string;
  let site: string;
  const base = (): string => g.url;

  beforeAll(async () => {
    g = await start({ ...STRICT, listViewThreshold: 6 });
    admin = await adminToken(g.url);
    await createUser(g.url, admin, 'ada@contoso.com', 'Ada Lovelace');
    await createUser(g.url, admin, 'bo@contoso.com', 'Bo Diddley');
    await createUser(g.url, admin, 'cy@contoso.com', 'Cy Twombly');
    site = await siteId(g.url, admin);
  });
  afterAll(async () => g.close());

  async function list(name: string, columns: unknown[]): Promise<string> {
    const r = await call(base(), 'POST', `/v1.0/sites/${site}/lists`, {
      token: admin,
      body: { displayName: name, columns },
    });
    expect(r.status).toBe(201);
    return r.body.id as string;
  }
  const items = (listId: string) => `/v1.0/sites/${site}/lists/${listId}/items`;
  const uilEmails = async (): Promise<string[]> => {
    const r = await call(base(), 'GET', `${items('User Information List')}?$expand=fields&$top=999`, {
      token: admin,
    });
    return r.body.value.map((i: Json) => i.fields.EMail).filter(Boolean);
  };

  // Source: microsoft-graph-docs #1965 ("invalidRequest / The request is malformed or incorrect."), #7536, #12638,
  // msgraph-sdk-dotnet#2957, msgraph-sdk-powershell#2591; columnDefinition doc: reads omit hyperlinkOrPicture.
  it('refuses hyperlinkOrPicture values on create and update (400 invalidRequest); column reads omit the facet', async () => {
    const id = await list('Links', [{ name: 'Doc', hyperlinkOrPicture: {} }]);
    const created = await call(base(), 'POST', items(id), {
      token: admin,
      body: { fields: { Title: 'x', Doc: { Url: 'https://example.com', Description: 'd' } } },
    });
    expect(created.status).toBe(400);
    expect(created.body.error).toMatchObject({
      code: 'invalidRequest',
      message: 'The request is malformed or incorrect.',
    });
    const ok = await call(base(), 'POST', items(id), { token: admin, body: { fields: { Title: 'y' } } });
    expect(ok.status).toBe(201);
    const patched = await call(base(), 'PATCH', `${items(id)}/${ok.body.id}/fields`, {
      token: admin,
      body: { 'Doc@odata.type': 'microsoft.graph.fieldValueSet', Doc: { Url: 'https://example.com' } },
    });
    expect(patched.status).toBe(400);
    expect(patched.body.error.code).toBe('invalidRequest');
    const unchanged = await call(base(), 'GET', `${items(id)}/${ok.body.id}?$expand=fields`, {
      token: admin,
    });
    expect(unchanged.body.fields.Doc).toBeUndefined();
    expect(unchanged.body.eTag).toBe(ok.body.eTag);
    const cols = await call(base(), 'GET', `/v1.0/sites/${site}/lists/${id}/columns`, { token: admin });
    const doc = cols.body.value.find((c: Json) => c.name === 'Doc');
    expect(doc.hyperlinkOrPicture).toBeUndefined();
  });

  // Source: reference/graph-lists.md §7/§10 (a site lists a person once it has seen them), msgraph-sdk-powershell#1049,
  // microsoft-graph-docs#15695; SharePoint's text for an unknown user: SharePoint/sp-dev-docs#10163.
  it('lists in the User Information List only people who visited the site; a person id not there is refused', async () => {
    expect(await uilEmails()).toEqual([]);
    const ada = await userToken(base(), 'ada@contoso.com');
    expect((await call(base(), 'GET', `/v1.0/sites/${site}`, { token: ada })).status).toBe(200);
    expect(await uilEmails()).toEqual(['ada@contoso.com']);
    const people = await list('People', [{ name: 'Owner', personOrGroup: {} }]);
    const uil = await call(base(), 'GET', `${items('User Information List')}?$expand=fields`, {
      token: admin,
    });
    const adaId = uil.body.value.find((i: Json) => i.fields.EMail === 'ada@contoso.com').id;
    const good = await call(base(), 'POST', items(people), {
      token: admin,
      body: { fields: { Title: 'p', OwnerLookupId: Number(adaId) } },
    });
    expect(good.status).toBe(201);
    const bad = await call(base(), 'POST', items(people), {
      token: admin,
      body: { fields: { Title: 'q', OwnerLookupId: 999 } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({
      code: 'invalidRequest',
      message: 'The user does not exist or is not unique.',
    });
    // An app's writes add nobody; bo never came.
    expect(await uilEmails()).not.toContain('bo@contoso.com');
  });

  // Source: SP.Web.ensureUser (learn.microsoft.com/previous-versions/office/sharepoint-visio/jj245233): "If the
  // user doesn't exist, adds the user to the site"; Graph tokens are refused by SharePoint REST
  // (SharePoint/sp-dev-docs#5889 "Invalid issuer or signature.").
  it('ensureuser adds a directory person with a SharePoint token, in SharePoint JSON shapes, and is idempotent', async () => {
    const ada = await spUserToken(base(), 'ada@contoso.com');
    const first = await ensureUser(base(), ada, 'i:0#.f|membership|cy@contoso.com');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toContain('odata=nometadata');
    expect(first.body).toMatchObject({
      LoginName: 'i:0#.f|membership|cy@contoso.com',
      Title: 'Cy Twombly',
      Email: 'cy@contoso.com',
      UserPrincipalName: 'cy@contoso.com',
      PrincipalType: 1,
    });
    expect(await uilEmails()).toContain('cy@contoso.com');
    const again = await ensureUser(base(), ada, 'cy@contoso.com', 'application/json;odata=verbose');
    expect(again.body.d).toMatchObject({ Id: first.body.Id, __metadata: { type: 'SP.User' } });
    const minimal = await ensureUser(base(), ada, 'i:0#.f|membership|cy@contoso.com', 'application/json');
    expect(minimal.body).toMatchObject({ Id: first.body.Id, 'odata.type': 'SP.User' });
    // The ensured id is what a person column takes.
    const people = await list('Ensured', [{ name: 'Owner', personOrGroup: {} }]);
    const w = await call(base(), 'POST', items(people), {
      token: admin,
      body: { fields: { Title: 'e', OwnerLookupId: first.body.Id } },
    });
    expect(w.status).toBe(201);
  });

  it('ensureuser refuses Graph-audience tokens and anonymous calls (401 Invalid issuer or signature.)', async () => {
    const graphToken = await userToken(base(), 'ada@contoso.com');
    for (const token of [graphToken, undefined]) {
      const r = await ensureUser(base(), token, 'bo@contoso.com');
      expect(r.status).toBe(401);
      expect(r.body).toEqual({ error_description: 'Invalid issuer or signature.' });
      expect(r.headers.get('www-authenticate')).toContain('client_id="00000003-0000-0ff1-ce00-000000000000"');
    }
    expect(await uilEmails()).not.toContain('bo@contoso.com');
  });

  // Source: learn.microsoft.com/sharepoint/dev/solution-guidance/security-apponly-azuread (FAQ: certificates only),
  // SharePoint/sp-dev-docs#8480, #8713, #3711 ("Unsupported app only token."; appidacr 1 = secret, 2 = certificate).
  it('ensureuser refuses app-only tokens from a client secret and accepts certificate (client assertion) ones', async () => {
    const app = await certificateApp(base(), admin, ['Sites.FullControl.All']);
    const bySecret = await call(base(), 'POST', '/local/token', {
      body: { client_id: app.clientId, client_secret: app.secret, scope: SP_SCOPE },
    });
    expect(bySecret.status).toBe(200);
    const refused = await ensureUser(base(), bySecret.body.access_token, 'bo@contoso.com');
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual({ error_description: 'Unsupported app only token.' });

    const wrongAudience = await assertionToken(
      base(),
      app.clientId,
      await app.assertion('https://elsewhere/token'),
      SP_SCOPE,
    );
    expect(wrongAudience.status).toBe(401);
    expect(wrongAudience.body.error).toBe('invalid_client');
    const byCert = await assertionToken(base(), app.clientId, await app.assertion(), SP_SCOPE);
    expect(byCert.status).toBe(200);
    const ok = await ensureUser(base(), byCert.body.access_token, 'i:0#.f|membership|bo@contoso.com');
    expect(ok.status).toBe(200);
    expect(ok.body.Email).toBe('bo@contoso.com');
    // A certificate token for Graph still works on Graph, and a SharePoint token does not (audience).
    const graphByCert = await assertionToken(base(), app.clientId, await app.assertion(), '');
    expect(
      (await call(base(), 'GET', `/v1.0/sites/${site}`, { token: graphByCert.body.access_token })).status,
    ).toBe(200);
    expect(
      (await call(base(), 'GET', `/v1.0/sites/${site}`, { token: byCert.body.access_token })).status,
    ).toBe(401);
  });

  it('ensureuser: unknown person 400 SPException, missing logonName 400, reader 403, each in SharePoint error shape', async () => {
    const ada = await spUserToken(base(), 'ada@contoso.com');
    const unknown = await ensureUser(base(), ada, 'i:0#.f|membership|nobody@contoso.com');
    expect(unknown.status).toBe(400);
    expect(unknown.body['odata.error']).toEqual({
      code: '-2146232832, Microsoft.SharePoint.SPException',
      message: {
        lang: 'en-US',
        value: 'The specified user i:0#.f|membership|nobody@contoso.com could not be found.',
      },
    });
    const verbose = await ensureUser(base(), ada, 'nobody@contoso.com', 'application/json;odata=verbose');
    expect(verbose.body.error.code).toBe('-2146232832, Microsoft.SharePoint.SPException');
    expect((await ensureUser(base(), ada, 42)).status).toBe(400);
    await call(base(), 'PUT', `/local/admin/sites/${site}/roles/bo@contoso.com`, {
      token: admin,
      body: { role: 'visitor' },
    });
    const reader = await ensureUser(base(), await spUserToken(base(), 'bo@contoso.com'), 'cy@contoso.com');
    expect(reader.status).toBe(403);
    expect(reader.body['odata.error'].code).toBe('-2147024891, System.UnauthorizedAccessException');
  });

  // Source: api/listitem-delta and concepts/delta-query-overview (410 Gone, resync codes, Location header).
  it('answers 410 resyncChangesApplyDifferences with a fresh Location for expired, malformed and foreign delta tokens', async () => {
    const id = await list('Deltas', []);
    await call(base(), 'POST', items(id), { token: admin, body: { fields: { Title: 'a' } } });
    const first = await call(base(), 'GET', `${items(id)}/delta?$select=id`, { token: admin });
    const deltaLink = first.body['@odata.deltaLink'] as string;
    expect((await call(base(), 'GET', deltaLink, { token: admin })).status).toBe(200);
    const expire = await call(base(), 'POST', '/local/admin/delta/expire', { token: admin });
    expect(expire.status).toBe(200);
    for (const link of [
      deltaLink,
      `${items(id)}/delta?token=garbage`,
      `${items(id)}/delta?token=${'A'.repeat(600)}`,
    ]) {
      const gone = await call(base(), 'GET', link, { token: admin });
      expect(gone.status).toBe(410);
      expect(gone.body.error.code).toBe('resyncChangesApplyDifferences');
      expect(gone.body.error.innerError.code).toBe('resyncRequired');
      const location = gone.headers.get('location')!;
      expect(location).not.toContain('token=');
      const resync = await call(base(), 'GET', location, { token: admin });
      expect(resync.status).toBe(200);
      expect(resync.body.value.map((i: Json) => i.id)).toEqual(['1']);
    }
  });

  it('expires delta tokens older than the retention (deltaTokenRetentionSeconds)', async () => {
    const short = await start({ deltaTokenRetentionSeconds: 1 });
    try {
      const token = await adminToken(short.url);
      const s = await siteId(short.url, token);
      const l = await call(short.url, 'POST', `/v1.0/sites/${s}/lists`, {
        token,
        body: { displayName: 'D' },
      });
      const first = await call(short.url, 'GET', `/v1.0/sites/${s}/lists/${l.body.id}/items/delta`, {
        token,
      });
      await new Promise((r) => setTimeout(r, 2100));
      const gone = await call(short.url, 'GET', first.body['@odata.deltaLink'], { token });
      expect(gone.status).toBe(410);
    } finally {
      await short.close();
    }
  });

  // Source: learn.microsoft.com/sharepoint large lists (5,000-item list view threshold); pnp/pnpjs#3149
  // (SPQueryThrottledException "The attempted operation is prohibited because it exceeds the list view threshold.");
  // reference/graph-lists.md §3 and §10 (the Prefer header does not help past the threshold).
  it('past the list view threshold refuses non-indexed filters and sorts even with Prefer; indexed columns and ID work', async () => {
    const id = await list('Big', [
      { name: 'Status', indexed: true, choice: { choices: ['A', 'B'] } },
      { name: 'Category', text: {} },
      { name: 'Seq', number: {}, indexed: true },
    ]);
    const prefer = { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' };
    const add = (i: number) =>
      call(base(), 'POST', items(id), {
        token: admin,
        body: { fields: { Title: `t${i}`, Status: i % 2 ? 'A' : 'B', Category: 'c', Seq: i } },
      });
    for (let i = 0; i < 6; i++) await add(i);
    // At the threshold (6 items, threshold 6) the Prefer header still allows a non-indexed query.
    const atThreshold = await call(base(), 'GET', `${items(id)}?$filter=fields/Category eq 'c'`, {
      token: admin,
      headers: prefer,
    });
    expect(atThreshold.status).toBe(200);
    await add(6);
    for (const q of [
      "$filter=fields/Category eq 'c'",
      '$orderby=fields/Category',
      '$orderby=fields/Modified desc',
      "$filter=fields/Created ge '2020-01-01T00:00:00Z'",
    ]) {
      const r = await call(base(), 'GET', `${items(id)}?${q}`, { token: admin, headers: prefer });
      expect(r.status).toBe(400);
      expect(r.body.error.message).toBe(
        'The attempted operation is prohibited because it exceeds the list view threshold.',
      );
    }
    const indexed = await call(
      base(),
      'GET',
      `${items(id)}?$filter=fields/Status eq 'A' and fields/Seq ge 3&$orderby=fields/Seq`,
      { token: admin },
    );
    expect(indexed.status).toBe(200);
    expect(indexed.body.value.map((i: Json) => i.id)).toEqual(['4', '6']);
    expect((await call(base(), 'GET', `${items(id)}?$filter=id eq 3`, { token: admin })).status).toBe(200);
  });

  // Source: issue 20 ("its indexed columns have no index in SQLite"); SQLite expression indexes.
  it('gives indexed columns a real SQLite index (the query plan searches an index, no scan)', async () => {
    const id = await list('Planned', [
      { name: 'Status', indexed: true, choice: { choices: ['A', 'B'] } },
      { name: 'Seq', number: {}, indexed: true },
    ]);
    const { itemFieldResolver } = await import('../../../src/localgraph/handlers/field-values');
    const { parseFilter } = await import('../../../src/localgraph/odata/parser');
    const resolve = itemFieldResolver(g.store.getColumns(id), false);
    for (const f of ["fields/Status eq 'A'", 'fields/Seq gt 3']) {
      const plan = g.store.explainQuery(id, { filter: parseFilter(f), resolve, limit: 10 }).join(' | ');
      expect(plan).toMatch(/USING INDEX ix_fieldv2_/);
    }
  });

  // Source: api/resources/fieldvalueset + listitem-list (lookup display values; at most 12 lookup columns).
  it('returns a lookup display value with $select by name, and refuses more than 12 lookup columns', async () => {
    const target = await list('Targets', []);
    const t = await call(base(), 'POST', items(target), {
      token: admin,
      body: { fields: { Title: 'Target A' } },
    });
    const lookups = Array.from({ length: 13 }, (_, i) => ({
      name: `Ref${i}`,
      lookup: { listId: target, columnName: 'Title' },
    }));
    const src = await list('Refs', lookups);
    const created = await call(base(), 'POST', items(src), {
      token: admin,
      body: { fields: { Title: 'r', Ref0LookupId: Number(t.body.id) } },
    });
    expect(created.status).toBe(201);
    const read = await call(
      base(),
      'GET',
      `${items(src)}/${created.body.id}?$expand=fields($select=Title,Ref0)`,
      { token: admin },
    );
    expect(read.body.fields).toMatchObject({ Ref0: 'Target A', Ref0LookupId: t.body.id });
    const twelve = lookups
      .slice(0, 12)
      .map((l) => l.name)
      .join(',');
    expect(
      (await call(base(), 'GET', `${items(src)}?$expand=fields($select=${twelve})`, { token: admin })).status,
    ).toBe(200);
    const thirteen = await call(base(), 'GET', `${items(src)}?$expand=fields($select=${twelve},Ref12)`, {
      token: admin,
    });
    expect(thirteen.status).toBe(400);
    expect(thirteen.body.error.message).toContain('lookup column threshold');
  });

  // Source: msgraph-sdk-powershell#2906 (a column named Author is created as Author0).
  it('creates a column named like a built-in under another internal name (Author0), keeping its display name', async () => {
    const id = await list('Named', []);
    const author = await call(base(), 'POST', `/v1.0/sites/${site}/lists/${id}/columns`, {
      token: admin,
      body: { name: 'Author', text: {} },
    });
    expect(author.status).toBe(201);
    expect(author.body).toMatchObject({ name: 'Author0', displayName: 'Author' });
    const again = await call(base(), 'POST', `/v1.0/sites/${site}/lists/${id}/columns`, {
      token: admin,
      body: { name: 'Author', text: {} },
    });
    expect(again.body.name).toBe('Author1');
    const modified = await call(base(), 'POST', `/v1.0/sites/${site}/lists/${id}/columns`, {
      token: admin,
      body: { name: 'Modified', dateTime: {} },
    });
    expect(modified.body.name).toBe('Modified0');
    const w = await call(base(), 'POST', items(id), {
      token: admin,
      body: { fields: { Title: 'n', Author0: 'Ada' } },
    });
    expect(w.body.fields.Author0).toBe('Ada');
  });

  // Source: concepts/json-batching (a batch holds individual requests, max 20; reference/graph-lists.md §10).
  it('refuses a $batch that contains another $batch (400 for the whole envelope)', async () => {
    for (const url of ['/$batch', '$batch', '/v1.0/$batch?x=1']) {
      const r = await call(base(), 'POST', '/v1.0/$batch', {
        token: admin,
        body: {
          requests: [
            {
              id: '1',
              method: 'POST',
              url,
              headers: { 'Content-Type': 'application/json' },
              body: { requests: [] },
            },
          ],
        },
      });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('invalidRequest');
    }
  });

  // Source: reference/graph-lists.md §10 ("Long or deep queries get a 400 … never a 500"); issue 15 point 4.
  it('answers very long, very deep and very wide $filters with 400 invalidRequest, never 500', async () => {
    const id = await list('Filters', [{ name: 'Seq', number: {}, indexed: true }]);
    const wide = Array.from({ length: 101 }, (_, i) => `fields/Seq eq ${i}`).join(' or ');
    const deep = `${'('.repeat(33)}fields/Seq eq 1${')'.repeat(33)}`;
    const notDeep = `${'not '.repeat(40)}fields/Seq eq 1`;
    const long = `fields/Seq eq 1 and ${"startswith(fields/Title,'x') and ".repeat(200)}fields/Seq eq 2`;
    const veryDeep = '('.repeat(3000);
    for (const f of [wide, deep, notDeep, long, veryDeep]) {
      const r = await call(base(), 'GET', `${items(id)}?$filter=${encodeURIComponent(f)}`, { token: admin });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('invalidRequest');
    }
    const fine = Array.from({ length: 100 }, (_, i) => `fields/Seq eq ${i}`).join(' or ');
    expect(
      (await call(base(), 'GET', `${items(id)}?$filter=${encodeURIComponent(fine)}`, { token: admin }))
        .status,
    ).toBe(200);
  });

  it('answers an over-long URL with 414 and over-large headers with 431, each with a Graph error body', async () => {
    const longUrl = await rawRequest(base(), `/v1.0/sites?x=${'a'.repeat(17 * 1024)}`, {});
    expect(longUrl.status).toBe(414);
    expect(longUrl.body.error.code).toBe('invalidRequest');
    const bigHeaders = await rawRequest(base(), '/v1.0/sites', { 'X-Big': 'b'.repeat(70 * 1024) });
    expect(bigHeaders.status).toBe(431);
    expect(bigHeaders.body.error.code).toBe('invalidRequest');
    expect((await call(base(), 'GET', `/v1.0/sites/${site}`, { token: admin })).status).toBe(200);
  });

  it('answers a body over the limit with 413 and Graph’s body', async () => {
    const r = await call(base(), 'POST', `/v1.0/$batch`, {
      token: admin,
      body: `{"x":"${'a'.repeat(21 * 1024 * 1024)}"}`,
    });
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('requestEntityTooLarge');
  });

  // Source: issue 15 point 3 (DNS rebinding): only loopback Host headers are answered.
  it('answers only loopback Host headers (421 with a Graph error body otherwise)', async () => {
    const port = new URL(base()).port;
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1.evil.example:${port}`]) {
      const r = await rawRequest(base(), '/v1.0/sites/root', { Host: host });
      expect(r.status).toBe(421);
      expect(r.body.error.code).toBe('invalidRequest');
    }
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, 'localhost']) {
      expect((await rawRequest(base(), '/v1.0/sites/root', { Host: host })).status).toBe(401);
    }
  });
});
