// What the tab's views need from the outside world, as one interface. The real implementation
// (graph-services.ts) goes through src/graph; component tests pass an in-memory one.
import type { Actor, RoleAssignment } from '../../domain/roles';
import type { DomainRecord, RecordValues, RegisterId } from '../../domain/schema/types';
import type { SignedInUser } from '../../client/auth';
import type { GraphSession } from '../../client/graph-session';
import type { RecordRef } from '../deep-links';

/** A record with its register; `record.id` and `record.eTag` are always present once read. */
export interface TabRecord {
  readonly register: RegisterId;
  readonly record: DomainRecord & { readonly id: string };
}

export interface Person {
  /** Lower-case e-mail, the domain's person value. */
  readonly email: string;
  readonly displayName: string;
  readonly jobTitle?: string;
}

/** An item of a register as a lookup value: its id (what the domain stores) and its title. */
export interface RecordOption {
  readonly id: string;
  readonly title: string;
}

/** One version of an item, newest first in lists. */
export interface RecordVersion {
  readonly version: string;
  readonly modifiedAt: string;
  /** E-mail of whoever saved it, when known. */
  readonly modifiedBy?: string;
  readonly modifiedByName?: string;
  /** Fields that differ from the previous version (every filled field for the first one). */
  readonly changedFields: readonly string[];
  readonly values: RecordValues;
}

export interface ConfirmOutcome {
  readonly ref: RecordRef;
  readonly ok: boolean;
  /** The record after the write, when it succeeded. */
  readonly updated?: TabRecord;
  readonly error?: unknown;
}

export interface LoadProgress {
  readonly loaded: number;
}

/** Graph answered 429/503 and the client waits before retrying. */
export interface RetryNotice {
  readonly status: number;
  readonly retryAfterSeconds: number;
  /** Date.now() when it was reported. */
  readonly at: number;
}

export interface TabServices {
  readonly me: SignedInUser;
  /**
   * The signed-in person's Graph session, shared with the governance views (one client, one site id).
   * Absent in the in-memory services of component tests.
   */
  readonly session?: GraphSession;
  /** Whether the signed-in person is a governance officer (officer-only fields become editable). */
  readonly isOfficer: boolean;
  /**
   * The person's roles from the governance site's GovernanceRoles list (officer, focal point with missions), or
   * reader; custodianship depends on the record, see actorFor. Mirrors what SharePoint enforces.
   */
  readonly actor: Actor;
  /** The GovernanceRoles assignments read at sign-in (the governance views build actors from them). */
  readonly assignments: readonly RoleAssignment[];
  /** The actor for one record: `actor`, plus custodian when the record names the person in an owner field. */
  actorFor(record?: RecordValues | { readonly values: RecordValues }): Actor;
  /** Records the signed-in person is custodian of (data inventory and AI registry). */
  listMine(signal?: AbortSignal): Promise<readonly TabRecord[]>;
  /** Every record the person may read, all registers, following pages. */
  listAll(onProgress?: (progress: LoadProgress) => void, signal?: AbortSignal): Promise<readonly TabRecord[]>;
  getRecord(ref: RecordRef, signal?: AbortSignal): Promise<TabRecord>;
  /**
   * Writes the changed values with If-Match = eTag. Rejects with graph's ConflictError (412) whose
   * `current` is the server's TabRecord when it could be read back.
   */
  saveRecord(ref: RecordRef, changes: RecordValues, eTag: string): Promise<TabRecord>;
  /** Marks records reviewed today by me, in one $batch, each with its own If-Match. */
  confirmRecords(
    items: readonly { readonly ref: RecordRef; readonly eTag: string }[],
    today: string,
  ): Promise<readonly ConfirmOutcome[]>;
  /** Versions of one item, newest first. */
  history(ref: RecordRef, signal?: AbortSignal): Promise<readonly RecordVersion[]>;
  /** People from the directory whose name or e-mail starts with the query. */
  searchPeople(query: string, signal?: AbortSignal): Promise<readonly Person[]>;
  /** Display names for e-mails (cached); unknown ones are left out. */
  resolvePeople(emails: readonly string[]): Promise<ReadonlyMap<string, Person>>;
  /** Items of a register whose title starts with the query (a lookup field's choices), a few at most. */
  searchRecords(register: RegisterId, query: string, signal?: AbortSignal): Promise<readonly RecordOption[]>;
  /** Titles of items by id (cached); unknown or unreadable ones are left out. */
  resolveTitles(register: RegisterId, ids: readonly string[]): Promise<ReadonlyMap<string, string>>;
  /** Whether the person may change this record (domain roles, mirroring SharePoint permissions). */
  canEdit(entry: TabRecord): boolean;
  /** Subscribes to automatic retries (throttling); returns the unsubscribe function. */
  onRetry(listener: (notice: RetryNotice) => void): () => void;
}
