// The digest card: one Adaptive Card 1.5 per person and run, with Universal Actions (Action.Execute)
// so that Teams posts clicks back to the bot and the bot answers with the refreshed card.
//
// Each action sends only its own inputs. In 1.5, associatedInputs is only "auto" or "none", and "auto" gathers
// "the inputs on the current card, and in the case of a show card those on any parent cards"
// [doc: learn.microsoft.com/adaptive-cards/schema-explorer/action-execute]. So the card's body has no input
// at all: every input (the missing field, the new custodian) lives in its own Action.ShowCard with its own
// Save/Reassign button, which gathers that show card's input and nothing else; the body's buttons send none.
// Every input is required and carries an errorMessage (the renderer's validation shows it in place).
// Pickers use Teams' dynamic typeahead (`choices.data` Data.Query, answered by the bot's application/search
// route) [doc: learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/dynamic-search].
// A card stays under a byte budget well inside Teams' message limit (100 KB, 80 KB recommended; a larger
// message is refused with 413 [doc: learn.microsoft.com/microsoftteams/platform/bots/how-to/format-your-bot-messages]):
// past it, fewer records are listed and the rest counted ("N more — open the tab").
import {
  ActionSet,
  AdaptiveCard,
  Choice,
  ChoiceSetInput,
  Container,
  DateInput,
  ExecuteAction,
  NumberInput,
  OpenUrlAction,
  QueryData,
  RichTextBlock,
  ShowCardAction,
  TextBlock,
  TextInput,
  TextRun,
  ToggleInput,
} from '@microsoft/teams.cards';
import type { CardElementArray, IAdaptiveCard, IChoice } from '@microsoft/teams.cards';
import type { FieldDef, Locale, RegisterId, RegisterSchema } from '../../domain/schema';
import type { Digest, DigestItem } from '../planner';
import type { CardAction, Outcome } from './card-data';
import { closesItem } from './card-data';
import { tr } from './i18n';
import type { MessageKey } from './i18n';
import { plainText } from './text';

export interface PersonChoice {
  readonly title: string;
  readonly value: string;
}

/** What the card needs from outside: schemas for labels and inputs, links, people to reassign to. */
export interface CardContext {
  readonly schemaOf: (register: RegisterId) => RegisterSchema | undefined;
  readonly openUrl: (register: RegisterId, id: string) => string;
  /** People a record of this mission may be reassigned to (the static list under the typeahead). */
  readonly reassignChoices: (mission: string | null) => readonly PersonChoice[];
  readonly displayNameOf: (email: string) => string;
  readonly snoozeDays: number;
  readonly maxItemsPerCard: number;
  /** Adds a Data.Query dataset to person pickers, for hosts with dynamic typeahead (Teams). */
  readonly dynamicTypeahead: boolean;
  /** Choices of fields whose values come from the catalogue (missions, regions). */
  readonly choicesOf?: (field: FieldDef) => readonly string[];
  /** The recipient's language as Teams reports it when the card is built (else the digest's). */
  readonly localeOf?: (email: string) => Locale | undefined;
  /** @defaultvalue CARD_BYTE_BUDGET */
  readonly byteBudget?: number;
}

/**
 * Bytes of card JSON a digest may take: half of Teams' recommended 80 KB, so that the activity around it and
 * the outcome lines a refreshed card gains stay far from the 100 KB limit.
 */
export const CARD_BYTE_BUDGET = 40 * 1024;

/** Static choices under a dynamic typeahead: Teams shows at most 15 options in the dropdown anyway. */
const MAX_STATIC_CHOICES = 15;

export interface DigestCardState {
  readonly cardId: string;
  readonly digest: Digest;
  /** Per record key, what was done from this card so far, oldest first. */
  readonly outcomes: Readonly<Record<string, readonly Outcome[]>>;
}

export const PEOPLE_DATASET = 'governanceHub.people';

const para = (
  text: string,
  options: { subtle?: boolean; bold?: boolean; color?: 'Good' | 'Attention' } = {},
) => {
  const run = new TextRun(plainText(text, 400));
  if (options.subtle) run.withIsSubtle(true);
  if (options.bold) run.withWeight('Bolder');
  if (options.color) run.withColor(options.color);
  return new RichTextBlock().withInlines(run).withSpacing('Small');
};

