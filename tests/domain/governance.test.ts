import {
  AI_VERIFICATIONS,
  AWARENESS_NOTES,
  AWARENESS_NOTE_IDS,
  FRAMEWORKS,
  FRAMEWORK_IDS,
  FRAMEWORK_TOPICS,
  FRAMEWORK_TOPIC_IDS,
  GOVERNANCE_LISTS,
  LOCALES,
  assessmentFindings,
  awarenessNote,
  dataAssetConcerns,
  decide,
  deriveVerification,
  entryFromRecord,
  entryValues,
  healthControlsFrom,
  healthControlsValues,
  inCell,
  latestEntries,
  likelyDuplicates,
  materialFingerprint,
  overdueDays,
  parseSnapshot,
  reviewBatches,
  scoreTrend,
  snapshotDue,
  snapshotValues,
  systemsWithDataConcerns,
  toCsv,
  toSnapshot,
  scorecard,
  validateRecord,
  verificationHistory,
  DATA_INVENTORY,
  AI_REGISTRY,
  RISK_REGISTER,
  DEFAULT_HEALTH_CONTROLS,
  ALL_GROUNDS,
} from '../../src/domain';
import type { Actor, DomainRecord, RecordValues, VerificationEntry } from '../../src/domain';
import { validAsset, validRisk, validSystem } from './fixtures';

const officer: Actor = { email: 'ines.moreau@example.org', roles: ['officer'], missions: [] };
const custodian: Actor = { email: 'omar.haddad@example.org', roles: ['custodian'], missions: [] };
// Triaged as limited (a chatbot used in the EU), so an officer may verify it (issue 17 refuses no answers).
const submitted: RecordValues = {
  ...validSystem,
  verificationStatus: 'Submitted',
  triageAnswers: '{"scope_union":true,"art50_1":true}',
};
const independence = { submittedBy: custodian.email, allowSingleOfficer: false };

