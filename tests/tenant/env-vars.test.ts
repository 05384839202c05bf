// Every ${{VAR}} that the toolkit or `npm run package` substitutes must have a source: a key of the profile's
// env file (env/.env.dev for teamsapp.yml, env/.env.local for teamsapp.local.yml), a variable written by one
// of the profile's steps (writeToEnvironmentFile, or a Bicep output of arm/deploy), or the toolkit itself.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { envFileKeys } from '../../scripts/lib/env-files';
import {
  ROOT,
  TOOLKIT_IMPLICIT,
  filesUnder,
  placeholdersOf,
  producedVariables,
  readProject,
  referencedPaths,
} from './toolkit-project';

interface Profile {
  readonly project: string;
  readonly envFile: string;
  /** Files substituted for this profile besides the project file itself. */
  readonly extraFiles: readonly string[];
}

const packageFiles = (): string[] => [
  ...filesUnder('appPackage', ['.json']),
  ...filesUnder('manifest', ['.xml', '.json']),
  'aad.manifest.json',
];

const profiles: readonly Profile[] = [
  { project: 'teamsapp.yml', envFile: 'env/.env.dev', extraFiles: ['infra/azure.parameters.json'] },
  { project: 'teamsapp.local.yml', envFile: 'env/.env.local', extraFiles: [] },
];

describe.each(profiles)('$project with $envFile', ({ project, envFile, extraFiles }) => {
  const p = readProject(project);
  const files = [project, ...new Set([...extraFiles, ...packageFiles()])];
  const defined = new Set<string>([
    ...envFileKeys(join(ROOT, envFile)),
    ...producedVariables(p),
    ...TOOLKIT_IMPLICIT,
  ]);

  it('reads its variables from env/', () => {
    expect(p.environmentFolderPath).toBe('./env');
    expect(existsSync(join(ROOT, envFile))).toBe(true);
  });

  it('substitutes files that exist', () => {
    for (const f of files) expect(existsSync(join(ROOT, f))).toBe(true);
    // Each parameters file the project deploys is among the substituted files.
    for (const r of referencedPaths(p)) {
      if (r.path.endsWith('.parameters.json')) expect(files).toContain(r.path.replace(/^\.\//, ''));
    }
  });

  it('defines every ${{VAR}} it uses', () => {
    const used = files.flatMap(placeholdersOf);
    expect(used.length).toBeGreaterThan(0);
    const undefinedVars = used.filter((u) => !defined.has(u.name)).map((u) => `${u.file}: \${{${u.name}}}`);
    expect(undefinedVars).toEqual([]);
  });
});

describe('env/ files', () => {
  it('keep secrets out of the committed files', () => {
    for (const f of ['env/.env.dev', 'env/.env.local']) {
      const secrets = envFileKeys(join(ROOT, f)).filter((k) => /^SECRET_|PASSWORD|CLIENT_SECRET/.test(k));
      expect(secrets).toEqual([]);
    }
  });

  it('the toolkit writes SECRET_* variables (the user file), never the committed env file', () => {
    const p = readProject('teamsapp.yml');
    const written = p.provision.flatMap((s) => Object.entries(s.writeToEnvironmentFile ?? {}));
    for (const [output, variable] of written) {
      if (/password|secret/i.test(output)) expect(variable).toMatch(/^SECRET_/);
    }
  });
});
