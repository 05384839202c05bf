// The durable record of reminder runs (SQLite via better-sqlite3): the run lease, what was planned,
// sent and acknowledged per person, each record's reminder history, card outcomes, dead letters and
// conversation references. Every state change that must not happen twice is one transaction here.
import { createHash, randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { applyJournalMode } from './journal-mode';
import type { JournalMode } from './journal-mode';
import type { Digest, Plan, ReminderHistory } from '../planner';
import type { Outcome } from '../cards';

export type DigestStatus =
  'planned' | 'queued' | 'sending' | 'sent' | 'failed' | 'deferred' | 'noConversation';
/** The per-recipient status the governance unit's report shows. */
export type RecipientStatus =
  'sent' | 'failed' | 'acted' | 'escalated' | 'deferred' | 'noConversation' | 'pending';

export interface ConversationRef {
  /** Entra object id of the user (activity.from.aadObjectId). */
  readonly userId: string;
  readonly email?: string;
  readonly conversationId: string;
  readonly serviceUrl: string;
  readonly tenantId?: string;
  readonly botId?: string;
  /** The Teams client's locale as sent on the person's activities (e.g. `fr-FR`): their digest language. */
  readonly locale?: string;
}

export interface DigestRow {
  readonly runId: string;
  readonly recipient: string;
  readonly cardId: string;
  readonly status: DigestStatus;
  readonly attempts: number;
  readonly digest: Digest;
  readonly lastError?: string;
  readonly activityId?: string;
}

export interface PublishableOutcome {
  readonly runId: string;
  readonly day: string;
  readonly recipient: string;
  readonly status: RecipientStatus;
  readonly reason?: string;
  readonly escalated: boolean;
  readonly records: number;
  /** Missions of the digest's records (for people without a mission of their own). */
  readonly recordMissions: readonly string[];
  readonly actedAt?: string;
}

export interface LeaseResult {
  readonly acquired: boolean;
  /** Who holds it (when not acquired). */
  readonly holder?: string;
  /** The holder whose expired or dead lease was taken over. */
  readonly tookOverFrom?: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS runs (
  run_id TEXT PRIMARY KEY, day TEXT NOT NULL, status TEXT NOT NULL,
  lease_owner TEXT, lease_expires INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL, finished_at INTEGER, report_json TEXT
);
CREATE TABLE IF NOT EXISTS digests (
  run_id TEXT NOT NULL, recipient TEXT NOT NULL, card_id TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT,
  activity_id TEXT, conversation_id TEXT, digest_json TEXT NOT NULL,
  escalated INTEGER NOT NULL DEFAULT 0, sent_at INTEGER, acted_at INTEGER,
  PRIMARY KEY (run_id, recipient)
);
CREATE INDEX IF NOT EXISTS digests_status ON digests (run_id, status);
CREATE TABLE IF NOT EXISTS history (
  record_key TEXT PRIMARY KEY, unanswered INTEGER NOT NULL DEFAULT 0, last_reminded_on TEXT,
  snoozed_until TEXT, consecutive_snoozes INTEGER NOT NULL DEFAULT 0, acknowledged_at INTEGER
);
CREATE TABLE IF NOT EXISTS outcomes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, card_id TEXT NOT NULL, record_key TEXT NOT NULL,
  outcome_json TEXT NOT NULL, at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS outcomes_card ON outcomes (card_id);
CREATE TABLE IF NOT EXISTS dead_letters (
  id INTEGER PRIMARY KEY AUTOINCREMENT, run_id TEXT NOT NULL, recipient TEXT NOT NULL,
  reason TEXT NOT NULL, attempts INTEGER NOT NULL, at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS conversations (
  user_id TEXT PRIMARY KEY, email TEXT, conversation_id TEXT NOT NULL, service_url TEXT NOT NULL,
  tenant_id TEXT, bot_id TEXT, locale TEXT, updated_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS conversations_email ON conversations (email);
CREATE TABLE IF NOT EXISTS escalations (
  record_key TEXT NOT NULL, recipient TEXT NOT NULL, last_on TEXT NOT NULL, PRIMARY KEY (record_key, recipient)
);
CREATE TABLE IF NOT EXISTS leases (
  name TEXT PRIMARY KEY, owner TEXT NOT NULL, host TEXT, pid INTEGER, expires INTEGER NOT NULL,
  heartbeat INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS welcomes (conversation_id TEXT PRIMARY KEY, at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS installations (
  email TEXT PRIMARY KEY, user_id TEXT, status TEXT NOT NULL, installation_id TEXT, chat_id TEXT,
  reason TEXT, updated_at INTEGER NOT NULL
);
`;

/** Who holds a lease: an id, and where it runs (so a dead process's lease can be taken over at once). */
export interface LeaseHolder {
  readonly owner: string;
  readonly host?: string;
  readonly pid?: number;
}

/** Per person: whether the bot's Teams app is installed for them (proactive installation through Graph). */
export type InstallationStatus = 'installed' | 'notInstalled';

export interface InstallationRow {
  readonly email: string;
  readonly userId?: string;
  readonly status: InstallationStatus;
  readonly installationId?: string;
  readonly chatId?: string;
  readonly reason?: string;
}

export const runIdForDay = (day: string): string => `remind-${day}`;

/** The report's reason for a deferral (English, like every ledger reason; the report shows it as is). */
export const deferralText = (d: Plan['deferred'][number]): string => {
  const at = `local time ${d.localTime} on ${d.day} in ${d.timeZone}`;
  switch (d.reason) {
    case 'quietDay':
      return `Deferred: a quiet day (${at}); the next working day's run sends it.`;
    case 'quietHours':
      return `Deferred: outside working hours (${at}); the run at the local send time sends it.`;
    case 'beforeSendTime':
      return `Deferred: before the local send time (${at}); a later run today sends it.`;
  }
};

/** A card id that is stable for (run, recipient) and does not spell out the e-mail. */
export const cardIdFor = (runId: string, recipient: string): string =>
  `${runId}.${createHash('sha256').update(recipient).digest('hex').slice(0, 16)}`;

interface DigestDbRow {
  run_id: string;
  recipient: string;
  card_id: string;
  status: DigestStatus;
  attempts: number;
  digest_json: string;
  last_error: string | null;
  activity_id: string | null;
}

const toDigestRow = (row: DigestDbRow): DigestRow => ({
  runId: row.run_id,
  recipient: row.recipient,
  cardId: row.card_id,
  status: row.status,
  attempts: row.attempts,
  digest: JSON.parse(row.digest_json) as Digest,
  lastError: row.last_error ?? undefined,
  activityId: row.activity_id ?? undefined,
});

export interface RunLedgerOptions {
  /** A file path, or ':memory:'. */
  readonly path: string;
  /** Milliseconds since the epoch; injected so leases can be tested. */
  readonly clock?: () => number;
  /** @defaultvalue 'WAL'; 'DELETE' on network shares (App Service /home). */
  readonly journalMode?: JournalMode;
}

export class RunLedger {
  readonly db: Database.Database;
  private readonly clock: () => number;

  constructor(options: RunLedgerOptions) {
    this.db = new Database(options.path);
    applyJournalMode(this.db, options.journalMode);
    this.db.exec(SCHEMA);
    // Ledgers created before conversations carried the person's locale.
    const columns = this.db.prepare('PRAGMA table_info(conversations)').all() as { name: string }[];
    if (!columns.some((c) => c.name === 'locale'))
      this.db.exec('ALTER TABLE conversations ADD COLUMN locale TEXT');
    this.clock = options.clock ?? Date.now;
  }

  close(): void {
    this.db.close();
  }

  /**
   * Takes a named lease unless another live holder has it. A holder is gone when its lease expired (no
   * heartbeat for ttlMs), or at once when `isGone` says so (its process on this host no longer exists): a
   * rerun right after a crash takes the run over instead of standing down.
   */
  acquireLease(
    name: string,
    holder: LeaseHolder,
    ttlMs: number,
    isGone: (current: LeaseHolder) => boolean = () => false,
  ): LeaseResult {
    return this.db.transaction((): LeaseResult => {
      const now = this.clock();
      const row = this.db.prepare('SELECT * FROM leases WHERE name = ?').get(name) as
        { owner: string; host: string | null; pid: number | null; expires: number } | undefined;
      const current: LeaseHolder | undefined = row && {
        owner: row.owner,
        ...(row.host ? { host: row.host } : {}),
        ...(row.pid !== null ? { pid: row.pid } : {}),
      };
      const free = !row || !current || row.expires < now || row.owner === holder.owner || isGone(current);
      if (!free) return { acquired: false, holder: row.owner };
      this.db
        .prepare(
          `INSERT INTO leases (name, owner, host, pid, expires, heartbeat) VALUES (@name, @owner, @host, @pid, @expires, @now)
           ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, host = excluded.host, pid = excluded.pid,
             expires = excluded.expires, heartbeat = excluded.heartbeat`,
        )
        .run({
          name,
          owner: holder.owner,
          host: holder.host ?? null,
          pid: holder.pid ?? null,
          expires: now + ttlMs,
          now,
        });
      return { acquired: true, ...(row && row.owner !== holder.owner ? { tookOverFrom: row.owner } : {}) };
    })();
  }

  /** The heartbeat: extends the lease; false when it was lost (another worker took over). */
  renewLease(name: string, owner: string, ttlMs: number): boolean {
    const now = this.clock();
    const r = this.db
      .prepare('UPDATE leases SET expires = ?, heartbeat = ? WHERE name = ? AND owner = ?')
      .run(now + ttlMs, now, name, owner);
    return r.changes === 1;
  }

  /** Gives the lease back (a finished run): the next run starts at once. */
  releaseLease(name: string, owner: string): void {
    this.db.prepare('DELETE FROM leases WHERE name = ? AND owner = ?').run(name, owner);
  }

  /** Creates the run of a local day if it is new; marks it running again otherwise. */
  openRun(runId: string, day: string): void {
    this.db
      .prepare(
        `INSERT INTO runs (run_id, day, status, created_at) VALUES (?, ?, 'running', ?)
         ON CONFLICT (run_id) DO UPDATE SET status = 'running'`,
      )
      .run(runId, day, this.clock());
  }

  /** A pass over the run is over: done when nothing of it is left to send, with the pass's report. */
  finishRun(runId: string, report: unknown): void {
    const open = this.db
      .prepare(
        `SELECT COUNT(*) AS n FROM digests WHERE run_id = ? AND status IN ('planned', 'queued', 'sending')`,
      )
      .get(runId) as { n: number };
    this.db
      .prepare(`UPDATE runs SET status = ?, finished_at = ?, report_json = ? WHERE run_id = ?`)
      .run(open.n === 0 ? 'done' : 'open', this.clock(), JSON.stringify(report), runId);
  }

  /**
   * Records a plan: each digest in the run of the recipient's local day (one digest per person and local day).
   * Digests already in the ledger keep their first version (a restarted run finishes what was planned);
   * people deferred earlier that day get their digest now, or a newer reason for the deferral.
   */
  recordPlan(plan: Plan, escalatedRecipients: ReadonlySet<string>): string[] {
    const insert = this.db.prepare(
      `INSERT INTO digests (run_id, recipient, card_id, status, digest_json, escalated, last_error)
       VALUES (@runId, @recipient, @cardId, @status, @json, @escalated, @reason)
       ON CONFLICT (run_id, recipient) DO UPDATE SET status = excluded.status, digest_json = excluded.digest_json,
         escalated = excluded.escalated, last_error = excluded.last_error
       WHERE digests.status = 'deferred'`,
    );
    const runs = new Set<string>();
    this.db.transaction(() => {
      const open = (day: string): string => {
        const runId = runIdForDay(day);
        if (!runs.has(runId)) {
          runs.add(runId);
          this.openRun(runId, day);
        }
        return runId;
      };
      for (const digest of plan.digests) {
        const runId = open(digest.day);
        insert.run({
          runId,
          recipient: digest.recipient,
          cardId: cardIdFor(runId, digest.recipient),
          status: 'planned',
          json: JSON.stringify(digest),
          escalated: escalatedRecipients.has(digest.recipient) ? 1 : 0,
          reason: null,
        });
      }
      for (const d of plan.deferred) {
        const runId = open(d.day);
        insert.run({
          runId,
          recipient: d.recipient,
          cardId: cardIdFor(runId, d.recipient),
          status: 'deferred',
          json: JSON.stringify({ deferred: d.reason }),
          escalated: 0,
          reason: deferralText(d),
        });
      }
    })();
    return [...runs];
  }

  /** Digests of every run still to send (planned, queued, sending, no conversation yet), oldest run first. */
  pendingDigests(): DigestRow[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM digests WHERE status IN ('planned', 'queued', 'sending', 'noConversation')
         AND run_id LIKE 'remind-%' ORDER BY run_id, recipient`,
      )
      .all() as DigestDbRow[];
    return rows.map(toDigestRow);
  }

  /** Digests in flight (queued or sending) across runs: the pass drains until none is left. */
  inFlight(): number {
    const row = this.db
      .prepare(`SELECT COUNT(*) AS n FROM digests WHERE status IN ('queued', 'sending')`)
      .get() as { n: number };
    return row.n;
  }

  /**
   * Per person, how many of their latest run digests in a row were not delivered (failed, or no conversation),
   * counting back from the newest until one was sent.
   */
  undeliverableStreaks(): Map<string, number> {
    const rows = this.db
      .prepare(
        `SELECT recipient, status FROM digests WHERE run_id LIKE 'remind-%'
         AND status IN ('sent', 'failed', 'noConversation') ORDER BY recipient, run_id DESC`,
      )
      .all() as { recipient: string; status: DigestStatus }[];
    const out = new Map<string, number>();
    const settled = new Set<string>();
    for (const r of rows) {
      if (settled.has(r.recipient)) continue;
      if (r.status === 'sent') {
        settled.add(r.recipient);
        continue;
      }
      out.set(r.recipient, (out.get(r.recipient) ?? 0) + 1);
    }
    return out;
  }

  digestsWithStatus(runId: string, statuses: readonly DigestStatus[]): DigestRow[] {
    const marks = statuses.map(() => '?').join(', ');
    const rows = this.db
      .prepare(`SELECT * FROM digests WHERE run_id = ? AND status IN (${marks}) ORDER BY recipient`)
      .all(runId, ...statuses) as DigestDbRow[];
    return rows.map(toDigestRow);
  }

  countByStatus(runId: string): Record<string, number> {
    const rows = this.db
      .prepare('SELECT status, COUNT(*) AS n FROM digests WHERE run_id = ? GROUP BY status')
      .all(runId) as { status: string; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  }

  setStatus(runId: string, recipient: string, status: DigestStatus, error?: string): void {
    this.db
      .prepare(
        'UPDATE digests SET status = ?, last_error = COALESCE(?, last_error) WHERE run_id = ? AND recipient = ?',
      )
      .run(status, error ?? null, runId, recipient);
  }

  /**
   * A queue message of an earlier run that is still around: its digest is marked failed only if that run never
   * finished it (a digest already sent, or otherwise settled, keeps its status).
   */
  expireLeftover(runId: string, recipient: string, reason: string): boolean {
    const r = this.db
      .prepare(
        `UPDATE digests SET status = 'failed', last_error = ?
         WHERE run_id = ? AND recipient = ? AND status IN ('planned', 'queued', 'sending')`,
      )
      .run(reason, runId, recipient);
    return r.changes === 1;
  }

  /** queued -> sending, once: the worker that wins sends, a duplicate queue message is dropped. */
  claim(runId: string, recipient: string): DigestRow | undefined {
    return this.db.transaction(() => {
      const r = this.db
        .prepare(
          `UPDATE digests SET status = 'sending', attempts = attempts + 1
           WHERE run_id = ? AND recipient = ? AND status = 'queued'`,
        )
        .run(runId, recipient);
      if (r.changes !== 1) return undefined;
      const row = this.db
        .prepare('SELECT * FROM digests WHERE run_id = ? AND recipient = ?')
        .get(runId, recipient) as DigestDbRow;
      return toDigestRow(row);
    })();
  }

  /** Marks a digest sent and advances the reminder history of its records, in one transaction. */
  markSent(
    runId: string,
    recipient: string,
    day: string,
    activityId: string | undefined,
    conversationId: string,
  ): void {
    this.db.transaction(() => {
      const r = this.db
        .prepare(
          `UPDATE digests SET status = 'sent', sent_at = ?, activity_id = ?, conversation_id = ?, last_error = NULL
           WHERE run_id = ? AND recipient = ? AND status = 'sending'`,
        )
        .run(this.clock(), activityId ?? null, conversationId, runId, recipient);
      if (r.changes !== 1) return;
      const row = this.db
        .prepare('SELECT digest_json FROM digests WHERE run_id = ? AND recipient = ?')
        .get(runId, recipient) as { digest_json: string };
      const digest = JSON.parse(row.digest_json) as Digest;
      const bump = this.db.prepare(
        `INSERT INTO history (record_key, unanswered, last_reminded_on) VALUES (?, 1, ?)
         ON CONFLICT (record_key) DO UPDATE SET unanswered = unanswered + 1, last_reminded_on = excluded.last_reminded_on
         WHERE history.last_reminded_on IS NULL OR history.last_reminded_on <> excluded.last_reminded_on`,
      );
      // Escalated items are counted with the custodian's own digest; unowned ones here.
      for (const item of [...digest.own, ...digest.unowned]) bump.run(item.record.key, day);
      // An escalation has its own cadence per focal point.
      const escalate = this.db.prepare(
        `INSERT INTO escalations (record_key, recipient, last_on) VALUES (?, ?, ?)
         ON CONFLICT (record_key, recipient) DO UPDATE SET last_on = excluded.last_on`,
      );
      for (const item of digest.escalated) escalate.run(item.record.key, recipient, day);
    })();
  }

  /** Back to the queue after a retryable failure. */
  requeue(runId: string, recipient: string, error: string): void {
    this.db
      .prepare(
        `UPDATE digests SET status = 'queued', last_error = ? WHERE run_id = ? AND recipient = ? AND status = 'sending'`,
      )
      .run(error, runId, recipient);
  }

  deadLetter(runId: string, recipient: string, reason: string): void {
    this.db.transaction(() => {
      const row = this.db
        .prepare('SELECT attempts FROM digests WHERE run_id = ? AND recipient = ?')
        .get(runId, recipient) as { attempts: number } | undefined;
      this.db
        .prepare(`UPDATE digests SET status = 'failed', last_error = ? WHERE run_id = ? AND recipient = ?`)
        .run(reason, runId, recipient);
      this.db
        .prepare('INSERT INTO dead_letters (run_id, recipient, reason, attempts, at) VALUES (?, ?, ?, ?, ?)')
        .run(runId, recipient, reason, row?.attempts ?? 0, this.clock());
    })();
  }

  deadLetters(runId?: string): { runId: string; recipient: string; reason: string; attempts: number }[] {
    const rows = (
      runId
        ? this.db.prepare('SELECT * FROM dead_letters WHERE run_id = ? ORDER BY id').all(runId)
        : this.db.prepare('SELECT * FROM dead_letters ORDER BY id').all()
    ) as { run_id: string; recipient: string; reason: string; attempts: number }[];
    return rows.map((r) => ({
      runId: r.run_id,
      recipient: r.recipient,
      reason: r.reason,
      attempts: r.attempts,
    }));
  }

  /** The reminder history the planner reads. */
  history(): Map<string, ReminderHistory> {
    const rows = this.db.prepare('SELECT * FROM history').all() as {
      record_key: string;
      unanswered: number;
      last_reminded_on: string | null;
      snoozed_until: string | null;
      consecutive_snoozes: number;
    }[];
    const escalations = new Map<string, Record<string, string>>();
    for (const e of this.db.prepare('SELECT * FROM escalations').all() as {
      record_key: string;
      recipient: string;
      last_on: string;
    }[]) {
      const perRecipient = escalations.get(e.record_key) ?? {};
      perRecipient[e.recipient] = e.last_on;
      escalations.set(e.record_key, perRecipient);
    }
    const out = new Map<string, ReminderHistory>(
      rows.map((r) => [
        r.record_key,
        {
          recordKey: r.record_key,
          unanswered: r.unanswered,
          lastRemindedOn: r.last_reminded_on ?? undefined,
          snoozedUntil: r.snoozed_until ?? undefined,
          consecutiveSnoozes: r.consecutive_snoozes,
          ...(escalations.has(r.record_key) ? { escalatedOn: escalations.get(r.record_key) } : {}),
        },
      ]),
    );
    for (const [key, escalatedOn] of escalations)
      if (!out.has(key)) out.set(key, { recordKey: key, unanswered: 0, consecutiveSnoozes: 0, escalatedOn });
    return out;
  }

  historyOf(recordKey: string): ReminderHistory | undefined {
    return this.history().get(recordKey);
  }

  /** The custodian acted (confirmed, filled, reassigned): the count of unanswered reminders starts again. */
  acknowledge(recordKey: string, options: { resetCadence: boolean }): void {
    this.db
      .prepare(
        `INSERT INTO history (record_key, unanswered, consecutive_snoozes, acknowledged_at) VALUES (?, 0, 0, ?)
         ON CONFLICT (record_key) DO UPDATE SET unanswered = 0, consecutive_snoozes = 0, snoozed_until = NULL,
           acknowledged_at = excluded.acknowledged_at,
           last_reminded_on = CASE WHEN ? THEN NULL ELSE last_reminded_on END`,
      )
      .run(recordKey, this.clock(), options.resetCadence ? 1 : 0);
  }

  snooze(recordKey: string, until: string): void {
    this.db
      .prepare(
        `INSERT INTO history (record_key, unanswered, snoozed_until, consecutive_snoozes, acknowledged_at) VALUES (?, 0, ?, 1, ?)
         ON CONFLICT (record_key) DO UPDATE SET unanswered = 0, snoozed_until = excluded.snoozed_until,
           consecutive_snoozes = consecutive_snoozes + 1, acknowledged_at = excluded.acknowledged_at`,
      )
      .run(recordKey, until, this.clock());
  }

  /** The card a click came from (undefined for forged or unknown ids). */
  cardById(cardId: string): DigestRow | undefined {
    const row = this.db.prepare('SELECT * FROM digests WHERE card_id = ?').get(cardId) as
      DigestDbRow | undefined;
    return row ? toDigestRow(row) : undefined;
  }

  /** Stores a card that was not part of a run (e.g. the "status" command's). */
  saveAdHocCard(recipient: string, digest: Digest): string {
    const runId = `adhoc-${randomUUID()}`;
    const cardId = cardIdFor(runId, recipient);
    this.db
      .prepare(
        `INSERT INTO digests (run_id, recipient, card_id, status, digest_json, sent_at) VALUES (?, ?, ?, 'sent', ?, ?)`,
      )
      .run(runId, recipient, cardId, JSON.stringify(digest), this.clock());
    return cardId;
  }

  addOutcome(cardId: string, recordKey: string, outcome: Outcome): void {
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO outcomes (card_id, record_key, outcome_json, at) VALUES (?, ?, ?, ?)')
        .run(cardId, recordKey, JSON.stringify(outcome), this.clock());
      this.db
        .prepare('UPDATE digests SET acted_at = COALESCE(acted_at, ?) WHERE card_id = ?')
        .run(this.clock(), cardId);
    })();
  }

  outcomes(cardId: string): Record<string, Outcome[]> {
    const rows = this.db
      .prepare('SELECT record_key, outcome_json FROM outcomes WHERE card_id = ? ORDER BY seq')
      .all(cardId) as { record_key: string; outcome_json: string }[];
    const out: Record<string, Outcome[]> = {};
    for (const r of rows) (out[r.record_key] ??= []).push(JSON.parse(r.outcome_json) as Outcome);
    return out;
  }

  /** Per-recipient status of a run, for the governance unit's report. */
  recipientReport(runId: string): { recipient: string; status: RecipientStatus; reason?: string }[] {
    const rows = this.db
      .prepare(
        'SELECT recipient, status, escalated, acted_at, last_error FROM digests WHERE run_id = ? ORDER BY recipient',
      )
      .all(runId) as {
      recipient: string;
      status: DigestStatus;
      escalated: number;
      acted_at: number | null;
      last_error: string | null;
    }[];
    return rows.map((r) => {
      const status: RecipientStatus =
        r.acted_at !== null
          ? 'acted'
          : r.status === 'sent' && r.escalated
            ? 'escalated'
            : r.status === 'sent' ||
                r.status === 'failed' ||
                r.status === 'deferred' ||
                r.status === 'noConversation'
              ? r.status
              : 'pending';
      return { recipient: r.recipient, status, ...(r.last_error ? { reason: r.last_error } : {}) };
    });
  }

  /**
   * What the governance site's ReminderOutcomes list gets for a run (all recipients, or one): the status
   * of recipientReport() with the digest's size, missions and when the person first acted.
   */
  publishableOutcomes(runId: string, recipient?: string): PublishableOutcome[] {
    const rows = this.db
      .prepare(
        `SELECT r.day, d.recipient, d.escalated, d.acted_at, d.digest_json FROM digests d
         JOIN runs r ON r.run_id = d.run_id
         WHERE d.run_id = @runId AND (@recipient IS NULL OR d.recipient = @recipient) ORDER BY d.recipient`,
      )
      .all({ runId, recipient: recipient ?? null }) as {
      day: string;
      recipient: string;
      escalated: number;
      acted_at: number | null;
      digest_json: string;
    }[];
    const statuses = new Map(this.recipientReport(runId).map((r) => [r.recipient, r]));
    return rows.map((r) => {
      const parsed = JSON.parse(r.digest_json) as Partial<Digest> & { deferred?: string };
      const items = [...(parsed.own ?? []), ...(parsed.escalated ?? []), ...(parsed.unowned ?? [])];
      const report = statuses.get(r.recipient);
      return {
        runId,
        day: r.day,
        recipient: r.recipient,
        status: report?.status ?? 'pending',
        reason: report?.reason,
        escalated: r.escalated === 1,
        records: items.length,
        recordMissions: items.flatMap((i) => (i.record.mission ? [i.record.mission] : [])),
        actedAt: r.acted_at === null ? undefined : new Date(r.acted_at).toISOString(),
      };
    });
  }

  /** The run (and recipient) a card belongs to; ad-hoc "status" cards belong to no run. */
  runOfCard(cardId: string): { runId: string; recipient: string } | undefined {
    const row = this.db
      .prepare(
        `SELECT d.run_id, d.recipient FROM digests d JOIN runs r ON r.run_id = d.run_id WHERE d.card_id = ?`,
      )
      .get(cardId) as { run_id: string; recipient: string } | undefined;
    return row ? { runId: row.run_id, recipient: row.recipient } : undefined;
  }

  /** Records the welcome of a conversation; false when it was already welcomed (one welcome per conversation). */
  markWelcomed(conversationId: string): boolean {
    const r = this.db
      .prepare('INSERT INTO welcomes (conversation_id, at) VALUES (?, ?) ON CONFLICT DO NOTHING')
      .run(conversationId, this.clock());
    return r.changes === 1;
  }

  saveInstallation(row: InstallationRow): void {
    this.db
      .prepare(
        `INSERT INTO installations (email, user_id, status, installation_id, chat_id, reason, updated_at)
         VALUES (@email, @userId, @status, @installationId, @chatId, @reason, @now)
         ON CONFLICT (email) DO UPDATE SET user_id = COALESCE(excluded.user_id, user_id), status = excluded.status,
           installation_id = COALESCE(excluded.installation_id, installation_id),
           chat_id = COALESCE(excluded.chat_id, chat_id), reason = excluded.reason, updated_at = excluded.updated_at`,
      )
      .run({
        email: row.email.toLowerCase(),
        userId: row.userId ?? null,
        status: row.status,
        installationId: row.installationId ?? null,
        chatId: row.chatId ?? null,
        reason: row.reason ?? null,
        now: this.clock(),
      });
  }

  installationOf(email: string): InstallationRow | undefined {
    const r = this.db.prepare('SELECT * FROM installations WHERE email = ?').get(email.toLowerCase()) as
      | {
          email: string;
          user_id: string | null;
          status: InstallationStatus;
          installation_id: string | null;
          chat_id: string | null;
          reason: string | null;
        }
      | undefined;
    if (!r) return undefined;
    return {
      email: r.email,
      status: r.status,
      ...(r.user_id ? { userId: r.user_id } : {}),
      ...(r.installation_id ? { installationId: r.installation_id } : {}),
      ...(r.chat_id ? { chatId: r.chat_id } : {}),
      ...(r.reason ? { reason: r.reason } : {}),
    };
  }

  saveConversation(ref: ConversationRef): void {
    this.db
      .prepare(
        `INSERT INTO conversations (user_id, email, conversation_id, service_url, tenant_id, bot_id, locale, updated_at)
         VALUES (@userId, @email, @conversationId, @serviceUrl, @tenantId, @botId, @locale, @now)
         ON CONFLICT (user_id) DO UPDATE SET email = COALESCE(excluded.email, email),
           conversation_id = excluded.conversation_id, service_url = excluded.service_url,
           tenant_id = COALESCE(excluded.tenant_id, tenant_id), bot_id = COALESCE(excluded.bot_id, bot_id),
           locale = COALESCE(excluded.locale, locale), updated_at = excluded.updated_at`,
      )
      .run({
        userId: ref.userId,
        email: ref.email?.toLowerCase() ?? null,
        conversationId: ref.conversationId,
        serviceUrl: ref.serviceUrl,
        tenantId: ref.tenantId ?? null,
        botId: ref.botId ?? null,
        locale: ref.locale ?? null,
        now: this.clock(),
      });
  }

  conversationFor(user: { userId?: string; email?: string }): ConversationRef | undefined {
    const row = (
      user.userId
        ? this.db.prepare('SELECT * FROM conversations WHERE user_id = ?').get(user.userId)
        : this.db
            .prepare('SELECT * FROM conversations WHERE email = ? ORDER BY updated_at DESC')
            .get(user.email?.toLowerCase())
    ) as
      | {
          user_id: string;
          email: string | null;
          conversation_id: string;
          service_url: string;
          tenant_id: string | null;
          bot_id: string | null;
          locale: string | null;
        }
      | undefined;
    if (!row && user.userId && user.email) return this.conversationFor({ email: user.email });
    if (!row) return undefined;
    return {
      userId: row.user_id,
      email: row.email ?? undefined,
      conversationId: row.conversation_id,
      serviceUrl: row.service_url,
      tenantId: row.tenant_id ?? undefined,
      botId: row.bot_id ?? undefined,
      ...(row.locale ? { locale: row.locale } : {}),
    };
  }
}
