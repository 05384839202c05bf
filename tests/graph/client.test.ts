import { ConflictError, createGraphClient, GraphError, toRelativePath, withQuery } from '../../src/graph';
import type { GraphLogger } from '../../src/graph';
import { fakeFetch, graphErrorBody, jsonResponse } from './fake-fetch';

const TOKEN = 'secret-token-abc.def.ghi';

function recordingLogger(): GraphLogger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    debug: (message, context) => lines.push(message + ' ' + JSON.stringify(context ?? {})),
    warn: (message, context) => lines.push(message + ' ' + JSON.stringify(context ?? {})),
  };
}

describe('createGraphClient pipeline', () => {
  it.each(['http://127.0.0.1:4321', 'https://graph.microsoft.com'])(
    'sends the bearer token to %s',
    async (baseUrl) => {
      const { fetchImpl, calls } = fakeFetch(() => jsonResponse(200, { id: 'me' }));
      const client = createGraphClient({ baseUrl, getToken: async () => TOKEN, fetchImpl });
      const response = await client.request<{ id: string }>('GET', '/me');
      expect(response.body.id).toBe('me');
      expect(calls[0]?.url).toBe(`${baseUrl}/v1.0/me`);
      expect(calls[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(calls[0]?.headers['client-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    },
  );

  it('accepts a base URL that already ends in /v1.0', async () => {
    const { fetchImpl, calls } = fakeFetch(() => jsonResponse(200, {}));
    const client = createGraphClient({
      baseUrl: 'https://graph.microsoft.com/v1.0/',
      getToken: async () => TOKEN,
      fetchImpl,
    });
    await client.request('GET', '/sites/root');
    expect(calls[0]?.url).toBe('https://graph.microsoft.com/v1.0/sites/root');
  });

  it('gives each request its own client-request-id', async () => {
    const { fetchImpl, calls } = fakeFetch(() => jsonResponse(200, {}));
    const client = createGraphClient({
      baseUrl: 'http://127.0.0.1:1',
      getToken: async () => TOKEN,
      fetchImpl,
    });
    await client.request('GET', '/me');
    await client.request('GET', '/me');
    expect(calls[0]?.headers['client-request-id']).not.toBe(calls[1]?.headers['client-request-id']);
  });

  it('never writes the token to the log, even on errors and retries', async () => {
    const logger = recordingLogger();
    const { fetchImpl } = fakeFetch((_call, i) =>
      i === 0
        ? jsonResponse(429, graphErrorBody('activityLimitReached', 'throttled'), { 'Retry-After': '0' })
        : jsonResponse(403, graphErrorBody('accessDenied', 'no')),
    );
    const client = createGraphClient({
      baseUrl: 'http://127.0.0.1:1',
      getToken: async () => TOKEN,
      fetchImpl,
      logger,
    });
    await expect(client.request('GET', '/me')).rejects.toBeInstanceOf(GraphError);
    expect(logger.lines.length).toBeGreaterThan(0);
    expect(logger.lines.join('\n')).not.toContain(TOKEN);
    expect(logger.lines.join('\n')).not.toContain('Bearer');
  });

  it('retries 429 after Retry-After, then succeeds', async () => {
    const { fetchImpl, calls } = fakeFetch((_call, i) =>
      i < 2
        ? jsonResponse(429, graphErrorBody('activityLimitReached', 'The request has been throttled'), {
            'Retry-After': '0',
          })
        : jsonResponse(201, { id: '1' }),
    );
    const client = createGraphClient({
      baseUrl: 'http://127.0.0.1:1',
      getToken: async () => TOKEN,
      fetchImpl,
    });
    const response = await client.request<{ id: string }>('POST', '/sites/s/lists/l/items', {
      body: { fields: { Title: 'x' } },
    });
    expect(response.status).toBe(201);
    expect(calls).toHaveLength(3);
    expect(calls[2]?.body).toEqual({ fields: { Title: 'x' } });
    expect(calls[2]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(calls[2]?.headers['retry-attempt']).toBe('2');
  });

  it('gives up after maxRetries with a 429 GraphError carrying retryAfterSeconds', async () => {
    const { fetchImpl, calls } = fakeFetch(() =>
      jsonResponse(429, graphErrorBody('activityLimitReached', 'throttled'), { 'Retry-After': '0' }),
    );
    const client = createGraphClient({
      baseUrl: 'http://127.0.0.1:1',
      getToken: async () => TOKEN,
      fetchImpl,
      retry: { maxRetries: 1 },
    });
    const error = (await client.request('GET', '/me').catch((e: unknown) => e)) as GraphError;
    expect(calls).toHaveLength(2);
    expect(error.status).toBe(429);
    expect(error.code).toBe('activityLimitReached');
    expect(error.retryAfterSeconds).toBe(0);
  });

  it('turns Graph error bodies into GraphError fields', async () => {
    const body = {
      error: {
        code: 'activityLimitReached',
        message: 'The request has been throttled',
        innerError: {
          code: 'throttledRequest',
          innerError: { code: 'quota' },
          date: '2024-03-01T09:12:44',
          'request-id': 'abc-123',
          'client-request-id': 'c-9',
        },
      },
    };
    const { fetchImpl } = fakeFetch(() =>
      jsonResponse(404, graphErrorBody('itemNotFound', 'The specified list item was not found.', 'rid-404')),
    );
    const client = createGraphClient({
      baseUrl: 'http://127.0.0.1:1',
      getToken: async () => TOKEN,
      fetchImpl,
    });
    const error = (await client
      .request('GET', '/sites/s/lists/l/items/9')
      .catch((e: unknown) => e)) as GraphError;
    expect(error).toBeInstanceOf(GraphError);
    expect(error).not.toBeInstanceOf(ConflictError);
    expect(error.status).toBe(404);
    expect(error.code).toBe('itemNotFound');
    expect(error.message).toBe('The specified list item was not found.');
    expect(error.requestId).toBe('rid-404');
    expect(error.body).toEqual(
      graphErrorBody('itemNotFound', 'The specified list item was not found.', 'rid-404'),
    );

    const { toGraphError } = await import('../../src/graph');
    const nested = toGraphError(429, body, new Headers({ 'Retry-After': '7' }));
    expect(nested.innerCodes).toEqual(['throttledRequest', 'quota']);
    expect(nested.retryAfterSeconds).toBe(7);
    expect(nested.requestId).toBe('abc-123');
  });

  it('maps 412 to ConflictError', async () => {
    const { fetchImpl, calls } = fakeFetch(() =>
      jsonResponse(412, graphErrorBody('resourceModified', "ETag does not match current item's value")),
    );
    const client = createGraphClient({
      baseUrl: 'http://127.0.0.1:1',
      getToken: async () => TOKEN,
      fetchImpl,
    });
    const error = await client
      .request('PATCH', '/sites/s/lists/l/items/1/fields', {
        body: { Title: 'x' },
        headers: { 'If-Match': '"abc,1"' },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).status).toBe(412);
    expect(calls[0]?.headers['if-match']).toBe('"abc,1"');
  });

  it('maps a non-JSON error and a network failure', async () => {
    const client1 = createGraphClient({
      baseUrl: 'http://127.0.0.1:1',
      getToken: async () => TOKEN,
      fetchImpl: async () =>
        new Response('Bad gateway', { status: 502, headers: { 'Content-Type': 'text/plain' } }),
    });
    await expect(client1.request('GET', '/me')).rejects.toMatchObject({
      status: 502,
      message: 'Bad gateway',
    });
    const client2 = createGraphClient({
      baseUrl: 'http://127.0.0.1:1',
      getToken: async () => TOKEN,
      fetchImpl: async () => {
        throw new TypeError('fetch failed');
      },
    });
    await expect(client2.request('GET', '/me')).rejects.toMatchObject({ status: 0, code: 'networkError' });
  });

  it('returns undefined for 204', async () => {
    const { fetchImpl, calls } = fakeFetch(() => new Response(null, { status: 204 }));
    const client = createGraphClient({
      baseUrl: 'http://127.0.0.1:1',
      getToken: async () => TOKEN,
      fetchImpl,
    });
    const response = await client.request('DELETE', '/sites/s/lists/l/items/1', {
      headers: { 'If-Match': '*' },
    });
    expect(response.status).toBe(204);
    expect(response.body).toBeUndefined();
    expect(calls[0]?.method).toBe('DELETE');
  });

  it('follows an absolute http nextLink on the loopback host, not glued after the base URL', async () => {
    const { fetchImpl, calls } = fakeFetch(() => jsonResponse(200, { value: [] }));
    const client = createGraphClient({
      baseUrl: 'http://127.0.0.1:4321',
      getToken: async () => TOKEN,
      fetchImpl,
    });
    await client.request(
      'GET',
      'http://127.0.0.1:4321/v1.0/sites/a,b,c/lists/l/items?$expand=fields&$skiptoken=UGFnZWQ9VFJVRSZwX0lEPTIwMA==',
    );
    expect(calls[0]?.url).toBe(
      'http://127.0.0.1:4321/v1.0/sites/a,b,c/lists/l/items?$expand=fields&$skiptoken=UGFnZWQ9VFJVRSZwX0lEPTIwMA==',
    );
  });
});

describe('toRelativePath / withQuery', () => {
  it.each([
    ['http://127.0.0.1:4321/v1.0/sites/x/items?$skiptoken=abc', '/sites/x/items?$skiptoken=abc'],
    [
      'https://graph.microsoft.com/v1.0/sites/x/lists/y/items/delta?token=t1',
      '/sites/x/lists/y/items/delta?token=t1',
    ],
    ['http://localhost/v1.0', '/'],
    ['/sites/root', '/sites/root'],
    ['sites/root', '/sites/root'],
  ])('%s -> %s', (input, expected) => {
    expect(toRelativePath(input)).toBe(expected);
  });

  it('percent-encodes query values so & and # in a literal cannot split the query', () => {
    expect(withQuery('/x', { $filter: "fields/Title eq 'A&B #1'", $top: 5, skip: undefined })).toBe(
      "/x?$filter=fields%2FTitle%20eq%20'A%26B%20%231'&$top=5",
    );
    expect(withQuery('/x?a=1', { b: 'c' })).toBe('/x?a=1&b=c');
  });
});
