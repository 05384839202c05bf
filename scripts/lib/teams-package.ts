// Builds the Teams app package the way the Agents Toolkit's teamsApp/zipAppPackage does, offline and with
// the project's own dependencies: fill ${{VAR}} from env/, validate against the manifest's own JSON schema
// (shipped inside @microsoft/app-manifest), check what the schema cannot (icon sizes, files, domains),
// and zip manifest.json + icons + localisation files.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { AppManifestUtils, type TeamsManifest } from '@microsoft/app-manifest';
import { type EnvValues, fillPlaceholders, jsonEscape, placeholdersIn, readEnv } from './env-files';
import { readPngInfo } from './png';
import { type ZipEntry, writeZip } from './zip';

type JsonSchema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;
type JsonObject = Record<string, unknown>;

export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

export interface TeamsPackageOptions {
  /** Repository root. */
  readonly rootDir: string;
  /** env/.env.<envName> (+ .user). */
  readonly envName: string;
  /** @defaultvalue <rootDir>/appPackage/manifest.json */
  readonly manifestPath?: string;
  /** @defaultvalue <rootDir>/appPackage/build */
  readonly outDir?: string;
  readonly processEnv?: Readonly<Record<string, string | undefined>>;
  /** Values that win over env/ (tests). */
  readonly overrides?: EnvValues;
}

export interface TeamsPackageResult {
  readonly zipPath: string;
  /** The filled manifest, also written beside the zip as manifest.<env>.json. */
  readonly manifestOutPath: string;
  readonly manifest: JsonObject;
  /** Entry names in the zip. */
  readonly entries: readonly string[];
  readonly envFiles: readonly string[];
}

export class PackageValidationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The Teams app package is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PackageValidationError';
  }
}

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

const SCHEMA_PREFIX = 'https://developer.microsoft.com/json-schemas/';

/** Root of the installed @microsoft/app-manifest package (its json-schemas/ folder is what we validate with). */
function appManifestPackageDir(): string {
  return dirname(require.resolve('@microsoft/app-manifest/package.json'));
}

/**
 * Loads the JSON schema a manifest names in `$schema` from the copy inside @microsoft/app-manifest, so that
 * validation never goes to the network (the library would fetch an unknown URL).
 */
export function loadLocalSchema(schemaUrl: string): JsonSchema {
  const url = schemaUrl
    .replace(/#.*$/, '')
    .replace(/^https:\/\/developer\.microsoft\.com\/[a-z]{2}(-[a-z]{2})?\/json-schemas\//i, SCHEMA_PREFIX);
  if (!url.startsWith(`${SCHEMA_PREFIX}teams/`)) {
    throw new Error(`$schema ${schemaUrl} is not a Teams schema under ${SCHEMA_PREFIX}teams/`);
  }
  const file = join(appManifestPackageDir(), 'build', 'json-schemas', url.slice(SCHEMA_PREFIX.length));
  if (!existsSync(file)) {
    throw new Error(`$schema ${schemaUrl} is not shipped with @microsoft/app-manifest (looked for ${file})`);
  }
  // The published schemas contain \a and \v escapes that JSON.parse rejects (the library does the same).
  const text = readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  return repairPatterns(JSON.parse(text) as unknown) as JsonSchema;
}

/**
 * Escapes a `]` that closes no character class. Such a `]` means a literal `]` in a plain JavaScript regular
 * expression, but is a syntax error with the `u` flag that the validator (ajv) compiles patterns with: the
 * published localisation schemas have two such patterns (activities.activityTypes[n]...).
 */
export function repairPattern(pattern: string): string {
  try {
    new RegExp(pattern, 'u');
    return pattern;
  } catch {
    let out = '';
    let inClass = false;
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern[i] as string;
      if (c === '\\') {
        out += c + (pattern[i + 1] ?? '');
        i++;
      } else if (c === '[' && !inClass) {
        inClass = true;
        out += c;
      } else if (c === ']') {
        out += inClass ? c : '\\]';
        inClass = false;
      } else out += c;
    }
    return out;
  }
}

function repairPatterns(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(repairPatterns);
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'patternProperties' && isObject(value)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([k, v]) => [repairPattern(k), repairPatterns(v)]),
      );
    } else if (key === 'pattern' && typeof value === 'string') out[key] = repairPattern(value);
    else out[key] = repairPatterns(value);
  }
  return out;
}

