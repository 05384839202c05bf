// `npm run package`: fill, validate offline with Microsoft's schema (@microsoft/app-manifest), check icons,
// zip. First on a small throw-away package (each failure Teams would report), then on the real appPackage/.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { envFileKeys, fillPlaceholders, readEnv } from '../../scripts/lib/env-files';
import {
  PackageValidationError,
  buildTeamsPackage,
  packagePlaceholders,
  repairPattern,
  validateAgainstOwnSchema,
} from '../../scripts/lib/teams-package';
import { readPngInfo } from '../../scripts/lib/png';
import { readZip } from '../../scripts/lib/zip';
import { makePng, makeTree } from './fixtures';
import { ROOT } from './toolkit-project';

const V = '1.24';
const schema = (file: string): string => `https://developer.microsoft.com/json-schemas/teams/v${V}/${file}`;

const baseManifest = {
  $schema: schema('MicrosoftTeams.schema.json'),
  manifestVersion: V,
  version: '1.0.0',
  id: '${{TEAMS_APP_ID}}',
  developer: {
    name: 'Data & AI Governance',
    websiteUrl: '${{TAB_ENDPOINT}}',
    privacyUrl: '${{TAB_ENDPOINT}}/privacy',
    termsOfUseUrl: '${{TAB_ENDPOINT}}/terms',
  },
  icons: { color: 'color.png', outline: 'outline.png' },
  name: { short: 'Governance Hub', full: 'Governance Hub${{APP_NAME_SUFFIX}}' },
  description: { short: 'Registers', full: 'Data inventory, AI registry, risk register' },
  accentColor: '#0F6CBD',
  staticTabs: [
    { entityId: 'home', name: 'Home', contentUrl: '${{TAB_ENDPOINT}}/tab/', scopes: ['personal'] },
  ],
  bots: [
    {
      botId: '${{BOT_ID}}',
      scopes: ['personal'],
      commandLists: [
        { scopes: ['personal'], commands: [{ title: 'digest', description: 'My stale records' }] },
      ],
    },
  ],
  validDomains: ['${{TAB_DOMAIN}}'],
  webApplicationInfo: {
    id: '${{AAD_APP_CLIENT_ID}}',
    resource: 'api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}',
  },
  localizationInfo: {
    defaultLanguageTag: 'en-us',
    additionalLanguages: [{ languageTag: 'fr-fr', file: 'fr.json' }],
  },
};
const fr = {
  $schema: schema('MicrosoftTeams.Localization.schema.json'),
  'name.short': 'Hub de gouvernance',
  'name.full': 'Hub de gouvernance',
  'description.short': 'Registres',
  'description.full': 'Inventaire des données, registre IA, registre des risques',
  'staticTabs[0].name': 'Accueil',
  'bots[0].commandLists[0].commands[0].title': 'résumé',
  'bots[0].commandLists[0].commands[0].description': 'Mes fiches à revoir',
};
const ENV = [
  'TEAMS_APP_ID=2f3e4d5c-0000-4000-8000-00000000abcd',
  'AAD_APP_CLIENT_ID=7d1a0c2b-0000-4000-8000-00000000a11d',
  'BOT_ID=6a1c7a2e-0000-4000-8000-00000000b075',
  'TAB_DOMAIN=govhub-web.azurewebsites.net',
  'TAB_ENDPOINT=https://govhub-web.azurewebsites.net',
  'APP_NAME_SUFFIX=-dev',
].join('\n');

function fixture(
  overrides: { manifest?: object; fr?: object; color?: Buffer; outline?: Buffer; env?: string } = {},
): string {
  return makeTree({
    'env/.env.dev': overrides.env ?? ENV,
    'appPackage/manifest.json': JSON.stringify(overrides.manifest ?? baseManifest, null, 2),
    'appPackage/fr.json': JSON.stringify(overrides.fr ?? fr, null, 2),
    'appPackage/color.png': overrides.color ?? makePng(192, 192),
    'appPackage/outline.png': overrides.outline ?? makePng(32, 32, 0),
  });
}

