// Publishes the ledger's per-recipient outcomes to the governance site's ReminderOutcomes list, so the
// scorecard (which reads Graph only) can show the reminder report. The ledger stays the source of truth:
// publishing is idempotent (one item per run and recipient, updated in place) and never fails a run or a
// click; a failed publish is logged and repaired by the next one (each run re-publishes everything).
import { REMINDER_OUTCOMES, reminderOutcomeKey, reminderOutcomeValues } from '../../domain/governance';
import type { ReminderOutcome } from '../../domain/governance';
import { createRegisterRepository, findList, siteUserDirectory, upsertItemsByKey } from '../../graph';
import type { GraphClient, RegisterRepository, UpsertItemsResult } from '../../graph';
import type { PublishableOutcome, RunLedger } from '../ledger';
import type { BotLogger } from '../logger';
import { noopBotLogger } from '../logger';

/** Where the outcomes go: a repository over the list, or the site to find it on (by its list name). */
export type OutcomesTarget =
  { readonly repository: RegisterRepository } | { readonly client: GraphClient; readonly siteId: string };

export interface OutcomePublisher {
  /** Every recipient of the run. */
  publishRun(runId: string): Promise<UpsertItemsResult | undefined>;
  /** One recipient (after a click on their card); cards outside a run are ignored. */
  publishCard(cardId: string): Promise<UpsertItemsResult | undefined>;
  /** Resolves when queued publishes are done (tests, shutdown). */
  idle(): Promise<void>;
}

const mostCommon = (values: readonly string[]): string | null => {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  for (const [v, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = v;
  return best;
};

export const toReminderOutcome = (
  row: PublishableOutcome,
  missionOf: (email: string) => string | undefined,
): ReminderOutcome => ({
  runId: row.runId,
  runDate: row.day,
  recipient: row.recipient,
  mission: missionOf(row.recipient) ?? mostCommon(row.recordMissions),
  status: row.status,
  records: row.records,
  escalated: row.escalated,
  ...(row.reason && (row.status === 'failed' || row.status === 'noConversation')
    ? { failureReason: row.reason }
    : {}),
  ...(row.actedAt ? { actedAt: row.actedAt } : {}),
});

export const createOutcomePublisher = (options: {
  readonly ledger: RunLedger;
  readonly target: OutcomesTarget;
  readonly missionOf: (email: string) => Promise<string | undefined>;
  readonly logger?: BotLogger;
}): OutcomePublisher => {
  const logger = options.logger ?? noopBotLogger;
  const { ledger, target } = options;
  let repository: Promise<RegisterRepository | undefined> | undefined;
  const repo = (): Promise<RegisterRepository | undefined> => {
    if ('repository' in target) return Promise.resolve(target.repository);
    repository ??= findList(target.client, target.siteId, REMINDER_OUTCOMES.listName).then((list) =>
      list?.id
        ? createRegisterRepository({
            client: target.client,
            siteId: target.siteId,
            listId: list.id,
            schema: REMINDER_OUTCOMES,
            people: siteUserDirectory(target.client, target.siteId),
          })
        : undefined,
    );
    // Not provisioned yet (or Graph down): ask again next time.
    repository.then(
      (r) => {
        if (!r) repository = undefined;
      },
      () => {
        repository = undefined;
      },
    );
    return repository;
  };

  const publish = async (runId: string, recipient?: string): Promise<UpsertItemsResult | undefined> => {
    const rows = ledger.publishableOutcomes(runId, recipient);
    if (rows.length === 0) return undefined;
    const r = await repo();
    if (!r) {
      logger.warn('reminder outcomes not published: the list does not exist on the site', {
        list: REMINDER_OUTCOMES.listName,
      });
      return undefined;
    }
    const missions = new Map<string, string | undefined>();
    for (const row of rows) missions.set(row.recipient, await options.missionOf(row.recipient));
    const items = rows.map((row) => {
      const outcome = toReminderOutcome(row, (e) => missions.get(e));
      return {
        key: reminderOutcomeKey(outcome.runId, outcome.recipient),
        values: reminderOutcomeValues(outcome),
      };
    });
    const result = await upsertItemsByKey(r, items, {
      scope: [{ field: 'runId', op: 'eq', value: runId }],
    });
    if (result.failed.length > 0)
      logger.warn('some reminder outcomes were not published', { runId, failed: result.failed.length });
    return result;
  };

  // One publish at a time: two overlapping ones would race on the same items (412s, wasted calls).
  let chain: Promise<unknown> = Promise.resolve();
  const enqueue = (work: () => Promise<UpsertItemsResult | undefined>) => {
    const next = chain.then(work).catch((error: unknown) => {
      logger.warn('reminder outcomes not published', { error: (error as Error).message });
      return undefined;
    });
    chain = next;
    return next;
  };

  return {
    publishRun: (runId) => enqueue(() => publish(runId)),
    publishCard: (cardId) => {
      const owner = ledger.runOfCard(cardId);
      return owner ? enqueue(() => publish(owner.runId, owner.recipient)) : Promise.resolve(undefined);
    },
    idle: async () => {
      await chain;
    },
  };
};
