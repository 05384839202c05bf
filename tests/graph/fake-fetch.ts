// An in-memory fetch for pipeline tests: records each call and answers from a handler.
import type { FetchLike } from '../../src/graph';

export interface RecordedCall {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

export type FakeHandler = (call: RecordedCall, index: number) => Response | Promise<Response>;

export const GRAPH_JSON =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': GRAPH_JSON, 'request-id': 'req-' + status, ...headers },
  });
}

export function graphErrorBody(code: string, message: string, requestId = 'rid-1') {
  return {
    error: {
      code,
      message,
      innerError: { date: '2024-03-01T09:12:44', 'request-id': requestId, 'client-request-id': 'c-1' },
    },
  };
}

export function fakeFetch(handler: FakeHandler): { fetchImpl: FetchLike; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const fetchImpl: FetchLike = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, key) => {
      headers[key] = value;
    });
    const text = typeof init?.body === 'string' ? init.body : undefined;
    const call: RecordedCall = {
      url,
      method: init?.method ?? 'GET',
      headers,
      body: text ? (JSON.parse(text) as unknown) : undefined,
    };
    calls.push(call);
    return handler(call, calls.length - 1);
  };
  return { fetchImpl, calls };
}
