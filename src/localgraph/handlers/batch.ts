// POST /v1.0/$batch: validates the envelope, then runs each sub-request through the same pipeline
// (faults, auth, route table), honouring dependsOn (424 when a dependency failed).
import { randomUUID } from 'node:crypto';
import type { Handler, InternalRequest } from '../context';
import { GraphError } from '../errors/graph-error';
import { failedDependency, invalidRequest } from '../errors/graph-error-factory';
import { innerErrorDate, isObject, JSON_CONTENT_TYPE, type JsonObject } from '../http/wire';

const MAX_REQUESTS = 20;

interface BatchStep {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  dependsOn: string[];
}

function parseSteps(body: unknown): BatchStep[] {
  if (!isObject(body) || !Array.isArray(body.requests)) {
    throw invalidRequest("Invalid batch payload format: a 'requests' array is required.");
  }
  if (body.requests.length === 0) throw invalidRequest('Invalid batch payload format: the batch is empty.');
  if (body.requests.length > MAX_REQUESTS) {
    throw invalidRequest(`Invalid batch payload format: the batch holds more than ${MAX_REQUESTS} requests.`);
  }
  const seen = new Set<string>();
  const steps = body.requests.map((r: unknown): BatchStep => {
    if (!isObject(r)) throw invalidRequest('Invalid batch payload format: each request must be an object.');
    if (typeof r.id !== 'string' || r.id === '')
      throw invalidRequest("Invalid batch payload format: 'id' is required.");
    const key = r.id.toLowerCase();
    if (seen.has(key)) throw invalidRequest(`Invalid batch payload format: duplicate request id '${r.id}'.`);
    seen.add(key);
    if (typeof r.method !== 'string' || r.method === '')
      throw invalidRequest(`Request '${r.id}': 'method' is required.`);
    if (typeof r.url !== 'string' || r.url === '')
      throw invalidRequest(`Request '${r.id}': 'url' is required.`);
    if (/^[a-z]+:\/\//i.test(r.url)) throw invalidRequest(`Request '${r.id}': 'url' must be relative.`);
    // No batch inside a batch: a batch holds up to 20 individual requests (concepts/json-batching;
    // reference/graph-lists.md §10 "No nested $batch"). Refusing the whole envelope also stops the 20×20×…
    // fan-out issue 15 found (8,000 sub-requests from one 355 KB body).
    if (
      /^\/?(v1\.0\/|beta\/)?\$batch(?:[/?#]|$)/i.test(r.url.trim()) ||
      /^\/?(v1\.0\/|beta\/)?%24batch/i.test(r.url.trim())
    )
      throw invalidRequest(`Request '${r.id}': a $batch request cannot contain another $batch request.`);
    const headers: Record<string, string> = {};
    if (r.headers !== undefined) {
      if (!isObject(r.headers)) throw invalidRequest(`Request '${r.id}': 'headers' must be an object.`);
      for (const [k, v] of Object.entries(r.headers)) headers[k.toLowerCase()] = String(v);
    }
    if (r.body !== undefined && headers['content-type'] === undefined) {
      throw invalidRequest(`Request '${r.id}': a body requires a Content-Type header.`);
    }
    const dependsOn = r.dependsOn === undefined ? [] : r.dependsOn;
    if (!Array.isArray(dependsOn) || !dependsOn.every((d) => typeof d === 'string')) {
      throw invalidRequest(`Request '${r.id}': 'dependsOn' must be an array of ids.`);
    }
    return { id: r.id, method: r.method.toUpperCase(), url: r.url, headers, body: r.body, dependsOn };
  });
  for (const s of steps) {
    for (const d of s.dependsOn) {
      if (!seen.has(d.toLowerCase()) || d.toLowerCase() === s.id.toLowerCase()) {
        throw invalidRequest(`Request '${s.id}' depends on unknown request '${d}'.`);
      }
    }
  }
  return steps;
}

function subBody(step: BatchStep): unknown {
  // A base64 body with a non-JSON Content-Type is passed as text; JSON stays an object.
  if (typeof step.body === 'string' && (step.headers['content-type'] ?? '').includes('json')) {
    try {
      return JSON.parse(step.body) as unknown;
    } catch {
      return step.body;
    }
  }
  return step.body;
}

export const postBatch: Handler = async (ctx) => {
  const steps = parseSteps(ctx.req.body);
  const results = new Map<string, JsonObject>();
  const status = new Map<string, number>();
  const pending = [...steps];
  // Run in request order, each step after its dependencies (sequential, as Graph does with dependsOn).
  while (pending.length > 0) {
    const index = pending.findIndex((s) => s.dependsOn.every((d) => status.has(d.toLowerCase())));
    if (index < 0) throw invalidRequest('Invalid batch payload format: dependsOn forms a cycle.');
    const step = pending.splice(index, 1)[0] as BatchStep;
    const key = step.id.toLowerCase();
    const failed = step.dependsOn.some((d) => (status.get(d.toLowerCase()) ?? 0) >= 400);
    if (failed) {
      const err = failedDependency();
      results.set(key, {
        id: step.id,
        status: err.status,
        headers: { 'Content-Type': JSON_CONTENT_TYPE },
        body: err.toBody({
          date: innerErrorDate(ctx.services.now()),
          requestId: randomUUID(),
          clientRequestId: ctx.clientRequestId,
        }),
      });
      status.set(key, err.status);
      continue;
    }
    const url = new URL(step.url.replace(/^\/?/, '/'), 'http://batch.local');
    const path = url.pathname.startsWith('/v1.0/') ? url.pathname : `/v1.0${url.pathname}`;
    const sub: InternalRequest = {
      method: step.method,
      path,
      query: url.searchParams,
      headers: { ...step.headers, authorization: ctx.req.headers.authorization ?? '' },
      body: subBody(step),
      inBatch: true,
    };
    const res = await ctx.services.dispatch(sub, {
      requestId: randomUUID(),
      clientRequestId: ctx.clientRequestId,
    });
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers ?? {})) {
      if (['retry-after', 'location', 'etag'].includes(k.toLowerCase())) headers[k] = v;
    }
    const out: JsonObject = { id: step.id, status: res.status, headers };
    if (res.body !== undefined) {
      // The SDK re-serialises a body only when the key is spelled exactly `Content-Type`.
      headers['Content-Type'] = JSON_CONTENT_TYPE;
      out.body = res.body;
    }
    results.set(key, out);
    status.set(key, res.status);
  }
  return { status: 200, body: { responses: steps.map((s) => results.get(s.id.toLowerCase())) } };
};

export function isGraphError(e: unknown): e is GraphError {
  return e instanceof GraphError;
}
