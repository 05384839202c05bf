// Classifies a failed send: retry 429 and 5xx (after Retry-After), give up on the rest with a reason
// for the dead-letter store. The SDK's HTTP client throws axios-style errors (error.response.status).

export interface SendFailure {
  readonly retryable: boolean;
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly reason: string;
}

const headerOf = (headers: unknown, name: string): string | undefined => {
  if (!headers || typeof headers !== 'object') return undefined;
  const h = headers as Record<string, unknown> & { get?: (n: string) => unknown };
  const value = typeof h.get === 'function' ? h.get(name) : (h[name] ?? h[name.toLowerCase()]);
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
};

export const parseRetryAfterMs = (value: string | undefined, now = Date.now()): number | undefined => {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
};

export const classifySendError = (error: unknown): SendFailure => {
  const e = error as {
    response?: { status?: unknown; headers?: unknown; data?: unknown };
    code?: unknown;
    message?: unknown;
  };
  const status = typeof e?.response?.status === 'number' ? e.response.status : undefined;
  const message = typeof e?.message === 'string' ? e.message : String(error);
  if (status === undefined) {
    // No answer at all (connection refused/reset, timeout): worth another try.
    return {
      retryable: true,
      reason: `network: ${typeof e?.code === 'string' ? e.code : message}`.slice(0, 300),
    };
  }
  const retryAfterMs = parseRetryAfterMs(headerOf(e.response?.headers, 'retry-after'));
  const body = e.response?.data;
  const detail =
    body && typeof body === 'object' && 'error' in body
      ? JSON.stringify((body as { error: unknown }).error).slice(0, 200)
      : message.slice(0, 200);
  const retryable = status === 429 || status >= 500;
  return { retryable, status, retryAfterMs, reason: `HTTP ${status}: ${detail}` };
};
