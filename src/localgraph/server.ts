// The HTTP front door. Middleware order (one step per comment below):
//   0. front door   Host must be loopback (421), URL and headers within limits (414 / 431 from clientError),
//                   body within MAX_BODY (413) — each with Graph's error body
//   1. context      request-id, client-request-id echo
//   2. CORS         loopback origins only; OPTIONS preflight answered here
//   3. faults       latency per round trip, then a 429 / 503 roll (Graph requests; $batch rolls per sub-request)
//   4. auth         bearer JWT from the local issuer → principal (401 otherwise)
//   5. body         JSON parse (malformed → 400 invalidRequest); /local/token also takes form bodies
//   6. dispatch     ONE route table (routes.ts) → handler → { status, headers, body }
//   7. errors       GraphError → Graph's body; anything else → 500 generalException
//   8. serialise    Graph headers (OData-Version, JSON content type) and the body
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import type { InternalRequest, Principal, RequestContext, Services } from './context';
import { GraphError } from './errors/graph-error';
import {
  generalException,
  headersTooLarge,
  invalidRequest,
  malformedJson,
  methodNotAllowed,
  misdirectedHost,
  requestTooLarge,
  routeNotFound,
  uriTooLong,
} from './errors/graph-error-factory';
import { innerErrorDate, JSON_CONTENT_TYPE, type Headers, type ResponseModel } from './http/wire';
import { matchRoute, pathSegments } from './routes';

const LOOPBACK_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/i;
const EXPOSED = 'ETag, Retry-After, request-id, client-request-id, Location, OData-Version';
const MAX_BODY = 20 * 1024 * 1024;
/** Node's header limit (URL included) is raised to this so a long URL can get its own 414 below. */
export const MAX_HEADER_BYTES = 64 * 1024;
/** Longest request URL answered; longer ones get 414 with Graph's body (reference/graph-lists.md §10). */
export const MAX_URL_LENGTH = 16 * 1024;
/**
 * DNS-rebinding defence (issue 15): a page on another name resolved to 127.0.0.1 sends its own Host, so only
 * loopback names (with an optional port) are answered.
 */
const LOOPBACK_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/i;

interface Ids {
  requestId: string;
  clientRequestId: string;
}

function corsHeaders(origin: string | undefined): Headers {
  if (!origin || !LOOPBACK_ORIGIN.test(origin)) return {};
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Expose-Headers': EXPOSED,
    Vary: 'Origin',
  };
}

function errorResponse(err: GraphError, ids: Ids, now: Date): ResponseModel {
  return {
    status: err.status,
    headers: { ...err.headers },
    body: err.toBody({
      date: innerErrorDate(now),
      requestId: ids.requestId,
      clientRequestId: ids.clientRequestId,
    }),
  };
}

function parseBody(req: InternalRequest, raw: string | undefined): unknown {
  if (raw === undefined || raw.trim() === '') return req.body;
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw));
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw malformedJson();
  }
}

