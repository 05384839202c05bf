// The default send queue: a table in SQLite (the ledger's file or its own).
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { applyJournalMode } from '../ledger/journal-mode';
import type { JournalMode } from '../ledger/journal-mode';
import { decodeMessage, encodeMessage } from './send-queue';
import type { ReceivedMessage, SendMessage, SendQueue } from './send-queue';

export interface SqliteSendQueueOptions {
  readonly path: string;
  readonly name?: string;
  readonly clock?: () => number;
  /** @defaultvalue 'WAL'; must match the ledger's when they share a file. */
  readonly journalMode?: JournalMode;
}

export class SqliteSendQueue implements SendQueue {
  readonly kind = 'sqlite';
  private readonly db: Database.Database;
  private readonly table: string;
  private readonly clock: () => number;

  constructor(options: SqliteSendQueueOptions) {
    this.db = new Database(options.path);
    applyJournalMode(this.db, options.journalMode);
    const name = options.name ?? 'reminders';
    if (!/^[a-z][a-z0-9_]{0,40}$/.test(name)) throw new Error(`invalid queue name: ${name}`);
    this.table = `queue_${name}`;
    this.clock = options.clock ?? Date.now;
    this.db.exec(
      `CREATE TABLE IF NOT EXISTS ${this.table} (
         id INTEGER PRIMARY KEY AUTOINCREMENT, body TEXT NOT NULL, visible_at INTEGER NOT NULL,
         dequeue_count INTEGER NOT NULL DEFAULT 0, receipt TEXT)`,
    );
  }

  async enqueue(message: SendMessage, options: { delayMs?: number } = {}): Promise<void> {
    this.db
      .prepare(`INSERT INTO ${this.table} (body, visible_at) VALUES (?, ?)`)
      .run(encodeMessage(message), this.clock() + (options.delayMs ?? 0));
  }

  async receive(max: number, visibilityMs: number): Promise<ReceivedMessage[]> {
    const now = this.clock();
    return this.db.transaction(() => {
      const rows = this.db
        .prepare(
          `SELECT id, body, dequeue_count FROM ${this.table} WHERE visible_at <= ? ORDER BY id LIMIT ?`,
        )
        .all(now, max) as { id: number; body: string; dequeue_count: number }[];
      const hide = this.db.prepare(
        `UPDATE ${this.table} SET visible_at = ?, receipt = ?, dequeue_count = dequeue_count + 1 WHERE id = ?`,
      );
      const out: ReceivedMessage[] = [];
      for (const row of rows) {
        const receipt = `${row.id}:${randomUUID()}`;
        hide.run(now + visibilityMs, receipt, row.id);
        const message = decodeMessage(row.body);
        if (message) out.push({ message, receipt, dequeueCount: row.dequeue_count + 1 });
        else this.db.prepare(`DELETE FROM ${this.table} WHERE id = ?`).run(row.id);
      }
      return out;
    })();
  }

  async complete(receipt: string): Promise<void> {
    this.db.prepare(`DELETE FROM ${this.table} WHERE receipt = ?`).run(receipt);
  }

  async retryLater(receipt: string, delayMs: number): Promise<void> {
    this.db
      .prepare(`UPDATE ${this.table} SET visible_at = ? WHERE receipt = ?`)
      .run(this.clock() + delayMs, receipt);
  }

  async size(): Promise<number> {
    return (this.db.prepare(`SELECT COUNT(*) AS n FROM ${this.table}`).get() as { n: number }).n;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
