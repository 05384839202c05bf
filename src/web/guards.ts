// Guards every server here shares (web server, bot endpoint, local connector).
// Refused requests (bad Host, malformed path, unauthenticated bot call) are logged at warn, sampled: the first few
// per window with their reason, then one summary line with how many were dropped. Anyone who can reach a
// port can send refusals as fast as the network allows; the log must not grow with them.
import type { IncomingMessage } from 'node:http';

export interface RefusalLogger {
  warn(message: string, context?: Readonly<Record<string, unknown>>): void;
}

export interface RefusalLog {
  /** Records one refused request; logs it unless this window's quota is spent. */
  refused(reason: string, context?: Readonly<Record<string, unknown>>): void;
}

export interface RefusalLogOptions {
  /** Lines with details per window. @defaultvalue 5 */
  readonly perWindow?: number;
  /** @defaultvalue 60_000 */
  readonly windowMs?: number;
  /** @defaultvalue Date.now */
  readonly now?: () => number;
}

export const createRefusalLog = (logger: RefusalLogger, options: RefusalLogOptions = {}): RefusalLog => {
  const perWindow = options.perWindow ?? 5;
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now;
  let windowStart = now();
  let logged = 0;
  let dropped = 0;
  return {
    refused(reason, context) {
      const t = now();
      if (t - windowStart >= windowMs) {
        if (dropped > 0) logger.warn('refused requests not logged in the last window', { dropped, windowMs });
        windowStart = t;
        logged = 0;
        dropped = 0;
      }
      if (logged < perWindow) {
        logged += 1;
        // Only the reason and short, non-secret facts: never headers, tokens or bodies.
        logger.warn(`refused request: ${reason}`, context);
      } else dropped += 1;
    },
  };
};

const LOOPBACK_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/i;

/**
 * A loopback Host header (with optional port). Servers bound to 127.0.0.1 answer only these, so a page on
 * another name that resolves to 127.0.0.1 (DNS rebinding) is refused. `extra`: further host names allowed.
 */
export const isAllowedHost = (host: string | undefined, extra: readonly string[] = []): boolean => {
  if (!host) return false;
  if (LOOPBACK_HOST.test(host)) return true;
  const name = host.toLowerCase().replace(/:\d{1,5}$/, '');
  return extra.some((allowed) => allowed.toLowerCase() === name);
};

/**
 * A request body up to `limit` bytes; undefined when it is larger. A larger body is still read to its end (and
 * dropped) so the client gets the 413 instead of a reset connection.
 */
export const readLimitedBody = (req: IncomingMessage, limit: number): Promise<Buffer | undefined> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > limit ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
