// New rows are created exactly once, even when a push is retried after a lost answer: each new row gets a random
// client key (kept in a hidden column and sent as the list's clientKey column, declared by the domain schema), and
// a key that was already sent once is looked up before it is created again.

export const CLIENT_KEY_FIELD = 'clientKey';

/** A random key (UUID v4 where available). */
export const newClientKey = (): string => {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  return `k-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
};
