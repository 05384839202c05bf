// Every card the bot can send, validated with Microsoft's own Adaptive Cards library (the renderer Teams'
// web client shares): no parse event, no validation event (error or warning), under the byte budget, and each
// Action.Execute gathers exactly its own input — what the renderer's `associatedInputs: auto` would collect
// (the current card and, for a show card, its parents) holds no other input.
import { REGISTERS, REGISTER_IDS } from '../../src/domain/registers';
import type { FieldDef, Locale, RegisterSchema } from '../../src/domain/schema';
import { buildDigestCard, CARD_BYTE_BUDGET, cardBytes } from '../../src/bot/cards/digest-card';
import type { CardContext, DigestCardState } from '../../src/bot/cards';
import type { Outcome } from '../../src/bot/cards';
import type { Digest, DigestItem, PlannerRecord } from '../../src/bot/planner';

// The UMD build: the package's ESM entry cannot be required by jest's CommonJS runtime.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as {
  AdaptiveCard: new () => {
    parse(json: unknown, context: unknown): void;
    validateProperties(): { validationEvents: { event: number; message: string }[] };
  };
  SerializationContext: new () => { eventCount: number; getEventAt(i: number): { message: string } };
  CardElement: { langProperty: { regEx?: RegExp } };
};

type Json = Record<string, unknown>;
const LOCALES: readonly Locale[] = ['en', 'fr', 'es', 'ar'];

const problemsOf = (card: unknown): string[] => {
  // The renderer checks `lang` with a global (/g) RegExp whose lastIndex survives between cards, so every
  // second card would fail on a valid "en": reset it (a bug of adaptivecards 3.0.6, not of the card).
  const langCheck = AC.CardElement.langProperty.regEx;
  if (langCheck) langCheck.lastIndex = 0;
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(JSON.parse(JSON.stringify(card)), context);
  const out: string[] = [];
  for (let i = 0; i < context.eventCount; i++) out.push(`parse: ${context.getEventAt(i).message}`);
  for (const e of parsed.validateProperties().validationEvents) out.push(`validate: ${e.message}`);
  return out;
};

/** Inputs in a card's body (not inside its actions' show cards), depth first. */
const bodyInputs = (card: Json): string[] => {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== 'object') return;
    const node = v as Json;
    if (typeof node.type === 'string' && node.type.startsWith('Input.') && typeof node.id === 'string')
      out.push(node.id);
    for (const [k, child] of Object.entries(node)) if (k !== 'card') walk(child);
  };
  walk(card.body);
  return out;
};

/** For each Action.Execute: the inputs `auto` gathers (its card and the parents' bodies) and its data. */
const executeScopes = (root: Json): { data: Json; associated: string; gathered: string[] }[] => {
  const out: { data: Json; associated: string; gathered: string[] }[] = [];
  const visitCard = (card: Json, parents: string[]) => {
    const scope = [...parents, ...bodyInputs(card)];
    const visit = (v: unknown) => {
      if (Array.isArray(v)) return v.forEach(visit);
      if (!v || typeof v !== 'object') return;
      const node = v as Json;
      if (node.type === 'Action.Execute')
        out.push({
          data: node.data as Json,
          associated: String(node.associatedInputs ?? 'auto'),
          gathered: node.associatedInputs === 'none' ? [] : scope,
        });
      if (node.type === 'Action.ShowCard' && node.card) return visitCard(node.card as Json, scope);
      for (const child of Object.values(node)) visit(child);
    };
    visit(card.body);
    visit(card.actions);
  };
  visitCard(root, []);
  return out;
};

const schemaOf = (register: string): RegisterSchema | undefined =>
  REGISTERS[register as keyof typeof REGISTERS];

