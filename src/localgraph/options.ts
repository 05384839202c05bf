// Public option and handle types of startLocalGraph.
import type { ListStore, SiteRole } from './persistence/list-store';

/** Injected logger; every line carries the request id when there is one. */
export interface Logger {
  debug(message: string, requestId?: string): void;
  info(message: string, requestId?: string): void;
  warn(message: string, requestId?: string): void;
  error(message: string, requestId?: string): void;
}

export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

export interface Faults {
  /** 0..1: share of Graph requests answered 429 activityLimitReached. */
  throttleRate?: number;
  /** 0..1: share answered 503 serviceNotAvailable. */
  unavailableRate?: number;
  /** Added delay before each Graph request, in ms. */
  latencyMs?: number;
  /** Retry-After sent with 429/503 (seconds). Default 1. */
  retryAfterSeconds?: number;
}

/**
 * Old, kinder behaviours kept switchable only while the app side of issue 12 lands; each default is the strict,
 * tenant-faithful one once flipped (see README "Strict by default").
 */
export interface Leniency {
  /** Accept writes of hyperlinkOrPicture values (the real service answers 400). */
  hyperlinkWrites?: boolean;
  /** Put every directory user into every site's User Information List (a real site lists only people it has seen). */
  siteUsersFromDirectory?: boolean;
  /** Ignore the list view threshold (a real list over 5,000 items refuses non-indexed filters and sorts). */
  ignoreListViewThreshold?: boolean;
}

export const DEFAULT_LENIENCY: Required<Leniency> = {
  hyperlinkWrites: false,
  siteUsersFromDirectory: true,
  ignoreListViewThreshold: true,
};

export interface SiteSpec {
  path: string;
  displayName: string;
  description?: string;
}

export interface LocalGraphOptions {
  dbPath: string | ':memory:';
  /** 0 = ephemeral. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** SharePoint host name, e.g. 'contoso.sharepoint.com'. */
  hostname: string;
  sites?: SiteSpec[];
  faults?: Faults;
  /** RS256 private key (PKCS#8 PEM, see generateSigningKeyPem); when absent one is generated and kept in the database. */
  signingKey?: string;
  /** Secret of the bootstrap admin app 'localgraph-admin'; when absent one is generated and kept in the database. */
  adminSecret?: string;
  logger?: Logger;
  /** Default page size of list items. Default 200. */
  pageSize?: number;
  /** Seed of the fault RNG (deterministic fault sequences). */
  seed?: number;
  /**
   * Role of a directory user on a site where nobody assigned one. Default 'member' (so a fresh embedded install
   * works); 'none' makes sites closed until roles are assigned through /local/admin.
   */
  defaultSiteRole?: SiteRole | 'none';
  /** Kinder behaviours (transitional); unset keys take DEFAULT_LENIENCY. */
  lenient?: Leniency;
  /** SharePoint's list view threshold (items). Default 5,000. */
  listViewThreshold?: number;
  /** Delta tokens older than this many seconds get 410 resync. Default 7 days (handlers/delta.ts). */
  deltaTokenRetentionSeconds?: number;
  /** Token lifetime in seconds. Default 3600. */
  tokenLifetimeSeconds?: number;
}

export interface LocalGraphHandle {
  /** http://127.0.0.1:PORT (no trailing slash, no /v1.0). */
  url: string;
  close(): Promise<void>;
  setFaults(faults: Faults): void;
  /** Only pages of these origins may get a person's token from /local/token (default: any loopback origin). */
  allowSignInOrigins(origins: readonly string[]): void;
  store: ListStore;
  /** Secret of the bootstrap admin app. */
  adminSecret: string;
  tenantId: string;
}

export const ADMIN_CLIENT_ID = 'localgraph-admin';
