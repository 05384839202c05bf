// One reminder pass (runs hourly): take the reminder lease, plan (each person on their own clock), record each
// digest in the run of the recipient's local day, reach the people who have no conversation yet (proactive
// installation), queue one message per digest still to send, and drain the queue under the rate limit.
// Killed and started again, it finishes what the dead pass left (its lease is taken over at once when its
// process is gone, after the heartbeat's TTL otherwise) and sends only what the ledger does not already show
// as sent (and, where the channel can be asked, not what already arrived); started twice at once, the second
// stands down.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { IAdaptiveCard } from '@microsoft/teams.cards';
import type { RunLedger, DigestRow, LeaseHolder, ConversationRef } from '../ledger';
import { runIdForDay } from '../ledger';
import type { AppInstaller } from '../install/app-installer';
import type { BotLogger } from '../logger';
import { noopBotLogger } from '../logger';
import { localTime, planDigests, quietReason } from '../planner';
import type { Plan, PlannerRecord, ReminderPolicy } from '../planner';
import type { BotPerson } from '../people';
import type { ReceivedMessage, SendQueue } from '../queue';
import { createRateLimiter } from './rate-limiter';
import type { RateLimiter } from './rate-limiter';
import { classifySendError } from './send-errors';
import type { ProactiveTransport } from './transport';

export interface RunInputs {
  readonly records: readonly PlannerRecord[];
  readonly people: readonly BotPerson[];
}

export interface ReminderRunOptions {
  /** Identifies this worker in the lease (with its host and process id). */
  readonly owner?: string;
  /** Without a heartbeat for this long, a lease is free (holders on other hosts). @defaultvalue 60000 */
  readonly leaseTtlMs?: number;
  /** Proactive messages per second. @defaultvalue 8 */
  readonly perSecond?: number;
  /** Sends in flight. @defaultvalue 4 */
  readonly concurrency?: number;
  /** Attempts per digest before it goes to the dead-letter store. @defaultvalue 5 */
  readonly maxAttempts?: number;
  /** How long a received message stays hidden from other workers. @defaultvalue 30000 */
  readonly visibilityMs?: number;
  /** Open a 1:1 chat for people without a conversation reference (embedded connector). @defaultvalue false */
  readonly createConversations?: boolean;
  readonly tenantId?: string;
  /** Stops the run (as a kill would, without releasing the lease). */
  readonly signal?: AbortSignal;
}

export interface ReminderRunDeps {
  readonly ledger: RunLedger;
  readonly queue: SendQueue;
  readonly transport: ProactiveTransport;
  readonly policy: ReminderPolicy;
  readonly loadInputs: () => Promise<RunInputs>;
  readonly missionTimeZones?: ReadonlyMap<string, string>;
  /** Card and notification summary for a stored digest. */
  readonly renderDigest: (row: DigestRow) => { card: IAdaptiveCard; summary: string };
  /**
   * Installs the bot's Teams app for people who have no conversation with it (Graph proactive installation)
   * and gives the 1:1 chat; `serviceUrl` is where messages to such chats go (the connector).
   */
  readonly reach?: { readonly installer: AppInstaller; readonly serviceUrl: string; readonly botId?: string };
  readonly logger?: BotLogger;
  readonly now?: () => Date;
  /** Whether a lease holder's process is gone (same host, no such pid). @defaultvalue processIsGone */
  readonly isHolderGone?: (holder: LeaseHolder) => boolean;
}

/** The name of the one lease every reminder pass takes. */
export const REMINDER_LEASE = 'reminders';

/** A holder on this host whose process no longer exists (kill -0 answers ESRCH). */
export const processIsGone = (holder: LeaseHolder): boolean => {
  if (holder.pid === undefined || holder.host !== hostname()) return false;
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
};

export interface RecipientOutcome {
  readonly recipient: string;
  /** not installed / installed (reachable, nothing sent yet) / sent / failed / deferred. */
  readonly status: 'notInstalled' | 'installed' | 'sent' | 'failed' | 'deferred';
  readonly reason?: string;
}

