// Shared wire-test helpers: a fresh server per suite, tokens, and a small JSON fetch wrapper.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalGraph, type LocalGraphHandle, type LocalGraphOptions } from '../../src/localgraph';

export const HOST = 'contoso.sharepoint.com';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any: tests read arbitrary JSON bodies
export type Json = any;

export interface Res {
  status: number;
  headers: Headers;
  // The tests read arbitrary JSON; a loose record keeps assertions short.
  body: Json;
}

export function tempDb(): string {
  return join(mkdtempSync(join(tmpdir(), 'localgraph-')), 'graph.db');
}

export async function start(overrides: Partial<LocalGraphOptions> = {}): Promise<LocalGraphHandle> {
  return startLocalGraph({
    dbPath: ':memory:',
    hostname: HOST,
    sites: [{ path: 'governance', displayName: 'Governance Hub' }],
    adminSecret: 'admin-secret',
    ...overrides,
  });
}

export async function call(
  base: string,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Res> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
  let body: string | undefined;
  if (opts.body !== undefined) {
    headers['Content-Type'] ??= 'application/json';
    body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
  }
  const url = path.startsWith('http') ? path : `${base}${path}`;
  const r = await fetch(url, { method, headers, body });
  const text = await r.text();
  return {
    status: r.status,
    headers: r.headers,
    body: text ? (JSON.parse(text) as Json) : {},
  };
}

export async function adminToken(base: string): Promise<string> {
  const r = await call(base, 'POST', '/local/token', {
    body: { client_id: 'localgraph-admin', client_secret: 'admin-secret' },
  });
  return r.body.access_token as string;
}

export async function userToken(base: string, upn: string): Promise<string> {
  const r = await call(base, 'POST', '/local/token', { body: { upn } });
  if (r.status !== 200) throw new Error(`token for ${upn}: ${JSON.stringify(r.body)}`);
  return r.body.access_token as string;
}

export async function createUser(
  base: string,
  admin: string,
  upn: string,
  displayName: string,
): Promise<string> {
  const r = await call(base, 'POST', '/v1.0/users', {
    token: admin,
    body: { accountEnabled: true, displayName, userPrincipalName: upn, mailNickname: upn.split('@')[0] },
  });
  if (r.status !== 201) throw new Error(`create user: ${JSON.stringify(r.body)}`);
  return r.body.id as string;
}

export async function siteId(base: string, token: string): Promise<string> {
  const r = await call(base, 'GET', `/v1.0/sites/${HOST}:/sites/governance`, { token });
  return r.body.id as string;
}
