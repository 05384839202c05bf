// The Graph client: @microsoft/microsoft-graph-client with a middleware chain of our own, so that the very same
// code works against https://graph.microsoft.com and against localgraph on http://127.0.0.1:PORT.
//
// Why our own chain (graph-lists.md §8): the SDK's default AuthenticationHandler only acts on https Graph hosts
// and deletes an Authorization header set by hand on any other host; the SDK's HTTPMessageHandler always uses
// the global fetch (we want to swap it in tests). We keep the SDK's RetryHandler (429/503/504, Retry-After).
//
// One way to call Graph: `client.request(method, path, { query, body, headers })`. It asks the SDK for the raw
// Response and parses it here, so every failure becomes one GraphError with status, code and request ids.
import { Client, ResponseType, RetryHandler, RetryHandlerOptions } from '@microsoft/microsoft-graph-client';
import type { Context, FetchOptions, GraphRequest, Middleware } from '@microsoft/microsoft-graph-client';
import { GraphError, toGraphError } from './errors';
import { noopLogger } from './logger';
import type { GraphLogger } from './logger';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export type QueryValue = string | number | boolean | undefined;

export interface RequestOptions {
  /** Query parameters; values are percent-encoded here (keys such as `$filter` are kept as they are). */
  query?: Readonly<Record<string, QueryValue>>;
  /** A JSON-serialisable body (objects are sent as JSON). */
  body?: unknown;
  headers?: Readonly<Record<string, string>>;
}

export interface GraphResponse<T> {
  status: number;
  headers: Headers;
  body: T;
  requestId: string | undefined;
}

export interface GraphClient {
  /** Normalised base URL, without the version (e.g. `https://graph.microsoft.com`). */
  readonly baseUrl: string;
  readonly logger: GraphLogger;
  /** `path` is relative to `/v1.0` (`/sites/...`), or an absolute nextLink/deltaLink on any host. Throws GraphError. */
  request<T = unknown>(method: HttpMethod, path: string, options?: RequestOptions): Promise<GraphResponse<T>>;
}

export interface RetryOptions {
  /** Attempts after the first one (the SDK caps it at 10). Default 3. */
  maxRetries: number;
  /** Longest wait between attempts, even when Retry-After asks for more. Default 60. */
  maxDelaySeconds: number;
  /** Base back-off when the answer has no Retry-After. Default 3. */
  delaySeconds: number;
}

export type FetchLike = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

export interface GraphClientOptions {
  /** `https://graph.microsoft.com` or the localgraph URL (`/v1.0` may be included; it is stripped). */
  baseUrl: string;
  /** Called for every request (and retry); cache inside it. The token is never logged. */
  getToken: () => Promise<string>;
  logger?: GraphLogger;
  retry?: Partial<RetryOptions>;
  /** Defaults to the global fetch (browser and Node 20+). */
  fetchImpl?: FetchLike;
}

export const GRAPH_VERSION = 'v1.0';

/** Strips a trailing slash and a trailing `/v1.0` or `/beta` from a base URL. */
export function normalizeBaseUrl(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '').replace(/\/(v1\.0|beta)$/i, '');
}

/**
 * Turns an absolute Graph URL (`http(s)://host[:port]/v1.0/...`, as found in @odata.nextLink and deltaLink)
 * into the path the SDK expects (`/sites/...?...`). The SDK only recognises `https://` URLs and would glue an
 * http one after the base URL. Relative paths come back with a leading slash.
 */
export function toRelativePath(pathOrUrl: string): string {
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]+(.*)$/i.exec(pathOrUrl);
  if (!match) return pathOrUrl.startsWith('/') ? pathOrUrl : `/${pathOrUrl}`;
  const rest = (match[1] ?? '').replace(/^\/(v1\.0|beta)(?=[/?]|$)/i, '');
  return rest === '' ? '/' : rest.startsWith('/') ? rest : `/${rest}`;
}

