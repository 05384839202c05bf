// JSON batching (POST /$batch): at most 20 requests per call, responses correlated by id (they may come back in
// any order), and only the sub-requests that were throttled (429/503/504) are sent again, after their own
// Retry-After. The SDK's RetryHandler retries the outer call only. We build the envelope ourselves:
// BatchRequestContent needs absolute URLs and allows only some dependsOn shapes.
import { toRelativePath, withQuery } from './client';
import type { GraphClient, GraphResponse, HttpMethod, RequestOptions } from './client';
import { GraphError, getHeader, toGraphError } from './errors';

export const MAX_BATCH_REQUESTS = 20;
const RETRYABLE = new Set([429, 503, 504]);

export interface BatchRequest {
  /** Unique (case-insensitive) within the call. */
  id: string;
  method: HttpMethod;
  /** Relative to /v1.0 (`/sites/...`); an absolute Graph URL is made relative. */
  url: string;
  headers?: Readonly<Record<string, string>>;
  body?: unknown;
  /** Ids this request waits for; they must be in the same chunk of 20. */
  dependsOn?: readonly string[];
}

export interface BatchResponse<T = unknown> {
  id: string;
  status: number;
  headers: Readonly<Record<string, string>>;
  body: T;
  /** Set when status >= 400 (412 gives a ConflictError). */
  error?: GraphError;
}

export interface BatchOptions {
  /** Attempts per sub-request, counting the first. Default 5. */
  maxAttempts?: number;
  /** Longest wait before resending throttled sub-requests. Default 60. */
  maxDelaySeconds?: number;
  /** Called after each chunk of 20. */
  onProgress?: (done: number, total: number) => void;
  /**
   * A `$batch` call that fails as a whole (no answer, or an error for the envelope once retries are spent):
   * 'throw' (default) throws its GraphError and every result is lost; 'report' gives that error to each request
   * of the chunk still without an answer (they may or may not have been applied) and does not send the later
   * chunks, whose requests get a `notSent` error (status 0). Writers that must say what happened to each item
   * use 'report'.
   */
  envelopeErrors?: 'throw' | 'report';
  /** For tests. */
  sleep?: (ms: number) => Promise<void>;
}