async function problemsOf(root: string): Promise<readonly string[]> {
  try {
    await buildTeamsPackage({ rootDir: root, envName: 'dev' });
  } catch (error) {
    if (error instanceof PackageValidationError) return error.problems;
    throw error;
  }
  return [];
}

describe('buildTeamsPackage on a small package', () => {
  it('fills the placeholders, validates and zips manifest, icons and localisation files', async () => {
    const root = fixture();
    const result = await buildTeamsPackage({ rootDir: root, envName: 'dev' });
    expect(result.zipPath).toBe(join(root, 'appPackage', 'build', 'appPackage.dev.zip'));
    const entries = readZip(readFileSync(result.zipPath));
    expect(entries.map((e) => e.name)).toEqual(['manifest.json', 'color.png', 'outline.png', 'fr.json']);
    const manifest = JSON.parse(entries[0]!.data.toString()) as typeof baseManifest;
    expect(manifest.id).toBe('2f3e4d5c-0000-4000-8000-00000000abcd');
    expect(manifest.name.full).toBe('Governance Hub-dev');
    expect(manifest.webApplicationInfo.resource).toBe(
      'api://govhub-web.azurewebsites.net/7d1a0c2b-0000-4000-8000-00000000a11d',
    );
    expect(JSON.stringify(manifest)).not.toContain('${{');
    expect(existsSync(result.manifestOutPath)).toBe(true);
  });

  it('takes values from env/.env.<env>.user and from the toolkit (process env) over the env file', async () => {
    const root = fixture({ env: ENV.replace(/^TAB_DOMAIN=.*$/m, 'TAB_DOMAIN=') });
    const processEnv = { TAB_DOMAIN: 'govhub-web.azurewebsites.net', UNRELATED: 'x' };
    const result = await buildTeamsPackage({ rootDir: root, envName: 'dev', processEnv });
    expect((result.manifest.validDomains as string[])[0]).toBe('govhub-web.azurewebsites.net');
  });

  it('names every variable that has no value', async () => {
    const root = fixture({ env: ENV.replace(/^BOT_ID=.*$/m, 'BOT_ID=').replace(/^TEAMS_APP_ID=.*\n/m, '') });
    await expect(buildTeamsPackage({ rootDir: root, envName: 'dev' })).rejects.toThrow(
      /no value for \$\{\{TEAMS_APP_ID\}\}, \$\{\{BOT_ID\}\}/,
    );
  });

  it("reports schema errors from Microsoft's schema", async () => {
    const { accentColor: _drop, ...noAccent } = baseManifest;
    const problems = await problemsOf(
      fixture({ manifest: { ...noAccent, description: { short: 'x'.repeat(81), full: 'y' } } }),
    );
    expect(problems.join('\n')).toMatch(/accentColor/);
    expect(problems.join('\n')).toMatch(/\/description\/short must NOT have more than 80 characters/);
  });

  it("checks icon sizes and the outline icon's transparency", async () => {
    const problems = await problemsOf(fixture({ color: makePng(96, 96), outline: makePng(32, 32) }));
    expect(problems).toEqual([
      'icons.color (color.png) is 96x96; Teams requires 192x192',
      'icons.outline (outline.png) has no transparency; Teams requires white on a transparent background',
    ]);
  });

  it("requires the tab's https domain in validDomains", async () => {
    const manifest = { ...baseManifest, validDomains: ['example.org'] };
    expect(await problemsOf(fixture({ manifest }))).toEqual([
      'staticTabs[0].contentUrl: govhub-web.azurewebsites.net is not listed in validDomains',
    ]);
  });

  it('validates localisation files against the localisation schema', async () => {
    const problems = await problemsOf(fixture({ fr: { ...fr, 'staticTabs[0].nom': 'Accueil' } }));
    expect(problems.join('\n')).toMatch(/^fr\.json: .*additional properties/m);
  });
});

