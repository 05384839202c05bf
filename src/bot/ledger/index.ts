export { RunLedger, runIdForDay, cardIdFor, deferralText } from './run-ledger';
export type {
  ConversationRef,
  DigestRow,
  DigestStatus,
  RecipientStatus,
  LeaseResult,
  LeaseHolder,
  InstallationRow,
  InstallationStatus,
  PublishableOutcome,
  RunLedgerOptions,
} from './run-ledger';
export { JOURNAL_MODES, DEFAULT_JOURNAL_MODE, applyJournalMode } from './journal-mode';
export type { JournalMode } from './journal-mode';
