// Wire constants and formatting helpers shared by every handler.

export const JSON_CONTENT_TYPE =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';

export const HONOR_NON_INDEXED = 'HonorNonIndexedQueriesWarningMayFailRandomly';

/** Graph timestamps: UTC, `Z`, no fractional part. */
export function graphDate(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** innerError.date: no `Z`, no fraction. */
export function innerErrorDate(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, '');
}

export type Headers = Record<string, string>;

export interface ResponseModel {
  status: number;
  headers?: Headers;
  /** undefined for 204; objects are serialised as JSON. */
  body?: unknown;
}

export type JsonObject = { [key: string]: unknown };

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
