// Redaction for anything the CLI prints: tokens and secrets never reach the console or a log line.

const REDACTED = '[redacted]';

// A JWT (three base64url segments, the first always starts with eyJ) or a bearer header value.
const JWT_PATTERN = /eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
const BEARER_PATTERN = /(Bearer\s+)[^\s"',]+/gi;
// key=value / "key": "value" pairs whose key names a secret.
const SECRET_KEY = /(secret|password|token|authorization|api[-_]?key)/i;

/** Replaces a secret value by a marker that still says whether it was set. */
export function redactValue(value: string | undefined): string {
  return value === undefined || value === '' ? '(not set)' : REDACTED;
}

/** Removes tokens and the given secret strings from free text (error messages, log lines). */
export function redactText(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(JWT_PATTERN, REDACTED).replace(BEARER_PATTERN, `$1${REDACTED}`);
  for (const secret of secrets) {
    // Short strings would blank out ordinary words; real secrets are longer.
    if (secret.length >= 6) out = out.split(secret).join(REDACTED);
  }
  return out;
}

/** Deep copy of a plain object with every value under a secret-looking key replaced. */
export function redactObject(value: unknown, secrets: readonly string[] = []): unknown {
  if (typeof value === 'string') return redactText(value, secrets);
  if (Array.isArray(value)) return value.map((v) => redactObject(v, secrets));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] =
        SECRET_KEY.test(key) && typeof inner === 'string' ? redactValue(inner) : redactObject(inner, secrets);
    }
    return out;
  }
  return value;
}
