// The reminder bot's public surface (cli/ wires it; see docs in src/bot/README.md).
export { createReminderBot } from './bot';
export type { ReminderBot, ReminderBotOptions, TeamsOptions } from './bot';
export { startLocalConnector } from './connector';
export type { LocalConnector, ConnectorUser } from './connector';
export { RunLedger, runIdForDay, JOURNAL_MODES, DEFAULT_JOURNAL_MODE } from './ledger';
export type { JournalMode } from './ledger';
export type { ConversationRef, RecipientStatus } from './ledger';
export { SqliteSendQueue, AzureSendQueue } from './queue';
export type { SendQueue } from './queue';
export { parseReminderPolicy, DEFAULT_REMINDER_POLICY, planDigests, digestSize } from './planner';
export type { ReminderPolicy, Plan, Digest } from './planner';
export type { BotPerson } from './people';
export type { RunSummary, ReminderRunOptions } from './sending/reminder-run';
export { localBotToken } from './local-token';
export type { BotLogger } from './logger';
export { noopBotLogger } from './logger';
export { createOutcomePublisher, toReminderOutcome } from './reporting/outcome-publisher';
export type { OutcomePublisher, OutcomesTarget } from './reporting/outcome-publisher';
