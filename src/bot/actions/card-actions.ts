// Action.Execute handlers. Every click is checked against the stored card (forged record ids are
// refused) and against the domain's roles on the record as it is now (custodian or the mission's focal
// point); only then does the bot write, through src/graph with If-Match, and answer with the card
// refreshed in place.
import type { AdaptiveCardActionResponse } from '@microsoft/teams.api';
import { can, changedFieldsAllowed } from '../../domain/roles';
import type { Action } from '../../domain/roles';
import type { DomainRecord, FieldValue, Locale, RegisterId, RegisterSchema } from '../../domain/schema';
import { coerceFieldValue, formatIssue } from '../../domain/validation';
import { isConflictError } from '../../graph';
import type { RegisterRepository } from '../../graph';
import { buildDigestCard, cardActionSchema, cardRecordKeys, closesItem, inputValue, tr } from '../cards';
import type { CardAction, CardContext, MessageKey, Outcome } from '../cards';
import type { RunLedger } from '../ledger';
import type { BotLogger } from '../logger';
import { noopBotLogger } from '../logger';
import { addDays, isEmptyValue, localTime, parseRecordKey } from '../planner';
import type { ReminderPolicy } from '../planner';
import { actorOf } from '../people';
import type { BotPerson, PeopleIndex } from '../people';

export interface CardActionDeps {
  readonly ledger: RunLedger;
  readonly repositories: Readonly<Record<RegisterId, RegisterRepository>>;
  readonly schemas: Readonly<Record<RegisterId, RegisterSchema>>;
  readonly people: () => Promise<PeopleIndex>;
  readonly cardContext: (people: PeopleIndex) => CardContext;
  readonly policy: ReminderPolicy;
  readonly now?: () => Date;
  readonly logger?: BotLogger;
  /** Language of the refusal when the clicker is unknown. */
  readonly defaultLocale?: Locale;
}

export interface CardClick {
  /**
   * Who clicked, as the connector's member lookup named them (e-mail) joined with the bot's people;
   * undefined when the connector does not know the member: the click is refused.
   */
  readonly clicker?: BotPerson;
  readonly data: unknown;
}

type Refusal = { readonly refused: MessageKey; readonly values?: Readonly<Record<string, string>> };

const sameValue = (a: FieldValue | undefined, b: FieldValue | undefined): boolean =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

const message = (text: string): AdaptiveCardActionResponse => ({
  statusCode: 200,
  type: 'application/vnd.microsoft.activity.message',
  value: text,
});

const badRequest = (text: string): AdaptiveCardActionResponse => ({
  statusCode: 400,
  type: 'application/vnd.microsoft.error',
  value: { code: 'BadRequest', message: text, innerHttpError: { statusCode: 400, body: null } },
});

const ACTION_RIGHT: Readonly<Record<CardAction['action'], Action>> = {
  confirm: 'confirmReview',
  confirmAll: 'confirmReview',
  snooze: 'confirmReview',
  fill: 'update',
  reassign: 'reassign',
};

interface Target {
  readonly key: string;
  readonly register: RegisterId;
  readonly id: string;
  readonly schema: RegisterSchema;
  readonly repository: RegisterRepository;
  readonly record: DomainRecord;
}

