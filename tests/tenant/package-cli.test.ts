// `npm run package` as the admin (or teamsapp.yml) runs it: the script itself in a child process, with sample
// values for what provision writes (a temporary --values file) and a temporary --out-dir; then the zip.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPngInfo } from '../../scripts/lib/png';
import { readZip } from '../../scripts/lib/zip';
import { readProject } from './toolkit-project';
import { ROOT, filesUnder, placeholdersOf } from './toolkit-project';

const SAMPLE: Record<string, string> = {
  TEAMS_APP_ID: '2f3e4d5c-0000-4000-8000-00000000abcd',
  AAD_APP_CLIENT_ID: '7d1a0c2b-0000-4000-8000-00000000a11d',
  BOT_ID: '6a1c7a2e-0000-4000-8000-00000000b075',
  TAB_DOMAIN: 'govhub-web.azurewebsites.net',
  TAB_ENDPOINT: 'https://govhub-web.azurewebsites.net',
  ADDIN_ENDPOINT: 'https://govhub-web.azurewebsites.net',
  APP_NAME_SUFFIX: '-dev',
};

// Only what a clean shell has: no toolkit output may leak in from the test's own environment.
const cleanEnv = (): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  NODE_OPTIONS: '',
});

const runPackage = (args: readonly string[]): { code: number; stdout: string; stderr: string } => {
  try {
    const stdout = execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/package-app.ts', ...args],
      { cwd: ROOT, env: cleanEnv(), stdio: 'pipe', timeout: 120_000 },
    ).toString();
    return { code: 0, stdout, stderr: '' };
  } catch (error) {
    const e = error as { status?: number; stdout?: Buffer; stderr?: Buffer };
    return { code: e.status ?? 1, stdout: e.stdout?.toString() ?? '', stderr: e.stderr?.toString() ?? '' };
  }
};

describe('npm run package (scripts/package-app.ts) with sample values', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gh-package-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the sample covers every placeholder of the Teams and add-in manifests', () => {
    const used = [...filesUnder('appPackage', ['.json']), ...filesUnder('manifest', ['.xml'])]
      .flatMap(placeholdersOf)
      .map((p) => p.name);
    expect([...new Set(used)].filter((n) => !(n in SAMPLE) && n !== 'TEAMSFX_ENV')).toEqual([]);
  });

  it('writes a Teams zip with manifest, icons, fr/es/ar and the bot, and the Excel manifest', () => {
    const values = join(dir, 'sample.env');
    writeFileSync(
      values,
      Object.entries(SAMPLE)
        .map(([k, v]) => `${k}=${v}`)
        .join('\n'),
    );
    const out = join(dir, 'out');
    const result = runPackage(['--env', 'dev', '--values', values, '--out-dir', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Teams app package: .*appPackage\.dev\.zip/);

    const entries = readZip(readFileSync(join(out, 'appPackage.dev.zip')));
    const byName = new Map(entries.map((e) => [e.name, e.data]));
    expect([...byName.keys()].sort()).toEqual(
      ['ar.json', 'color.png', 'es.json', 'fr.json', 'manifest.json', 'outline.png'].sort(),
    );
    const manifest = JSON.parse(byName.get('manifest.json')!.toString()) as {
      id: string;
      bots: { botId: string }[];
      staticTabs: { contentUrl: string }[];
      validDomains: string[];
      webApplicationInfo: { id: string; resource: string };
      icons: { color: string; outline: string };
    };
    expect(manifest.id).toBe(SAMPLE.TEAMS_APP_ID);
    expect(manifest.bots[0]?.botId).toBe(SAMPLE.BOT_ID);
    expect(manifest.staticTabs[0]?.contentUrl.startsWith(`${SAMPLE.TAB_ENDPOINT}/tab/`)).toBe(true);
    expect(manifest.validDomains).toContain(SAMPLE.TAB_DOMAIN);
    expect(manifest.webApplicationInfo).toEqual({
      id: SAMPLE.AAD_APP_CLIENT_ID,
      resource: `api://${SAMPLE.TAB_DOMAIN}/${SAMPLE.AAD_APP_CLIENT_ID}`,
    });
    expect(readPngInfo(byName.get(manifest.icons.color)!)).toMatchObject({ width: 192, height: 192 });
    expect(readPngInfo(byName.get(manifest.icons.outline)!)).toMatchObject({ width: 32, height: 32 });
    expect([...byName.values()].some((d) => d.toString().includes('${{'))).toBe(false);

    const addin = join(out, 'addin', 'manifest.dev.xml');
    expect(existsSync(addin)).toBe(true);
    const xml = readFileSync(addin, 'utf8');
    expect(xml).toContain(`${SAMPLE.ADDIN_ENDPOINT}/taskpane/`);
    expect(xml).not.toContain('${{');
  });

  it('names the missing values when env/ and the values file leave some blank', () => {
    const values = join(dir, 'partial.env');
    writeFileSync(values, `TAB_DOMAIN=${SAMPLE.TAB_DOMAIN}\n`);
    const result = runPackage(['--env', 'dev', '--values', values, '--out-dir', join(dir, 'partial')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/TEAMS_APP_ID/);
  });

  it('is the packager teamsapp.yml runs', () => {
    const step = readProject('teamsapp.yml').provision.find(
      (s) => s.uses === 'cli/runNpmCommand' && String(s.with?.args).startsWith('run package'),
    );
    expect(step?.with?.args).toBe('run package -- --env ${{TEAMSFX_ENV}}');
  });
});