/** Appends percent-encoded query parameters to a path (that may already hold some). */
export function withQuery(path: string, query?: Readonly<Record<string, QueryValue>>): string {
  if (!query) return path;
  const parts = Object.entries(query)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`);
  if (parts.length === 0) return path;
  return `${path}${path.includes('?') ? '&' : '?'}${parts.join('&')}`;
}

/** Encodes one path segment (site ids with commas, list titles with spaces). */
export const segment = (value: string): string => encodeURIComponent(value);

export function newClientRequestId(): string {
  const cryptoApi = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (cryptoApi?.randomUUID) return cryptoApi.randomUUID();
  // Fallback for old browsers / insecure contexts: uniqueness is all we need here.
  const hex = (n: number) =>
    Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
}

function setHeader(context: Context, name: string, value: string): void {
  if (
    typeof context.request !== 'string' &&
    typeof Request !== 'undefined' &&
    context.request instanceof Request
  ) {
    context.request.headers.set(name, value);
    return;
  }
  const options: FetchOptions = context.options ?? {};
  context.options = options;
  const headers = options.headers;
  if (headers instanceof Headers) {
    headers.set(name, value);
    return;
  }
  if (Array.isArray(headers)) {
    options.headers = [...headers.filter(([key]) => key.toLowerCase() !== name.toLowerCase()), [name, value]];
    return;
  }
  const record: Record<string, string> = { ...(headers as Record<string, string> | undefined) };
  for (const key of Object.keys(record)) if (key.toLowerCase() === name.toLowerCase()) delete record[key];
  record[name] = value;
  options.headers = record;
}

function getRequestHeader(context: Context, name: string): string | undefined {
  const headers = context.options?.headers;
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const entries = Array.isArray(headers) ? headers : Object.entries(headers as Record<string, string>);
  return entries.find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
}

const requestUrl = (context: Context): string =>
  typeof context.request === 'string' ? context.request : context.request.url;

/** Sets `Authorization: Bearer` on every request, whatever the scheme or host. */
class BearerAuthMiddleware implements Middleware {
  private next: Middleware | undefined;
  constructor(private readonly getToken: () => Promise<string>) {}
  async execute(context: Context): Promise<void> {
    const token = await this.getToken();
    setHeader(context, 'Authorization', `Bearer ${token}`);
    if (!this.next) throw new Error('BearerAuthMiddleware needs a next middleware');
    await this.next.execute(context);
  }
  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** Logs each attempt (so retries show up) with its ids. Logs neither headers nor bodies: no tokens. */
class LoggingMiddleware implements Middleware {
  private next: Middleware | undefined;
  constructor(private readonly logger: GraphLogger) {}
  async execute(context: Context): Promise<void> {
    if (!this.next) throw new Error('LoggingMiddleware needs a next middleware');
    const started = Date.now();
    await this.next.execute(context);
    const response = context.response;
    this.logger.debug('graph request', {
      method: context.options?.method ?? 'GET',
      url: requestUrl(context),
      status: response?.status,
      ms: Date.now() - started,
      attempt: Number(getRequestHeader(context, 'Retry-Attempt') ?? 0),
      clientRequestId: getRequestHeader(context, 'client-request-id'),
      requestId: response?.headers.get('request-id') ?? undefined,
    });
  }
  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** The last link: calls the injected fetch (the SDK's HTTPMessageHandler always uses the global one). */
class FetchMiddleware implements Middleware {
  constructor(private readonly fetchImpl: FetchLike) {}
  async execute(context: Context): Promise<void> {
    context.response = await this.fetchImpl(context.request, context.options as RequestInit);
  }
}

/** The SDK caps Retry-After waits at 180 s; ours is configurable. getDelay reads the handler's own options. */
class CappedRetryHandlerOptions extends RetryHandlerOptions {
  constructor(
    delaySeconds: number,
    maxRetries: number,
    private readonly maxDelaySeconds: number,
    shouldRetry: RetryHandlerOptions['shouldRetry'],
  ) {
    super(delaySeconds, maxRetries, shouldRetry);
  }
  override getMaxDelay(): number {
    return this.maxDelaySeconds;
  }
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

export function createGraphClient(options: GraphClientOptions): GraphClient {
  const logger = options.logger ?? noopLogger;
  const baseUrl = normalizeBaseUrl(options.baseUrl);
  const fetchImpl: FetchLike = options.fetchImpl ?? ((input, init) => globalThis.fetch(input, init));
  const retry: RetryOptions = {
    maxRetries: clamp(options.retry?.maxRetries ?? 3, 0, 10),
    maxDelaySeconds: clamp(options.retry?.maxDelaySeconds ?? 60, 0, 180),
    delaySeconds: clamp(options.retry?.delaySeconds ?? 3, 0, 180),
  };
  const retryOptions = new CappedRetryHandlerOptions(
    retry.delaySeconds,
    retry.maxRetries,
    retry.maxDelaySeconds,
    (_delay, attempt, _request, _options, response) => {
      logger.warn('graph retrying', {
        status: response.status,
        attempt: attempt + 1,
        retryAfter: response.headers.get('Retry-After') ?? undefined,
      });
      return true;
    },
  );
  const sdk = Client.initWithMiddleware({
    baseUrl,
    defaultVersion: GRAPH_VERSION,
    middleware: [
      new BearerAuthMiddleware(options.getToken),
      new RetryHandler(retryOptions),
      new LoggingMiddleware(logger),
      new FetchMiddleware(fetchImpl),
    ],
  });

  const send = (req: GraphRequest, method: HttpMethod, body: unknown): Promise<Response> => {
    switch (method) {
      case 'GET':
        return req.get() as Promise<Response>;
      case 'POST':
        return req.post(body) as Promise<Response>;
      case 'PATCH':
        return req.patch(body) as Promise<Response>;
      case 'PUT':
        return req.put(body) as Promise<Response>;
      case 'DELETE':
        return req.delete() as Promise<Response>;
    }
  };

  async function request<T>(
    method: HttpMethod,
    path: string,
    requestOptions: RequestOptions = {},
  ): Promise<GraphResponse<T>> {
    const clientRequestId = newClientRequestId();
    const build = () =>
      sdk
        .api(withQuery(toRelativePath(path), requestOptions.query))
        .responseType(ResponseType.RAW)
        .headers({ ...requestOptions.headers, 'client-request-id': clientRequestId });
    let raw: Response | undefined;
    // A GET that got no answer at all (e.g. a kept-alive connection the server closed when it restarted) is
    // safe to send once more; a write is not (it may have been applied): the caller decides.
    for (let attempt = 1; raw === undefined; attempt++) {
      try {
        raw = await send(build(), method, requestOptions.body);
      } catch (error) {
        if (error instanceof GraphError) throw error;
        if (method === 'GET' && attempt < 2) continue;
        // Network failure, CORS refusal, or the SDK refusing the request: no HTTP status.
        const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
        const message =
          (error instanceof Error ? error.message : String(error)) +
          (typeof cause?.code === 'string' ? ` (${cause.code})` : '');
        throw new GraphError({ status: 0, code: 'networkError', message, clientRequestId, body: undefined });
      }
    }
    const body = await readBody(raw);
    if (!raw.ok) {
      const error = toGraphError(raw.status, body, raw.headers);
      logger.debug('graph error', {
        status: error.status,
        code: error.code,
        requestId: error.requestId,
        clientRequestId,
      });
      throw error;
    }
    return {
      status: raw.status,
      headers: raw.headers,
      body: body as T,
      requestId: raw.headers.get('request-id') ?? undefined,
    };
  }

  return { baseUrl, logger, request };
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204 || response.status === 304) return undefined;
  const text = await response.text();
  if (text === '') return undefined;
  const contentType = response.headers.get('Content-Type') ?? '';
  if (/json/i.test(contentType) || /^\s*[{[]/.test(text)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}
