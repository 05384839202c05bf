import type { Headers } from '../http/wire';

/** A Graph error as it goes on the wire; only the factory creates these. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Headers = {},
    /** Nested innerError codes, outermost first (throttling uses throttledRequest → quota). */
    readonly innerCodes: readonly string[] = [],
  ) {
    super(message);
    this.name = 'GraphError';
  }

  toBody(ids: { date: string; requestId: string; clientRequestId: string }): {
    error: { code: string; message: string; innerError: Record<string, unknown> };
  } {
    const stamp = { date: ids.date, 'request-id': ids.requestId, 'client-request-id': ids.clientRequestId };
    let inner: Record<string, unknown> = { ...stamp };
    if (this.innerCodes.length > 0) {
      // Innermost first so the outermost code wraps the rest, then the stamp sits beside the first code.
      let nested: Record<string, unknown> | undefined;
      for (const code of [...this.innerCodes].reverse())
        nested = nested ? { code, innerError: nested } : { code };
      inner = { ...nested, ...stamp };
    }
    return { error: { code: this.code, message: this.message, innerError: inner } };
  }
}