/** Steps 3–7 for one request (also used by $batch for each sub-request). Never throws. */
export async function runPipeline(
  services: Services,
  req: InternalRequest,
  ids: Ids,
  rawBody?: string,
): Promise<ResponseModel> {
  const isGraph = req.path.startsWith('/v1.0/') || req.path === '/v1.0';
  try {
    let segments: string[];
    try {
      segments = pathSegments(decodeURIComponent(req.path));
    } catch {
      throw routeNotFound(req.path);
    }
    const match = matchRoute(req.method, segments);

    // 3. faults: latency once per HTTP round trip (the $batch envelope included, its sub-requests not);
    //    429/503 rolls per Graph request, where a $batch envelope is exempt and its sub-requests roll.
    const isBatchEnvelope = match.kind === 'found' && match.route.faultExempt === true;
    if (isGraph) {
      if (!req.inBatch) await services.faults.delay();
      if (!isBatchEnvelope) {
        const fault = services.faults.roll();
        if (fault) throw fault;
      }
    }

    // 4. auth
    const needsAuth =
      match.kind === 'none'
        ? isGraph
        : match.kind === 'method'
          ? match.auth !== 'none'
          : match.route.auth !== 'none';
    let principal: Principal | undefined;
    if (needsAuth) {
      principal = await services.tokens.verify(req.headers.authorization);
      if (principal.kind === 'user') {
        const user = services.store.getUser(principal.upn ?? principal.id);
        principal = {
          ...principal,
          mail: user?.mail ?? null,
          displayName: user?.displayName ?? principal.displayName,
        };
      }
    }

    // 5. body
    const body = parseBody(req, rawBody);

    // 6. dispatch
    if (match.kind === 'none') {
      if (isGraph) throw routeNotFound(segments[segments.length - 1] ?? req.path);
      return {
        status: 404,
        body: { error: { code: 'NotFound', message: `No route for ${req.method} ${req.path}` } },
      };
    }
    if (match.kind === 'method') throw methodNotAllowed();
    const ctx: RequestContext = {
      requestId: ids.requestId,
      clientRequestId: ids.clientRequestId,
      req: { ...req, body },
      params: match.params,
      principal,
      services,
    };
    const res = await match.route.handler(ctx);
    return res;
  } catch (e) {
    // 7. errors
    if (e instanceof GraphError) return errorResponse(e, ids, services.now());
    services.logger.error(
      `unhandled: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
      ids.requestId,
    );
    return errorResponse(generalException(), ids, services.now());
  }
}

/** The body as text, or undefined when it is over MAX_BODY (read to the end and dropped, so the client gets the
 * 413 instead of a reset connection). */
function readRaw(req: http.IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) chunks.length = 0;
      else chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_BODY ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function lowerHeaders(req: http.IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

/**
 * Requests Node's parser refuses before any listener runs (headers over MAX_HEADER_BYTES, malformed request
 * lines) still get a Graph error body: 431 for oversized headers, 400 otherwise. Never throws.
 */
export function clientErrorHandler(
  services: Services,
): (err: Error & { code?: string }, socket: Duplex) => void {
  return (err, socket) => {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const requestId = randomUUID();
    const ids: Ids = { requestId, clientRequestId: requestId };
    const graphError =
      err.code === 'HPE_HEADER_OVERFLOW'
        ? headersTooLarge(MAX_HEADER_BYTES)
        : invalidRequest('The HTTP request is malformed.');
    const out = errorResponse(graphError, ids, services.now());
    const payload = JSON.stringify(out.body);
    const reason = out.status === 431 ? 'Request Header Fields Too Large' : 'Bad Request';
    socket.end(
      `HTTP/1.1 ${out.status} ${reason}\r\nContent-Type: ${JSON_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(payload)}\r\nrequest-id: ${requestId}\r\nConnection: close\r\n\r\n${payload}`,
    );
    services.logger.debug(`refused before parsing: ${err.code ?? err.message}`, requestId);
  };
}

export function createRequestListener(services: Services): http.RequestListener {
  return (req, res) => {
    void (async () => {
      // 1. context
      const headers = lowerHeaders(req);
      const requestId = randomUUID();
      const ids: Ids = { requestId, clientRequestId: headers['client-request-id'] ?? requestId };
      const base: Headers = {
        'request-id': ids.requestId,
        'client-request-id': ids.clientRequestId,
        ...corsHeaders(headers.origin),
      };
      const refuse = (err: GraphError): void => {
        const out = errorResponse(err, ids, services.now());
        const payload = JSON.stringify(out.body);
        res
          .writeHead(out.status, {
            ...base,
            ...(out.headers ?? {}),
            'Content-Type': JSON_CONTENT_TYPE,
            'Content-Length': String(Buffer.byteLength(payload)),
          })
          .end(payload);
      };
      // 0. front door
      if (!LOOPBACK_HOST.test(headers.host ?? '')) {
        req.resume();
        refuse(misdirectedHost());
        return;
      }
      if ((req.url ?? '').length > MAX_URL_LENGTH) {
        req.resume();
        refuse(uriTooLong(MAX_URL_LENGTH));
        return;
      }
      let url: URL;
      try {
        url = new URL(req.url ?? '/', 'http://local');
      } catch {
        req.resume();
        refuse(routeNotFound(String(req.url).slice(0, 200)));
        return;
      }
      const method = (req.method ?? 'GET').toUpperCase();
      services.logger.debug(`${method} ${url.pathname}${url.search}`, requestId);

      // 2. CORS preflight
      if (method === 'OPTIONS') {
        const allowed = base['Access-Control-Allow-Origin'] !== undefined;
        res.writeHead(204, {
          ...base,
          ...(allowed
            ? {
                'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
                'Access-Control-Allow-Headers':
                  headers['access-control-request-headers'] ??
                  'Authorization, Content-Type, If-Match, Prefer, client-request-id',
                'Access-Control-Max-Age': '600',
              }
            : {}),
        });
        res.end();
        return;
      }

      let raw: string | undefined;
      try {
        raw = await readRaw(req);
      } catch {
        res.writeHead(400, base).end();
        return;
      }
      if (raw === undefined) {
        const tooLarge = errorResponse(requestTooLarge(MAX_BODY), ids, services.now());
        const payload = JSON.stringify(tooLarge.body);
        res
          .writeHead(413, {
            ...base,
            ...(tooLarge.headers ?? {}),
            'Content-Type': JSON_CONTENT_TYPE,
            'Content-Length': String(Buffer.byteLength(payload)),
          })
          .end(payload);
        return;
      }
      const internal: InternalRequest = {
        method,
        path: url.pathname,
        query: url.searchParams,
        headers,
        body: undefined,
      };
      const out = await runPipeline(services, internal, ids, raw);

      // 8. serialise
      const h: Headers = { ...base, ...(out.headers ?? {}) };
      if (url.pathname.startsWith('/v1.0')) h['OData-Version'] = '4.0';
      if (out.body === undefined) {
        res.writeHead(out.status, h).end();
      } else {
        const payload = JSON.stringify(out.body);
        // A handler may name its own type (SharePoint REST's odata=verbose / nometadata flavours).
        h['Content-Type'] ??= url.pathname.startsWith('/v1.0')
          ? JSON_CONTENT_TYPE
          : 'application/json; charset=utf-8';
        h['Content-Length'] = String(Buffer.byteLength(payload));
        res.writeHead(out.status, h).end(payload);
      }
      services.logger.debug(`→ ${out.status}`, requestId);
    })().catch((e: unknown) => {
      services.logger.error(`listener failure: ${String(e)}`);
      if (!res.headersSent) res.writeHead(500).end();
    });
  };
}
