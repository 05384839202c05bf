import {
  buildDigestCard,
  cardActionSchema,
  plainText,
  escapeMarkdown,
  localeOf,
  tr,
} from '../../src/bot/cards';
import type { CardContext, DigestCardState } from '../../src/bot/cards';
import type { Digest, DigestItem } from '../../src/bot/planner';
import { TEST_SCHEMA, plannerRecord } from './fixtures';

type Json = Record<string, unknown>;
const json = (value: unknown): Json => JSON.parse(JSON.stringify(value)) as Json;

/** Every node of a card, depth first. */
const nodes = (value: unknown): Json[] => {
  const out: Json[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      out.push(v as Json);
      Object.values(v).forEach(walk);
    }
  };
  walk(value);
  return out;
};

const ctx: CardContext = {
  schemaOf: () => TEST_SCHEMA,
  openUrl: (register, id) => `https://hub.example/tab/#/records/${register}/${id}`,
  reassignChoices: () => [
    { title: 'Amina Diallo', value: 'amina@example.org' },
    { title: 'Omar <b>Haddad</b>', value: 'omar@example.org' },
  ],
  displayNameOf: (email) => (email === 'amina@example.org' ? 'Amina Diallo' : email),
  snoozeDays: 14,
  maxItemsPerCard: 10,
  dynamicTypeahead: true,
};

const item = (
  extra: Partial<DigestItem> & { record?: ReturnType<typeof plannerRecord> } = {},
): DigestItem => ({
  record: plannerRecord(),
  reasons: ['stale'],
  overdueDays: 30,
  reminderNumber: 1,
  canSnooze: true,
  ...extra,
});

const digest = (extra: Partial<Digest> = {}): Digest => ({
  recipient: 'amina@example.org',
  displayName: 'Amina Diallo',
  locale: 'en',
  timeZone: 'Africa/Dakar',
  day: '2025-06-02',
  own: [
    item({ record: plannerRecord({ id: '7', title: 'Beneficiary registry', lastReviewed: '2024-05-01' }) }),
    item({
      record: plannerRecord({ id: '8', title: 'Payroll', missingFields: ['sensitivity'] }),
      reasons: ['stale', 'incomplete'],
    }),
  ],
  escalated: [],
  unowned: [],
  ...extra,
});

const state = (d: Digest, outcomes: DigestCardState['outcomes'] = {}): DigestCardState => ({
  cardId: 'run-2025-06-02:amina',
  digest: d,
  outcomes,
});

describe('digest card structure', () => {
  const card = json(buildDigestCard(state(digest()), ctx));
  const all = nodes(card);

  test('Adaptive Card 1.5 with Universal Actions', () => {
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5', lang: 'en' });
    expect(card.rtl).toBeUndefined();
    const verbs = all.filter((n) => n.type === 'Action.Execute').map((n) => n.verb);
    expect(verbs).toEqual(expect.arrayContaining(['confirm', 'snooze', 'fill', 'reassign', 'confirmAll']));
    expect(all.some((n) => n.type === 'Action.Submit')).toBe(false);
  });

  test('each action carries the card id and the record key, and parses back', () => {
    for (const node of all.filter((n) => n.type === 'Action.Execute')) {
      const parsed = cardActionSchema.safeParse(node.data);
      expect(parsed.success).toBe(true);
      expect(node.data).toMatchObject({ card: 'run-2025-06-02:amina', action: node.verb });
    }
    expect(all.find((n) => n.verb === 'confirm')?.data).toMatchObject({ key: 'dataInventory:7' });
  });

  test('Open is a deep link to the record in the tab', () => {
    expect(all.filter((n) => n.type === 'Action.OpenUrl').map((n) => n.url)).toEqual([
      'https://hub.example/tab/#/records/dataInventory/7',
      'https://hub.example/tab/#/records/dataInventory/8',
    ]);
  });

  test('the missing field gets an inline input typed after its definition', () => {
    const input = all.find((n) => n.id === 'in_1');
    expect(input).toMatchObject({ type: 'Input.ChoiceSet', isRequired: true });
    expect((input?.choices as Json[]).map((c) => c.value)).toEqual([
      'Public',
      'Internal',
      'Confidential',
      'Strictly confidential',
    ]);
    expect(all.find((n) => n.verb === 'fill')?.data).toMatchObject({
      key: 'dataInventory:8',
      field: 'sensitivity',
      input: 'in_1',
    });
  });

  test('Reassign shows a person picker: static people plus a typeahead dataset', () => {
    const picker = all.find((n) => n.id === 're_0');
    expect(picker).toMatchObject({ type: 'Input.ChoiceSet', style: 'filtered' });
    expect(picker?.['choices.data']).toMatchObject({ type: 'Data.Query', dataset: 'governanceHub.people' });
    expect((picker?.choices as Json[]).map((c) => c.value)).toEqual([
      'amina@example.org',
      'omar@example.org',
    ]);
  });

  test('why each record is listed', () => {
    const text = all.filter((n) => n.type === 'TextRun').map((n) => n.text);
    expect(text).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^Review overdue by 30 days \(review cycle: Annual; last reviewed May 1, 2024\)\.$/,
        ),
        'Missing: sensitivity.',
      ]),
    );
  });

  test('snooze is not offered after two snoozes in a row', () => {
    const d = digest({ own: [item({ canSnooze: false })] });
    expect(nodes(json(buildDigestCard(state(d), ctx))).some((n) => n.verb === 'snooze')).toBe(false);
  });
});

