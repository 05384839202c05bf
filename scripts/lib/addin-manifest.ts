// The Excel add-in manifest (manifest/*.xml) for an environment: ${{VAR}} filled from env/ by the add-in's
// renderer (manifest/render-manifest.ts), written to manifest/build/<name>.<env>.xml, then checked offline the
// only way Microsoft's tools allow: converted to the unified JSON manifest (office-addin-manifest-converter) and validated against its schema
// (@microsoft/app-manifest). The XML schema itself is not shipped in any package.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { convert } from 'office-addin-manifest-converter';
import { renderManifest } from '../../manifest/render-manifest';
import { placeholdersIn, readEnv } from './env-files';
import { validateAgainstOwnSchema } from './teams-package';

export interface AddinManifestOptions {
  readonly rootDir: string;
  readonly envName: string;
  /** @defaultvalue <rootDir>/manifest */
  readonly manifestDir?: string;
  /** @defaultvalue <manifestDir>/build */
  readonly outDir?: string;
  readonly processEnv?: Readonly<Record<string, string | undefined>>;
  readonly overrides?: Readonly<Record<string, string>>;
  /** Convert to the unified JSON manifest and validate it. @defaultvalue true */
  readonly validate?: boolean;
}

export interface AddinManifestResult {
  readonly sourcePath: string;
  readonly outPath: string;
  /** The converted unified manifest (when validated). */
  readonly unified?: Record<string, unknown>;
}

export class AddinManifestError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The Excel add-in manifest is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'AddinManifestError';
  }
}

/** The add-in manifests in manifest/ (XML), excluding build output. */
export function addinManifestFiles(manifestDir: string): string[] {
  if (!existsSync(manifestDir)) return [];
  return readdirSync(manifestDir)
    .filter((f) => f.toLowerCase().endsWith('.xml'))
    .sort()
    .map((f) => join(manifestDir, f));
}

/**
 * Converts an XML add-in manifest to the unified JSON manifest offline and validates it with the schema
 * shipped in @microsoft/app-manifest. Returns the unified manifest and the problems found.
 */
export async function convertAndValidateAddin(
  xmlPath: string,
): Promise<{ unified?: Record<string, unknown>; problems: string[] }> {
  const outFolder = mkdtempSync(join(tmpdir(), 'addin-unified-'));
  try {
    // imageDownload=false: nothing is fetched; the converter only reads the XML.
    await convert(xmlPath, outFolder, false, undefined, undefined, false);
    const jsonFile = readdirSync(outFolder).find((f) => f.toLowerCase() === 'manifest.json');
    if (jsonFile === undefined)
      return { problems: [`${basename(xmlPath)}: the converter produced no manifest.json`] };
    const unified = JSON.parse(readFileSync(join(outFolder, jsonFile), 'utf8')) as Record<string, unknown>;
    const problems = await validateAgainstOwnSchema(unified, `${basename(xmlPath)} (unified JSON)`);
    return { unified, problems };
  } catch (error) {
    return { problems: [`${basename(xmlPath)}: conversion failed: ${(error as Error).message}`] };
  } finally {
    rmSync(outFolder, { recursive: true, force: true });
  }
}

export async function buildAddinManifests(options: AddinManifestOptions): Promise<AddinManifestResult[]> {
  const rootDir = resolve(options.rootDir);
  const manifestDir = resolve(options.manifestDir ?? join(rootDir, 'manifest'));
  const outDir = resolve(options.outDir ?? join(manifestDir, 'build'));
  const files = addinManifestFiles(manifestDir);
  // ADDIN_ENDPOINT and TAB_* are taken from the process too (the toolkit passes fresh outputs that way).
  const keys = [
    ...new Set([
      'ADDIN_ENDPOINT',
      'TAB_ENDPOINT',
      'TAB_PORT',
      ...files.flatMap((f) => placeholdersIn(readFileSync(f, 'utf8'))),
    ]),
  ];
  const env = readEnv({
    rootDir,
    envName: options.envName,
    processEnv: options.processEnv,
    overrides: options.overrides,
    keys,
  });
  const results: AddinManifestResult[] = [];
  const problems: string[] = [];
  for (const sourcePath of files) {
    const name = basename(sourcePath, '.xml');
    // The add-in's own renderer (manifest/render-manifest.ts): one rule for ADDIN_ENDPOINT and XML escaping.
    let filled: string;
    try {
      filled = renderManifest(readFileSync(sourcePath, 'utf8'), env.values);
    } catch (error) {
      problems.push(`${name}.xml: ${(error as Error).message}`);
      continue;
    }
    const plain = [...filled.matchAll(/\b(?:DefaultValue|SourceLocation)="(http:\/\/[^"]+)"/g)].map(
      (m) => m[1],
    );
    if (plain.length > 0)
      problems.push(`${name}.xml: Office loads add-in pages over https only, found ${plain.join(', ')}`);
    mkdirSync(outDir, { recursive: true });
    const outPath = join(outDir, `${name}.${options.envName}.xml`);
    writeFileSync(outPath, filled);
    if (options.validate === false) {
      results.push({ sourcePath, outPath });
      continue;
    }
    const checked = await convertAndValidateAddin(outPath);
    problems.push(...checked.problems);
    results.push({ sourcePath, outPath, ...(checked.unified ? { unified: checked.unified } : {}) });
  }
  if (problems.length > 0) throw new AddinManifestError(problems);
  return results;
}
