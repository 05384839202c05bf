import {
  AuthRequiredError,
  createAuthProvider,
  createLocalAuthProvider,
  decodeJwtClaims,
} from '../../src/client/auth';

const jwt = (claims: object) => `h.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.s`;

describe('local sign-in', () => {
  const storage = () => {
    const map = new Map<string, string>();
    return {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
      removeItem: (k: string) => void map.delete(k),
    };
  };

  it('gets a token from localgraph and renews it before it expires', async () => {
    let now = 0;
    const calls: string[] = [];
    const fetchStub = (async (url: string, init: RequestInit) => {
      calls.push(`${url} ${String(init.body)}`);
      return new Response(
        JSON.stringify({ access_token: jwt({ upn: 'Amina@contoso.org', name: 'Amina' }), expires_in: 3600 }),
      );
    }) as unknown as typeof fetch;
    const auth = createLocalAuthProvider({
      graphBaseUrl: 'http://127.0.0.1:1',
      fetch: fetchStub,
      storage: storage(),
      now: () => now,
    });
    await expect(auth.getToken()).rejects.toBeInstanceOf(AuthRequiredError);
    expect(await auth.signIn('amina@contoso.org')).toEqual({
      upn: 'amina@contoso.org',
      displayName: 'Amina',
    });
    expect(calls[0]).toBe('http://127.0.0.1:1/local/token {"upn":"amina@contoso.org"}');
    await auth.getToken();
    expect(calls).toHaveLength(1);
    now = 3_590_000;
    await auth.getToken();
    expect(calls).toHaveLength(2);
    await auth.signOut();
    expect(await auth.restore()).toBeUndefined();
  });

  it('keeps the session under the key each front end picks', async () => {
    const store = storage();
    const fetchStub = (async () =>
      new Response(
        JSON.stringify({ access_token: jwt({ upn: 'omar@contoso.org', name: 'Omar' }) }),
      )) as unknown as typeof fetch;
    const pane = createLocalAuthProvider({
      graphBaseUrl: 'http://127.0.0.1:1',
      fetch: fetchStub,
      storage: store,
      storageKey: 'governanceHub.addin.localSession',
    });
    await pane.signIn('omar@contoso.org');
    expect(store.getItem('governanceHub.addin.localSession')).toContain('omar@contoso.org');
    expect(store.getItem('governanceHub.localSession')).toBeNull();
    // The tab (default key) does not see the pane's session, and a second pane instance restores it.
    const tab = createLocalAuthProvider({
      graphBaseUrl: 'http://127.0.0.1:1',
      fetch: fetchStub,
      storage: store,
    });
    expect(await tab.restore()).toBeUndefined();
    const again = createLocalAuthProvider({
      graphBaseUrl: 'http://127.0.0.1:1',
      fetch: fetchStub,
      storage: store,
      storageKey: 'governanceHub.addin.localSession',
    });
    expect(await again.restore()).toEqual({ upn: 'omar@contoso.org', displayName: 'Omar' });
  });
});

describe('choosing the sign-in', () => {
  const base = { graphBaseUrl: 'http://127.0.0.1:1', siteHostname: 'h', sitePath: '/sites/g' };
  it('is local in the embedded mode and nested app authentication in a tenant', () => {
    expect(createAuthProvider({ ...base, authMode: 'local' }).mode).toBe('local');
    expect(
      createAuthProvider({ ...base, authMode: 'tenant', clientId: 'app' }, { origin: 'https://app.example' })
        .mode,
    ).toBe('tenant');
  });
  it('reads JWT claims and survives garbage', () => {
    expect(decodeJwtClaims(jwt({ upn: 'a@b.org' }))).toEqual({ upn: 'a@b.org' });
    expect(decodeJwtClaims('not-a-jwt')).toEqual({});
  });
});
