// Every failure the tab can meet, sorted into the few kinds a person can act on. The message for each
// kind (in the user's language) says what to do; see i18n `errors.*`.
import { isGraphError } from '../../graph/errors';
import { AuthRequiredError } from '../../client/auth';

export type FailureKind =
  'offline' | 'unauthenticated' | 'forbidden' | 'notFound' | 'throttled' | 'server' | 'conflict' | 'unknown';

export interface Failure {
  readonly kind: FailureKind;
  readonly message: string;
  readonly requestId?: string;
  readonly retryAfterSeconds?: number;
}

const kindOfStatus = (status: number, online: boolean): FailureKind => {
  if (status === 0) return online ? 'server' : 'offline';
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  if (status === 412) return 'conflict';
  if (status === 429) return 'throttled';
  if (status >= 500) return 'server';
  return 'unknown';
};

export const classifyFailure = (
  error: unknown,
  online: boolean = typeof navigator === 'undefined' || navigator.onLine,
): Failure => {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof AuthRequiredError) return { kind: 'unauthenticated', message };
  if (isGraphError(error)) {
    return {
      kind: kindOfStatus(error.status, online),
      message,
      requestId: error.requestId,
      retryAfterSeconds: error.retryAfterSeconds,
    };
  }
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number') return { kind: kindOfStatus(status, online), message };
  // fetch() rejects with a TypeError when the network is down or the server unreachable.
  if (error instanceof TypeError || !online) return { kind: online ? 'server' : 'offline', message };
  return { kind: 'unknown', message };
};
