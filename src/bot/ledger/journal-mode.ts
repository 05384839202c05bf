// SQLite journal modes the ledger and the SQLite send queue accept. WAL is faster and lets readers run
// beside the writer, but needs shared memory that network file systems (App Service's /home is SMB) do
// not provide reliably: there the files can corrupt, so App Service uses DELETE.
import type Database from 'better-sqlite3';

export const JOURNAL_MODES = ['WAL', 'DELETE', 'TRUNCATE', 'PERSIST'] as const;
export type JournalMode = (typeof JOURNAL_MODES)[number];
export const DEFAULT_JOURNAL_MODE: JournalMode = 'WAL';

/** Sets the mode and the busy timeout both stores use; the mode is from the list above, never free text. */
export const applyJournalMode = (db: Database.Database, mode: JournalMode = DEFAULT_JOURNAL_MODE): void => {
  if (!(JOURNAL_MODES as readonly string[]).includes(mode)) throw new Error(`invalid journal mode: ${mode}`);
  db.pragma(`journal_mode = ${mode}`);
  db.pragma('busy_timeout = 5000');
};