export const handleCardAction = async (
  deps: CardActionDeps,
  click: CardClick,
): Promise<AdaptiveCardActionResponse> => {
  const logger = deps.logger ?? noopBotLogger;
  const parsed = cardActionSchema.safeParse(click.data);
  if (!parsed.success) return badRequest('Unrecognised card action.');
  const data = parsed.data;
  const raw = click.data as Record<string, unknown>;

  const people = await deps.people();
  const clicker: BotPerson | undefined = click.clicker;
  if (!clicker || !clicker.active) return message(tr(deps.defaultLocale ?? 'en', 'notInDirectory'));
  const locale: Locale = clicker.locale;
  const refuse = (r: Refusal) => message(tr(locale, r.refused, r.values));

  const row = deps.ledger.cardById(data.card);
  if (!row) return refuse({ refused: 'refusedUnknownRecord' });
  const listed = new Set(cardRecordKeys(row.digest, deps.policy.maxItemsPerCard));
  const outcomesBefore = deps.ledger.outcomes(row.cardId);
  const isOpen = (key: string) => !(outcomesBefore[key] ?? []).some(closesItem);
  const keys = data.action === 'confirmAll' ? [...listed].filter(isOpen) : [data.key];
  if (keys.some((k) => !listed.has(k))) {
    logger.warn('card action on a record not on the card refused', { card: data.card, action: data.action });
    return refuse({ refused: 'refusedUnknownRecord' });
  }

  // Read every target fresh and check the clicker's right on each before writing anything.
  const actor = actorOf(clicker);
  const targets: Target[] = [];
  for (const key of keys) {
    const ref = parseRecordKey(key);
    const register = ref?.register as RegisterId | undefined;
    const schema = register ? deps.schemas[register] : undefined;
    const repository = register ? deps.repositories[register] : undefined;
    if (!ref || !register || !schema || !repository) return refuse({ refused: 'refusedUnknownRecord' });
    let record: DomainRecord;
    try {
      record = await repository.get(ref.id);
    } catch (error) {
      logger.warn('card action: record not readable', { key, error: (error as Error).message });
      return refuse({ refused: 'refusedUnknownRecord' });
    }
    if (!can(actor, ACTION_RIGHT[data.action], schema, record).allowed) {
      logger.info('card action refused: not custodian or focal point', { key, action: data.action });
      return refuse({ refused: 'refusedNotAllowed' });
    }
    targets.push({ key, register, id: ref.id, schema, repository, record });
  }

  const today = localTime((deps.now ?? (() => new Date()))(), deps.policy.timeZone).date;
  const outcomes: { key: string; outcome: Outcome }[] = [];

  // Writes with If-Match. On a conflict, re-read once: when someone else changed a field this click changes,
  // the clicker is told (their click must not silently replace what the other person saved); when the record
  // already holds the change, nothing is written; otherwise (others changed other fields) the change is re-applied.
  const write = async (t: Target, changes: Readonly<Record<string, FieldValue>>): Promise<void> => {
    try {
      await t.repository.update(t.id, changes, t.record.eTag ?? '*');
    } catch (error) {
      if (!isConflictError(error)) throw error;
      const current = await t.repository.get(t.id);
      if (!can(actor, ACTION_RIGHT[data.action], t.schema, current).allowed) throw error;
      const fields = Object.keys(changes);
      if (fields.every((f) => sameValue(current.values[f], changes[f]))) return;
      if (fields.some((f) => !sameValue(current.values[f], t.record.values[f]))) throw error;
      await t.repository.update(t.id, changes, current.eTag ?? '*');
    }
  };

  try {
    switch (data.action) {
      case 'confirm':
      case 'confirmAll': {
        for (const t of targets) {
          const changes: Record<string, FieldValue> = { [t.schema.lastReviewedField]: today };
          if (t.schema.lastReviewedByField) changes[t.schema.lastReviewedByField] = clicker.email;
          await write(t, changes);
          deps.ledger.acknowledge(t.key, { resetCadence: false });
          outcomes.push({ key: t.key, outcome: { kind: 'confirmed', by: clicker.email } });
        }
        break;
      }
      case 'snooze': {
        const t = targets[0] as Target;
        const history = deps.ledger.historyOf(t.key);
        if ((history?.consecutiveSnoozes ?? 0) >= deps.policy.maxConsecutiveSnoozes) {
          return refuse({ refused: 'refusedSnoozeLimit' });
        }
        const until = addDays(today, deps.policy.snoozeDays);
        deps.ledger.snooze(t.key, until);
        outcomes.push({ key: t.key, outcome: { kind: 'snoozed', by: clicker.email, until } });
        break;
      }
      case 'fill': {
        const t = targets[0] as Target;
        const field = t.schema.fields.find((f) => f.name === data.field);
        if (!field || field.system || field.name === t.schema.lastReviewedField)
          return refuse({ refused: 'refusedUnknownRecord' });
        const rawValue = inputValue(raw, data.input);
        const input =
          field.type === 'multiChoice' && rawValue !== undefined
            ? rawValue.split(',').filter(Boolean)
            : rawValue;
        const coerced = coerceFieldValue(field, input === '' ? undefined : input);
        if (!coerced.ok) {
          return refuse({
            refused: 'refusedInvalidValue',
            values: { field: field.label[locale], reason: formatIssue(coerced.issue, locale, t.schema) },
          });
        }
        // Filled by someone else since the card was sent (the tab, Excel): not this click's to replace.
        if (!isEmptyValue(t.record.values[field.name])) return refuse({ refused: 'conflict' });
        if (isEmptyValue(coerced.value)) {
          return refuse({
            refused: 'refusedInvalidValue',
            values: { field: field.label[locale], reason: '—' },
          });
        }
        if (field.type === 'person' && typeof coerced.value === 'string' && !people.byEmail(coerced.value)) {
          return refuse({ refused: 'refusedUnknownPerson' });
        }
        if (
          !changedFieldsAllowed(actor, t.schema, t.record.values, { [field.name]: coerced.value }).allowed
        ) {
          return refuse({ refused: 'refusedNotAllowed' });
        }
        await write(t, { [field.name]: coerced.value });
        deps.ledger.acknowledge(t.key, { resetCadence: false });
        outcomes.push({ key: t.key, outcome: { kind: 'filled', by: clicker.email, field: field.name } });
        break;
      }
      case 'reassign': {
        const t = targets[0] as Target;
        const to = (inputValue(raw, data.input) ?? '').trim().toLowerCase();
        const target = people.byEmail(to);
        if (!target || !target.active) return refuse({ refused: 'refusedUnknownPerson' });
        await write(t, { [t.schema.custodianField]: target.email });
        // The new custodian starts a fresh cadence: reminded on the next run.
        deps.ledger.acknowledge(t.key, { resetCadence: true });
        outcomes.push({ key: t.key, outcome: { kind: 'reassigned', by: clicker.email, to: target.email } });
        break;
      }
    }
  } catch (error) {
    if (isConflictError(error)) return refuse({ refused: 'conflict' });
    logger.error('card action failed', { action: data.action, error: (error as Error).message });
    return refuse({ refused: 'failed' });
  }

  for (const o of outcomes) deps.ledger.addOutcome(row.cardId, o.key, o.outcome);
  const card = buildDigestCard(
    { cardId: row.cardId, digest: row.digest, outcomes: deps.ledger.outcomes(row.cardId) },
    deps.cardContext(people),
  );
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
};
