import {
  DEFAULT_HEALTH_CONTROLS,
  dueDate,
  parseHealthControls,
  recordHealth,
  reviewCycleFor,
  scorecard,
  setHealth,
  toSnapshot,
  UNASSIGNED,
} from '../../src/domain/health';
import type { HealthControls } from '../../src/domain/health';
import { REGISTERS } from '../../src/domain/registers';
import type { RecordValues } from '../../src/domain/schema/types';
import { addMonths, fromExcelSerial } from '../../src/domain/time/dates';
import { validAsset, validRisk, validSystem } from './fixtures';

const inv = REGISTERS.dataInventory;
const ai = REGISTERS.aiRegistry;
const risk = REGISTERS.riskRegister;

describe('dates', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-08-31', 6, '2026-02-28'],
    ['2025-11-15', 3, '2026-02-15'],
    ['2025-01-15', 12, '2026-01-15'],
  ])('%s + %i months = %s', (d, m, out) => expect(addMonths(d, m)).toBe(out));

  it.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [45658, '2025-01-01'],
  ])('Excel serial %i is %s', (s, d) => expect(fromExcelSerial(s)).toBe(d));
});

describe('review cycle', () => {
  it.each<[string, typeof inv, RecordValues, string]>([
    ['strictly confidential', inv, { sensitivity: 'Strictly confidential' }, 'Quarterly'],
    ['special categories', inv, { sensitivity: 'Internal', specialCategories: ['Health'] }, 'Quarterly'],
    ['confidential', inv, { sensitivity: 'Confidential' }, 'Semi-annual'],
    ['personal data', inv, { sensitivity: 'Internal', containsPersonalData: true }, 'Semi-annual'],
    ['internal', inv, { sensitivity: 'Internal', containsPersonalData: false }, 'Annual'],
    ['public', inv, { sensitivity: 'Public' }, 'Annual'],
    ['high-risk AI', ai, { riskTier: 'High' }, 'Quarterly'],
    ['prohibited AI', ai, { riskTier: 'Prohibited' }, 'Quarterly'],
    ['limited AI', ai, { riskTier: 'Limited' }, 'Annual'],
    ['untriaged AI', ai, {}, 'Annual'],
    ['open risk', risk, { status: 'Open' }, 'Quarterly'],
    ['closed risk', risk, { status: 'Closed' }, 'Annual'],
    ['explicit cycle wins', inv, { sensitivity: 'Public', reviewCycle: 'Quarterly' }, 'Quarterly'],
  ])('%s', (_n, schema, values, cycle) => expect(reviewCycleFor(schema, values)).toBe(cycle));

  it('computes the due date from the last review', () => {
    expect(dueDate(inv, validAsset)).toBe('2025-07-15');
    expect(dueDate(inv, { ...validAsset, lastReviewed: null })).toBeNull();
  });
});