describe('AI verification decisions', () => {
  it('is a list only officers write, with a lookup into the AI registry', () => {
    expect(AI_VERIFICATIONS.writers).toBe('officers');
    expect(AI_VERIFICATIONS.fields.find((f) => f.name === 'system')?.lookupRegister).toBe('aiRegistry');
    expect(GOVERNANCE_LISTS.map((l) => l.listName)).toEqual([
      'AiVerifications',
      'ScorecardSnapshots',
      'GovernanceSettings',
      'GovernanceRoles',
      'ReminderOutcomes',
    ]);
  });

  it('fingerprints only the material fields, insensitive to data asset order', () => {
    const a = materialFingerprint({ ...validSystem, dataAssets: ['1', '2'] });
    expect(materialFingerprint({ ...validSystem, dataAssets: ['2', '1'], lastReviewed: '2026-01-01' })).toBe(
      a,
    );
    // Issue 17: the provider is material now.
    expect(materialFingerprint({ ...validSystem, dataAssets: ['1', '2'], provider: 'Other' })).not.toBe(a);
    expect(materialFingerprint({ ...validSystem, dataAssets: ['1', '2'], purpose: 'Else' })).not.toBe(a);
    expect(materialFingerprint({ ...validSystem, triageAnswers: '{"gpai":true,"art5_1_a":false}' })).toBe(
      materialFingerprint({ ...validSystem, triageAnswers: '{"art5_1_a":false,"gpai":true}' }),
    );
  });

  it('lets an officer verify a submitted system, and refuses a custodian', () => {
    const ok = decide({ id: '7', values: submitted }, 'submitted', 'verified', officer, {
      now: '2025-06-01T10:00:00.000Z',
      reviewBatch: '2025-06-01/x',
      independence,
    });
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    expect(ok.entry).toMatchObject({
      systemId: '7',
      decision: 'verified',
      tier: 'Limited',
      decidedBy: officer.email,
    });
    expect(ok.mirror).toMatchObject({ verificationStatus: 'Verified', verifiedOn: '2025-06-01' });
    expect(
      validateRecord(AI_VERIFICATIONS as never, entryValues(ok.entry, 'Case triage assistant'), {
        applyDefaults: false,
      }).ok,
    ).toBe(true);
    expect(
      decide({ id: '7', values: submitted }, 'submitted', 'verified', custodian, {
        now: '2025-06-01',
        independence,
      }),
    ).toEqual({
      ok: false,
      reason: 'officerOnly',
    });
    expect(
      decide({ id: '7', values: submitted }, 'submitted', 'changesRequested', officer, {
        now: '2025-06-01',
        independence,
      }),
    ).toEqual({
      ok: false,
      reason: 'commentRequired',
    });
    expect(
      decide({ id: '7', values: validSystem }, 'draft', 'verified', officer, {
        now: '2025-06-01',
        independence,
      }),
    ).toEqual({
      ok: false,
      reason: 'invalidTransition',
    });
  });

  const entry = (over: Partial<VerificationEntry>): VerificationEntry => ({
    systemId: '7',
    decision: 'verified',
    tier: 'Limited',
    comment: null,
    decidedBy: officer.email,
    decidedAt: '2025-06-01T10:00:00.000Z',
    fingerprint: materialFingerprint(validSystem),
    reviewBatch: null,
    ...over,
  });

  it.each([
    ['Draft', undefined, 'draft', false],
    ['Submitted', entry({}), 'submitted', false],
    ['Verified', entry({}), 'verified', false],
    ['Verified', undefined, 'submitted', true],
    ['Verified', entry({ fingerprint: 'deadbeef' }), 'submitted', true],
    ['Verified', entry({ decision: 'changesRequested' }), 'submitted', true],
    ['Changes requested', entry({ decision: 'changesRequested', comment: 'why' }), 'changesRequested', false],
    ['Changes requested', undefined, 'submitted', true],
  ] as const)('item says %s, latest decision %p: shows %s', (claimed, latest, state, unconfirmed) => {
    const d = deriveVerification({ ...validSystem, verificationStatus: claimed }, latest);
    expect(d.state).toBe(state);
    expect(d.unconfirmed).toBe(unconfirmed);
  });

  it('takes the latest decision per system, and ignores unusable items', () => {
    const latest = latestEntries([
      entry({ id: '1', decidedAt: '2025-06-01T10:00:00Z', decision: 'changesRequested' }),
      entry({ id: '3', decidedAt: '2025-06-02T10:00:00Z' }),
      entry({ id: '2', systemId: '8', decidedAt: '2025-06-03T10:00:00Z' }),
    ]);
    expect(latest.get('7')?.id).toBe('3');
    expect(latest.get('8')?.id).toBe('2');
    const record: DomainRecord = { id: '5', values: { decision: 'Maybe', system: '7', decidedAt: 'x' } };
    expect(entryFromRecord(record)).toBeUndefined();
    expect(
      entryFromRecord({ id: '6', values: entryValues(entry({}), 'S'), modifiedBy: 'X@example.org' })
        ?.decidedBy,
    ).toBe(officer.email);
  });

  it('builds the history from the item versions and the decisions, oldest first', () => {
    const v = (at: string, by: string, status: string, changed: string[] = ['verificationStatus']) => ({
      modifiedAt: at,
      modifiedBy: by,
      changedFields: changed,
      values: { ...validSystem, verificationStatus: status },
    });
    const versions = [
      v('2025-06-05T09:00:00Z', 'omar.haddad@example.org', 'Submitted', ['purpose', 'verificationStatus']),
      v('2025-06-04T09:00:00Z', officer.email, 'Verified'),
      v('2025-06-03T09:00:00Z', 'omar.haddad@example.org', 'Submitted'),
      v('2025-06-02T09:00:00Z', officer.email, 'Changes requested'),
      v('2025-06-01T09:00:00Z', 'omar.haddad@example.org', 'Submitted'),
      v('2025-05-30T09:00:00Z', 'omar.haddad@example.org', 'Draft', ['Title']),
    ];
    const history = verificationHistory(
      [
        entry({ decision: 'changesRequested', comment: 'Add oversight', decidedAt: '2025-06-02T08:59:00Z' }),
        entry({ decidedAt: '2025-06-04T08:59:00Z' }),
      ],
      versions,
    );
    expect(history.map((h) => [h.action, h.from, h.to, h.by.split('.')[0]])).toEqual([
      ['submit', 'draft', 'submitted', 'omar'],
      ['requestChanges', 'submitted', 'changesRequested', 'ines'],
      ['submit', 'changesRequested', 'submitted', 'omar'],
      ['verify', 'submitted', 'verified', 'ines'],
      ['materialChange', 'verified', 'submitted', 'omar'],
    ]);
    expect(history[1]?.comment).toBe('Add oversight');
    expect(history[4]?.comment).toBe('changed: purpose');
  });
});