const fieldLabel = (schema: RegisterSchema | undefined, name: string, locale: Locale): string =>
  schema?.fields.find((f) => f.name === name)?.label[locale] ?? name;

const cycleLabel = (schema: RegisterSchema | undefined, cycle: string, locale: Locale): string => {
  const field = schema?.fields.find((f) => f.name === schema.reviewCycle.cycleField);
  return field?.choiceLabels?.[cycle]?.[locale] ?? cycle;
};

const localDate = (iso: string, locale: Locale): string => {
  const date = new Date(`${iso.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'ar' ? 'ar-EG' : locale, {
    dateStyle: 'medium',
    timeZone: 'UTC',
  }).format(date);
};

const action = (data: CardAction, title: string): ExecuteAction =>
  new ExecuteAction({ title, verb: data.action, data: { ...data } });

/** The reason lines of an item: why it is on the card. */
export const itemReasons = (
  item: DigestItem,
  schema: RegisterSchema | undefined,
  locale: Locale,
): string[] => {
  const r = item.record;
  const lines: string[] = [];
  const cycle = cycleLabel(schema, r.cycle, locale);
  const date = r.lastReviewed ? localDate(r.lastReviewed, locale) : '';
  if (item.reasons.includes('neverReviewed')) lines.push(tr(locale, 'neverReviewed'));
  else if (item.reasons.includes('stale'))
    lines.push(
      item.overdueDays > 0
        ? tr(locale, 'overdue', { days: item.overdueDays, cycle, date })
        : tr(locale, 'dueToday', { cycle, date }),
    );
  if (item.reasons.includes('incomplete')) {
    const names = r.missingFields.map((f) => fieldLabel(schema, f, locale));
    lines.push(tr(locale, 'missing', { fields: names.join(locale === 'ar' ? '، ' : ', ') }));
  }
  if (item.reminderNumber > 1) lines.push(tr(locale, 'reminderNumber', { n: item.reminderNumber }));
  return lines;
};

const choiceTitles = (field: FieldDef, locale: Locale, ctx: CardContext): IChoice[] =>
  (field.choices ?? ctx.choicesOf?.(field) ?? []).map(
    (value) => new Choice({ title: plainText(field.choiceLabels?.[value]?.[locale] ?? value), value }),
  );

const personPicker = (
  id: string,
  label: string,
  choices: readonly PersonChoice[],
  ctx: CardContext,
  errorMessage: string,
): ChoiceSetInput => {
  const picker = new ChoiceSetInput(
    ...choices
      .slice(0, ctx.dynamicTypeahead ? MAX_STATIC_CHOICES : undefined)
      .map((c) => new Choice({ title: plainText(c.title), value: c.value })),
  )
    .withId(id)
    .withLabel(label)
    .withStyle('filtered')
    .withIsRequired(true)
    .withErrorMessage(errorMessage);
  if (ctx.dynamicTypeahead) picker['choices.data'] = new QueryData({ dataset: PEOPLE_DATASET });
  return picker;
};

/** The inline input for one missing field, typed after the field's definition. */
const fieldInput = (
  id: string,
  field: FieldDef,
  label: string,
  locale: Locale,
  ctx: CardContext,
  mission: string | null,
) => {
  const errorMessage = tr(locale, 'inputRequired', { field: field.label[locale] });
  return withError(typedInput(id, field, label, locale, ctx, mission, errorMessage), errorMessage);
};

const withError = <T extends { withErrorMessage(message: string): T }>(input: T, message: string): T =>
  input.withErrorMessage(message);

const typedInput = (
  id: string,
  field: FieldDef,
  label: string,
  locale: Locale,
  ctx: CardContext,
  mission: string | null,
  errorMessage: string,
) => {
  switch (field.type) {
    case 'choice':
    case 'multiChoice':
      if (field.choices?.length || field.choiceSource) {
        return new ChoiceSetInput(...choiceTitles(field, locale, ctx))
          .withId(id)
          .withLabel(label)
          .withStyle('compact')
          .withIsMultiSelect(field.type === 'multiChoice')
          .withIsRequired(true);
      }
      return new TextInput({ id, label, isRequired: true, maxLength: 255 });
    case 'date':
      return new DateInput({ id, label, isRequired: true });
    case 'number':
      return new NumberInput({ id, label, isRequired: true, min: field.min, max: field.max });
    case 'boolean':
      return new ToggleInput(label, { id, label, valueOn: 'true', valueOff: 'false', value: 'false' });
    case 'person':
      return personPicker(id, label, ctx.reassignChoices(mission), ctx, errorMessage);
    default:
      return new TextInput({
        id,
        label,
        isRequired: true,
        isMultiline: field.type === 'note',
        maxLength: field.maxLength ?? (field.type === 'note' ? 2000 : 255),
        style: field.type === 'url' ? 'Url' : 'Text',
      });
  }
};

const outcomeText = (
  outcome: Outcome,
  locale: Locale,
  ctx: CardContext,
  schema: RegisterSchema | undefined,
): string => {
  const name = ctx.displayNameOf(outcome.by);
  switch (outcome.kind) {
    case 'confirmed':
      return tr(locale, 'doneConfirmed', { name });
    case 'snoozed':
      return tr(locale, 'doneSnoozed', { date: localDate(outcome.until, locale) });
    case 'reassigned':
      return tr(locale, 'doneReassigned', { name: ctx.displayNameOf(outcome.to) });
    case 'filled':
      return tr(locale, 'doneFilled', { field: fieldLabel(schema, outcome.field, locale), name });
  }
};

const itemElement = (
  state: DigestCardState,
  item: DigestItem,
  index: number,
  section: 'own' | 'escalated' | 'unowned',
  ctx: CardContext,
  locale: Locale,
) => {
  const r = item.record;
  const schema = ctx.schemaOf(r.register);
  const outcomes = state.outcomes[r.key] ?? [];
  const closed = outcomes.some(closesItem);
  const filled = new Set(
    outcomes.filter((o) => o.kind === 'filled').map((o) => (o.kind === 'filled' ? o.field : '')),
  );
  const body: CardElementArray = [para(r.title, { bold: true })];
  for (const line of itemReasons(item, schema, locale)) body.push(para(line, { subtle: true }));
  if (section !== 'own') {
    body.push(
      para(tr(locale, 'custodianIs', { name: r.custodian ? ctx.displayNameOf(r.custodian) : '—' }), {
        subtle: true,
      }),
    );
  }
  for (const outcome of outcomes)
    body.push(para(`✓ ${outcomeText(outcome, locale, ctx, schema)}`, { color: 'Good' }));
  if (!closed) {
    const nextMissing = r.missingFields.find((f) => !filled.has(f));
    const field = nextMissing ? schema?.fields.find((f) => f.name === nextMissing) : undefined;
    // Each input in its own show card: its button gathers that input only (see the top of this file).
    let fillCard: ShowCardAction | undefined;
    if (field) {
      const inputId = `in_${index}`;
      const label = tr(locale, 'fillIn', { field: field.label[locale] });
      fillCard = new ShowCardAction({ title: label }).withCard(
        new AdaptiveCard(fieldInput(inputId, field, label, locale, ctx, r.mission)).withActions(
          action(
            { action: 'fill', card: state.cardId, key: r.key, field: field.name, input: inputId },
            tr(locale, 'save'),
          ).withAssociatedInputs('auto'),
        ),
      );
    }
    const pickerId = `re_${index}`;
    const reassignCard = new AdaptiveCard(
      personPicker(
        pickerId,
        tr(locale, 'reassignTo'),
        ctx.reassignChoices(r.mission),
        ctx,
        tr(locale, 'inputRequired', { field: tr(locale, 'reassignTo') }),
      ),
    ).withActions(
      action(
        { action: 'reassign', card: state.cardId, key: r.key, input: pickerId },
        tr(locale, 'reassign'),
      ).withAssociatedInputs('auto'),
    );
    const buttons = [
      action({ action: 'confirm', card: state.cardId, key: r.key }, tr(locale, 'stillAccurate'))
        .withStyle('positive')
        .withAssociatedInputs('none'),
      ...(item.canSnooze
        ? [
            action(
              { action: 'snooze', card: state.cardId, key: r.key },
              tr(locale, 'snooze', { days: ctx.snoozeDays }),
            ).withAssociatedInputs('none'),
          ]
        : []),
      new OpenUrlAction(ctx.openUrl(r.register, r.id), { title: tr(locale, 'open') }),
      ...(fillCard ? [fillCard] : []),
      new ShowCardAction({ title: tr(locale, 'reassign') }).withCard(reassignCard),
    ];
    body.push(new ActionSet(...buttons));
  }
  return new Container(...body).withSeparator(true).withSpacing('Medium').withId(`item_${index}`);
};

const SECTION_TITLE: Readonly<Record<'own' | 'escalated' | 'unowned', MessageKey>> = {
  own: 'sectionOwn',
  escalated: 'sectionEscalated',
  unowned: 'sectionUnowned',
};

/** Builds the card for a digest and what was already done from it, within the byte budget. */
export const buildDigestCard = (state: DigestCardState, ctx: CardContext): IAdaptiveCard => {
  const budget = ctx.byteBudget ?? CARD_BYTE_BUDGET;
  const locale = ctx.localeOf?.(state.digest.recipient) ?? state.digest.locale;
  let perSection = ctx.maxItemsPerCard;
  let card = renderCard(state, ctx, locale, perSection);
  // Too large: list fewer records per section (the rest are counted), down to one.
  while (perSection > 1 && cardBytes(card) > budget) {
    perSection = Math.max(1, Math.floor(perSection * 0.75));
    card = renderCard(state, ctx, locale, perSection);
  }
  return card;
};

/** The card's size as Teams counts it: its JSON in UTF-8. */
export const cardBytes = (card: IAdaptiveCard): number => Buffer.byteLength(JSON.stringify(card), 'utf8');

const renderCard = (
  state: DigestCardState,
  ctx: CardContext,
  locale: Locale,
  perSection: number,
): IAdaptiveCard => {
  const { digest } = state;
  const sections = (['own', 'escalated', 'unowned'] as const).filter((s) => digest[s].length > 0);
  const total = digest.own.length + digest.escalated.length + digest.unowned.length;
  const body: CardElementArray = [
    new TextBlock(tr(locale, 'cardTitle'), { size: 'Large', weight: 'Bolder', wrap: true, style: 'heading' }),
    para(tr(locale, 'greeting', { name: digest.displayName, count: total })),
  ];
  let index = 0;
  const open: string[] = [];
  for (const section of sections) {
    if (sections.length > 1 || section !== 'own') {
      body.push(
        new TextBlock(tr(locale, SECTION_TITLE[section]), { weight: 'Bolder', wrap: true, spacing: 'Large' }),
      );
    }
    const items = digest[section];
    for (const item of items.slice(0, perSection)) {
      body.push(itemElement(state, item, index, section, ctx, locale));
      index += 1;
      if (!(state.outcomes[item.record.key] ?? []).some(closesItem)) open.push(item.record.key);
    }
    if (items.length > perSection) {
      body.push(para(tr(locale, 'more', { count: items.length - perSection }), { subtle: true }));
    }
  }
  if (open.length === 0) body.push(para(tr(locale, 'allDone'), { bold: true, color: 'Good' }));
  const card = new AdaptiveCard(...body)
    .withVersion('1.5')
    .withLang(locale)
    .withFallbackText(tr(locale, 'greeting', { name: plainText(digest.displayName), count: total }))
    .withMsteams({ width: 'full' });
  if (locale === 'ar') card.withRtl(true);
  if (open.length > 1) {
    card.withActions(
      action({ action: 'confirmAll', card: state.cardId }, tr(locale, 'allStillAccurate'))
        .withStyle('positive')
        .withAssociatedInputs('none'),
    );
  }
  return card;
};

/** The record keys a card lists (the only ones its actions may touch). */
export const cardRecordKeys = (digest: Digest, maxItemsPerCard: number): string[] =>
  (['own', 'escalated', 'unowned'] as const).flatMap((s) =>
    digest[s].slice(0, maxItemsPerCard).map((i) => i.record.key),
  );
