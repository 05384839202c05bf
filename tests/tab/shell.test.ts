import { createTabI18n, directionOf, resolveLocale } from '../../src/tab/i18n';
import { classifyFailure } from '../../src/tab/services/errors';
import { GraphError } from '../../src/graph/errors';
import { fluentTheme, themeFromTeams } from '../../src/tab/theme';
import { teamsDarkTheme, teamsHighContrastTheme } from '@fluentui/react-components';

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
