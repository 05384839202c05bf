// The bot section and the fr/es/ar localisation files added to the Teams manifest (scripts/add-bot-to-manifest.ts):
// commands the bot really understands, tab names from the tab's own catalogues, and a package that validates.
import { readFileSync } from 'node:fs';
import { COMMANDS } from '../../src/bot/cards/i18n';
import { fr } from '../../src/tab/i18n/fr';
import { buildTeamsPackage } from '../../scripts/lib/teams-package';
import {
  MANIFEST_LOCALES,
  checkCommandWords,
  localisationFile,
  translateUiString,
  withBotAndLocalisation,
} from '../../scripts/lib/manifest-bot';
import { readZip } from '../../scripts/lib/zip';
import { makePng, makeTree } from './fixtures';

const manifest = {
  $schema: 'https://developer.microsoft.com/json-schemas/teams/v1.24/MicrosoftTeams.schema.json',
  manifestVersion: '1.24',
  version: '1.0.0',
  id: '${{TEAMS_APP_ID}}',
  developer: {
    name: 'Data & AI Governance',
    websiteUrl: '${{TAB_ENDPOINT}}',
    privacyUrl: '${{TAB_ENDPOINT}}/privacy',
    termsOfUseUrl: '${{TAB_ENDPOINT}}/terms',
  },
  icons: { color: 'color.png', outline: 'outline.png' },
  name: { short: 'Governance Hub', full: 'Governance Hub' },
  description: { short: 'Registers', full: 'Data inventory, AI registry, risk register' },
  accentColor: '#0F6CBD',
  staticTabs: [
    {
      entityId: 'mine',
      name: 'My records',
      contentUrl: '${{TAB_ENDPOINT}}/tab/#/mine',
      scopes: ['personal'],
    },
    {
      entityId: 'other',
      name: 'Something new',
      contentUrl: '${{TAB_ENDPOINT}}/tab/#/x',
      scopes: ['personal'],
    },
  ],
  validDomains: ['${{TAB_DOMAIN}}'],
};

describe('bot section and localisation', () => {
  it('uses command words the bot recognises, in four languages', () => {
    expect(checkCommandWords()).toEqual([]);
    const bot = (
      withBotAndLocalisation(manifest).bots as { commandLists: { commands: { title: string }[] }[] }[]
    )[0];
    const titles = bot?.commandLists[0]?.commands.map((c) => c.title) ?? [];
    expect(titles).toEqual(['status', 'help']);
    for (const locale of MANIFEST_LOCALES) {
      const { file } = localisationFile(withBotAndLocalisation(manifest), locale);
      expect(COMMANDS.status).toContain(file['bots[0].commandLists[0].commands[0].title']);
      expect(COMMANDS.help).toContain(file['bots[0].commandLists[0].commands[1].title']);
    }
  });

  it("translates tab names with the tab's own catalogues and reports the ones it cannot", () => {
    expect(translateUiString('My records', 'fr')).toBe(fr.app.myRecords);
    const { file, untranslated } = localisationFile(withBotAndLocalisation(manifest), 'ar');
    expect(file['staticTabs[1].name']).toBe('Something new');
    expect(untranslated).toEqual(['Something new']);
  });

  it('is idempotent and keeps the rest of the manifest', () => {
    const once = withBotAndLocalisation(manifest);
    expect(withBotAndLocalisation(once)).toEqual(once);
    expect(once.staticTabs).toEqual(manifest.staticTabs);
  });

  it('packages into a valid Teams app with fr, es and ar files', async () => {
    const full = withBotAndLocalisation(manifest);
    const files: Record<string, string | Buffer> = {
      'env/.env.dev': [
        'TEAMS_APP_ID=2f3e4d5c-0000-4000-8000-00000000abcd',
        'BOT_ID=6a1c7a2e-0000-4000-8000-00000000b075',
        'TAB_DOMAIN=govhub-web.azurewebsites.net',
        'TAB_ENDPOINT=https://govhub-web.azurewebsites.net',
      ].join('\n'),
      'appPackage/manifest.json': JSON.stringify(full),
      'appPackage/color.png': makePng(192, 192),
      'appPackage/outline.png': makePng(32, 32, 0),
    };
    for (const l of MANIFEST_LOCALES)
      files[`appPackage/${l}.json`] = JSON.stringify(localisationFile(full, l).file);
    const result = await buildTeamsPackage({ rootDir: makeTree(files), envName: 'dev' });
    const names = readZip(readFileSync(result.zipPath)).map((e) => e.name);
    expect(names).toEqual(['manifest.json', 'color.png', 'outline.png', 'fr.json', 'es.json', 'ar.json']);
  });
});