describe('recordHealth', () => {
  it.each([
    ['on the due day', '2025-07-15', true, 0],
    ['the day before', '2025-07-14', true, 0],
    ['10 days late', '2025-07-25', false, 10],
    ['a year late', '2026-07-15', false, 365],
  ])('freshness %s', (_n, now, pass, overdue) => {
    const h = recordHealth(inv, validAsset, { now });
    expect(h.checks.fresh).toEqual({ pass, cycle: 'Semi-annual', dueOn: '2025-07-15', overdueDays: overdue });
    expect(h.score).toBe(pass ? 100 : 75);
    expect(h.healthy).toBe(pass);
    expect(h.reasons).toEqual(pass ? [] : [{ code: 'reviewOverdue', days: overdue, dueOn: '2025-07-15' }]);
  });

  it('takes now as a Date too (its UTC day)', () => {
    expect(
      recordHealth(inv, validAsset, { now: new Date('2025-07-25T23:59:00Z') }).checks.fresh.overdueDays,
    ).toBe(10);
  });

  it('accepts a DomainRecord', () => {
    expect(recordHealth(inv, { id: '1', values: validAsset }, { now: '2025-02-01' }).score).toBe(100);
  });

  it('reports missing fields, never reviewed, no owner and no classification', () => {
    const values = { ...validAsset, legalBasis: null, owner: null, sensitivity: null, lastReviewed: null };
    const h = recordHealth(inv, values, { now: '2025-02-01' });
    expect(h.score).toBe(0);
    expect(h.healthy).toBe(false);
    expect(h.checks.complete).toEqual({
      pass: false,
      missing: ['owner', 'sensitivity', 'legalBasis', 'lastReviewed'],
    });
    expect(h.checks.fresh).toEqual({ pass: false, cycle: 'Semi-annual', dueOn: null, overdueDays: null });
    expect(h.checks.owned).toEqual({ pass: false, reason: 'missing', fields: ['owner'] });
    expect(h.reasons).toEqual([
      { code: 'missingFields', fields: ['owner', 'sensitivity', 'legalBasis', 'lastReviewed'] },
      { code: 'neverReviewed' },
      { code: 'noOwner', fields: ['owner'] },
      { code: 'noClassification', fields: ['sensitivity'] },
    ]);
  });

  it('fails ownership when an owner has left', () => {
    const activePeople = new Set(['owner@example.org']);
    const h = recordHealth(inv, validAsset, { now: '2025-02-01', activePeople });
    expect(h.checks.owned).toEqual({ pass: false, reason: 'inactive', fields: ['custodian'] });
    expect(h.reasons).toEqual([
      { code: 'inactiveOwner', fields: ['custodian'], people: ['amina.diallo@example.org'] },
    ]);
    const all = new Set(['owner@example.org', 'amina.diallo@example.org']);
    expect(recordHealth(inv, validAsset, { now: '2025-02-01', activePeople: all }).checks.owned.pass).toBe(
      true,
    );
  });

  it('classifies AI systems by proposed tier and risks by their score', () => {
    expect(
      recordHealth(ai, { ...validSystem, riskTier: null }, { now: '2025-03-02' }).checks.classified,
    ).toEqual({
      pass: false,
      missing: ['riskTier'],
    });
    expect(
      recordHealth(risk, { ...validRisk, impact: null }, { now: '2025-02-02' }).checks.classified.missing,
    ).toEqual(['impact']);
  });

  it('applies weights, disabled checks and the healthy threshold', () => {
    const controls: HealthControls = {
      ...DEFAULT_HEALTH_CONTROLS,
      checks: {
        complete: { enabled: true, weight: 2 },
        fresh: { enabled: true, weight: 1 },
        owned: { enabled: true, weight: 1 },
        classified: { enabled: false, weight: 5 },
      },
      healthyThreshold: 75,
    };
    // Overdue (weight 1 of 4) and unclassified (not counted).
    const h = recordHealth(inv, { ...validAsset, sensitivity: null }, { now: '2025-08-01', controls });
    // complete fails too (sensitivity is required): passes = owned only = 1 of 4.
    expect(h.score).toBe(25);
    const h2 = recordHealth(inv, validAsset, { now: '2025-08-01', controls });
    expect(h2.score).toBe(75);
    expect(h2.healthy).toBe(true);
    expect(h2.reasons.map((r) => r.code)).toEqual(['reviewOverdue']);
    const third = recordHealth(inv, validAsset, {
      now: '2025-08-01',
      controls: { ...controls, checks: { ...controls.checks, complete: { enabled: true, weight: 1 } } },
    });
    // complete + owned pass: 2 of 3.
    expect(third.score).toBe(66.67);
    const heavy = recordHealth(inv, validAsset, {
      now: '2025-08-01',
      controls: { ...controls, checks: { ...controls.checks, fresh: { enabled: true, weight: 2 } } },
    });
    // complete (2) + owned (1) of 2 + 2 + 1.
    expect(heavy.score).toBe(60);
  });
});

describe('health controls', () => {
  it('accepts the defaults and rejects bad edits', () => {
    expect(parseHealthControls(DEFAULT_HEALTH_CONTROLS)).toEqual({
      ok: true,
      value: DEFAULT_HEALTH_CONTROLS,
    });
    const none = {
      ...DEFAULT_HEALTH_CONTROLS,
      checks: {
        complete: { enabled: false, weight: 1 },
        fresh: { enabled: true, weight: 0 },
        owned: { enabled: false, weight: 1 },
        classified: { enabled: false, weight: 1 },
      },
    };
    expect(parseHealthControls(none).ok).toBe(false);
    expect(parseHealthControls({ ...DEFAULT_HEALTH_CONTROLS, target: 120 }).ok).toBe(false);
    expect(parseHealthControls({ ...DEFAULT_HEALTH_CONTROLS, targetByMission: { kenya: -1 } }).ok).toBe(
      false,
    );
    expect(parseHealthControls({ ...DEFAULT_HEALTH_CONTROLS, extra: 1 }).ok).toBe(false);
    expect(parseHealthControls('nonsense').ok).toBe(false);
  });
});

