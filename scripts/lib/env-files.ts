// The toolkit's variable model, for the packaging script and the tenant tests: env/.env.<name> overlaid by
// env/.env.<name>.user, then by the process environment; `${{NAME}}` placeholders filled from the result.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseDotenv } from 'dotenv';

export type EnvValues = Readonly<Record<string, string>>;

export interface ReadEnvOptions {
  /** Repository root (env/ lives under it). */
  readonly rootDir: string;
  /** 'dev', 'local', ... -> env/.env.<envName>. */
  readonly envName: string;
  /**
   * Overlaid on the files for the keys they define and for `keys` (the toolkit passes the outputs of earlier
   * steps to a later step this way, before it writes them to the file). Blank values are ignored.
   */
  readonly processEnv?: Readonly<Record<string, string | undefined>>;
  /** Extra keys taken from processEnv, e.g. the placeholders a manifest needs. */
  readonly keys?: readonly string[];
  /** Overlaid after everything else (tests). */
  readonly overrides?: EnvValues;
}

export interface EnvReadResult {
  readonly values: EnvValues;
  /** Files read, in overlay order. */
  readonly files: readonly string[];
}

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Names of the `${{NAME}}` placeholders in a text, once each, in order of appearance. */
export function placeholdersIn(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(PLACEHOLDER)) names.add(match[1] as string);
  return [...names];
}

/** Keys of a dotenv file (set or blank). */
export function envFileKeys(path: string): string[] {
  return existsSync(path) ? Object.keys(parseDotenv(readFileSync(path))) : [];
}

export function readEnv(options: ReadEnvOptions): EnvReadResult {
  const base = join(options.rootDir, 'env', `.env.${options.envName}`);
  if (!existsSync(base)) throw new Error(`env file not found: ${base}`);
  const files = [base];
  const values: Record<string, string> = { TEAMSFX_ENV: options.envName, ...parseDotenv(readFileSync(base)) };
  const user = `${base}.user`;
  if (existsSync(user)) {
    files.push(user);
    Object.assign(values, parseDotenv(readFileSync(user)));
  }
  const wanted = new Set([...Object.keys(values), ...(options.keys ?? [])]);
  for (const key of wanted) {
    const value = options.processEnv?.[key];
    if (value !== undefined && value.trim() !== '') values[key] = value;
  }
  Object.assign(values, options.overrides ?? {});
  return { values, files };
}

export class UnresolvedPlaceholdersError extends Error {
  constructor(
    readonly names: readonly string[],
    readonly where: string,
  ) {
    super(`${where}: no value for ${names.map((n) => '${{' + n + '}}').join(', ')}`);
    this.name = 'UnresolvedPlaceholdersError';
  }
}

/**
 * Replaces every `${{NAME}}` with its value. A missing or blank value is an error (the toolkit would leave
 * the placeholder in the package, which Teams rejects later and less clearly).
 */
export function fillPlaceholders(
  text: string,
  values: EnvValues,
  where: string,
  escape: (value: string) => string = (v) => v,
): string {
  const missing = placeholdersIn(text).filter((name) => (values[name] ?? '').trim() === '');
  if (missing.length > 0) throw new UnresolvedPlaceholdersError(missing, where);
  return text.replace(PLACEHOLDER, (_whole, name: string) => escape(values[name] as string));
}

/** Escapes a value for a JSON string literal (without the quotes). */
export const jsonEscape = (value: string): string => JSON.stringify(value).slice(1, -1);

/** Escapes a value for XML text or attribute content. */
export const xmlEscape = (value: string): string =>
  value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
