// A token bucket for proactive messages: Teams throttles bots per conversation and per tenant
// (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit), so the bot stays under
// a configured rate instead of relying on 429s.

export interface RateLimiter {
  /** Resolves when one more message may be sent. */
  take(): Promise<void>;
  /** After a 429: nobody sends before `ms` from now. */
  pause(ms: number): void;
}

export const createRateLimiter = (options: {
  readonly perSecond: number;
  readonly burst?: number;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}): RateLimiter => {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const capacity = Math.max(1, options.burst ?? Math.ceil(options.perSecond));
  let tokens = capacity;
  let last = now();
  let pausedUntil = 0;
  let chain: Promise<void> = Promise.resolve();

  const refill = () => {
    const t = now();
    tokens = Math.min(capacity, tokens + ((t - last) / 1000) * options.perSecond);
    last = t;
  };

  const takeOne = async (): Promise<void> => {
    for (;;) {
      const wait = pausedUntil - now();
      if (wait > 0) {
        await sleep(wait);
        continue;
      }
      refill();
      if (tokens >= 1) {
        tokens -= 1;
        return;
      }
      await sleep(Math.ceil(((1 - tokens) / options.perSecond) * 1000));
    }
  };

  return {
    // Serialised, so concurrent senders queue fairly behind one another.
    take: () => {
      const next = chain.then(takeOne);
      chain = next.catch(() => undefined);
      return next;
    },
    pause: (ms) => {
      pausedUntil = Math.max(pausedUntil, now() + ms);
    },
  };
};