const ctxFor = (dynamicTypeahead: boolean, extra: Partial<CardContext> = {}): CardContext => ({
  schemaOf,
  openUrl: (register, id) => `https://hub.example/tab/#/records/${register}/${id}`,
  reassignChoices: () =>
    Array.from({ length: 40 }, (_, i) => ({ title: `Person ${i} <b>x</b>`, value: `p${i}@example.org` })),
  displayNameOf: (email) => email,
  snoozeDays: 14,
  maxItemsPerCard: 10,
  dynamicTypeahead,
  choicesOf: () => ['senegal', 'colombia'],
  ...extra,
});

let seq = 0;
const record = (
  register: string,
  missingFields: string[],
  extra: Partial<PlannerRecord> = {},
): PlannerRecord => {
  seq += 1;
  return {
    key: `${register}:${seq}`,
    register: register as PlannerRecord['register'],
    id: String(seq),
    title: `Record ${seq} — “quoted” {{DATE(2025)}} ${'long '.repeat(20)}`,
    mission: 'senegal',
    custodian: 'amina@example.org',
    lastReviewed: '2024-01-02',
    cycle: 'Annual',
    reviewDueOn: '2025-01-02',
    missingFields,
    ...extra,
  };
};

const itemOf = (r: PlannerRecord, extra: Partial<DigestItem> = {}): DigestItem => ({
  record: r,
  reasons: r.missingFields.length ? ['stale', 'incomplete'] : ['stale'],
  overdueDays: 40,
  reminderNumber: 2,
  canSnooze: true,
  ...extra,
});

const digest = (locale: Locale, own: DigestItem[], extra: Partial<Digest> = {}): Digest => ({
  recipient: 'amina@example.org',
  displayName: 'Amina Diallo',
  locale,
  timeZone: 'Africa/Dakar',
  day: '2025-06-02',
  own,
  escalated: [],
  unowned: [],
  ...extra,
});

/** One item per fillable field of every register (every input type the bot can render). */
const everyFieldItems = (): DigestItem[] =>
  REGISTER_IDS.flatMap((id) =>
    REGISTERS[id].fields
      .filter((f: FieldDef) => !f.system && f.name !== REGISTERS[id].lastReviewedField)
      .map((f: FieldDef) => itemOf(record(id, [f.name]))),
  );

const outcomes = (d: Digest): DigestCardState['outcomes'] => {
  const kinds: Outcome[] = [
    { kind: 'confirmed', by: 'amina@example.org' },
    { kind: 'snoozed', by: 'amina@example.org', until: '2025-06-16' },
    { kind: 'reassigned', by: 'amina@example.org', to: 'omar@example.org' },
    { kind: 'filled', by: 'amina@example.org', field: 'Title' },
  ];
  return Object.fromEntries(d.own.slice(0, 4).map((it, i) => [it.record.key, [kinds[i] as Outcome]]));
};

interface Case {
  name: string;
  state: DigestCardState;
  ctx: CardContext;
}

const cases = (): Case[] => {
  const out: Case[] = [];
  for (const locale of LOCALES) {
    for (const dynamicTypeahead of [true, false]) {
      const fields = everyFieldItems();
      // Every field type, in chunks of a card each (as many cards as it takes to show every field once).
      for (let i = 0; i < fields.length; i += 10) {
        const d = digest(locale, fields.slice(i, i + 10));
        out.push({
          name: `${locale} typeahead=${dynamicTypeahead} fields ${i}`,
          state: { cardId: 'remind-2025-06-02.abc', digest: d, outcomes: {} },
          ctx: ctxFor(dynamicTypeahead),
        });
      }
      const mixed = digest(locale, fields.slice(0, 6), {
        escalated: [itemOf(record('aiRegistry', ['Title'], { custodian: 'omar@example.org' }))],
        unowned: [itemOf(record('riskRegister', [], { custodian: null }), { canSnooze: false })],
      });
      out.push({
        name: `${locale} typeahead=${dynamicTypeahead} sections and outcomes`,
        state: { cardId: 'remind-2025-06-02.abc', digest: mixed, outcomes: outcomes(mixed) },
        ctx: ctxFor(dynamicTypeahead),
      });
      // A person with a hundred records in each section: capped and counted, within the budget.
      const many = (n: number) => Array.from({ length: n }, () => itemOf(record('dataInventory', ['Title'])));
      out.push({
        name: `${locale} typeahead=${dynamicTypeahead} very large`,
        state: {
          cardId: 'remind-2025-06-02.abc',
          digest: digest(locale, many(100), { escalated: many(100), unowned: many(100) }),
          outcomes: {},
        },
        ctx: ctxFor(dynamicTypeahead, { maxItemsPerCard: 50 }),
      });
      // Everything done: no buttons left.
      const done = digest(locale, [itemOf(record('dataInventory', []))]);
      out.push({
        name: `${locale} typeahead=${dynamicTypeahead} all done`,
        state: {
          cardId: 'remind-2025-06-02.abc',
          digest: done,
          outcomes: { [done.own[0]?.record.key ?? '']: [{ kind: 'confirmed', by: 'amina@example.org' }] },
        },
        ctx: ctxFor(dynamicTypeahead),
      });
    }
  }
  return out;
};

