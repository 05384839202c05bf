// The write service's wire format (POST /api/write/{list}), shared by its server (src/server/write-service),
// the front ends' client (src/client/write-client.ts) and the bot, which calls the service in-process.
// Plain JSON shapes: no HTTP here.
import type { DomainRecord, FieldValue } from '../domain/schema/types';

/** The lists the service writes: the three registers and the officers' decisions on AI systems. */
export const WRITABLE_LISTS = ['dataInventory', 'aiRegistry', 'riskRegister', 'aiVerifications'] as const;
export type WritableList = (typeof WRITABLE_LISTS)[number];

export const isWritableList = (value: string): value is WritableList =>
  (WRITABLE_LISTS as readonly string[]).includes(value);

/** At most this many operations per request (the add-in sends a push in requests of this size). */
export const MAX_WRITE_OPERATIONS = 500;
/** Request bodies above this size are refused with 413 before they are parsed. */
export const MAX_WRITE_BODY_BYTES = 2 * 1024 * 1024;

export interface WriteOperation {
  /** The caller's key for this operation; the result carries it back. Unique within the request. */
  readonly key: string;
  readonly kind: 'create' | 'update' | 'delete';
  /** update, delete: the item id. */
  readonly id?: string;
  /** update, delete: the eTag the caller read the item with (If-Match). */
  readonly eTag?: string;
  /** create: the values; update: the changed fields only. */
  readonly values?: Readonly<Record<string, FieldValue>>;
  /**
   * create: a key of the caller's own for this new item, so that a retry after a lost answer finds the item
   * instead of creating it twice (the add-in's row keys). Stored in the register's clientKey field.
   */
  readonly clientKey?: string;
}

export interface WriteRequest {
  readonly operations: readonly WriteOperation[];
  /**
   * A hint only: the mission the edited items belong to. The service may then read that mission's items in
   * pages instead of each item alone; what it decides still rests on what it read.
   */
  readonly mission?: string;
}

export type WriteResult =
  | {
      readonly key: string;
      readonly ok: true;
      readonly id: string;
      readonly eTag?: string;
      /** The record as saved (absent for deletes). */
      readonly record?: DomainRecord;
    }
  | {
      readonly key: string;
      readonly ok: false;
      /** 400 invalid value, 403 not allowed, 404 no such item, 412 changed since read, 409, 5xx, 0 unknown. */
      readonly status: number;
      /** A stable code (Graph's, or the service's: see WRITE_ERROR_CODES). */
      readonly code: string;
      /** In the caller's language. */
      readonly message: string;
      /** The fields the refusal is about. */
      readonly fields?: readonly string[];
      /** 412: the server's current version. */
      readonly current?: DomainRecord;
    };

export interface WriteResponse {
  readonly results: readonly WriteResult[];
}

/** A request refused as a whole (bad token, bad body, unknown list): nothing was written. */
export interface WriteEnvelopeError {
  readonly error: { readonly code: string; readonly message: string };
}
