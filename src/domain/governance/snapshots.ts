// Daily scorecard snapshots, kept by the app in a list of the governance site (one item per day,
// register and grouping), read back for trends.
import { z } from 'zod';
import type { ScorecardGroupBy, ScorecardSnapshot } from '../health/scorecard';
import { t } from '../schema/localized';
import type { FieldDef, RecordValues, RegisterId } from '../schema/types';
import type { GovernanceListSchema } from './list-schema';

const fields: readonly FieldDef[] = [
  {
    name: 'Title',
    type: 'text',
    required: true,
    maxLength: 255,
    indexed: true,
    label: t('Snapshot', 'Instantané', 'Instantánea', 'لقطة'),
    help: t(
      'day/register/grouping',
      'jour/registre/regroupement',
      'día/registro/agrupación',
      'اليوم/السجل/التجميع',
    ),
  },
  {
    name: 'snapshotDate',
    type: 'date',
    required: true,
    indexed: true,
    label: t('Date', 'Date', 'Fecha', 'التاريخ'),
    help: t('Day of the snapshot.', 'Jour de l’instantané.', 'Día de la instantánea.', 'يوم اللقطة.'),
  },
  {
    name: 'data',
    type: 'note',
    required: true,
    format: 'json',
    label: t('Figures', 'Chiffres', 'Cifras', 'الأرقام'),
    help: t(
      'The scorecard as JSON.',
      'Le tableau de bord en JSON.',
      'El cuadro de mando en JSON.',
      'لوحة المؤشرات بصيغة JSON.',
    ),
  },
];

export const SCORECARD_SNAPSHOTS: GovernanceListSchema = {
  id: 'scorecardSnapshots',
  listName: 'ScorecardSnapshots',
  displayName: t(
    'Scorecard snapshots',
    'Instantanés du tableau de bord',
    'Instantáneas del cuadro de mando',
    'لقطات لوحة المؤشرات',
  ),
  description: t(
    'One item per day, register and grouping, for trends.',
    'Un élément par jour, registre et regroupement, pour les tendances.',
    'Un elemento por día, registro y agrupación, para las tendencias.',
    'عنصر واحد لكل يوم وسجل وتجميع، لعرض الاتجاهات.',
  ),
  fields,
  writers: 'members',
};

export const snapshotTitle = (date: string, registerId: RegisterId, groupBy: ScorecardGroupBy): string =>
  `${date}/${registerId}/${groupBy}`;

export const snapshotValues = (snapshot: ScorecardSnapshot): RecordValues => ({
  Title: snapshotTitle(snapshot.date, snapshot.registerId, snapshot.groupBy),
  snapshotDate: snapshot.date,
  data: JSON.stringify(snapshot),
});

const rate = z.number().min(0).max(1).nullable();
const passRates = z.object({ complete: rate, fresh: rate, owned: rate, classified: rate });
const setHealthShape = z.object({
  count: z.number().int().min(0),
  meanScore: z.number().nullable(),
  healthyCount: z.number().int().min(0),
  shareHealthy: rate,
  passRates,
});
const snapshotSchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  registerId: z.enum(['dataInventory', 'aiRegistry', 'riskRegister']),
  groupBy: z.enum(['mission', 'region', 'domain']),
  rows: z.array(
    z.object({
      key: z.string(),
      count: z.number().int().min(0),
      meanScore: z.number().nullable(),
      shareHealthy: rate,
      passRates,
      target: z.number(),
      targetMet: z.boolean(),
    }),
  ),
  overall: setHealthShape,
});

/** Reads a snapshot item; undefined when its JSON is not a snapshot (skipped, never thrown). */
export const parseSnapshot = (values: RecordValues): ScorecardSnapshot | undefined => {
  if (typeof values.data !== 'string') return undefined;
  try {
    const r = snapshotSchema.safeParse(JSON.parse(values.data));
    return r.success ? (r.data as ScorecardSnapshot) : undefined;
  } catch {
    return undefined;
  }
};

export interface TrendPoint {
  readonly date: string;
  readonly meanScore: number | null;
  readonly shareHealthy: number | null;
  readonly count: number;
}

/**
 * The trend of one register's score over days: overall, or one group (`key`). One point per day (the
 * last snapshot of a day wins), oldest first; a group missing on a day has no point that day.
 */
export const scoreTrend = (
  snapshots: readonly ScorecardSnapshot[],
  registerId: RegisterId,
  groupBy: ScorecardGroupBy,
  key?: string,
): readonly TrendPoint[] => {
  const byDay = new Map<string, TrendPoint>();
  for (const s of snapshots) {
    if (s.registerId !== registerId || s.groupBy !== groupBy) continue;
    const source = key === undefined ? s.overall : s.rows.find((r) => r.key === key);
    if (!source) continue;
    byDay.set(s.date, {
      date: s.date,
      meanScore: source.meanScore,
      shareHealthy: source.shareHealthy,
      count: source.count,
    });
  }
  return [...byDay.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
};

/** Whether today's snapshot for this register and grouping is still to be taken. */
export const snapshotDue = (
  existingTitles: readonly string[],
  date: string,
  registerId: RegisterId,
  groupBy: ScorecardGroupBy,
): boolean => !existingTitles.includes(snapshotTitle(date, registerId, groupBy));
