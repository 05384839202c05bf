// npm run package [-- --env dev|local] [--values <file>] [--out-dir <dir>] : the Teams app package (appPackage/build/appPackage.<env>.zip) and the
// Excel add-in manifest with the tenant URLs (manifest/build/), both filled from env/.env.<env> (+ .user) and
// validated offline. Also run by teamsapp.yml (provision), where the toolkit passes fresh outputs through the
// process environment.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { AddinManifestError, buildAddinManifests } from './lib/addin-manifest';
import { UnresolvedPlaceholdersError } from './lib/env-files';
import { PackageValidationError, buildTeamsPackage } from './lib/teams-package';

interface Args {
  readonly envName: string;
  readonly teams: boolean;
  readonly addin: boolean;
  /** A dotenv file laid over env/ (sample values for a dry run, or values from elsewhere). */
  readonly valuesFile?: string;
  /** Instead of appPackage/build and manifest/build (the add-in manifest goes to <dir>/addin). */
  readonly outDir?: string;
}

const USAGE =
  'usage: npm run package -- [--env dev|local] [--teams-only | --addin-only] [--values <dotenv file>] [--out-dir <dir>]\n';

function parseArgs(argv: readonly string[]): Args {
  let envName = 'dev';
  let teams = true;
  let addin = true;
  let valuesFile: string | undefined;
  let outDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--env') envName = argv[++i] ?? '';
    else if (arg === '--values') valuesFile = argv[++i];
    else if (arg === '--out-dir') outDir = argv[++i];
    else if (arg?.startsWith('--env=')) envName = arg.slice('--env='.length);
    else if (arg === '--teams-only') addin = false;
    else if (arg === '--addin-only') teams = false;
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(USAGE);
      process.exit(0);
    } else throw new Error(`unknown argument: ${arg}`);
  }
  if (!/^[a-z0-9-]+$/i.test(envName)) throw new Error(`--env must name env/.env.<name>, got "${envName}"`);
  if (valuesFile === '' || outDir === '') throw new Error(`--values and --out-dir need a path\n${USAGE}`);
  return {
    envName,
    teams,
    addin,
    ...(valuesFile ? { valuesFile: resolve(valuesFile) } : {}),
    ...(outDir ? { outDir: resolve(outDir) } : {}),
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const rootDir = resolve(__dirname, '..');
  const rel = (p: string): string => relative(rootDir, p);
  let overrides: Record<string, string> | undefined;
  if (args.valuesFile) {
    if (!existsSync(args.valuesFile)) throw new Error(`--values: file not found: ${args.valuesFile}`);
    // Blank lines of the file do not blank out env/ values.
    overrides = Object.fromEntries(
      Object.entries(parseDotenv(readFileSync(args.valuesFile))).filter(([, v]) => v.trim() !== ''),
    );
  }
  const common = {
    rootDir,
    envName: args.envName,
    processEnv: process.env,
    ...(overrides ? { overrides } : {}),
  };
  if (args.teams) {
    if (!existsSync(join(rootDir, 'appPackage', 'manifest.json'))) {
      throw new Error('appPackage/manifest.json not found: there is no Teams app to package yet');
    }
    const result = await buildTeamsPackage({ ...common, ...(args.outDir ? { outDir: args.outDir } : {}) });
    process.stdout.write(
      `Teams app package: ${rel(result.zipPath)} (${result.entries.join(', ')})\n` +
        `  manifest ${String(result.manifest.manifestVersion)} valid; values from ${[...result.envFiles, ...(args.valuesFile ? [args.valuesFile] : [])].map(rel).join(' + ')}\n`,
    );
  }
  if (args.addin) {
    const results = await buildAddinManifests({
      ...common,
      ...(args.outDir ? { outDir: join(args.outDir, 'addin') } : {}),
    });
    if (results.length === 0) process.stdout.write('Excel add-in manifest: none in manifest/ yet\n');
    for (const r of results)
      process.stdout.write(`Excel add-in manifest: ${rel(r.outPath)} (converts and validates)\n`);
  }
}

main().catch((error: unknown) => {
  if (
    error instanceof PackageValidationError ||
    error instanceof AddinManifestError ||
    error instanceof UnresolvedPlaceholdersError
  ) {
    process.stderr.write(`${error.message}\n`);
  } else {
    const detail =
      error instanceof Error
        ? process.env.DEBUG
          ? (error.stack ?? error.message)
          : error.message
        : String(error);
    process.stderr.write(`${detail}\n`);
  }
  process.exitCode = 1;
});
