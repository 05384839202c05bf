// The send queue: at-least-once delivery with a visibility timeout, like Azure Queue Storage, so that
// the SQLite default and the Azure implementation behave the same. Duplicates are harmless: the
// ledger's claim lets only one worker send a given digest.

export interface SendMessage {
  readonly runId: string;
  readonly recipient: string;
}

export interface ReceivedMessage {
  readonly message: SendMessage;
  /** Opaque handle for complete/retryLater (message id + pop receipt). */
  readonly receipt: string;
  readonly dequeueCount: number;
}

export interface SendQueue {
  readonly kind: string;
  enqueue(message: SendMessage, options?: { readonly delayMs?: number }): Promise<void>;
  /** Up to `max` visible messages, hidden from other receivers for `visibilityMs`. */
  receive(max: number, visibilityMs: number): Promise<ReceivedMessage[]>;
  complete(receipt: string): Promise<void>;
  /** Makes the message visible again after `delayMs` (e.g. Retry-After). */
  retryLater(receipt: string, delayMs: number): Promise<void>;
  /** Messages in the queue, visible or not (approximate for Azure). */
  size(): Promise<number>;
  close(): Promise<void>;
}

export const encodeMessage = (message: SendMessage): string => JSON.stringify(message);

export const decodeMessage = (text: string): SendMessage | undefined => {
  try {
    const value = JSON.parse(text) as Partial<SendMessage>;
    return typeof value.runId === 'string' && typeof value.recipient === 'string'
      ? { runId: value.runId, recipient: value.recipient }
      : undefined;
  } catch {
    return undefined;
  }
};
