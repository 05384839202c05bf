import { createLocalAuthProvider, AuthRequiredError } from '../../src/tab/auth';
import { createTabI18n, directionOf, resolveLocale } from '../../src/tab/i18n';
import { parseRuntimeConfig } from '../../src/tab/runtime-config';
import { classifyFailure } from '../../src/tab/services/errors';
import { GraphError } from '../../src/graph/errors';
import { fluentTheme, themeFromTeams } from '../../src/tab/theme';
import { teamsDarkTheme, teamsHighContrastTheme } from '@fluentui/react-components';

const jwt = (claims: object) => `h.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.s`;

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
});

describe('i18n', () => {
  it('maps Teams locales and directions', () => {
    expect(resolveLocale('fr-FR')).toBe('fr');
    expect(resolveLocale('ar-sa')).toBe('ar');
    expect(resolveLocale('de-DE')).toBe('en');
    expect(directionOf('ar')).toBe('rtl');
  });
  it('has every plural form Arabic needs', async () => {
    const i18n = await createTabI18n('ar');
    expect(i18n.t('browse.count', { count: 5 })).toBe('عدد السجلات: 5');
    expect(i18n.t('browse.count', { count: 1 })).toBe('سجل واحد');
    await i18n.changeLanguage('fr');
    expect(i18n.t('browse.count', { count: 2 })).toBe('2 enregistrements');
  });
});

describe('failures', () => {
  it.each([
    [401, 'unauthenticated'],
    [403, 'forbidden'],
    [404, 'notFound'],
    [412, 'conflict'],
    [429, 'throttled'],
    [503, 'server'],
  ])('HTTP %i is %s', (status, kind) => {
    expect(classifyFailure(new GraphError({ status, code: 'x', message: 'm' }), true).kind).toBe(kind);
  });
  it('a network failure offline is offline', () => {
    expect(classifyFailure(new TypeError('Failed to fetch'), false).kind).toBe('offline');
    expect(classifyFailure(new GraphError({ status: 0, code: 'network', message: 'm' }), false).kind).toBe(
      'offline',
    );
  });
});

describe('themes', () => {
  it('follows Teams', () => {
    expect(fluentTheme(themeFromTeams('dark'))).toBe(teamsDarkTheme);
    expect(fluentTheme(themeFromTeams('contrast'))).toBe(teamsHighContrastTheme);
  });
});