/** Validates a manifest (Teams app or localisation file) against the schema it names, offline. */
export async function validateAgainstOwnSchema(json: JsonObject, what: string): Promise<string[]> {
  const schemaUrl = json.$schema;
  if (typeof schemaUrl !== 'string') return [`${what}: $schema is missing`];
  let schema: JsonSchema;
  try {
    schema = loadLocalSchema(schemaUrl);
  } catch (error) {
    return [`${what}: ${(error as Error).message}`];
  }
  const errors = await AppManifestUtils.validateAgainstSchema(json as unknown as TeamsManifest, schema);
  return errors.map((e) => `${what}: ${e.trim()}`);
}

/** A package-relative path as it must appear in the zip (forward slashes, inside the package folder). */
function packagePath(ref: string): string | undefined {
  const normal = posix.normalize(ref.replace(/\\/g, '/'));
  return normal.startsWith('../') || normal.startsWith('/') || normal === '..' ? undefined : normal;
}

/** Host names (with port) of https URLs the Teams client will load, which must be listed in validDomains. */
function urlsToCheck(manifest: JsonObject): { where: string; url: string }[] {
  const out: { where: string; url: string }[] = [];
  asArray(manifest.staticTabs).forEach((tab, i) => {
    if (!isObject(tab)) return;
    for (const key of ['contentUrl', 'websiteUrl'] as const) {
      if (typeof tab[key] === 'string') out.push({ where: `staticTabs[${i}].${key}`, url: tab[key] });
    }
  });
  asArray(manifest.configurableTabs).forEach((tab, i) => {
    if (isObject(tab) && typeof tab.configurationUrl === 'string') {
      out.push({ where: `configurableTabs[${i}].configurationUrl`, url: tab.configurationUrl });
    }
  });
  return out;
}

function domainAllowed(host: string, validDomains: readonly string[]): boolean {
  return validDomains.some((domain) => {
    if (domain === host) return true;
    if (domain.startsWith('*.')) return host.endsWith(domain.slice(1));
    return false;
  });
}

/** Files named by localizationInfo (default language file and additional languages). */
function localisationRefs(manifest: JsonObject): string[] {
  const info = manifest.localizationInfo;
  if (!isObject(info)) return [];
  const refs: string[] = [];
  if (typeof info.defaultLanguageFile === 'string') refs.push(info.defaultLanguageFile);
  for (const lang of asArray(info.additionalLanguages)) {
    if (isObject(lang) && typeof lang.file === 'string') refs.push(lang.file);
  }
  return refs;
}

interface FileCheck {
  readonly entries: ZipEntry[];
  readonly problems: string[];
}

function checkIcons(manifest: JsonObject, packageDir: string, out: FileCheck): void {
  const icons = isObject(manifest.icons) ? manifest.icons : {};
  const expected = { color: COLOR_ICON_SIZE, outline: OUTLINE_ICON_SIZE } as const;
  for (const kind of ['color', 'outline'] as const) {
    const ref = icons[kind];
    if (typeof ref !== 'string') {
      out.problems.push(`icons.${kind} is missing`);
      continue;
    }
    const name = packagePath(ref);
    const file = name === undefined ? undefined : join(packageDir, name);
    if (name === undefined || file === undefined || !existsSync(file)) {
      out.problems.push(`icons.${kind}: file ${ref} not found in ${packageDir}`);
      continue;
    }
    const bytes = readFileSync(file);
    try {
      const png = readPngInfo(bytes);
      const size = expected[kind];
      if (png.width !== size || png.height !== size) {
        out.problems.push(
          `icons.${kind} (${ref}) is ${png.width}x${png.height}; Teams requires ${size}x${size}`,
        );
      }
      if (kind === 'outline' && !png.hasAlpha) {
        out.problems.push(
          `icons.outline (${ref}) has no transparency; Teams requires white on a transparent background`,
        );
      }
    } catch (error) {
      out.problems.push(`icons.${kind} (${ref}): ${(error as Error).message}; Teams requires PNG`);
    }
    if (!out.entries.some((e) => e.name === name)) out.entries.push({ name, data: bytes });
  }
}

