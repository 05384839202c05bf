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
