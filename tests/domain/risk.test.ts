import {
  DEFAULT_RISK_BANDS,
  POSSIBLE_SCORES,
  bandCounts,
  heatMap,
  riskBand,
  riskBandsSchema,
  riskScore,
} from '../../src/domain/risk';
import type { RecordValues } from '../../src/domain/schema/types';

describe('risk score and bands', () => {
  it.each([
    [1, 1, 1, 'low'],
    [2, 2, 4, 'low'],
    [1, 5, 5, 'medium'],
    [3, 3, 9, 'medium'],
    [2, 5, 10, 'high'],
    [3, 5, 15, 'high'],
    [4, 4, 16, 'high'],
    [4, 5, 20, 'critical'],
    [5, 5, 25, 'critical'],
  ])('%i x %i = %i (%s)', (l, i, score, band) => {
    expect(riskScore(l, i)).toBe(score);
    expect(riskBand(riskScore(l, i))?.id).toBe(band);
  });

  it.each([
    [0, 3],
    [6, 1],
    [2.5, 2],
    ['3', 3],
    [null, 2],
  ])('no score for %p x %p', (l, i) => {
    expect(riskScore(l, i)).toBeNull();
    expect(riskBand(riskScore(l, i))).toBeNull();
  });

  it('knows the 14 scores a 5x5 matrix can produce', () => {
    expect(POSSIBLE_SCORES).toEqual([1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 16, 20, 25]);
  });

  it('uses configured bands', () => {
    const strict = [
      { ...DEFAULT_RISK_BANDS[0]!, max: 2 },
      { ...DEFAULT_RISK_BANDS[1]!, min: 3, max: 6 },
      { ...DEFAULT_RISK_BANDS[2]!, min: 8, max: 12 },
      { ...DEFAULT_RISK_BANDS[3]!, min: 15, max: 25 },
    ];
    expect(riskBandsSchema.safeParse(strict).success).toBe(true);
    expect(riskBand(15, strict)?.id).toBe('critical');
    expect(riskBand(15)?.id).toBe('high');
  });

  it.each([
    ['the defaults', DEFAULT_RISK_BANDS, true],
    [
      'a gap over a possible score',
      [{ ...DEFAULT_RISK_BANDS[0]!, max: 3 }, ...DEFAULT_RISK_BANDS.slice(1)],
      false,
    ],
    [
      'an overlap',
      [DEFAULT_RISK_BANDS[0]!, { ...DEFAULT_RISK_BANDS[1]!, min: 4 }, ...DEFAULT_RISK_BANDS.slice(2)],
      false,
    ],
    [
      'a reversed band',
      [{ ...DEFAULT_RISK_BANDS[0]!, min: 4, max: 1 }, ...DEFAULT_RISK_BANDS.slice(1)],
      false,
    ],
    ['no bands', [], false],
  ])('validates bands: %s', (_n, bands, ok) => {
    expect(riskBandsSchema.safeParse(bands).success).toBe(ok);
  });
});

describe('heat map', () => {
  const records: RecordValues[] = [
    { likelihood: 4, impact: 3, residualLikelihood: 2, residualImpact: 3 },
    { likelihood: 4, impact: 3 },
    { likelihood: 5, impact: 5, residualLikelihood: 5, residualImpact: 4 },
    { likelihood: 1, impact: null },
  ];

  it('counts records per cell', () => {
    const { cells, unscored } = heatMap(records);
    expect(cells[3]?.[2]).toBe(2);
    expect(cells[4]?.[4]).toBe(1);
    expect(cells.flat().reduce((a, b) => a + b, 0)).toBe(3);
    expect(unscored).toBe(1);
  });

  it('counts residual scores on request', () => {
    const { cells, unscored } = heatMap(records, { residual: true });
    expect(cells[1]?.[2]).toBe(1);
    expect(cells[4]?.[3]).toBe(1);
    expect(unscored).toBe(2);
  });

  it('counts bands', () => {
    expect(bandCounts(records)).toEqual({ low: 0, medium: 0, high: 2, critical: 1, unscored: 1 });
    expect(bandCounts(records, { residual: true })).toEqual({
      low: 0,
      medium: 1,
      high: 0,
      critical: 1,
      unscored: 2,
    });
  });
});
