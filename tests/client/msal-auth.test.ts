// The tenant sign-in's choices, with a stand-in for msal-browser: which client it builds, which calls it makes on
// each host, and that a blocked silent renewal means "sign in again" instead of an error page (issue 14 §1: the
// hidden-iframe ssoSilent the CSP blocks, and a popup without the v5 redirect bridge).
import type * as Msal from '@azure/msal-browser';
import {
  AuthRequiredError,
  createAuthProvider,
  createLocalAuthProvider,
  createMsalAuthProvider,
  type MsalAuthOptions,
} from '../../src/client/auth';

type Call = { readonly name: string; readonly args: unknown };

const account = { username: 'Grace.Okafor@contoso.org', name: 'Grace Okafor' };

/** A fake of the parts of msal-browser the provider uses; `silentFails` makes acquireTokenSilent throw. */
const fakeMsal = (state: { silentFails?: boolean; accounts?: (typeof account)[] } = {}) => {
  const calls: Call[] = [];
  let active: typeof account | null = null;
  const app = {
    getActiveAccount: () => active,
    getAllAccounts: () => state.accounts ?? [],
    setActiveAccount: (a: typeof account | null) => {
      active = a;
    },
    acquireTokenSilent: async (request: { scopes: string[] }) => {
      calls.push({ name: 'acquireTokenSilent', args: request });
      if (state.silentFails) throw Object.assign(new Error('timed_out'), { errorCode: 'timed_out' });
      return { accessToken: `silent:${request.scopes.join(' ')}`, account };
    },
    ssoSilent: async (request: unknown) => {
      calls.push({ name: 'ssoSilent', args: request });
      return { accessToken: 'sso', account };
    },
    acquireTokenPopup: async (request: unknown) => {
      calls.push({ name: 'acquireTokenPopup', args: request });
      state.accounts = [account];
      return { accessToken: 'popup', account };
    },
  };
  const module = {
    createNestablePublicClientApplication: async (config: unknown) => {
      calls.push({ name: 'createNestable', args: config });
      return app;
    },
    createStandardPublicClientApplication: async (config: unknown) => {
      calls.push({ name: 'createStandard', args: config });
      return app;
    },
    CacheLookupPolicy: { AccessTokenAndRefreshToken: 1 },
  };
  return { calls, loadMsal: async () => module as unknown as typeof Msal };
};

const base: Omit<MsalAuthOptions, 'host' | 'naaSupported' | 'loadMsal'> = {
  clientId: 'app-id',
  authority: 'https://login.microsoftonline.com/tenant-id',
  redirectUri: 'https://app.example/auth/redirect.html',
  apiScope: 'api://app.example/app-id/access_as_user',
};

describe('tenant sign-in outside nested app authentication (a browser, Teams web, older Office)', () => {
  it('never calls ssoSilent (a hidden iframe the CSP blocks) and reports "not signed in" quietly', async () => {
    const msal = fakeMsal();
    const auth = createMsalAuthProvider({ ...base, host: 'browser', naaSupported: false, ...msal });
    expect(await auth.restore()).toBeUndefined();
    await expect(auth.getToken()).rejects.toBeInstanceOf(AuthRequiredError);
    expect(msal.calls.map((c) => c.name)).toEqual(['createStandard']);
  });

  it('signs in with a popup that returns to the redirect bridge page, then renews from the refresh token', async () => {
    const msal = fakeMsal();
    const auth = createMsalAuthProvider({ ...base, host: 'browser', naaSupported: false, ...msal });
    expect(await auth.signIn()).toEqual({ upn: 'grace.okafor@contoso.org', displayName: 'Grace Okafor' });
    const popup = msal.calls.find((c) => c.name === 'acquireTokenPopup');
    expect(popup?.args).toMatchObject({ redirectUri: 'https://app.example/auth/redirect.html' });
    expect(await auth.getApiToken()).toBe('silent:api://app.example/app-id/access_as_user');
    const silent = msal.calls.filter((c) => c.name === 'acquireTokenSilent').at(-1);
    // Cache then refresh token only: no iframe renewal, which would only time out behind the CSP.
    expect(silent?.args).toMatchObject({ cacheLookupPolicy: 1 });
  });

  it('turns a blocked or timed-out silent renewal into "sign in again", not an error page', async () => {
    const msal = fakeMsal({ silentFails: true, accounts: [account] });
    const auth = createMsalAuthProvider({ ...base, host: 'browser', naaSupported: false, ...msal });
    expect(await auth.restore()).toBeUndefined();
    await expect(auth.getToken()).rejects.toBeInstanceOf(AuthRequiredError);
  });
});

