// The 5x5 risk matrix (governance-domain.md §4). Bands are configuration: organisations tune them.
import { z } from 'zod';
import { t } from '../schema/localized';
import type { Localized, RecordValues } from '../schema/types';

export const RISK_BAND_IDS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskBandId = (typeof RISK_BAND_IDS)[number];

export interface RiskBand {
  readonly id: RiskBandId;
  /** Inclusive score range. */
  readonly min: number;
  readonly max: number;
  readonly label: Localized;
}

// 15 and 16 are high; 17-19 cannot occur (no product of two numbers from 1 to 5 gives them).
export const DEFAULT_RISK_BANDS: readonly RiskBand[] = [
  { id: 'low', min: 1, max: 4, label: t('Low', 'Faible', 'Bajo', 'منخفض') },
  { id: 'medium', min: 5, max: 9, label: t('Medium', 'Moyen', 'Medio', 'متوسط') },
  { id: 'high', min: 10, max: 16, label: t('High', 'Élevé', 'Alto', 'مرتفع') },
  { id: 'critical', min: 20, max: 25, label: t('Critical', 'Critique', 'Crítico', 'حرج') },
];

export const LIKELIHOOD_LABELS: readonly Localized[] = [
  t('Rare', 'Rare', 'Raro', 'نادر'),
  t('Unlikely', 'Peu probable', 'Improbable', 'غير مرجَّح'),
  t('Possible', 'Possible', 'Posible', 'ممكن'),
  t('Likely', 'Probable', 'Probable', 'مرجَّح'),
  t('Almost certain', 'Presque certain', 'Casi seguro', 'شبه مؤكد'),
];

export const IMPACT_LABELS: readonly Localized[] = [
  t('Negligible', 'Négligeable', 'Insignificante', 'ضئيل'),
  t('Minor', 'Mineur', 'Menor', 'طفيف'),
  t('Moderate', 'Modéré', 'Moderado', 'متوسط'),
  t('Major', 'Majeur', 'Mayor', 'كبير'),
  t('Severe', 'Grave', 'Grave', 'جسيم'),
];

const isLevel = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 5;

/** likelihood x impact (1-25), or null unless both are whole numbers from 1 to 5. */
export const riskScore = (likelihood: unknown, impact: unknown): number | null =>
  isLevel(likelihood) && isLevel(impact) ? likelihood * impact : null;

export const riskBand = (
  score: number | null,
  bands: readonly RiskBand[] = DEFAULT_RISK_BANDS,
): RiskBand | null => (score === null ? null : (bands.find((b) => score >= b.min && score <= b.max) ?? null));

/** Every score the matrix can produce. */
export const POSSIBLE_SCORES: readonly number[] = [
  ...new Set([1, 2, 3, 4, 5].flatMap((l) => [1, 2, 3, 4, 5].map((i) => l * i))),
].sort((a, b) => a - b);

const band = z.object({
  id: z.enum(RISK_BAND_IDS),
  min: z.number().int().min(1).max(25),
  max: z.number().int().min(1).max(25),
  label: z.object({
    en: z.string().min(1),
    fr: z.string().min(1),
    es: z.string().min(1),
    ar: z.string().min(1),
  }),
});

/** Edited bands must be ordered, non-overlapping, and give every possible score exactly one band. */
export const riskBandsSchema = z
  .array(band)
  .min(1)
  .refine((bs) => bs.every((b) => b.min <= b.max), { message: 'A band ends before it starts' })
  .refine((bs) => bs.every((b, i) => i === 0 || b.min > (bs[i - 1]?.max ?? 0)), {
    message: 'Bands must be in order and must not overlap',
  })
  .refine((bs) => POSSIBLE_SCORES.every((s) => bs.filter((b) => s >= b.min && s <= b.max).length === 1), {
    message: 'Every possible score (1-25) must fall in exactly one band',
  });

export type HeatMap = readonly (readonly number[])[];

export interface HeatMapOptions {
  /** Count the residual scores instead of the inherent ones. */
  readonly residual?: boolean;
}

/**
 * Counts records per cell: `cells[likelihood - 1][impact - 1]`. Records without a complete score are
 * counted in `unscored`.
 */
export const heatMap = (
  records: readonly RecordValues[],
  options: HeatMapOptions = {},
): { readonly cells: HeatMap; readonly unscored: number } => {
  const [lf, imf] = options.residual ? ['residualLikelihood', 'residualImpact'] : ['likelihood', 'impact'];
  const cells = Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]);
  let unscored = 0;
  for (const r of records) {
    const l = r[lf];
    const i = r[imf];
    const row = isLevel(l) && isLevel(i) ? cells[l - 1] : undefined;
    if (row && isLevel(i)) row[i - 1] = (row[i - 1] ?? 0) + 1;
    else unscored++;
  }
  return { cells, unscored };
};

/** How many records fall in each band (inherent or residual). */
export const bandCounts = (
  records: readonly RecordValues[],
  options: HeatMapOptions & { readonly bands?: readonly RiskBand[] } = {},
): Readonly<Record<RiskBandId | 'unscored', number>> => {
  const [lf, imf] = options.residual ? ['residualLikelihood', 'residualImpact'] : ['likelihood', 'impact'];
  const counts: Record<RiskBandId | 'unscored', number> = {
    low: 0,
    medium: 0,
    high: 0,
    critical: 0,
    unscored: 0,
  };
  for (const r of records) {
    const b = riskBand(riskScore(r[lf], r[imf]), options.bands);
    counts[b ? b.id : 'unscored']++;
  }
  return counts;
};