describe('setHealth and scorecard (hand-computed)', () => {
  const now = '2025-08-01';
  // kenya: fresh (100) + overdue (75) + overdue, no owner so also incomplete (25) -> mean 66.7, 1 of 3 healthy
  // jordan: fresh (100) -> mean 100
  // no mission: unclassified and incomplete (50)
  const records: RecordValues[] = [
    { ...validAsset, lastReviewed: '2025-07-01' },
    { ...validAsset, lastReviewed: '2025-01-01' },
    { ...validAsset, lastReviewed: '2025-01-01', owner: null },
    { ...validAsset, mission: 'jordan', region: 'middleEastNorthAfrica', lastReviewed: '2025-06-01' },
    { ...validAsset, mission: null, region: null, sensitivity: null, lastReviewed: '2025-06-01' },
  ];

  it('aggregates a set', () => {
    expect(setHealth(inv, records, { now })).toEqual({
      count: 5,
      meanScore: 70, // (100 + 75 + 25 + 100 + 50) / 5
      healthyCount: 2,
      shareHealthy: 0.4,
      passRates: { complete: 0.6, fresh: 0.6, owned: 0.8, classified: 0.8 },
    });
    expect(setHealth(inv, [], { now })).toEqual({
      count: 0,
      meanScore: null,
      healthyCount: 0,
      shareHealthy: null,
      passRates: { complete: null, fresh: null, owned: null, classified: null },
    });
  });

  it('groups by mission with per-mission targets', () => {
    const controls = { ...DEFAULT_HEALTH_CONTROLS, targetByMission: { jordan: 100, kenya: 70 } };
    const card = scorecard(inv, records, { groupBy: 'mission', now, controls });
    expect(card.asOf).toBe(now);
    expect(
      card.rows.map((r) => [r.key, r.count, r.meanScore, r.shareHealthy, r.target, r.targetMet]),
    ).toEqual([
      ['jordan', 1, 100, 1, 100, true],
      ['kenya', 3, 66.7, 0.3333, 70, false],
      [UNASSIGNED, 1, 50, 0, 80, false],
    ]);
    expect(card.rows[1]?.passRates).toEqual({
      complete: 0.6667,
      fresh: 0.3333,
      owned: 0.6667,
      classified: 1,
    });
    expect(card.overall.meanScore).toBe(70);
  });

  it('groups by region (derived from the mission when empty) and by domain', () => {
    // The first record loses its region: still grouped under Africa, but now incomplete (75).
    const withoutRegion = records.map((r, i) => (i === 0 ? { ...r, region: null } : r));
    const card = scorecard(inv, withoutRegion, { groupBy: 'region', now });
    expect(card.rows.map((r) => [r.key, r.count, r.meanScore, r.targetMet])).toEqual([
      ['africa', 3, 58.3, false], // (75 + 75 + 25) / 3
      ['middleEastNorthAfrica', 1, 100, true],
      [UNASSIGNED, 1, 50, false],
    ]);
    const byDomain = scorecard(inv, records, { groupBy: 'domain', now });
    expect(byDomain.rows.map((r) => [r.key, r.count])).toEqual([['Beneficiary and case management', 5]]);
  });

  it('keeps a daily snapshot of the figures', () => {
    const snap = toSnapshot(scorecard(inv, records, { groupBy: 'mission', now }));
    expect(snap.date).toBe(now);
    expect(snap.registerId).toBe('dataInventory');
    expect(snap.rows[0]).toEqual({
      key: 'jordan',
      count: 1,
      meanScore: 100,
      shareHealthy: 1,
      passRates: { complete: 1, fresh: 1, owned: 1, classified: 1 },
      target: 80,
      targetMet: true,
    });
    expect(JSON.parse(JSON.stringify(snap))).toEqual(snap);
  });
});
