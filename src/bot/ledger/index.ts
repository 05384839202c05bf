export { RunLedger, runIdForDay, cardIdFor } from './run-ledger';
export type {
  ConversationRef,
  DigestRow,
  DigestStatus,
  RecipientStatus,
  LeaseResult,
  PublishableOutcome,
  RunLedgerOptions,
} from './run-ledger';
export { JOURNAL_MODES, DEFAULT_JOURNAL_MODE, applyJournalMode } from './journal-mode';
export type { JournalMode } from './journal-mode';