describe('review batches', () => {
  it('groups an Excel push of many systems into one batch per submitter and day', () => {
    const systems = [
      ...Array.from({ length: 120 }, (_, i) => ({
        id: String(i + 1),
        values: { Title: `System ${String(i).padStart(3, '0')}`, mission: i % 2 ? 'colombia' : 'peru' },
        modifiedBy: 'Carlos.Mendoza@example.org',
        modifiedAt: `2025-06-03T10:${String(i % 60).padStart(2, '0')}:00Z`,
      })),
      {
        id: '500',
        values: { Title: 'Chat', mission: 'kenya' },
        modifiedBy: 'amina@example.org',
        modifiedAt: '2025-06-02T08:00:00Z',
      },
    ];
    const batches = reviewBatches(systems);
    expect(batches).toHaveLength(2);
    expect(batches[0]).toMatchObject({
      key: '2025-06-03/carlos.mendoza@example.org',
      day: '2025-06-03',
      missions: ['colombia', 'peru'],
    });
    expect(batches[0]?.systems).toHaveLength(120);
    expect(batches[0]?.systems[0]?.values.Title).toBe('System 000');
    expect(batches[1]?.submitter).toBe('amina@example.org');
  });
});

describe('scorecard snapshots and trend', () => {
  const card = (date: string, assets: RecordValues[]) =>
    toSnapshot(scorecard(DATA_INVENTORY, assets, { now: date, groupBy: 'mission' }));

  it('round-trips a snapshot through its list item, and rejects junk', () => {
    const s = card('2025-06-01', [validAsset]);
    expect(parseSnapshot(snapshotValues(s))).toEqual(s);
    expect(parseSnapshot({ data: '{"date":"x"}' })).toBeUndefined();
    expect(parseSnapshot({ data: 'not json' })).toBeUndefined();
    expect(snapshotDue(['2025-06-01/dataInventory/mission'], '2025-06-01', 'dataInventory', 'mission')).toBe(
      false,
    );
    expect(snapshotDue([], '2025-06-01', 'dataInventory', 'mission')).toBe(true);
  });

  it('gives one point per day, oldest first, overall or per group', () => {
    const stale = { ...validAsset, lastReviewed: '2020-01-01' };
    const snaps = [
      card('2025-06-03', [validAsset, stale]),
      card('2025-06-01', [validAsset]),
      card('2025-06-02', [stale]),
      card('2025-06-02', [validAsset]), // the later snapshot of a day wins
    ];
    const overall = scoreTrend(snaps, 'dataInventory', 'mission');
    expect(overall.map((p) => [p.date, p.meanScore])).toEqual([
      ['2025-06-01', 100],
      ['2025-06-02', 100],
      ['2025-06-03', 87.5],
    ]);
    expect(scoreTrend(snaps, 'dataInventory', 'mission', 'kenya')).toHaveLength(3);
    expect(scoreTrend(snaps, 'dataInventory', 'mission', 'peru')).toHaveLength(0);
    expect(scoreTrend(snaps, 'aiRegistry', 'mission')).toHaveLength(0);
  });
});

