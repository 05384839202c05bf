// One reminder run: take the day's lease, plan, record the plan in the ledger, queue one message per
// digest, and drain the queue under the rate limit. Killed and started again, it sends only what the
// ledger does not already show as sent (and, where the channel can be asked, not what already arrived);
// started twice for the same day, the second stands down.
import { randomUUID } from 'node:crypto';
import type { IAdaptiveCard } from '@microsoft/teams.cards';
import type { RunLedger, DigestRow } from '../ledger';
import { runIdForDay } from '../ledger';
import type { BotLogger } from '../logger';
import { noopBotLogger } from '../logger';
import { localTime, planDigests } from '../planner';
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
  /** Identifies this worker in the lease. */
  readonly owner?: string;
  /** @defaultvalue 60000 */
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
  readonly logger?: BotLogger;
  readonly now?: () => Date;
}

export interface RunSummary {
  readonly runId: string;
  readonly day: string;
  readonly outcome: 'completed' | 'stoodDown' | 'interrupted';
  readonly holder?: string;
  /** Digests sent by this invocation. */
  readonly sent: number;
  readonly retried: number;
  readonly byStatus: Readonly<Record<string, number>>;
  readonly noConversation: readonly string[];
  readonly governanceReport: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Plans without touching the ledger's digests: what `remind --dry-run` prints. */
export const planRun = async (deps: ReminderRunDeps): Promise<{ plan: Plan; runId: string }> => {
  const now = (deps.now ?? (() => new Date()))();
  const inputs = await deps.loadInputs();
  const plan = planDigests(
    {
      records: inputs.records,
      people: inputs.people,
      history: deps.ledger.history(),
      now,
      missionTimeZones: deps.missionTimeZones,
    },
    deps.policy,
  );
  return { plan, runId: runIdForDay(plan.day) };
};

export const runReminders = async (
  deps: ReminderRunDeps,
  options: ReminderRunOptions = {},
): Promise<RunSummary> => {
  const logger = deps.logger ?? noopBotLogger;
  const { ledger, queue, transport } = deps;
  const owner = options.owner ?? `worker-${randomUUID()}`;
  const leaseTtlMs = options.leaseTtlMs ?? 60_000;
  const maxAttempts = options.maxAttempts ?? 5;
  const visibilityMs = options.visibilityMs ?? 30_000;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const now = (deps.now ?? (() => new Date()))();
  const day = localTime(now, deps.policy.timeZone).date;
  const runId = runIdForDay(day);

  const lease = ledger.acquireLease(runId, day, owner, leaseTtlMs);
  if (!lease.acquired) {
    logger.info('reminder run stands down: another worker holds the lease', { runId, holder: lease.holder });
    return {
      runId,
      day,
      outcome: 'stoodDown',
      holder: lease.holder,
      sent: 0,
      retried: 0,
      byStatus: ledger.countByStatus(runId),
      noConversation: [],
      governanceReport: 0,
    };
  }

  // Plan and record it (rows already there keep their first version).
  const inputs = await deps.loadInputs();
  const people = new Map(inputs.people.map((p) => [p.email, p]));
  const plan = planDigests(
    {
      records: inputs.records,
      people: inputs.people,
      history: ledger.history(),
      now,
      missionTimeZones: deps.missionTimeZones,
    },
    deps.policy,
  );
  const escalated = new Set(
    plan.digests
      .filter((d) => d.own.some((i) => i.reminderNumber > deps.policy.escalationThreshold))
      .map((d) => d.recipient),
  );
  ledger.recordPlan(runId, plan, escalated);
  logger.info('reminder run planned', {
    runId,
    digests: plan.digests.length,
    deferred: plan.deferred.length,
  });

  // Queue every digest not yet sent; find or open each person's conversation first.
  const noConversation: string[] = [];
  for (const row of ledger.digestsWithStatus(runId, ['planned', 'queued', 'sending', 'noConversation'])) {
    const person = people.get(row.recipient);
    let ref = ledger.conversationFor({ userId: person?.userId, email: row.recipient });
    if (!ref && options.createConversations && transport.createConversation && person?.userId) {
      try {
        ref = await transport.createConversation({ userId: person.userId, tenantId: options.tenantId });
        ledger.saveConversation({ ...ref, email: row.recipient });
      } catch (error) {
        logger.warn('could not open a chat', {
          runId,
          recipient: row.recipient,
          reason: classifySendError(error).reason,
        });
      }
    }
    if (!ref) {
      ledger.setStatus(
        runId,
        row.recipient,
        'noConversation',
        'No conversation reference: the app is not installed for this person.',
      );
      noConversation.push(row.recipient);
      continue;
    }
    // A row left 'sending' by a killed run goes back to the queue; before sending it again, handle() asks the
    // channel whether it arrived (when the transport can ask; otherwise it may be duplicated once).
    ledger.setStatus(runId, row.recipient, 'queued');
    await queue.enqueue({ runId, recipient: row.recipient });
  }

  const limiter: RateLimiter = createRateLimiter({ perSecond: options.perSecond ?? 8 });
  let sent = 0;
  let retried = 0;

  const handle = async (received: ReceivedMessage): Promise<void> => {
    const { message, receipt } = received;
    if (message.runId !== runId) {
      // A leftover from another day: drop it; its digest, if that run never sent it, is out of date (say so).
      ledger.expireLeftover(
        message.runId,
        message.recipient,
        'Expired: left in the queue by an earlier run.',
      );
      await queue.complete(receipt);
      return;
    }
    const row = ledger.claim(runId, message.recipient);
    if (!row) {
      await queue.complete(receipt); // already sent or handled by another worker
      return;
    }
    const person = people.get(row.recipient);
    const ref = ledger.conversationFor({ userId: person?.userId, email: row.recipient });
    if (!ref) {
      ledger.setStatus(runId, row.recipient, 'noConversation', 'No conversation reference.');
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
        ledger.requeue(runId, row.recipient, reason);
        await queue.retryLater(receipt, 1000);
        logger.warn('could not check an interrupted send; retrying later', {
          runId,
          recipient: row.recipient,
        });
        return;
      }
      if (delivered) {
        ledger.markSent(runId, row.recipient, day, delivered.id, ref.conversationId);
        await queue.complete(receipt);
        logger.info('interrupted send had been delivered; recorded, not sent again', {
          runId,
          recipient: row.recipient,
        });
        return;
      }
    }
    await limiter.take();
    try {
      const { card, summary } = deps.renderDigest(row);
      const result = await transport.sendCard(ref, card, summary, { deliveryKey: row.cardId });
      ledger.markSent(runId, row.recipient, day, result.id, ref.conversationId);
      await queue.complete(receipt);
      sent += 1;
    } catch (error) {
      const failure = classifySendError(error);
      if (failure.status === 429) limiter.pause(failure.retryAfterMs ?? 1000);
      if (failure.retryable && row.attempts < maxAttempts) {
        retried += 1;
        const delay = failure.retryAfterMs ?? Math.min(30_000, 500 * 2 ** (row.attempts - 1));
        ledger.requeue(runId, row.recipient, failure.reason);
        await queue.retryLater(receipt, delay);
        logger.debug('send retried', { runId, recipient: row.recipient, status: failure.status, delay });
      } else {
        ledger.deadLetter(runId, row.recipient, failure.reason);
        await queue.complete(receipt);
        logger.warn('digest undeliverable', { runId, recipient: row.recipient, reason: failure.reason });
      }
    }
  };

  const pendingCount = () => {
    const c = ledger.countByStatus(runId);
    return (c.queued ?? 0) + (c.sending ?? 0);
  };

  let outcome: RunSummary['outcome'] = 'completed';
  while (pendingCount() > 0) {
    if (options.signal?.aborted) {
      outcome = 'interrupted';
      break;
    }
    if (!ledger.renewLease(runId, owner, leaseTtlMs)) {
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

  const byStatus = ledger.countByStatus(runId);
  if (outcome === 'completed') {
    ledger.finishRun(runId, owner, {
      byStatus,
      governanceReport: plan.governanceReport.length,
      deferred: plan.deferred,
    });
  }
  logger.info('reminder run ended', { runId, outcome, sent, retried, byStatus });
  return {
    runId,
    day,
    outcome,
    sent,
    retried,
    byStatus,
    noConversation,
    governanceReport: plan.governanceReport.length,
  };
};