async function checkLocalisation(
  manifest: JsonObject,
  packageDir: string,
  values: EnvValues,
  out: FileCheck,
): Promise<void> {
  for (const ref of localisationRefs(manifest)) {
    const name = packagePath(ref);
    const file = name === undefined ? undefined : join(packageDir, name);
    if (name === undefined || file === undefined || !existsSync(file)) {
      out.problems.push(`localizationInfo: file ${ref} not found in ${packageDir}`);
      continue;
    }
    let json: JsonObject;
    try {
      const filled = fillPlaceholders(readFileSync(file, 'utf8'), values, ref, jsonEscape);
      const parsed: unknown = JSON.parse(filled);
      if (!isObject(parsed)) throw new Error('not a JSON object');
      json = parsed;
    } catch (error) {
      out.problems.push(`${ref}: ${(error as Error).message}`);
      continue;
    }
    out.problems.push(...(await validateAgainstOwnSchema(json, ref)));
    if (!out.entries.some((e) => e.name === name)) {
      out.entries.push({ name, data: Buffer.from(`${JSON.stringify(json, null, 2)}\n`, 'utf8') });
    }
  }
}

/** Every placeholder the package needs: in the manifest and in its localisation files. */
export function packagePlaceholders(manifestPath: string): string[] {
  const packageDir = dirname(manifestPath);
  const text = readFileSync(manifestPath, 'utf8');
  const names = new Set(placeholdersIn(text));
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return [...names];
  }
  for (const ref of isObject(raw) ? localisationRefs(raw) : []) {
    const name = packagePath(ref);
    const path = name === undefined ? undefined : join(packageDir, name);
    if (path !== undefined && existsSync(path))
      for (const n of placeholdersIn(readFileSync(path, 'utf8'))) names.add(n);
  }
  return [...names];
}

/** Fills, validates and zips the Teams app package. Throws PackageValidationError listing every problem. */
export async function buildTeamsPackage(options: TeamsPackageOptions): Promise<TeamsPackageResult> {
  const rootDir = resolve(options.rootDir);
  const manifestPath = resolve(options.manifestPath ?? join(rootDir, 'appPackage', 'manifest.json'));
  const packageDir = dirname(manifestPath);
  const outDir = resolve(options.outDir ?? join(packageDir, 'build'));
  const env = readEnv({
    rootDir,
    envName: options.envName,
    processEnv: options.processEnv,
    overrides: options.overrides,
    keys: packagePlaceholders(manifestPath),
  });
  const where = relative(rootDir, manifestPath) || manifestPath;
  const filled = fillPlaceholders(readFileSync(manifestPath, 'utf8'), env.values, where, jsonEscape);
  const parsed: unknown = JSON.parse(filled);
  if (!isObject(parsed)) throw new PackageValidationError([`${where} is not a JSON object`]);
  const manifest = parsed;

  const problems = await validateAgainstOwnSchema(manifest, 'manifest.json');
  const validDomains = asArray(manifest.validDomains).filter((d): d is string => typeof d === 'string');
  for (const { where: field, url } of urlsToCheck(manifest)) {
    let parsedUrl: URL;
    try {
      parsedUrl = new URL(url);
    } catch {
      problems.push(`${field}: not a URL: ${url}`);
      continue;
    }
    if (parsedUrl.protocol !== 'https:') problems.push(`${field}: Teams loads https pages only: ${url}`);
    else if (!domainAllowed(parsedUrl.host, validDomains)) {
      problems.push(`${field}: ${parsedUrl.host} is not listed in validDomains`);
    }
  }

  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  const check: FileCheck = { entries: [{ name: 'manifest.json', data: manifestBytes }], problems };
  checkIcons(manifest, packageDir, check);
  await checkLocalisation(manifest, packageDir, env.values, check);
  if (check.problems.length > 0) throw new PackageValidationError(check.problems);

  mkdirSync(outDir, { recursive: true });
  const zipPath = join(outDir, `appPackage.${options.envName}.zip`);
  const manifestOutPath = join(outDir, `manifest.${options.envName}.json`);
  writeFileSync(manifestOutPath, manifestBytes);
  writeFileSync(zipPath, writeZip(check.entries));
  return {
    zipPath,
    manifestOutPath,
    manifest,
    entries: check.entries.map((e) => e.name),
    envFiles: env.files,
  };
}
