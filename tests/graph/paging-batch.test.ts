import {
  batched,
  createGraphClient,
  executeBatch,
  getAllPages,
  GraphError,
  ConflictError,
} from '../../src/graph';
import type { BatchRequest } from '../../src/graph';
import { fakeFetch, graphErrorBody, GRAPH_JSON, jsonResponse } from './fake-fetch';
import type { RecordedCall } from './fake-fetch';

const BASE = 'http://127.0.0.1:4321';
const getToken = async () => 't';

describe('getAllPages', () => {
  it('follows absolute http nextLinks, keeps headers, reports progress and returns the deltaLink', async () => {
    const { fetchImpl, calls } = fakeFetch((_call, i) =>
      jsonResponse(
        200,
        i < 2
          ? {
              value: [{ id: `${i * 2 + 1}` }, { id: `${i * 2 + 2}` }],
              '@odata.nextLink': `${BASE}/v1.0/sites/s/lists/l/items/delta?token=p${i + 1}`,
            }
          : {
              value: [{ id: '5' }],
              '@odata.deltaLink': `${BASE}/v1.0/sites/s/lists/l/items/delta?token=final`,
            },
      ),
    );
    const client = createGraphClient({ baseUrl: BASE, getToken, fetchImpl });
    const progress: number[] = [];
    const result = await getAllPages<{ id: string }>(client, '/sites/s/lists/l/items/delta', {
      query: { $expand: 'fields' },
      headers: { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' },
      onPage: (p) => progress.push(p.total),
    });
    expect(result.items.map((item) => item.id)).toEqual(['1', '2', '3', '4', '5']);
    expect(result.deltaLink).toBe(`${BASE}/v1.0/sites/s/lists/l/items/delta?token=final`);
    expect(progress).toEqual([2, 4, 5]);
    expect(calls.map((c) => c.url)).toEqual([
      `${BASE}/v1.0/sites/s/lists/l/items/delta?$expand=fields`,
      `${BASE}/v1.0/sites/s/lists/l/items/delta?token=p1`,
      `${BASE}/v1.0/sites/s/lists/l/items/delta?token=p2`,
    ]);
    expect(calls.every((c) => c.headers.prefer === 'HonorNonIndexedQueriesWarningMayFailRandomly')).toBe(
      true,
    );
  });
});

interface WireRequest {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

/** A $batch endpoint that answers in reverse order; `decide` picks each sub-response. */
function batchServer(
  decide: (
    request: WireRequest,
    attemptOfThisId: number,
  ) => { status: number; headers?: Record<string, string>; body?: unknown },
) {
  const attempts = new Map<string, number>();
  return fakeFetch((call: RecordedCall) => {
    const requests = (call.body as { requests: WireRequest[] }).requests;
    if (requests.length > 20) return jsonResponse(400, graphErrorBody('invalidRequest', 'too many'));
    const responses = requests.map((request) => {
      const n = (attempts.get(request.id) ?? 0) + 1;
      attempts.set(request.id, n);
      const answer = decide(request, n);
      return {
        id: request.id,
        status: answer.status,
        headers: { 'Content-Type': GRAPH_JSON, ...answer.headers },
        body: answer.body,
      };
    });
    return jsonResponse(200, { responses: responses.reverse() });
  });
}

const requestsOf = (n: number): BatchRequest[] =>
  Array.from({ length: n }, (_, i) => ({
    id: String(i + 1),
    method: 'POST' as const,
    url: `${BASE}/v1.0/sites/s/lists/l/items`,
    body: { fields: { Title: `item ${i + 1}` } },
  }));

describe('executeBatch', () => {
  it('splits 45 requests into batches of 20, 20, 5 and correlates out-of-order responses by id', async () => {
    const { fetchImpl, calls } = batchServer((request) => ({
      status: 201,
      body: { id: request.id, echo: request.body },
    }));
    const client = createGraphClient({ baseUrl: BASE, getToken, fetchImpl });
    const progress: number[] = [];
    const results = await executeBatch<{ id: string }>(client, requestsOf(45), {
      onProgress: (done) => progress.push(done),
    });
    expect(calls.map((c) => (c.body as { requests: unknown[] }).requests.length)).toEqual([20, 20, 5]);
    expect(calls[0]?.url).toBe(`${BASE}/v1.0/$batch`);
    expect(results.map((r) => r.id)).toEqual(requestsOf(45).map((r) => r.id));
    expect(results.every((r, i) => r.body.id === String(i + 1) && r.status === 201)).toBe(true);
    expect(progress).toEqual([20, 40, 45]);
    const first = (calls[0]?.body as { requests: WireRequest[] }).requests[0];
    expect(first).toEqual({
      id: '1',
      method: 'POST',
      url: '/sites/s/lists/l/items',
      headers: { 'Content-Type': 'application/json' },
      body: { fields: { Title: 'item 1' } },
    });
  });

  it('retries only the sub-requests that got 429, after their Retry-After', async () => {
    const { fetchImpl, calls } = batchServer((request, n) =>
      request.id === '3' && n === 1
        ? {
            status: 429,
            headers: { 'Retry-After': '2' },
            body: graphErrorBody('activityLimitReached', 'throttled'),
          }
        : { status: 200, body: { id: request.id } },
    );
    const client = createGraphClient({ baseUrl: BASE, getToken, fetchImpl });
    const waits: number[] = [];
    const results = await executeBatch(client, requestsOf(5), { sleep: async (ms) => void waits.push(ms) });
    expect(calls).toHaveLength(2);
    expect((calls[1]?.body as { requests: WireRequest[] }).requests.map((r) => r.id)).toEqual(['3']);
    expect(waits).toEqual([2000]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
  });

  it('stops after maxAttempts and reports the 429 as a GraphError', async () => {
    const { fetchImpl, calls } = batchServer(() => ({
      status: 429,
      headers: { 'Retry-After': '0' },
      body: graphErrorBody('activityLimitReached', 'x'),
    }));
    const client = createGraphClient({ baseUrl: BASE, getToken, fetchImpl });
    const [result] = await executeBatch(client, requestsOf(1), {
      maxAttempts: 3,
      sleep: async () => undefined,
    });
    expect(calls).toHaveLength(3);
    expect(result?.error).toBeInstanceOf(GraphError);
    expect(result?.error?.status).toBe(429);
  });

  it('maps sub-request errors, 412 to ConflictError, and keeps If-Match headers', async () => {
    const { fetchImpl, calls } = batchServer((request) =>
      request.id === '1'
        ? { status: 412, body: graphErrorBody('resourceModified', 'etag') }
        : { status: 404, body: graphErrorBody('itemNotFound', 'nope') },
    );
    const client = createGraphClient({ baseUrl: BASE, getToken, fetchImpl });
    const results = await executeBatch(client, [
      {
        id: '1',
        method: 'PATCH',
        url: '/sites/s/lists/l/items/1/fields',
        headers: { 'If-Match': '"e,1"' },
        body: { Title: 'x' },
      },
      { id: '2', method: 'DELETE', url: '/sites/s/lists/l/items/99', headers: { 'If-Match': '"e,2"' } },
    ]);
    expect(results[0]?.error).toBeInstanceOf(ConflictError);
    expect(results[1]?.error?.code).toBe('itemNotFound');
    const sent = (calls[0]?.body as { requests: WireRequest[] }).requests;
    expect(sent[0]?.headers).toEqual({ 'If-Match': '"e,1"', 'Content-Type': 'application/json' });
    expect(sent[1]).toEqual({
      id: '2',
      method: 'DELETE',
      url: '/sites/s/lists/l/items/99',
      headers: { 'If-Match': '"e,2"' },
    });
  });

  it('refuses duplicate ids and dependencies across chunks', async () => {
    const client = createGraphClient({
      baseUrl: BASE,
      getToken,
      fetchImpl: async () => jsonResponse(200, {}),
    });
    await expect(
      executeBatch(client, [...requestsOf(2), { id: '1', method: 'GET', url: '/me' }]),
    ).rejects.toThrow(/Duplicate/);
    const cross = requestsOf(21);
    cross[20] = { ...cross[20]!, dependsOn: ['1'] };
    await expect(executeBatch(client, cross)).rejects.toThrow(/another batch/);
  });

  it('batched() queues calls and settles each promise', async () => {
    const { fetchImpl, calls } = batchServer((request) =>
      request.url.endsWith('/missing')
        ? { status: 404, body: graphErrorBody('itemNotFound', 'no') }
        : { status: 200, body: { url: request.url } },
    );
    const client = createGraphClient({ baseUrl: BASE, getToken, fetchImpl });
    const [batch, execute] = batched(client);
    const a = batch.request<{ url: string }>('GET', '/sites/s/lists', {
      query: { $filter: "displayName eq 'A&B'" },
    });
    const b = batch.request('GET', '/sites/s/missing');
    const bSettled = b.catch((e: unknown) => e);
    await execute();
    expect((await a).body.url).toBe("/sites/s/lists?$filter=displayName%20eq%20'A%26B'");
    expect(await bSettled).toBeInstanceOf(GraphError);
    expect(calls).toHaveLength(1);
  });
});
