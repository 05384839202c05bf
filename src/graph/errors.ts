// One error type for everything that comes back from Graph (or never got there), so callers branch on
// `status` and `code` only — never on message text, which differs between Graph, SharePoint and localgraph.

/** Anything with a case-insensitive `get`, e.g. fetch `Headers`, or a plain header record. */
export type HeaderSource = Headers | Readonly<Record<string, string>> | undefined;

export interface GraphErrorInit {
  status: number;
  code: string;
  message: string;
  requestId?: string;
  clientRequestId?: string;
  body?: unknown;
  retryAfterSeconds?: number;
  innerCodes?: readonly string[];
  /** The `Location` header, e.g. the fresh delta link a 410 resync answer carries. */
  location?: string;
}

export class GraphError extends Error {
  override readonly name: string = 'GraphError';
  /** HTTP status; 0 when the request never got an answer (network failure). */
  readonly status: number;
  /** Graph's `error.code`, e.g. `itemNotFound`, `invalidRequest`, `resourceModified`. */
  readonly code: string;
  readonly requestId: string | undefined;
  readonly clientRequestId: string | undefined;
  /** The parsed response body (Graph's `{ error: {...} }`), or the raw text if it was not JSON. */
  readonly body: unknown;
  readonly retryAfterSeconds: number | undefined;
  /** Nested `innerError.code`s, outermost first (SharePoint throttling nests `throttledRequest` > `quota`). */
  readonly innerCodes: readonly string[];
  readonly location: string | undefined;

  constructor(init: GraphErrorInit) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.clientRequestId = init.clientRequestId;
    this.body = init.body;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.innerCodes = init.innerCodes ?? [];
    this.location = init.location;
  }
}

/** 412 Precondition Failed: the item changed since the caller read it. `current` is the server's version when known. */
export class ConflictError<T = unknown> extends GraphError {
  override readonly name: string = 'ConflictError';
  current: T | undefined;

  constructor(init: GraphErrorInit, current?: T) {
    super(init);
    this.current = current;
  }

  /** A copy carrying the server's current record (fetched after the 412). */
  withCurrent<U>(current: U | undefined): ConflictError<U> {
    return new ConflictError<U>(this.toInit(), current);
  }

  toInit(): GraphErrorInit {
    return {
      status: this.status,
      code: this.code,
      message: this.message,
      requestId: this.requestId,
      clientRequestId: this.clientRequestId,
      body: this.body,
      retryAfterSeconds: this.retryAfterSeconds,
      innerCodes: this.innerCodes,
      location: this.location,
    };
  }
}

export const isGraphError = (error: unknown): error is GraphError => error instanceof GraphError;
export const isConflictError = (error: unknown): error is ConflictError => error instanceof ConflictError;

export function getHeader(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(headers as Record<string, string>)) {
    if (key.toLowerCase() === lower) return value;
  }
  return undefined;
}

/** `Retry-After` is either delta-seconds or an HTTP date. */
export function parseRetryAfter(
  value: string | undefined | null,
  now: number = Date.now(),
): number | undefined {
  if (value === undefined || value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const defaultCodes: Readonly<Record<number, string>> = {
  400: 'invalidRequest',
  401: 'unauthenticated',
  403: 'accessDenied',
  404: 'itemNotFound',
  409: 'nameAlreadyExists',
  410: 'resyncRequired',
  412: 'resourceModified',
  424: 'failedDependency',
  429: 'activityLimitReached',
  500: 'generalException',
  503: 'serviceNotAvailable',
  504: 'gatewayTimeout',
};

/** Builds the one error type from a status, a (parsed) body and the response headers. 412 gives a ConflictError. */
export function toGraphError(status: number, body: unknown, headers?: HeaderSource): GraphError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  const inner = error && isRecord(error.innerError) ? error.innerError : undefined;
  const innerCodes: string[] = [];
  for (let node = inner; node; node = isRecord(node.innerError) ? node.innerError : undefined) {
    if (typeof node.code === 'string') innerCodes.push(node.code);
  }
  const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
  const init: GraphErrorInit = {
    status,
    code: str(error?.code) ?? defaultCodes[status] ?? `http${status}`,
    message:
      str(error?.message) ?? (typeof body === 'string' && body ? body.slice(0, 500) : `HTTP ${status}`),
    requestId: str(inner?.['request-id']) ?? getHeader(headers, 'request-id'),
    clientRequestId: str(inner?.['client-request-id']) ?? getHeader(headers, 'client-request-id'),
    body,
    retryAfterSeconds: parseRetryAfter(getHeader(headers, 'Retry-After')),
    innerCodes,
    location: getHeader(headers, 'Location'),
  };
  return status === 412 ? new ConflictError(init) : new GraphError(init);
}
