// Minimal JSON-over-fetch for the admin scripts (plain fetch, bearer token, readable errors).
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly method: string,
    readonly url: string,
    readonly body: string,
  ) {
    super(`${method} ${url} -> ${status}: ${body.slice(0, 500)}`);
    this.name = 'HttpError';
  }
}

export interface JsonClient {
  request<T>(method: string, url: string, body?: unknown): Promise<T>;
}

export interface JsonClientOptions {
  readonly fetch: FetchLike;
  readonly token: string;
  /** Extra headers (SharePoint REST wants an odata Accept header). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Called before each request (dry runs and logs). */
  readonly onRequest?: (method: string, url: string, body?: unknown) => void;
}

export function createJsonClient(options: JsonClientOptions): JsonClient {
  return {
    async request<T>(method: string, url: string, body?: unknown): Promise<T> {
      options.onRequest?.(method, url, body);
      const headers: Record<string, string> = {
        Authorization: `Bearer ${options.token}`,
        Accept: 'application/json',
        ...options.headers,
      };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      const response = await options.fetch(url, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await response.text();
      if (!response.ok) throw new HttpError(response.status, method, url, text);
      return (text.trim() === '' ? undefined : JSON.parse(text)) as T;
    },
  };
}

/** Reads a bearer token from an environment variable, refusing anything that is obviously not one. */
export function tokenFromEnv(name: string, env: Readonly<Record<string, string | undefined>>): string {
  const token = (env[name] ?? '').trim().replace(/^Bearer\s+/i, '');
  if (token === '')
    throw new Error(`set ${name} to an access token (see docs/deploy.md); it is never read from argv`);
  if (token.split('.').length !== 3) throw new Error(`${name} does not look like a JWT access token`);
  return token;
}

/** The audience (aud) and scopes/roles of a JWT, for a helpful message before calling the service. */
export function describeToken(token: string): { aud?: string; scp?: string; roles?: readonly string[] } {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      aud?: unknown;
      scp?: unknown;
      roles?: unknown;
    };
    return {
      ...(typeof payload.aud === 'string' ? { aud: payload.aud } : {}),
      ...(typeof payload.scp === 'string' ? { scp: payload.scp } : {}),
      ...(Array.isArray(payload.roles)
        ? { roles: payload.roles.filter((r): r is string => typeof r === 'string') }
        : {}),
    };
  } catch {
    return {};
  }
}