interface WireResponse {
  id?: unknown;
  status?: unknown;
  headers?: unknown;
  body?: unknown;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function checkRequests(requests: readonly BatchRequest[]): void {
  const seen = new Map<string, number>();
  requests.forEach((request, index) => {
    const key = request.id.toLowerCase();
    if (request.id === '') throw new RangeError('Batch request ids must not be empty');
    if (seen.has(key)) throw new RangeError(`Duplicate batch request id: ${request.id}`);
    seen.set(key, index);
  });
  requests.forEach((request, index) => {
    for (const dep of request.dependsOn ?? []) {
      const depIndex = seen.get(dep.toLowerCase());
      if (depIndex === undefined) throw new RangeError(`${request.id} depends on unknown id ${dep}`);
      if (Math.floor(depIndex / MAX_BATCH_REQUESTS) !== Math.floor(index / MAX_BATCH_REQUESTS)) {
        throw new RangeError(`${request.id} depends on ${dep}, which falls in another batch of 20`);
      }
    }
  });
}

function toWire(request: BatchRequest, pendingIds: ReadonlySet<string>): Record<string, unknown> {
  const headers: Record<string, string> = { ...request.headers };
  // Graph requires a Content-Type with every body.
  if (request.body !== undefined && getHeader(headers, 'Content-Type') === undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const dependsOn = (request.dependsOn ?? []).filter((dep) => pendingIds.has(dep.toLowerCase()));
  return {
    id: request.id,
    method: request.method,
    url: toRelativePath(request.url),
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    ...(request.body !== undefined ? { body: request.body } : {}),
    ...(dependsOn.length > 0 ? { dependsOn } : {}),
  };
}

function toResponse(id: string, wire: WireResponse): BatchResponse {
  const status = typeof wire.status === 'number' ? wire.status : Number(wire.status ?? 0);
  const headers: Record<string, string> = {};
  if (typeof wire.headers === 'object' && wire.headers !== null) {
    for (const [key, value] of Object.entries(wire.headers)) headers[key] = String(value);
  }
  let body = wire.body;
  // A JSON body may arrive as a string (or base64 for non-JSON content); parse what is JSON.
  if (typeof body === 'string' && /json/i.test(getHeader(headers, 'Content-Type') ?? '')) {
    try {
      body = JSON.parse(body) as unknown;
    } catch {
      // keep the text
    }
  }
  const response: BatchResponse = { id, status, headers, body };
  if (status >= 400 || status === 0) response.error = toGraphError(status, body, headers);
  return response;
}

/** Runs one chunk; answers are put in `done` as they come, so a caller still has them if a later attempt throws. */
async function runChunk(
  client: GraphClient,
  chunk: readonly BatchRequest[],
  options: Required<Omit<BatchOptions, 'onProgress' | 'envelopeErrors'>>,
  done: Map<string, BatchResponse>,
): Promise<void> {
  let pending: readonly BatchRequest[] = chunk;
  for (let attempt = 1; pending.length > 0; attempt++) {
    const pendingIds = new Set(pending.map((request) => request.id.toLowerCase()));
    const response = await client.request<{ responses?: WireResponse[] }>('POST', '/$batch', {
      body: { requests: pending.map((request) => toWire(request, pendingIds)) },
    });
    const byId = new Map<string, WireResponse>();
    for (const wire of response.body?.responses ?? []) byId.set(String(wire.id).toLowerCase(), wire);

    const retryIds = new Set<string>();
    let waitSeconds = 0;
    const results = new Map<string, BatchResponse>();
    for (const request of pending) {
      const wire = byId.get(request.id.toLowerCase());
      const result: BatchResponse = wire
        ? toResponse(request.id, wire)
        : {
            id: request.id,
            status: 0,
            headers: {},
            body: undefined,
            error: new GraphError({
              status: 0,
              code: 'missingBatchResponse',
              message: 'No response for this id',
            }),
          };
      results.set(request.id, result);
      if (RETRYABLE.has(result.status) && attempt < options.maxAttempts) {
        retryIds.add(request.id.toLowerCase());
        waitSeconds = Math.max(waitSeconds, result.error?.retryAfterSeconds ?? 2 ** (attempt - 1));
      }
    }
    // A request that failed only because its dependency was throttled (424) goes again with it.
    let grew = true;
    while (grew) {
      grew = false;
      for (const request of pending) {
        const key = request.id.toLowerCase();
        if (retryIds.has(key) || results.get(request.id)?.status !== 424) continue;
        if ((request.dependsOn ?? []).some((dep) => retryIds.has(dep.toLowerCase()))) {
          retryIds.add(key);
          grew = true;
        }
      }
    }
    for (const [id, result] of results) if (!retryIds.has(id.toLowerCase())) done.set(id, result);
    pending = pending.filter((request) => retryIds.has(request.id.toLowerCase()));
    if (pending.length > 0) await options.sleep(Math.min(waitSeconds, options.maxDelaySeconds) * 1000);
  }
}

const failedResponse = (id: string, error: GraphError): BatchResponse => ({
  id,
  status: error.status,
  headers: {},
  body: undefined,
  error,
});

/** Sends any number of requests in $batch calls of at most 20; results come back in request order. */
export async function executeBatch<T = unknown>(
  client: GraphClient,
  requests: readonly BatchRequest[],
  options: BatchOptions = {},
): Promise<BatchResponse<T>[]> {
  checkRequests(requests);
  const settings = {
    maxAttempts: Math.max(1, options.maxAttempts ?? 5),
    maxDelaySeconds: Math.max(0, options.maxDelaySeconds ?? 60),
    sleep: options.sleep ?? defaultSleep,
  };
  const results = new Map<string, BatchResponse>();
  let failure: GraphError | undefined;
  for (let start = 0; start < requests.length; start += MAX_BATCH_REQUESTS) {
    const chunk = requests.slice(start, start + MAX_BATCH_REQUESTS);
    if (failure) {
      const notSent = new GraphError({
        status: 0,
        code: 'notSent',
        message: `Not sent: an earlier $batch call failed (${failure.code})`,
      });
      for (const request of chunk) results.set(request.id, failedResponse(request.id, notSent));
      continue;
    }
    try {
      await runChunk(client, chunk, settings, results);
    } catch (error) {
      if (options.envelopeErrors !== 'report' || !(error instanceof GraphError)) throw error;
      failure = error;
      for (const request of chunk) {
        if (!results.has(request.id)) results.set(request.id, failedResponse(request.id, error));
      }
    }
    options.onProgress?.(Math.min(start + MAX_BATCH_REQUESTS, requests.length), requests.length);
  }
  return requests.map((request) => results.get(request.id) as BatchResponse<T>);
}

/** The part of GraphClient a batched client offers: calls are queued until `execute()`. */
export interface BatchedClient {
  request<T = unknown>(method: HttpMethod, path: string, options?: RequestOptions): Promise<GraphResponse<T>>;
}

/**
 * pnpjs-style batching: `const [batch, execute] = batched(client)`; calls on `batch` return promises that settle
 * when `execute()` has sent them (in $batch calls of 20), with a response or a GraphError.
 */
export function batched(
  client: GraphClient,
  options: BatchOptions = {},
): [BatchedClient, () => Promise<void>] {
  interface Queued {
    request: BatchRequest;
    resolve: (response: GraphResponse<unknown>) => void;
    reject: (error: GraphError) => void;
  }
  let queue: Queued[] = [];
  const batchClient: BatchedClient = {
    request<T>(method: HttpMethod, path: string, requestOptions: RequestOptions = {}) {
      return new Promise<GraphResponse<T>>((resolve, reject) => {
        const url = withQuery(path, requestOptions.query);
        queue.push({
          request: {
            id: String(queue.length + 1),
            method,
            url,
            headers: requestOptions.headers,
            body: requestOptions.body,
          },
          resolve: resolve as (response: GraphResponse<unknown>) => void,
          reject,
        });
      });
    },
  };
  const execute = async (): Promise<void> => {
    const items = queue;
    queue = [];
    const responses = await executeBatch(
      client,
      items.map((item) => item.request),
      options,
    );
    responses.forEach((response, index) => {
      const item = items[index];
      if (!item) return;
      if (response.error) item.reject(response.error);
      else
        item.resolve({
          status: response.status,
          headers: new Headers(response.headers),
          body: response.body,
          requestId: getHeader(response.headers, 'request-id'),
        });
    });
  };
  return [batchClient, execute];
}
