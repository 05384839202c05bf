// The one place that reads env/ files and process.env. It builds a single frozen Config that the
// commands pass down as named options; nothing below cli/ sees an environment variable.
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { z } from 'zod';
import { redactObject } from './redact';
import { DEFAULT_JOURNAL_MODE, JOURNAL_MODES } from '../bot/ledger/journal-mode';
import type { JournalMode } from '../bot/ledger/journal-mode';

export type EnvName = 'local' | 'dev';

export interface FaultConfig {
  readonly throttleRate: number;
  readonly unavailableRate: number;
  readonly latencyMs: number;
  readonly retryAfterSeconds: number;
}

export interface SiteConfig {
  /** SharePoint host name, e.g. contoso.sharepoint.com. */
  readonly hostname: string;
  /** Server-relative path, e.g. /sites/governance. */
  readonly path: string;
}

export interface PortsConfig {
  readonly tab: number;
  readonly addin: number;
  readonly bot: number;
}

interface ConfigBase {
  readonly envName: EnvName;
  /** The env files that were read, in overlay order. */
  readonly envFiles: readonly string[];
  readonly rootDir: string;
  readonly site: SiteConfig;
  readonly ports: PortsConfig;
  readonly demoEmailDomain: string;
}

export interface LocalConfig extends ConfigBase {
  readonly mode: 'local';
  readonly localGraph: {
    readonly port: number;
    readonly adminSecret: string;
    readonly dataDir: string;
    readonly dbPath: string;
    readonly faults: FaultConfig;
  };
}

export interface TenantConfig extends ConfigBase {
  readonly mode: 'tenant';
  readonly tenant: {
    readonly graphBaseUrl: string;
    readonly tenantId: string;
    readonly clientId: string;
    /** From env/.env.dev.user; absent until someone fills it in. */
    readonly clientSecret?: string;
    readonly botId?: string;
    /** Client secret of BOT_ID, when the bot's identity is an app registration with a secret (BOT_TYPE=SingleTenant). */
    readonly botPassword?: string;
    /**
     * How the bot proves who it is: a user-assigned managed identity (BOT_TYPE=UserAssignedMsi, the Agents Toolkit
     * templates' default: BOT_ID is the identity's client id, no secret to store or rotate) or a client secret.
     */
    readonly botIdentity: 'managedIdentity' | 'secret';
    /**
     * Where app-only Graph tokens come from: Entra ID (client credentials), or localgraph's /local/token
     * when GRAPH_BASE_URL is a loopback localgraph (tests, a tenant-shaped local run).
     */
    readonly tokenSource: 'entra' | 'localgraph';
    readonly teamsAppId?: string;
    /** Public https origin of the web app (deep links in bot cards). */
    readonly tabEndpoint?: string;
  };
  /** `serve`: one HTTP server for the front ends and the bot endpoint. */
  readonly serve: {
    readonly host: string;
    /** PORT (set by App Service), else WEBSITES_PORT, else 8080. */
    readonly port: number;
    /** The bot's send queue: Azure Queue Storage when a connection string is set, SQLite otherwise. */
    readonly storageConnectionString?: string;
    readonly queueUrl?: string;
    readonly queueName: string;
    /** SQLite file of the reminder ledger (and of the SQLite send queue). */
    readonly ledgerPath: string;
    /** LEDGER_JOURNAL_MODE: WAL by default; DELETE on App Service, whose /home is a network share. */
    readonly ledgerJournalMode: JournalMode;
  };
}

export type Config = LocalConfig | TenantConfig;

