export { RunLedger, runIdForDay, cardIdFor } from './run-ledger';
export type {
  ConversationRef,
  DigestRow,
  DigestStatus,
  RecipientStatus,
  LeaseResult,
  RunLedgerOptions,
} from './run-ledger';