describe('tenant sign-in with nested app authentication (Teams, Outlook, Office with NestedAppAuth 1.1)', () => {
  it('builds the nestable client and lets the host sign the person in silently', async () => {
    const msal = fakeMsal();
    const auth = createMsalAuthProvider({
      ...base,
      host: 'teams',
      naaSupported: true,
      loginHint: 'grace.okafor@contoso.org',
      ...msal,
    });
    expect(await auth.restore()).toEqual({ upn: 'grace.okafor@contoso.org', displayName: 'Grace Okafor' });
    expect(msal.calls.map((c) => c.name)).toEqual(['createNestable', 'ssoSilent']);
    expect(msal.calls[1]?.args).toMatchObject({ loginHint: 'grace.okafor@contoso.org' });
  });
});

describe('tenant sign-in in Office without nested app authentication', () => {
  const dialogMessage = (expiresOn: number) =>
    JSON.stringify({
      ok: true,
      account,
      tokens: {
        'https://graph.microsoft.com/Sites.ReadWrite.All https://graph.microsoft.com/User.ReadBasic.All': {
          accessToken: 'graph-from-dialog',
          expiresOn,
        },
        'api://app.example/app-id/access_as_user': { accessToken: 'api-from-dialog', expiresOn },
      },
    });

  it('opens the Office dialog page with the scopes it needs and uses the tokens it hands back', async () => {
    const opened: string[] = [];
    const msal = fakeMsal();
    const auth = createMsalAuthProvider({
      ...base,
      host: 'office',
      naaSupported: false,
      ...msal,
      officeDialog: {
        open: async (url) => {
          opened.push(url);
          return dialogMessage(Date.now() + 3_600_000);
        },
      },
    });
    expect(await auth.restore()).toBeUndefined();
    expect(await auth.signIn()).toEqual({ upn: 'grace.okafor@contoso.org', displayName: 'Grace Okafor' });
    const url = new URL(opened[0] ?? '');
    expect(url.origin + url.pathname).toBe('https://app.example/auth/dialog.html');
    expect(JSON.parse(url.searchParams.get('scopes') ?? '')).toHaveLength(2);
    expect(await auth.getToken()).toBe('graph-from-dialog');
    expect(await auth.getApiToken()).toBe('api-from-dialog');
    // No popup and no MSAL client in the pane: the dialog did the sign-in.
    expect(msal.calls).toEqual([]);
  });

  it('asks to sign in again when the dialog tokens expire, and reports a dialog failure', async () => {
    const auth = createMsalAuthProvider({
      ...base,
      host: 'office',
      naaSupported: false,
      ...fakeMsal(),
      officeDialog: { open: async () => dialogMessage(Date.now() + 30_000) },
    });
    await auth.signIn();
    await expect(auth.getToken()).rejects.toBeInstanceOf(AuthRequiredError);
    const failing = createMsalAuthProvider({
      ...base,
      host: 'office',
      naaSupported: false,
      ...fakeMsal(),
      officeDialog: { open: async () => JSON.stringify({ ok: false, error: 'AADSTS50011' }) },
    });
    await expect(failing.signIn()).rejects.toThrow('AADSTS50011');
  });
});

describe('the app API token', () => {
  it('local mode asks localgraph for the API audience once and caches it', async () => {
    const bodies: string[] = [];
    const jwt = (claims: object) => `h.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.s`;
    const map = new Map<string, string>();
    const auth = createLocalAuthProvider({
      graphBaseUrl: 'http://127.0.0.1:1',
      apiScope: 'api://localhost/app/access_as_user',
      storage: {
        getItem: (k) => map.get(k) ?? null,
        setItem: (k, v) => void map.set(k, v),
        removeItem: (k) => void map.delete(k),
      },
      fetch: (async (_url: string, init: RequestInit) => {
        bodies.push(String(init.body));
        return new Response(
          JSON.stringify({ access_token: jwt({ upn: 'a@contoso.org' }), expires_in: 3600 }),
        );
      }) as unknown as typeof fetch,
    });
    await auth.signIn('a@contoso.org');
    await auth.getApiToken();
    await auth.getApiToken();
    expect(bodies).toEqual([
      '{"upn":"a@contoso.org"}',
      '{"upn":"a@contoso.org","scope":"api://localhost/app/access_as_user"}',
    ]);
  });

  it('a tenant configuration builds the redirect URI from the page origin', () => {
    const auth = createAuthProvider(
      {
        graphBaseUrl: 'https://graph.microsoft.com',
        authMode: 'tenant',
        clientId: 'app',
        siteHostname: 'h',
        sitePath: '/sites/g',
      },
      { origin: 'https://app.example' },
    );
    expect(auth.mode).toBe('tenant');
  });
});
