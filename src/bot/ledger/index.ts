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
