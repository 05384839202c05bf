// The Agents Toolkit project files parse, use the v1.11 format and known actions, name files that exist, and
// agree with the Entra app manifest, the Bicep template and its parameters, and the tab's Graph scopes.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_KEYS } from '../../src/cli/config';
import { GRAPH_SCOPES } from '../../src/client/runtime-config';
import { ROOT, allSteps, bicepOutputs, readProject, referencedPaths } from './toolkit-project';

// Actions of the Agents Toolkit's v1.x project schema used (or usable) here.
const KNOWN_ACTIONS = new Set([
  'aadApp/create',
  'aadApp/update',
  'arm/deploy',
  'azureAppService/zipDeploy',
  'botAadApp/create',
  'botFramework/create',
  'cli/runNpmCommand',
  'cli/runNpxCommand',
  'devTool/install',
  'file/createOrUpdateEnvironmentFile',
  'file/createOrUpdateJsonFile',
  'script',
  'teamsApp/create',
  'teamsApp/extendToM365',
  'teamsApp/publishAppPackage',
  'teamsApp/update',
  'teamsApp/validateAppPackage',
  'teamsApp/validateManifest',
  'teamsApp/zipAppPackage',
]);

const TEAMS_MANIFEST = './appPackage/manifest.json';
const read = (f: string): string => readFileSync(join(ROOT, f), 'utf8');
const readJson = (f: string): Record<string, unknown> => JSON.parse(read(f)) as Record<string, unknown>;

describe.each(['teamsapp.yml', 'teamsapp.local.yml'])('%s', (file) => {
  const p = readProject(file);

  it('is a v1.11 project with the schema comment the toolkit expects', () => {
    expect(p.version).toBe('v1.11');
    expect(read(file)).toMatch(
      /^# yaml-language-server: \$schema=https:\/\/aka\.ms\/teams-toolkit\/v1\.11\/yaml\.schema\.json/,
    );
    expect(p.provision.length).toBeGreaterThan(0);
  });

  it('uses only known toolkit actions', () => {
    expect(
      allSteps(p)
        .map((s) => s.uses)
        .filter((u) => !KNOWN_ACTIONS.has(u)),
    ).toEqual([]);
  });

  it('names files that exist', () => {
    const missing = referencedPaths(p)
      .filter((r) => r.path !== TEAMS_MANIFEST)
      .filter((r) => !existsSync(join(ROOT, r.path)));
    expect(missing).toEqual([]);
    expect(referencedPaths(p).map((r) => r.path)).toContain(TEAMS_MANIFEST);
  });

  // The Teams manifest belongs to the tab's work; until it is committed there is nothing to check.
  (existsSync(join(ROOT, TEAMS_MANIFEST)) ? it : it.skip)('names the Teams manifest, which exists', () => {
    expect(existsSync(join(ROOT, TEAMS_MANIFEST))).toBe(true);
  });

  it('registers the Entra app, the bot and the Teams app, and uploads a validated package', () => {
    const uses = p.provision.map((s) => s.uses);
    for (const action of [
      'aadApp/create',
      'aadApp/update',
      'botAadApp/create',
      'teamsApp/create',
      'teamsApp/update',
    ]) {
      expect(uses).toContain(action);
    }
    expect(uses.indexOf('teamsApp/validateManifest')).toBeLessThan(uses.indexOf('teamsApp/zipAppPackage'));
    expect(uses.indexOf('teamsApp/zipAppPackage')).toBeLessThan(uses.indexOf('teamsApp/update'));
    const zip = p.provision.find((s) => s.uses === 'teamsApp/zipAppPackage');
    expect(zip?.with?.outputZipPath).toBe('./appPackage/build/appPackage.${{TEAMSFX_ENV}}.zip');
    const create = p.provision.find((s) => s.uses === 'aadApp/create');
    expect(create?.with?.generateClientSecret).toBe(false);
    expect(create?.with?.signInAudience).toBe('AzureADMyOrg');
  });
});