describe('escaping', () => {
  const evil =
    '**Bold** <script>alert(1)</script> [click](https://evil.example) {{DATE(2020-01-01T00:00:00Z)}} \u202Egnp.exe\nsecond line';
  const card = json(
    buildDigestCard(
      state(
        digest({
          displayName: '_Amina_ <img src=x>',
          own: [item({ record: plannerRecord({ title: evil }) })],
        }),
      ),
      ctx,
    ),
  );
  const all = nodes(card);

  test('user text only appears in plain TextRuns, never in markdown TextBlocks', () => {
    const blocks = all.filter((n) => n.type === 'TextBlock').map((n) => String(n.text));
    expect(blocks.some((t) => t.includes('Bold') || t.includes('script') || t.includes('Amina'))).toBe(false);
    const title = all.find((n) => n.type === 'TextRun' && String(n.text).includes('Bold'));
    expect(title?.text).toBe(
      '**Bold** <script>alert(1)</script> [click](https://evil.example) {\u200b{DATE(2020-01-01T00:00:00Z)}\u200b} gnp.exe second line',
    );
  });

  test('plainText strips controls and bidi overrides and bounds length', () => {
    expect(plainText('a\u0000b\u202Ec\u2066d')).toBe('a b c d');
    expect(plainText('x'.repeat(300))).toHaveLength(200);
    expect(escapeMarkdown('*a* [b](c)')).toBe('\\*a\\* \\[b\\]\\(c\\)');
  });
});

describe('languages', () => {
  test.each([
    ['fr', 'Enregistrements à revoir', 'Toujours exact'],
    ['es', 'Registros por revisar', 'Sigue siendo exacto'],
    ['ar', 'سجلات بحاجة إلى مراجعة', 'لا يزال دقيقًا'],
  ] as const)('%s card', (locale, title, confirm) => {
    const card = json(buildDigestCard(state(digest({ locale })), ctx));
    const all = nodes(card);
    expect(card.lang).toBe(locale);
    expect(card.rtl).toBe(locale === 'ar' ? true : undefined);
    expect(all.find((n) => n.type === 'TextBlock')?.text).toBe(title);
    expect(all.find((n) => n.verb === 'confirm')?.title).toBe(confirm);
  });

  test('profile languages map to the four locales', () => {
    expect(['fr-FR', 'es-419', 'ar-SA', 'en-GB', 'pt-BR', undefined].map(localeOf)).toEqual([
      'fr',
      'es',
      'ar',
      'en',
      'en',
      'en',
    ]);
    expect(tr('fr', 'overdue', { days: 3, cycle: 'annuel', date: 'x' })).toContain('3 jours');
    // The localized cycle label stands after a colon, so its gender never clashes ("cycle Annuelle").
    expect(tr('fr', 'overdue', { days: 3, cycle: 'Annuelle', date: 'x' })).toContain(
      'cycle de revue\u00a0: Annuelle',
    );
    expect(tr('es', 'dueToday', { cycle: 'Anual', date: 'x' })).toContain('ciclo de revisión: Anual');
    expect(tr('ar', 'dueToday', { cycle: 'سنوية', date: 'x' })).toContain('دورة المراجعة: سنوية');
  });
});

describe('refreshed card', () => {
  test('a confirmed record shows what was done instead of its buttons', () => {
    const d = digest();
    const card = json(
      buildDigestCard(state(d, { 'dataInventory:7': [{ kind: 'confirmed', by: 'amina@example.org' }] }), ctx),
    );
    const all = nodes(card);
    expect(all.filter((n) => n.verb === 'confirm').map((n) => (n.data as Json).key)).toEqual([
      'dataInventory:8',
    ]);
    expect(
      all.some((n) => n.type === 'TextRun' && n.text === '✓ Confirmed as accurate by Amina Diallo.'),
    ).toBe(true);
    expect(all.some((n) => n.verb === 'confirmAll')).toBe(false);
  });

  test('when everything is done the card says so', () => {
    const d = digest();
    const done = { by: 'amina@example.org', kind: 'confirmed' } as const;
    const all = nodes(
      json(buildDigestCard(state(d, { 'dataInventory:7': [done], 'dataInventory:8': [done] }), ctx)),
    );
    expect(all.some((n) => n.type === 'Action.Execute')).toBe(false);
    expect(all.some((n) => n.text === 'All done, thank you!')).toBe(true);
  });

  test('a filled field moves on to the next missing one', () => {
    const d = digest({
      own: [
        item({
          record: plannerRecord({ missingFields: ['sensitivity', 'retention'] }),
          reasons: ['incomplete'],
        }),
      ],
    });
    const all = nodes(
      json(
        buildDigestCard(
          state(d, {
            [d.own[0]!.record.key]: [{ kind: 'filled', by: 'amina@example.org', field: 'sensitivity' }],
          }),
          ctx,
        ),
      ),
    );
    expect(all.find((n) => n.verb === 'fill')?.data).toMatchObject({ field: 'retention' });
    expect(all.find((n) => n.id === 'in_0')).toMatchObject({ type: 'Input.Text' });
  });
});

describe('action data is validated', () => {
  test.each([
    [{ action: 'confirm', card: 'c', key: 'dataInventory:1' }, true],
    [{ action: 'fill', card: 'c', key: 'dataInventory:1', field: 'x', input: 'in_0', in_0: 'v' }, true],
    [{ action: 'delete', card: 'c', key: 'dataInventory:1' }, false],
    [{ action: 'fill', card: 'c', key: 'dataInventory:1', field: 'x', input: '../etc' }, false],
    [{ action: 'confirm', key: 'dataInventory:1' }, false],
  ])('%j -> %s', (data, ok) => {
    expect(cardActionSchema.safeParse(data).success).toBe(ok);
  });
});