export interface RunSummary {
  /** The run of the policy's day (the runs this pass touched are in `runIds`). */
  readonly runId: string;
  readonly runIds: readonly string[];
  readonly day: string;
  readonly outcome: 'completed' | 'stoodDown' | 'interrupted';
  readonly holder?: string;
  /** The dead or expired holder this pass took over from. */
  readonly tookOverFrom?: string;
  /** Digests sent by this invocation. */
  readonly sent: number;
  readonly retried: number;
  readonly byStatus: Readonly<Record<string, number>>;
  readonly noConversation: readonly string[];
  /** People installed for during this pass (proactive installation). */
  readonly installed: readonly string[];
  readonly governanceReport: number;
  /** Per recipient of the runs this pass touched: status and why (deferred, failed, not installed). */
  readonly recipients: readonly RecipientOutcome[];
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

const planFor = (deps: ReminderRunDeps, inputs: RunInputs, now: Date): Plan =>
  planDigests(
    {
      records: inputs.records,
      people: inputs.people,
      history: deps.ledger.history(),
      now,
      missionTimeZones: deps.missionTimeZones,
      undeliverable: deps.ledger.undeliverableStreaks(),
    },
    deps.policy,
  );

/** Plans without touching the ledger's digests: what `remind --dry-run` prints. */
export const planRun = async (deps: ReminderRunDeps): Promise<{ plan: Plan; runId: string }> => {
  const now = (deps.now ?? (() => new Date()))();
  const plan = planFor(deps, await deps.loadInputs(), now);
  return { plan, runId: runIdForDay(plan.day) };
};

const recipientsOf = (ledger: RunLedger, runIds: readonly string[]): RecipientOutcome[] =>
  runIds.flatMap((runId) =>
    ledger.recipientReport(runId).map((r): RecipientOutcome => {
      const reason = r.reason ? { reason: r.reason } : {};
      if (r.status === 'noConversation') return { recipient: r.recipient, status: 'notInstalled', ...reason };
      if (r.status === 'failed' || r.status === 'deferred')
        return { recipient: r.recipient, status: r.status, ...reason };
      if (r.status === 'pending') return { recipient: r.recipient, status: 'installed', ...reason };
      return { recipient: r.recipient, status: 'sent' };
    }),
  );

export const runReminders = async (
  deps: ReminderRunDeps,
  options: ReminderRunOptions = {},
): Promise<RunSummary> => {
  const logger = deps.logger ?? noopBotLogger;
  const { ledger, queue, transport, policy } = deps;
  const holder: LeaseHolder = {
    owner: options.owner ?? `worker-${randomUUID()}`,
    host: hostname(),
    pid: process.pid,
  };
  const owner = holder.owner;
  const leaseTtlMs = options.leaseTtlMs ?? 60_000;
  const maxAttempts = options.maxAttempts ?? 5;
  const visibilityMs = options.visibilityMs ?? 30_000;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const now = (deps.now ?? (() => new Date()))();
  const day = localTime(now, policy.timeZone).date;
  const runId = runIdForDay(day);

  const lease = ledger.acquireLease(REMINDER_LEASE, holder, leaseTtlMs, deps.isHolderGone ?? processIsGone);
  if (!lease.acquired) {
    logger.info('reminder run stands down: another live worker holds the lease', {
      runId,
      holder: lease.holder,
    });
    return {
      runId,
      runIds: [],
      day,
      outcome: 'stoodDown',
      holder: lease.holder,
      sent: 0,
      retried: 0,
      byStatus: ledger.countByStatus(runId),
      noConversation: [],
      installed: [],
      governanceReport: 0,
      recipients: [],
    };
  }
  if (lease.tookOverFrom)
    logger.info('reminder run took over a dead or expired run', { runId, from: lease.tookOverFrom });

  // Plan and record it (rows already there keep their first version).
  const inputs = await deps.loadInputs();
  const people = new Map(inputs.people.map((p) => [p.email, p]));
  const plan = planFor(deps, inputs, now);
  const escalated = new Set(
    plan.digests
      .filter((d) => d.own.some((i) => i.reminderNumber > policy.escalationThreshold))
      .map((d) => d.recipient),
  );
  const touched = new Set(ledger.recordPlan(plan, escalated));
  logger.info('reminder run planned', {
    runId,
    digests: plan.digests.length,
    deferred: plan.deferred.length,
  });

  /** The person's conversation: stored, else opened by installing the app for them (or by the connector). */
  const installed: string[] = [];
  const reach = async (recipient: string): Promise<ConversationRef | undefined> => {
    const person = people.get(recipient);
    const known = ledger.conversationFor({ userId: person?.userId, email: recipient });
    if (known) return known;
    // Graph installs by object id or by user principal name: the site's people carry only their e-mail, which
    // is their UPN in most tenants (otherwise Graph answers 404 and the reason says so).
    const userId = person?.userId ?? recipient;
    if (deps.reach) {
      try {
        const chat = await deps.reach.installer.install(userId);
        const ref: ConversationRef = {
          userId,
          email: recipient,
          conversationId: chat.chatId,
          serviceUrl: deps.reach.serviceUrl,
          ...(options.tenantId ? { tenantId: options.tenantId } : {}),
          ...(deps.reach.botId ? { botId: deps.reach.botId } : {}),
        };
        ledger.saveConversation(ref);
        ledger.saveInstallation({
          email: recipient,
          userId,
          status: 'installed',
          installationId: chat.installationId,
          chatId: chat.chatId,
        });
        installed.push(recipient);
        return ref;
      } catch (error) {
        const reason =
          `No conversation: the proactive installation failed: ${classifySendError(error).reason}`.slice(
            0,
            300,
          );
        ledger.saveInstallation({ email: recipient, userId, status: 'notInstalled', reason });
        logger.warn('could not install the app for a recipient', { runId, recipient, reason });
        return undefined;
      }
    }
    if (!person?.userId) {
      ledger.saveInstallation({
        email: recipient,
        status: 'notInstalled',
        reason:
          'No conversation: the app is not installed for them and proactive installation is not configured.',
      });
      return undefined;
    }
    if (options.createConversations && transport.createConversation) {
      try {
        const ref = await transport.createConversation({ userId: person.userId, tenantId: options.tenantId });
        ledger.saveConversation({ ...ref, email: recipient });
        return ref;
      } catch (error) {
        logger.warn('could not open a chat', { runId, recipient, reason: classifySendError(error).reason });
      }
    }
    return undefined;
  };

  // Queue every digest not yet sent, of this pass's runs and of any run a dead pass left unfinished (inside
  // the recipient's working hours: a digest planned today is finished, never sent at night).
  const noConversation: string[] = [];
  for (const row of ledger.pendingDigests()) {
    touched.add(row.runId);
    if (quietReason(now, row.digest.timeZone, policy, { ignoreSendTime: true })) {
      if (row.status !== 'planned') ledger.setStatus(row.runId, row.recipient, 'planned');
      continue;
    }
    const ref = await reach(row.recipient);
    if (!ref) {
      const why =
        ledger.installationOf(row.recipient)?.reason ??
        'No conversation reference: the app is not installed for this person.';
      ledger.setStatus(row.runId, row.recipient, 'noConversation', why);
      noConversation.push(row.recipient);
      continue;
    }
    // A row left 'sending' by a killed run goes back to the queue; before sending it again, handle() asks the
    // channel whether it arrived (when the transport can ask; otherwise it may be duplicated once).
    ledger.setStatus(row.runId, row.recipient, 'queued');
    await queue.enqueue({ runId: row.runId, recipient: row.recipient });
  }

  const limiter: RateLimiter = createRateLimiter({ perSecond: options.perSecond ?? 8 });
  let sent = 0;
  let retried = 0;

  const handle = async (received: ReceivedMessage): Promise<void> => {
    const { message, receipt } = received;
    const row = ledger.claim(message.runId, message.recipient);
    if (!row) {
      await queue.complete(receipt); // already sent, handled by another worker, or a leftover
      return;
    }
    const rowRun = row.runId;
    const rowDay = row.digest.day ?? day;
    const person = people.get(row.recipient);
    const ref = ledger.conversationFor({ userId: person?.userId, email: row.recipient });
    if (!ref) {
      ledger.setStatus(rowRun, row.recipient, 'noConversation', 'No conversation reference.');
      await queue.complete(receipt);
      return;
    }
    // An earlier attempt may have reached the person even though it was not recorded as sent (the process was
    // killed between the HTTP call and the ledger update, or the answer was lost): ask the channel first.
    if (row.attempts > 1 && transport.findDelivered) {
      let delivered: { readonly id: string } | undefined;
      try {
        delivered = await transport.findDelivered(ref, row.cardId);
      } catch (error) {
        // Cannot tell: try again later rather than risk a second message.
        const reason = `delivery unknown: ${(error as Error).message}`.slice(0, 300);
        ledger.requeue(rowRun, row.recipient, reason);
        await queue.retryLater(receipt, 1000);
        logger.warn('could not check an interrupted send; retrying later', {
          runId: rowRun,
          recipient: row.recipient,
        });
        return;
      }
      if (delivered) {
        ledger.markSent(rowRun, row.recipient, rowDay, delivered.id, ref.conversationId);
        await queue.complete(receipt);
        logger.info('interrupted send had been delivered; recorded, not sent again', {
          runId: rowRun,
          recipient: row.recipient,
        });
        return;
      }
    }
    await limiter.take();
    try {
      const { card, summary } = deps.renderDigest(row);
      const result = await transport.sendCard(ref, card, summary, { deliveryKey: row.cardId });
      ledger.markSent(rowRun, row.recipient, rowDay, result.id, ref.conversationId);
      await queue.complete(receipt);
      sent += 1;
    } catch (error) {
      const failure = classifySendError(error);
      if (failure.status === 429) limiter.pause(failure.retryAfterMs ?? 1000);
      if (failure.retryable && row.attempts < maxAttempts) {
        retried += 1;
        const delay = failure.retryAfterMs ?? Math.min(30_000, 500 * 2 ** (row.attempts - 1));
        ledger.requeue(rowRun, row.recipient, failure.reason);
        await queue.retryLater(receipt, delay);
        logger.debug('send retried', {
          runId: rowRun,
          recipient: row.recipient,
          status: failure.status,
          delay,
        });
      } else {
        ledger.deadLetter(rowRun, row.recipient, failure.reason);
        await queue.complete(receipt);
        logger.warn('digest undeliverable', {
          runId: rowRun,
          recipient: row.recipient,
          reason: failure.reason,
        });
      }
    }
  };

  let outcome: RunSummary['outcome'] = 'completed';
  while (ledger.inFlight() > 0) {
    if (options.signal?.aborted) {
      outcome = 'interrupted';
      break;
    }
    // The heartbeat: a live pass keeps its lease; a dead one loses it after leaseTtlMs (or at once, above).
    if (!ledger.renewLease(REMINDER_LEASE, owner, leaseTtlMs)) {
      logger.warn('reminder run lost its lease; another worker continues', { runId });
      outcome = 'interrupted';
      break;
    }
    const batch = await queue.receive(concurrency * 2, visibilityMs);
    if (batch.length === 0) {
      await sleep(100);
      continue;
    }
    // `concurrency` sends in flight; the limiter spaces them.
    const work = [...batch];
    await Promise.all(
      Array.from({ length: Math.min(concurrency, work.length) }, async () => {
        for (let next = work.shift(); next; next = work.shift()) {
          if (options.signal?.aborted) {
            // Killed mid-way: leave the message to come back after its visibility timeout.
            continue;
          }
          await handle(next);
        }
      }),
    );
  }

  const runIds = [...touched].sort();
  const byStatus: Record<string, number> = {};
  for (const id of runIds)
    for (const [status, n] of Object.entries(ledger.countByStatus(id)))
      byStatus[status] = (byStatus[status] ?? 0) + n;
  if (outcome === 'completed') {
    for (const id of runIds) {
      ledger.finishRun(id, {
        byStatus: ledger.countByStatus(id),
        governanceReport: plan.governanceReport.length,
        deferred: plan.deferred.filter((d) => runIdForDay(d.day) === id),
      });
    }
    ledger.releaseLease(REMINDER_LEASE, owner);
  }
  logger.info('reminder run ended', { runId, outcome, sent, retried, byStatus });
  return {
    runId,
    runIds,
    day,
    outcome,
    ...(lease.tookOverFrom ? { tookOverFrom: lease.tookOverFrom } : {}),
    sent,
    retried,
    byStatus,
    noConversation,
    installed,
    governanceReport: plan.governanceReport.length,
    recipients: recipientsOf(ledger, runIds),
  };
};