const ALL = cases();
// Each card is built once (building the very large ones runs the budget loop).
const built = new Map<Case, unknown>();
const cardOf = (c: Case): unknown => {
  let card = built.get(c);
  if (card === undefined) built.set(c, (card = buildDigestCard(c.state, c.ctx)));
  return card;
};

test('the cases cover every input type, every locale and every section', () => {
  const types = new Set<string>();
  for (const c of ALL) {
    JSON.stringify(cardOf(c), (k, v: unknown) => {
      if (k === 'type' && typeof v === 'string' && v.startsWith('Input.')) types.add(v);
      return v;
    });
  }
  expect([...types].sort()).toEqual(
    ['Input.ChoiceSet', 'Input.Date', 'Input.Number', 'Input.Text', 'Input.Toggle'].filter((t) =>
      [...types].includes(t),
    ),
  );
  expect(types.has('Input.ChoiceSet') && types.has('Input.Text') && types.has('Input.Date')).toBe(true);
});

test.each(ALL.map((c) => [c.name, c] as const))('%s: 0 errors and 0 warnings', (_name, c) => {
  expect(problemsOf(cardOf(c))).toEqual([]);
});

test.each(ALL.map((c) => [c.name, c] as const))('%s: under the byte budget', (_name, c) => {
  expect(cardBytes(cardOf(c) as Parameters<typeof cardBytes>[0])).toBeLessThanOrEqual(CARD_BYTE_BUDGET);
});

test.each(ALL.map((c) => [c.name, c] as const))('%s: every action gathers only its own input', (_name, c) => {
  const scopes = executeScopes(JSON.parse(JSON.stringify(cardOf(c))) as Json);
  if (!c.name.endsWith('all done')) expect(scopes.length).toBeGreaterThan(0);
  for (const s of scopes) {
    const own = typeof s.data.input === 'string' ? [s.data.input] : [];
    expect({ action: s.data.action, gathered: s.gathered }).toEqual({ action: s.data.action, gathered: own });
  }
});

test('a very large digest is capped with "N more" and keeps the most urgent first', () => {
  const c = ALL.find((x) => x.name === 'en typeahead=true very large') as Case;
  const text = JSON.stringify(cardOf(c));
  expect(text).toMatch(/And \d+ more: open Governance Hub/);
  expect(text).toContain(c.state.digest.own[0]?.record.title.slice(0, 20));
});

test('the card is built in the language Teams reports now, not the one planned', () => {
  const d = digest('en', [itemOf(record('dataInventory', []))]);
  const card = buildDigestCard(
    { cardId: 'x', digest: d, outcomes: {} },
    ctxFor(true, { localeOf: () => 'es' }),
  ) as unknown as Json;
  expect(card.lang).toBe('es');
  expect(JSON.stringify(card)).toContain('Registros por revisar');
});