export class ConfigError extends Error {
  constructor(
    readonly problems: readonly string[],
    readonly envFiles: readonly string[],
  ) {
    super(
      `Invalid configuration (${envFiles.join(' + ') || 'no env file'}):\n` +
        problems.map((p) => `  - ${p}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const HOSTNAME =
  /^(?=.{1,253}$)[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?)*$/;

// Empty strings in .env files mean "not set": treat them like a missing variable.
const blankToUndefined = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const requiredString = (what: string) =>
  z.preprocess(blankToUndefined, z.string({ error: `required: ${what}` }).trim());
const optionalString = () => z.preprocess(blankToUndefined, z.string().trim().optional());
const port = (fallback: number) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: 'must be a port number' })
      .int('must be a whole number')
      .min(0, 'must be between 0 and 65535')
      .max(65535, 'must be between 0 and 65535')
      .default(fallback),
  );
const rate = () =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: 'must be a number between 0 and 1' })
      .min(0, 'must be between 0 and 1')
      .max(1, 'must be between 0 and 1')
      .default(0),
  );
const nonNegative = (fallback: number) =>
  z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: 'must be a number' }).min(0, 'must be 0 or more').default(fallback),
  );
const sitePath = () =>
  z.preprocess(
    blankToUndefined,
    z
      .string({ error: 'required: server-relative site path such as /sites/governance' })
      .regex(/^\/sites\/[A-Za-z0-9_-]+$/, 'must look like /sites/governance'),
  );
const hostname = (what: string) =>
  requiredString(what).pipe(z.string().regex(HOSTNAME, 'must be a host name such as contoso.sharepoint.com'));
const guid = (what: string) =>
  requiredString(what).pipe(z.string().regex(GUID, 'must be a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)'));

const commonShape = {
  GOVERNANCE_SITE_PATH: sitePath(),
  TAB_PORT: port(53000),
  ADDIN_PORT: port(3000),
  BOT_PORT: port(3978),
  DEMO_EMAIL_DOMAIN: z.preprocess(
    blankToUndefined,
    z.string().regex(HOSTNAME, 'must be a domain such as contoso.org').default('contoso.org'),
  ),
};

const localSchema = z.object({
  GRAPH_MODE: z.literal('local'),
  ...commonShape,
  LOCALGRAPH_PORT: port(4400),
  LOCALGRAPH_HOSTNAME: hostname('the emulated SharePoint host, e.g. contoso.sharepoint.com'),
  LOCALGRAPH_ADMIN_SECRET: requiredString('client secret of the localgraph-admin app').pipe(
    z.string().min(8, 'must be at least 8 characters'),
  ),
  DATA_DIR: z.preprocess(blankToUndefined, z.string().default('.data')),
  FAULT_THROTTLE_RATE: rate(),
  FAULT_UNAVAILABLE_RATE: rate(),
  FAULT_LATENCY_MS: nonNegative(0),
  FAULT_RETRY_AFTER_SECONDS: nonNegative(1),
});

// https, or plain http on the loopback interface only (a localgraph standing in for the tenant).
const GRAPH_ORIGIN = /^(https:\/\/[^/]+|http:\/\/(127\.0\.0\.1|localhost)(:\d+)?)\/?$/;
const optionalPort = () =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: 'must be a port number' })
      .int('must be a whole number')
      .min(0, 'must be between 0 and 65535')
      .max(65535, 'must be between 0 and 65535')
      .optional(),
  );

const tenantSchema = z.object({
  GRAPH_MODE: z.literal('tenant'),
  ...commonShape,
  GRAPH_BASE_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(GRAPH_ORIGIN, 'must be an https origin such as https://graph.microsoft.com')
      .default('https://graph.microsoft.com'),
  ),
  GRAPH_TOKEN_SOURCE: z.preprocess(
    blankToUndefined,
    z.enum(['entra', 'localgraph'], { error: "must be 'entra' or 'localgraph'" }).default('entra'),
  ),
  TENANT_ID: guid('the Entra ID tenant id'),
  AAD_APP_CLIENT_ID: guid('the app registration client id'),
  AAD_APP_CLIENT_SECRET: optionalString(),
  GOVERNANCE_SITE_HOSTNAME: hostname('the SharePoint host, e.g. contoso.sharepoint.com'),
  BOT_ID: optionalString(),
  BOT_PASSWORD: optionalString(),
  // The names the Agents Toolkit templates use: BOT_TYPE=UserAssignedMsi, with the identity's client id as BOT_ID.
  BOT_TYPE: z.preprocess(
    blankToUndefined,
    z
      .enum(['UserAssignedMsi', 'SingleTenant'], { error: "must be 'UserAssignedMsi' or 'SingleTenant'" })
      .optional(),
  ),
  TEAMS_APP_ID: optionalString(),
  TAB_ENDPOINT: optionalString(),
  // `serve`, with the names infra/azure.bicep sets as app settings.
  HOST: z.preprocess(blankToUndefined, z.string().trim().default('0.0.0.0')),
  PORT: optionalPort(),
  WEBSITES_PORT: optionalPort(),
  AZURE_STORAGE_CONNECTION_STRING: optionalString(),
  AZURE_STORAGE_QUEUE_URL: optionalString(),
  BOT_QUEUE_NAME: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[a-z0-9](-?[a-z0-9])*$/, 'must be a queue name: lower-case letters, digits and single hyphens')
      .min(3, 'must be 3 to 63 characters')
      .max(63, 'must be 3 to 63 characters')
      .default('bot-send'),
  ),
  LEDGER_PATH: optionalString(),
  LEDGER_JOURNAL_MODE: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim().toUpperCase() : undefined),
    z
      .enum(JOURNAL_MODES, { error: `must be one of ${JOURNAL_MODES.join(', ')}` })
      .default(DEFAULT_JOURNAL_MODE),
  ),
});

const modeSchema = z.object({
  GRAPH_MODE: z.preprocess(
    blankToUndefined,
    z.enum(['local', 'tenant'], { error: "must be 'local' or 'tenant'" }).default('local'),
  ),
});

/** Every variable the CLI understands; process.env overrides the files only for these. */
export const CONFIG_KEYS: readonly string[] = [
  ...new Set([...Object.keys(localSchema.shape), ...Object.keys(tenantSchema.shape)]),
];

export interface LoadConfigOptions {
  /** Which env/.env.<name> file to read. */
  readonly envName: EnvName;
  /** Repository root (env/ and DATA_DIR are resolved against it). */
  readonly rootDir: string;
  /** Process environment to overlay (tests pass {}); only CONFIG_KEYS are taken from it. */
  readonly processEnv?: Readonly<Record<string, string | undefined>>;
}

/** Reads env/.env.<name>, then env/.env.<name>.user, then the process environment (later wins). */
export function readEnvFiles(options: LoadConfigOptions): {
  values: Record<string, string>;
  files: string[];
} {
  const base = join(options.rootDir, 'env', `.env.${options.envName}`);
  if (!existsSync(base)) {
    throw new ConfigError([`env file not found: ${base}`], []);
  }
  const files = [base];
  const values: Record<string, string> = { ...parseDotenv(readFileSync(base)) };
  const user = `${base}.user`;
  if (existsSync(user)) {
    files.push(user);
    Object.assign(values, parseDotenv(readFileSync(user)));
  }
  for (const key of CONFIG_KEYS) {
    const fromProcess = options.processEnv?.[key];
    if (fromProcess !== undefined) values[key] = fromProcess;
  }
  return { values, files };
}

function problemsOf(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const variable = issue.path.map(String).join('.') || '(env)';
    return `${variable}: ${issue.message}`;
  });
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** Loads and validates the configuration; throws ConfigError naming each bad variable. */
export function loadConfig(options: LoadConfigOptions): Config {
  const { values, files } = readEnvFiles(options);
  const rootDir = resolve(options.rootDir);
  const mode = modeSchema.safeParse(values);
  if (!mode.success) throw new ConfigError(problemsOf(mode.error), files);

  const shared = { envName: options.envName, envFiles: files, rootDir };
  if (mode.data.GRAPH_MODE === 'local') {
    const parsed = localSchema.safeParse(values);
    if (!parsed.success) throw new ConfigError(problemsOf(parsed.error), files);
    const env = parsed.data;
    const dataDir = isAbsolute(env.DATA_DIR) ? env.DATA_DIR : join(rootDir, env.DATA_DIR);
    const config: LocalConfig = {
      ...shared,
      mode: 'local',
      site: { hostname: env.LOCALGRAPH_HOSTNAME, path: env.GOVERNANCE_SITE_PATH },
      ports: { tab: env.TAB_PORT, addin: env.ADDIN_PORT, bot: env.BOT_PORT },
      demoEmailDomain: env.DEMO_EMAIL_DOMAIN,
      localGraph: {
        port: env.LOCALGRAPH_PORT,
        adminSecret: env.LOCALGRAPH_ADMIN_SECRET,
        dataDir,
        dbPath: join(dataDir, 'graph.db'),
        faults: {
          throttleRate: env.FAULT_THROTTLE_RATE,
          unavailableRate: env.FAULT_UNAVAILABLE_RATE,
          latencyMs: env.FAULT_LATENCY_MS,
          retryAfterSeconds: env.FAULT_RETRY_AFTER_SECONDS,
        },
      },
    };
    return deepFreeze(config);
  }

  const parsed = tenantSchema.safeParse(values);
  if (!parsed.success) {
    const hint = `fill the tenant values in ${files[0] ?? 'env/.env.dev'} and secrets in its .user file`;
    throw new ConfigError([...problemsOf(parsed.error), hint], files);
  }
  const env = parsed.data;
  const graphBaseUrl = env.GRAPH_BASE_URL.replace(/\/$/, '');
  // Tokens from localgraph only when Graph is one; Entra ID tokens never go to a plain-http Graph.
  const loopback = graphBaseUrl.startsWith('http://');
  if (env.GRAPH_TOKEN_SOURCE === 'localgraph' && !loopback) {
    throw new ConfigError(
      ['GRAPH_TOKEN_SOURCE: localgraph needs GRAPH_BASE_URL on http://127.0.0.1 (a local Graph)'],
      files,
    );
  }
  if (env.GRAPH_TOKEN_SOURCE === 'entra' && loopback) {
    throw new ConfigError(
      ['GRAPH_BASE_URL: a plain-http Graph is only for GRAPH_TOKEN_SOURCE=localgraph; use https'],
      files,
    );
  }
  const ledgerPath = env.LEDGER_PATH ?? join('.data', 'bot-ledger.db');
  const config: TenantConfig = {
    ...shared,
    mode: 'tenant',
    site: { hostname: env.GOVERNANCE_SITE_HOSTNAME, path: env.GOVERNANCE_SITE_PATH },
    ports: { tab: env.TAB_PORT, addin: env.ADDIN_PORT, bot: env.BOT_PORT },
    demoEmailDomain: env.DEMO_EMAIL_DOMAIN,
    tenant: {
      graphBaseUrl,
      tenantId: env.TENANT_ID,
      clientId: env.AAD_APP_CLIENT_ID,
      ...(env.AAD_APP_CLIENT_SECRET ? { clientSecret: env.AAD_APP_CLIENT_SECRET } : {}),
      ...(env.BOT_ID ? { botId: env.BOT_ID } : {}),
      ...(env.BOT_PASSWORD ? { botPassword: env.BOT_PASSWORD } : {}),
      botIdentity: env.BOT_TYPE === 'UserAssignedMsi' ? 'managedIdentity' : 'secret',
      tokenSource: env.GRAPH_TOKEN_SOURCE,
      ...(env.TEAMS_APP_ID ? { teamsAppId: env.TEAMS_APP_ID } : {}),
      ...(env.TAB_ENDPOINT ? { tabEndpoint: env.TAB_ENDPOINT.replace(/\/$/, '') } : {}),
    },
    serve: {
      host: env.HOST,
      port: env.PORT ?? env.WEBSITES_PORT ?? 8080,
      ...(env.AZURE_STORAGE_CONNECTION_STRING
        ? { storageConnectionString: env.AZURE_STORAGE_CONNECTION_STRING }
        : {}),
      ...(env.AZURE_STORAGE_QUEUE_URL ? { queueUrl: env.AZURE_STORAGE_QUEUE_URL } : {}),
      queueName: env.BOT_QUEUE_NAME,
      ledgerPath: isAbsolute(ledgerPath) ? ledgerPath : join(rootDir, ledgerPath),
      ledgerJournalMode: env.LEDGER_JOURNAL_MODE,
    },
  };
  return deepFreeze(config);
}

/** Secret strings held by a Config, for redactText(). */
export function configSecrets(config: Config): string[] {
  if (config.mode === 'local') return [config.localGraph.adminSecret];
  return [
    config.tenant.clientSecret,
    config.tenant.botPassword,
    config.serve.storageConnectionString,
    // The account key inside the connection string, should a library print it alone.
    /AccountKey=([^;]+)/.exec(config.serve.storageConnectionString ?? '')?.[1],
  ].filter((s): s is string => typeof s === 'string' && s !== '');
}

/** A printable view of the configuration with every secret replaced. */
export function describeConfig(config: Config): unknown {
  return redactObject(config, configSecrets(config));
}
