// What went wrong, as a person can act on it: every failure of a pane action is sorted into a few kinds, each with a
// message in the person's language (i18n `errors.*`). Excel's own errors are told apart by their code
// (OfficeExtension.Error.code, Excel.ErrorCodes), never by their English message.
import { AuthRequiredError } from '../../client/auth';
import { isGraphError } from '../../graph/errors';

export type FailureKind =
  | 'offline'
  | 'unauthenticated'
  | 'forbidden'
  | 'throttled'
  | 'server'
  | 'notPulled'
  | 'chooseMission'
  | 'excelEditing'
  | 'excelTooLarge'
  | 'excelTableGone'
  | 'excelProtected'
  | 'unknown';

export interface Failure {
  readonly kind: FailureKind;
  /** The original message, shown only for 'unknown' (and kept for support). */
  readonly message: string;
}

/** The pane's "choose a mission first" refusal (nothing can be pulled before the roles say which). */
export class NoMissionError extends Error {
  readonly code = 'chooseMission';
  constructor() {
    super('Choose a mission first');
    this.name = 'NoMissionError';
  }
}

const codeOf = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;

// Excel.ErrorCodes (@microsoft/office-js office.d.ts; learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-error-handling).
const EXCEL_KINDS: Readonly<Record<string, FailureKind>> = {
  // Excel refuses API calls while a cell is being edited: the person presses Enter or Esc, then tries again.
  InvalidOperationInCellEditMode: 'excelEditing',
  RequestPayloadSizeLimitExceeded: 'excelTooLarge',
  ResponsePayloadSizeLimitExceeded: 'excelTooLarge',
  ItemNotFound: 'excelTableGone',
  AccessDenied: 'excelProtected',
};

const kindOfStatus = (status: number, online: boolean): FailureKind => {
  if (status === 0) return online ? 'server' : 'offline';
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
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
  if (isGraphError(error)) return { kind: kindOfStatus(error.status, online), message };
  const code = codeOf(error);
  if (code === 'notPulled' || code === 'chooseMission') return { kind: code, message };
  const excel = code ? EXCEL_KINDS[code] : undefined;
  if (excel) return { kind: excel, message };
  // fetch() rejects with a TypeError when the network is down or the server unreachable.
  if (error instanceof TypeError || !online) return { kind: online ? 'server' : 'offline', message };
  return { kind: 'unknown', message };
};