describe('health controls setting', () => {
  it('reads what it wrote, and falls back to the defaults on junk', () => {
    const controls = { ...DEFAULT_HEALTH_CONTROLS, target: 70, targetByMission: { kenya: 90 } };
    expect(healthControlsFrom(healthControlsValues(controls))).toEqual(controls);
    expect(healthControlsFrom({ value: '{"target": 500}' })).toEqual(DEFAULT_HEALTH_CONTROLS);
    expect(healthControlsFrom({ value: '{' })).toEqual(DEFAULT_HEALTH_CONTROLS);
    expect(healthControlsFrom(undefined)).toEqual(DEFAULT_HEALTH_CONTROLS);
  });
});

describe('duplicates', () => {
  const existing = [
    { id: '1', values: { Title: 'Case Triage Assistant', provider: 'Contoso AI', purpose: 'x' } },
    {
      id: '2',
      values: {
        Title: 'Helper',
        provider: 'Fabrikam',
        purpose: 'Summarises case notes for caseworkers in the field',
      },
    },
  ];
  it('warns on the same name, whatever the case and punctuation', () => {
    expect(likelyDuplicates({ Title: 'case-triage  assistant' }, existing)).toEqual([
      { id: '1', title: 'Case Triage Assistant', reasons: ['sameName'] },
    ]);
  });
  it('warns on the same provider and a similar purpose', () => {
    const m = likelyDuplicates(
      { Title: 'New', provider: 'fabrikam', purpose: 'Summarises case notes for caseworkers' },
      existing,
    );
    expect(m.map((x) => [x.id, x.reasons])).toEqual([['2', ['sameProviderAndPurpose']]]);
    expect(
      likelyDuplicates({ Title: 'New', provider: 'fabrikam', purpose: 'Translates radio' }, existing),
    ).toEqual([]);
  });
  it('does not match a record with itself', () => {
    expect(likelyDuplicates({ Title: 'Case Triage Assistant' }, existing, '1')).toEqual([]);
  });
});

describe('health across registers', () => {
  const assets = new Map<string, DomainRecord>([
    ['1', { id: '1', values: validAsset }],
    ['2', { id: '2', values: { ...validAsset, Title: 'Unclassified', sensitivity: null } }],
    ['3', { id: '3', values: { ...validAsset, Title: 'Stale', lastReviewed: '2020-01-01' } }],
  ]);
  it('lists unhealthy, unclassified and missing assets of a system', () => {
    const concerns = dataAssetConcerns({ ...validSystem, dataAssets: ['1', '2', '3', '9'] }, assets, {
      now: '2025-03-01',
    });
    expect(concerns.map((c) => [c.assetId, c.unclassified, c.unhealthy, c.missing])).toEqual([
      ['2', true, true, false],
      ['3', false, true, false],
      ['9', false, true, true],
    ]);
    expect(
      systemsWithDataConcerns(
        [
          { id: 'a', values: { ...validSystem, dataAssets: ['1'] } },
          { id: 'b', values: { ...validSystem, dataAssets: ['3'] } },
        ],
        assets,
        { now: '2025-03-01' },
      ),
    ).toEqual(new Set(['b']));
  });
});

