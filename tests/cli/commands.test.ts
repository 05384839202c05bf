// The CLI through runCli: help, usage errors, remind's mode check, and seed -> export on a
// temporary data directory (an in-process embedded Graph, as when `npm start` is not running).
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { createMemoryOutput } from '../../src/cli/output';

const repoRoot = join(__dirname, '..', '..');

describe('runCli', () => {
  it('prints the command list and per-command help', async () => {
    const out = createMemoryOutput();
    expect(await runCli({ argv: ['--help'], output: out })).toBe(0);
    for (const name of ['start', 'provision', 'seed', 'export', 'remind']) {
      expect(out.lines.join('\n')).toContain(`  ${name}`);
    }
    const help = createMemoryOutput();
    expect(await runCli({ argv: ['export', '--help'], output: help })).toBe(0);
    expect(help.lines.join('\n')).toMatch(/--register/);
  });

  it('rejects unknown commands and options with exit code 2', async () => {
    const out = createMemoryOutput();
    expect(await runCli({ argv: ['deploy'], output: out })).toBe(2);
    expect(out.errors[0]).toMatch(/Unknown command 'deploy'/);
    expect(await runCli({ argv: ['seed', '--bogus'], output: createMemoryOutput() })).toBe(2);
  });

  it('remind refuses the tenant mode, where the bot runs behind Azure Bot Service', async () => {
    const out = createMemoryOutput();
    const code = await runCli({
      argv: ['remind'],
      output: out,
      rootDir: repoRoot,
      processEnv: {
        GRAPH_MODE: 'tenant',
        TENANT_ID: '11111111-2222-3333-4444-555555555555',
        AAD_APP_CLIENT_ID: '11111111-2222-3333-4444-555555555555',
        GOVERNANCE_SITE_HOSTNAME: 'contoso.sharepoint.com',
      },
    });
    expect(code).toBe(2);
    expect(out.errors.join('\n')).toMatch(/Azure Bot Service/);
  });

  it('reports configuration errors naming the variable, without printing secrets', async () => {
    const out = createMemoryOutput();
    const code = await runCli({
      argv: ['provision'],
      output: out,
      rootDir: repoRoot,
      processEnv: { LOCALGRAPH_PORT: 'not-a-port' },
    });
    expect(code).toBe(2);
    expect(out.errors.join('\n')).toMatch(/LOCALGRAPH_PORT: must be a port number/);
    expect(out.errors.join('\n')).not.toContain('local-dev-admin-secret');
  });

  it('start refuses tenant mode', async () => {
    const out = createMemoryOutput();
    const code = await runCli({
      argv: ['start'],
      output: out,
      rootDir: repoRoot,
      processEnv: {
        GRAPH_MODE: 'tenant',
        TENANT_ID: '11111111-2222-3333-4444-555555555555',
        AAD_APP_CLIENT_ID: '11111111-2222-3333-4444-555555555555',
        GOVERNANCE_SITE_HOSTNAME: 'contoso.sharepoint.com',
      },
    });
    expect(code).toBe(2);
    expect(out.errors.join('\n')).toMatch(/teamsapp\.yml/);
  });

  describe('seed then export on a fresh data directory', () => {
    let root: string;
    const env = () => ({ DATA_DIR: join(root, 'data'), LOCALGRAPH_PORT: '0' });

    beforeAll(() => {
      root = mkdtempSync(join(tmpdir(), 'gh-cli-cmd-'));
      mkdirSync(join(root, 'env'));
      copyFileSync(join(repoRoot, 'env', '.env.local'), join(root, 'env', '.env.local'));
    });
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    it('seeds once, then declines to seed again without --reset', async () => {
      const first = createMemoryOutput();
      expect(
        await runCli({
          argv: ['seed', '--date', '2026-11-24'],
          output: first,
          rootDir: root,
          processEnv: env(),
        }),
      ).toBe(0);
      expect(first.lines.join('\n')).toMatch(/Data inventory\s+420 items/);
      const second = createMemoryOutput();
      expect(await runCli({ argv: ['seed'], output: second, rootDir: root, processEnv: env() })).toBe(0);
      expect(second.lines.join('\n')).toMatch(/already has items/);
    });

    it('exports one formula-safe CSV per register with a BOM', async () => {
      const out = createMemoryOutput();
      const dir = join(root, 'exports');
      expect(
        await runCli({
          argv: ['export', '--out', dir],
          output: out,
          rootDir: root,
          processEnv: env(),
          now: () => new Date('2026-11-24T10:00:00Z'),
        }),
      ).toBe(0);
      expect(readdirSync(dir).sort()).toEqual([
        'AiRegistry-2026-11-24.csv',
        'DataInventory-2026-11-24.csv',
        'RiskRegister-2026-11-24.csv',
      ]);
      const csv = readFileSync(join(dir, 'DataInventory-2026-11-24.csv'), 'utf8');
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      const lines = csv.split('\r\n').filter((l) => l !== '');
      expect(lines).toHaveLength(421);
      expect(lines[0]).toMatch(/^\uFEFFID,Asset name,Description,/);
    });

    it('export rejects an unknown register', async () => {
      const out = createMemoryOutput();
      expect(
        await runCli({
          argv: ['export', '--register', 'nope'],
          output: out,
          rootDir: root,
          processEnv: env(),
        }),
      ).toBe(2);
    });
  });
});