describe('schema helpers', () => {
  it('repairs the lone ] of the published localisation schema patterns for unicode regular expressions', () => {
    const broken = String.raw`^activities.activityTypes\[\b([0-9]|[1-8][0-9])\b]\.description$`;
    expect(() => new RegExp(broken, 'u')).toThrow();
    const fixed = repairPattern(broken);
    expect(new RegExp(fixed, 'u').test('activities.activityTypes[12].description')).toBe(true);
    expect(repairPattern('^[a-z]+$')).toBe('^[a-z]+$');
  });

  it('refuses schemas that are not shipped offline instead of fetching them', async () => {
    const problems = await validateAgainstOwnSchema({ $schema: 'https://example.org/schema.json' }, 'x');
    expect(problems.join()).toMatch(/not a Teams schema/);
  });
});

// ----- the real package (appPackage/ belongs to the tab's work; checked once it is committed) -----

const REAL_MANIFEST = join(ROOT, 'appPackage', 'manifest.json');

/** Sample values for what provision would write (ids, domains), keeping every value env/ already has. */
function sampleValues(names: readonly string[]): Record<string, string> {
  const existing = readEnv({ rootDir: ROOT, envName: 'dev' }).values;
  const out: Record<string, string> = {};
  names.forEach((name, i) => {
    if ((existing[name] ?? '').trim() !== '') return;
    const hex = (i + 1).toString(16).padStart(12, '0');
    if (/DOMAIN$/.test(name)) out[name] = 'govhub-web.azurewebsites.net';
    else if (/(ENDPOINT|URL)$/.test(name)) out[name] = 'https://govhub-web.azurewebsites.net';
    else if (/(_ID|HOSTNAME)$/.test(name) && /HOSTNAME$/.test(name)) out[name] = 'contoso.sharepoint.com';
    else if (/_ID$/.test(name)) out[name] = `00000000-0000-4000-8000-${hex}`;
    else out[name] = 'sample';
  });
  return out;
}

(existsSync(REAL_MANIFEST) ? describe : describe.skip)('the real appPackage/', () => {
  const names = existsSync(REAL_MANIFEST) ? packagePlaceholders(REAL_MANIFEST) : [];

  it('takes every placeholder from env/.env.dev (or a provision output)', () => {
    const keys = new Set(envFileKeys(join(ROOT, 'env', '.env.dev')));
    expect(names.filter((n) => !keys.has(n) && n !== 'TEAMSFX_ENV')).toEqual([]);
  });

  it('packages into a zip Teams accepts: valid manifest, 192/32 icons, fr/es/ar localisation, bot', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'govhub-package-'));
    const overrides = sampleValues(names);
    const result = await buildTeamsPackage({ rootDir: ROOT, envName: 'dev', overrides, outDir });
    const entries = readZip(readFileSync(result.zipPath));
    const byName = new Map(entries.map((e) => [e.name, e.data]));
    expect(byName.has('manifest.json')).toBe(true);
    const m = JSON.parse(byName.get('manifest.json')!.toString()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- any: reading an arbitrary manifest in a test
    expect(readPngInfo(byName.get(m.icons.color)!)).toMatchObject({ width: 192, height: 192 });
    expect(readPngInfo(byName.get(m.icons.outline)!)).toMatchObject({ width: 32, height: 32 });
    const languages = (m.localizationInfo?.additionalLanguages ?? []) as {
      languageTag: string;
      file: string;
    }[];
    for (const lang of ['fr', 'es', 'ar']) {
      const entry = languages.find((l) => l.languageTag.toLowerCase().startsWith(lang));
      expect(entry).toBeDefined();
      expect(byName.has(entry!.file)).toBe(true);
    }
    expect(m.staticTabs.length).toBeGreaterThan(0);
    expect(m.webApplicationInfo?.id).toBe(overrides.AAD_APP_CLIENT_ID ?? expect.any(String));
    expect(JSON.stringify(m)).not.toContain('${{');
  });

  it('fills JSON-escaped values (a quote in a value cannot break the manifest)', () => {
    const text = readFileSync(REAL_MANIFEST, 'utf8');
    const values = Object.fromEntries(names.map((n) => [n, 'a"b\\c']));
    const filled = fillPlaceholders(text, values, 'manifest.json', (v) => JSON.stringify(v).slice(1, -1));
    expect(() => JSON.parse(filled) as unknown).not.toThrow();
  });
});