describe('risk findings', () => {
  it('marks open treatments past due as overdue, never settled ones', () => {
    expect(overdueDays({ ...validRisk, dueDate: '2025-05-01' }, '2025-05-11')).toBe(10);
    expect(overdueDays({ ...validRisk, dueDate: '2025-05-11' }, '2025-05-11')).toBeNull();
    expect(overdueDays({ ...validRisk, dueDate: '2025-05-01', status: 'Closed' }, '2025-05-11')).toBeNull();
    expect(overdueDays(validRisk, '2025-05-11')).toBeNull();
  });
  it('filters by heat-map cell, inherent or residual', () => {
    const r = { ...validRisk, residualLikelihood: 2, residualImpact: 2 };
    expect(inCell(r, { likelihood: 4, impact: 3 }, false)).toBe(true);
    expect(inCell(r, { likelihood: 4, impact: 3 }, true)).toBe(false);
    expect(inCell(r, { likelihood: 2, impact: 2 }, true)).toBe(true);
  });
  it('creates one valid finding per assessed record, linked to it', () => {
    const findings = assessmentFindings(
      {
        title: 'No DPIA',
        description: 'No impact assessment on file.',
        likelihood: 3,
        impact: 4,
        owner: 'lucia.gomez@example.org',
      },
      [
        { register: 'dataInventory', id: '1', values: validAsset },
        { register: 'aiRegistry', id: '2', values: validSystem },
      ],
      '2025-06-01',
    );
    expect(findings).toHaveLength(2);
    expect(findings[0]).toMatchObject({
      relatedAsset: '1',
      mission: 'kenya',
      source: 'Assessment',
      Title: 'No DPIA — Registration database',
    });
    expect(findings[1]).toMatchObject({ relatedSystem: '2', mission: 'jordan' });
    for (const f of findings) expect(validateRecord(RISK_REGISTER, f).ok).toBe(true);
  });
});

describe('frameworks and awareness notes', () => {
  it('compares the five frameworks on every topic, in all four languages', () => {
    expect(FRAMEWORKS.map((f) => f.id)).toEqual([...FRAMEWORK_IDS]);
    expect(FRAMEWORK_TOPICS.map((x) => x.id)).toEqual([...FRAMEWORK_TOPIC_IDS]);
    for (const topic of FRAMEWORK_TOPICS)
      for (const locale of LOCALES) {
        expect(topic.label[locale].trim()).not.toBe('');
        for (const id of FRAMEWORK_IDS) expect(topic.cells[id][locale].trim()).not.toBe('');
      }
    for (const f of FRAMEWORKS) for (const locale of LOCALES) expect(f.name[locale]).not.toBe('');
  });
  it('cites articles as the domain reference does', () => {
    const en = FRAMEWORK_TOPICS.map((x) => x.cells.euAiAct.en);
    expect(en).toContain('Art 13, 50');
    expect(en).toContain('Art 10(2)(f), Art 27 FRIA');
    expect(en).toContain('Complaint right (Art 85), explanation (Art 86)');
  });
  it('has every awareness note in four languages, with refs the triage knows or Art numbers', () => {
    for (const id of AWARENESS_NOTE_IDS) {
      for (const locale of LOCALES) {
        const n = awarenessNote(id, locale);
        expect(n.title).not.toBe('');
        expect(n.body.length).toBeGreaterThan(40);
      }
      for (const ref of AWARENESS_NOTES[id].refs) expect(ref).toMatch(/^Art \d+(\(\d+\))?$/);
    }
    expect(ALL_GROUNDS).toContain('Art 50(1)');
  });
});

describe('CSV (pure, shared with the CLI)', () => {
  it('neutralises formulas and quotes', () => {
    expect(toCsv([['=SUM(A1)', 'a,b', -3, null]], { bom: false })).toBe(`'=SUM(A1),"a,b",-3,\r\n`);
  });
});

describe('schemas used by the views', () => {
  it('the AI registry fields the views rely on exist', () => {
    for (const name of [
      'purpose',
      'provider',
      'deploymentStatus',
      'dataAssets',
      'aiActRole',
      'humanOversight',
      'documentation',
      'triageAnswers',
      'riskTier',
      'gpai',
      'articles',
    ])
      expect(AI_REGISTRY.fields.some((f) => f.name === name)).toBe(true);
  });
});