describe('teamsapp.yml (tenant)', () => {
  const p = readProject('teamsapp.yml');
  const bicep = read('infra/azure.bicep');

  it('deploys Azure before completing the Entra app (the redirect URI needs the web app domain)', () => {
    const uses = p.provision.map((s) => s.uses);
    expect(uses.indexOf('arm/deploy')).toBeLessThan(uses.indexOf('aadApp/update'));
    expect(uses).not.toContain('botFramework/create'); // the Azure Bot resource in Bicep registers the bot
  });

  it('deploys with zip deploy to the web app that Bicep outputs, and publishes to the org catalogue', () => {
    const zipDeploy = p.deploy.find((s) => s.uses === 'azureAppService/zipDeploy');
    expect(zipDeploy?.with?.resourceId).toBe('${{WEB_APP_RESOURCE_ID}}');
    expect(bicepOutputs('infra/azure.bicep')).toEqual(
      expect.arrayContaining([
        'WEB_APP_RESOURCE_ID',
        'TAB_DOMAIN',
        'TAB_ENDPOINT',
        'BOT_DOMAIN',
        'BOT_ENDPOINT',
      ]),
    );
    expect(p.publish.map((s) => s.uses)).toContain('teamsApp/publishAppPackage');
    const scripts = (readJson('package.json').scripts ?? {}) as Record<string, string>;
    for (const step of [...p.provision, ...p.deploy].filter((s) => s.uses === 'cli/runNpmCommand')) {
      const args = String(step.with?.args);
      const run = /^run (\S+)/.exec(args);
      if (run) expect(scripts[run[1] as string]).toBeDefined();
    }
  });

  it('passes every required Bicep parameter, and only declared ones', () => {
    const declared = [...bicep.matchAll(/^param\s+(\w+)\s+\w+(\s*=)?/gm)].map((m) => ({
      name: m[1],
      hasDefault: !!m[2],
    }));
    const params = Object.keys((readJson('infra/azure.parameters.json').parameters ?? {}) as object);
    expect(params.filter((n) => !declared.some((d) => d.name === n))).toEqual([]);
    expect(
      declared.filter((d) => !d.hasDefault && !params.includes(d.name as string)).map((d) => d.name),
    ).toEqual([]);
  });

  it('keeps secrets out of Bicep outputs and app settings', () => {
    const outputs = [...bicep.matchAll(/^output\s+(\w+)\s+\w+\s*=\s*(.+)$/gm)];
    for (const [, name, value] of outputs) {
      expect(`${name} ${value}`).not.toMatch(/secret|password|listKeys|ConnectionString|InstrumentationKey/i);
    }
    expect(bicep).toMatch(/@secure\(\)\s*\n(@description\([^\n]*\)\s*\n)?param botAadAppClientSecret string/);
    // The bot secret only reaches the app through a Key Vault reference.
    expect(bicep).toMatch(/BOT_PASSWORD: '@Microsoft\.KeyVault\(SecretUri=/);
    expect(bicep).not.toMatch(/BOT_PASSWORD: botAadAppClientSecret/);
  });

  it('describes one Linux Node 20 web app, the Azure Bot with the Teams channel, storage, insights', () => {
    expect(bicep).toMatch(/linuxFxVersion: 'NODE\|20-lts'/);
    expect(bicep).toMatch(/'Microsoft\.BotService\/botServices@/);
    expect(bicep).toMatch(/channelName: 'MsTeamsChannel'/);
    expect(bicep).toMatch(/endpoint: '\$\{tabEndpoint\}\/api\/messages'/);
    expect(bicep).toMatch(/msaAppType: 'SingleTenant'/);
    expect(bicep).toMatch(/queueServices\/queues@/);
    expect(bicep).toMatch(/'Microsoft\.Insights\/components@/);
    expect(bicep).toMatch(/type: 'SystemAssigned'/);
  });
});

describe('aad.manifest.json (Entra app of the tab and the add-in)', () => {
  const m = readJson('aad.manifest.json');
  const replyUrls = (m.replyUrlsWithType ?? []) as { url: string; type: string }[];

  it('has the SPA redirect URI nested app authentication needs: brk-multihub://<domain>', () => {
    expect(replyUrls).toContainEqual({ url: 'brk-multihub://${{TAB_DOMAIN}}', type: 'Spa' });
    expect(replyUrls.every((r) => r.type === 'Spa')).toBe(true);
  });

  it('exposes api://<domain>/<client id> and pre-authorizes the Teams and Office clients', () => {
    expect(m.identifierUris).toEqual(['api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}']);
    const pre = ((m.preAuthorizedApplications ?? []) as { appId: string }[]).map((a) => a.appId);
    expect(pre).toEqual(
      expect.arrayContaining([
        '1fec8e78-bce4-4aaf-ab1b-5451cc387264', // Teams desktop and mobile
        '5e3ce6c0-2b1f-4285-8d4b-75ee78787346', // Teams web
        'ea5a67f6-b6f3-4338-b240-c655ddc3cc8e', // Office applications
        '93d53678-613d-4013-afc1-62e9e444a0a5', // Office on the web
      ]),
    );
    expect(m.signInAudience).toBe('AzureADMyOrg');
  });

  it('asks for exactly the delegated Graph scopes the front ends request, and no application permission', () => {
    const access = (
      (m.requiredResourceAccess ?? []) as {
        resourceAppId: string;
        resourceAccess: { id: string; type: string }[];
      }[]
    ).flatMap((r) => r.resourceAccess);
    expect(access.every((a) => a.type === 'Scope')).toBe(true);
    for (const scope of GRAPH_SCOPES) {
      expect(access.map((a) => a.id)).toContain(scope.replace('https://graph.microsoft.com/', ''));
    }
    const graphScopes = access
      .map((a) => a.id)
      .filter((id) => !['openid', 'profile', 'offline_access', 'User.Read'].includes(id));
    expect(graphScopes.sort()).toEqual(
      GRAPH_SCOPES.map((s) => s.replace('https://graph.microsoft.com/', '')).sort(),
    );
  });
});

describe('.webappignore', () => {
  const ignore = read('.webappignore')
    .split('\n')
    .map((l) => l.trim());

  it('keeps dependencies, secrets and tests out of the upload, and the built front ends in', () => {
    for (const entry of ['node_modules/', 'env/*.user', 'tests/', '.data/']) expect(ignore).toContain(entry);
    expect(ignore.some((l) => l === 'dist/' || l === 'dist/web/' || l === 'src/')).toBe(false);
  });
});

describe('docs/deploy.md', () => {
  const doc = read('docs/deploy.md');

  it('walks through every action of teamsapp.yml and teamsapp.local.yml', () => {
    const actions = new Set(
      [...allSteps(readProject('teamsapp.yml')), ...allSteps(readProject('teamsapp.local.yml'))].map(
        (s) => s.uses,
      ),
    );
    const undocumented = [...actions].filter((a) => a !== 'script' && !doc.includes(`\`${a}\``));
    expect(undocumented).toEqual([]);
    for (const command of [
      'atk provision --env dev',
      'atk deploy --env dev',
      'atk publish --env dev',
      'npm run provision -- --tenant',
      'npm run package -- --env dev',
    ]) {
      expect(doc).toContain(command);
    }
  });

  it('names the scripts, the consent steps and the NAA redirect URI it relies on', () => {
    for (const script of [
      'scripts/grant-site-permission.ts',
      'scripts/set-officers-permission.ts',
      'scripts/package-app.ts',
    ]) {
      expect(existsSync(join(ROOT, script))).toBe(true);
      expect(doc).toContain(script);
    }
    for (const text of [
      'brk-multihub://<TAB_DOMAIN>',
      'Sites.Selected',
      'Sites.ReadWrite.All',
      'User.ReadBasic.All',
      'libsecret-1-dev',
      '@microsoft/m365agentstoolkit-cli',
      'breakroleinheritance',
      'addroleassignment',
    ]) {
      expect(doc).toContain(text);
    }
  });

  it('uses the Bicep outputs and env variables that exist', () => {
    const outputs = bicepOutputs('infra/azure.bicep');
    for (const name of [
      'WEB_APP_RESOURCE_ID',
      'TAB_DOMAIN',
      'TAB_ENDPOINT',
      'BOT_ENDPOINT',
      'ADDIN_ENDPOINT',
    ]) {
      expect(outputs).toContain(name);
      expect(doc).toContain(name);
    }
  });
});

describe('serve, build and package agree across package.json, Bicep, teamsapp.yml and the docs', () => {
  const bicep = read('infra/azure.bicep');
  const scripts = (readJson('package.json').scripts ?? {}) as Record<string, string>;
  const devDependencies = (readJson('package.json').devDependencies ?? {}) as Record<string, string>;
  const appSettings = (() => {
    const block = /resource webAppSettings[\s\S]*?properties: \{([\s\S]*?)\n {2}\}/.exec(bicep)?.[1] ?? '';
    return new Map([...block.matchAll(/^\s{4}(\w+): (.+)$/gm)].map((m) => [m[1] as string, m[2] as string]));
  })();

  it('App Service starts `npm run serve`, which exists, with the dependencies it needs installed', () => {
    expect(bicep).toMatch(/param startupCommand string = 'npm run serve'/);
    expect(scripts.serve).toBe('tsx src/cli/main.ts serve');
    // NODE_ENV=production makes `npm ci` skip devDependencies; tsx (which runs serve) is one.
    if ('tsx' in devDependencies) expect(appSettings.get('CUSTOM_BUILD_COMMAND')).toMatch(/--include=dev/);
  });

  it('sets every variable serve reads under the names src/cli/config.ts knows, secrets from Key Vault', () => {
    const keys = new Set(CONFIG_KEYS);
    for (const name of [
      'GRAPH_MODE',
      'GRAPH_BASE_URL',
      'TENANT_ID',
      'AAD_APP_CLIENT_ID',
      'GOVERNANCE_SITE_HOSTNAME',
      'GOVERNANCE_SITE_PATH',
      'HOST',
      'WEBSITES_PORT',
      'BOT_ID',
      'BOT_PASSWORD',
      'AZURE_STORAGE_CONNECTION_STRING',
      'BOT_QUEUE_NAME',
      'LEDGER_PATH',
      'TEAMS_APP_ID',
      'TAB_ENDPOINT',
    ]) {
      expect(appSettings.has(name)).toBe(true);
      expect(keys.has(name)).toBe(true);
    }
    expect(keys.has('PORT')).toBe(true); // set by App Service itself
    for (const secret of ['BOT_PASSWORD', 'AZURE_STORAGE_CONNECTION_STRING']) {
      expect(appSettings.get(secret)).toMatch(/^'@Microsoft\.KeyVault\(SecretUri=/);
    }
    expect(appSettings.get('LEDGER_PATH')).toMatch(/^'\/home\//);
    expect(appSettings.get('GRAPH_MODE')).toBe("'tenant'");
  });

  it('deploy builds with `npm run build`, which type-checks and builds dist/web', () => {
    const deploy = readProject('teamsapp.yml').deploy;
    const build = deploy.findIndex((s) => s.uses === 'cli/runNpmCommand' && s.with?.args === 'run build');
    expect(build).toBeGreaterThan(-1);
    expect(build).toBeLessThan(deploy.findIndex((s) => s.uses === 'azureAppService/zipDeploy'));
    expect(scripts.build).toMatch(/tsc -p tsconfig\.json --noEmit/);
    expect(scripts.build).toMatch(/scripts\/build-web\.ts/);
    expect(existsSync(join(ROOT, 'scripts/build-web.ts'))).toBe(true);
    expect(scripts.test).toBe('npm run typecheck && npm run lint && jest');
  });

  it('docs/deploy.md and README.md describe serve, build and package the same way', () => {
    const doc = read('docs/deploy.md');
    const readme = read('README.md');
    for (const text of ['npm run serve', 'npm run build', 'npm run package -- --env dev']) {
      expect(doc).toContain(text);
      expect(readme).toContain(text);
    }
    for (const name of [
      'BOT_PASSWORD',
      'AZURE_STORAGE_CONNECTION_STRING',
      'BOT_QUEUE_NAME',
      'LEDGER_PATH',
      'GRAPH_TOKEN_SOURCE',
      'WEBSITES_PORT',
      '/api/messages',
      '--include=dev',
    ]) {
      expect(doc).toContain(name);
    }
    expect(doc).not.toMatch(/npm start -- --tenant|npx vite build/);
  });
});
