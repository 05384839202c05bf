import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, describeConfig, loadConfig } from '../../src/cli/config';

const repoRoot = join(__dirname, '..', '..');

function tempRoot(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'gh-config-'));
  mkdirSync(join(root, 'env'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, 'env', name), text);
  return root;
}

function problemsOf(fn: () => unknown): readonly string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const LOCAL = [
  'GRAPH_MODE=local',
  'LOCALGRAPH_PORT=4400',
  'LOCALGRAPH_HOSTNAME=contoso.sharepoint.com',
  'LOCALGRAPH_ADMIN_SECRET=local-dev-secret',
  'GOVERNANCE_SITE_PATH=/sites/governance',
  'DATA_DIR=.data',
].join('\n');

describe('loadConfig', () => {
  it('reads the committed env/.env.local into a frozen local config', () => {
    const config = loadConfig({ envName: 'local', rootDir: repoRoot, processEnv: {} });
    expect(config.mode).toBe('local');
    if (config.mode !== 'local') return;
    expect(config.site).toEqual({ hostname: 'contoso.sharepoint.com', path: '/sites/governance' });
    expect(config.localGraph.port).toBe(4400);
    expect(config.localGraph.dbPath).toBe(join(repoRoot, '.data', 'graph.db'));
    expect(config.localGraph.faults).toEqual({
      throttleRate: 0,
      unavailableRate: 0,
      latencyMs: 0,
      retryAfterSeconds: 1,
    });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.localGraph.faults)).toBe(true);
  });

  it('rejects the committed env/.env.dev until the tenant values are filled, naming each variable', () => {
    const problems = problemsOf(() => loadConfig({ envName: 'dev', rootDir: repoRoot, processEnv: {} }));
    expect(problems.some((p) => p.startsWith('TENANT_ID:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('AAD_APP_CLIENT_ID:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('GOVERNANCE_SITE_HOSTNAME:'))).toBe(true);
  });

  it('overlays the .user file and then the process environment', () => {
    const root = tempRoot({
      '.env.dev': [
        'GRAPH_MODE=tenant',
        'TENANT_ID=11111111-2222-3333-4444-555555555555',
        'AAD_APP_CLIENT_ID=',
        'GOVERNANCE_SITE_HOSTNAME=contoso.sharepoint.com',
        'GOVERNANCE_SITE_PATH=/sites/governance',
      ].join('\n'),
      '.env.dev.user':
        'AAD_APP_CLIENT_SECRET=super-secret-value\nAAD_APP_CLIENT_ID=aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
    });
    const config = loadConfig({
      envName: 'dev',
      rootDir: root,
      processEnv: { GOVERNANCE_SITE_PATH: '/sites/gov2', UNRELATED: 'x' },
    });
    expect(config.mode).toBe('tenant');
    if (config.mode !== 'tenant') return;
    expect(config.tenant.clientId).toBe('aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee');
    expect(config.tenant.clientSecret).toBe('super-secret-value');
    expect(config.tenant.graphBaseUrl).toBe('https://graph.microsoft.com');
    expect(config.site.path).toBe('/sites/gov2');
    expect(config.envFiles).toHaveLength(2);
    // The printable view never shows the secret.
    expect(JSON.stringify(describeConfig(config))).not.toContain('super-secret-value');
  });

  it('reads the serve settings under the App Service names, PORT before WEBSITES_PORT, secrets redacted', () => {
    const root = tempRoot({
      '.env.dev': [
        'GRAPH_MODE=tenant',
        'TENANT_ID=11111111-2222-3333-4444-555555555555',
        'AAD_APP_CLIENT_ID=aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
        'GOVERNANCE_SITE_HOSTNAME=contoso.sharepoint.com',
        'GOVERNANCE_SITE_PATH=/sites/governance',
      ].join('\n'),
    });
    const connection =
      'DefaultEndpointsProtocol=https;AccountName=st1;AccountKey=c2VjcmV0LWFjY291bnQta2V5;EndpointSuffix=core.windows.net';
    const appService = {
      HOST: '0.0.0.0',
      WEBSITES_PORT: '8080',
      BOT_ID: 'bbbbbbbb-cccc-dddd-eeee-ffffffffffff',
      BOT_PASSWORD: 'bot-password-from-key-vault',
      AZURE_STORAGE_CONNECTION_STRING: connection,
      BOT_QUEUE_NAME: 'bot-send',
      LEDGER_PATH: '/home/data/bot-ledger.db',
      LEDGER_JOURNAL_MODE: 'delete',
    };
    const config = loadConfig({ envName: 'dev', rootDir: root, processEnv: appService });
    if (config.mode !== 'tenant') throw new Error('expected tenant');
    expect(config.serve).toEqual({
      host: '0.0.0.0',
      port: 8080,
      storageConnectionString: connection,
      queueName: 'bot-send',
      ledgerPath: '/home/data/bot-ledger.db',
      ledgerJournalMode: 'DELETE',
    });
    expect(config.tenant.botPassword).toBe('bot-password-from-key-vault');
    expect(config.tenant.tokenSource).toBe('entra');
    const printed = JSON.stringify(describeConfig(config));
    expect(printed).not.toContain('bot-password-from-key-vault');
    expect(printed).not.toContain('c2VjcmV0LWFjY291bnQta2V5');
    // App Service sets PORT itself; it wins over WEBSITES_PORT. Defaults: 8080, bot-send, .data/.
    const withPort = loadConfig({
      envName: 'dev',
      rootDir: root,
      processEnv: { ...appService, PORT: '9000' },
    });
    expect(withPort.mode === 'tenant' && withPort.serve.port).toBe(9000);
    const bare = loadConfig({ envName: 'dev', rootDir: root, processEnv: {} });
    if (bare.mode !== 'tenant') throw new Error('expected tenant');
    expect(bare.serve).toEqual({
      host: '0.0.0.0',
      port: 8080,
      queueName: 'bot-send',
      ledgerPath: join(root, '.data', 'bot-ledger.db'),
      // WAL locally: only network shares (App Service /home) need DELETE.
      ledgerJournalMode: 'WAL',
    });
    expect(
      problemsOf(() =>
        loadConfig({
          envName: 'dev',
          rootDir: root,
          processEnv: { BOT_QUEUE_NAME: 'Bot_Send', PORT: 'x', LEDGER_JOURNAL_MODE: 'memory' },
        }),
      ),
    ).toEqual(
      expect.arrayContaining([
        'BOT_QUEUE_NAME: must be a queue name: lower-case letters, digits and single hyphens',
        'PORT: must be a port number',
        'LEDGER_JOURNAL_MODE: must be one of WAL, DELETE, TRUNCATE, PERSIST',
      ]),
    );
  });

  it('names each bad variable with the reason', () => {
    const root = tempRoot({ '.env.local': LOCAL });
    const problems = problemsOf(() =>
      loadConfig({
        envName: 'local',
        rootDir: root,
        processEnv: {
          LOCALGRAPH_PORT: 'abc',
          FAULT_THROTTLE_RATE: '1.5',
          GOVERNANCE_SITE_PATH: 'governance',
          LOCALGRAPH_HOSTNAME: 'not a host',
        },
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'LOCALGRAPH_PORT: must be a port number',
        'FAULT_THROTTLE_RATE: must be between 0 and 1',
        'GOVERNANCE_SITE_PATH: must look like /sites/governance',
        'LOCALGRAPH_HOSTNAME: must be a host name such as contoso.sharepoint.com',
      ]),
    );
  });

  it('rejects an unknown GRAPH_MODE and a missing admin secret', () => {
    const root = tempRoot({ '.env.local': LOCAL });
    expect(
      problemsOf(() => loadConfig({ envName: 'local', rootDir: root, processEnv: { GRAPH_MODE: 'cloud' } })),
    ).toEqual(["GRAPH_MODE: must be 'local' or 'tenant'"]);
    expect(
      problemsOf(() =>
        loadConfig({ envName: 'local', rootDir: root, processEnv: { LOCALGRAPH_ADMIN_SECRET: '' } }),
      ),
    ).toEqual(['LOCALGRAPH_ADMIN_SECRET: required: client secret of the localgraph-admin app']);
  });

  it('reports a missing env file', () => {
    const root = tempRoot({});
    expect(problemsOf(() => loadConfig({ envName: 'local', rootDir: root, processEnv: {} }))[0]).toMatch(
      /env file not found/,
    );
  });
});
