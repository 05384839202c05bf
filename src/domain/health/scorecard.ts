// Health of a set of records, and the scorecard: the same figures per mission, region or domain.
import { MISSIONS, regionOfMission } from '../reference/missions';
import type { Mission } from '../reference/missions';
import type { DomainRecord, RecordValues, RegisterId, RegisterSchema } from '../schema/types';
import { toIsoDate } from '../time/dates';
import type { IsoDate } from '../time/dates';
import { DEFAULT_HEALTH_CONTROLS, HEALTH_CHECKS } from './controls';
import type { HealthCheckId, HealthControls } from './controls';
import { recordHealth } from './record-health';
import type { HealthOptions, RecordHealth } from './record-health';

export interface SetHealth {
  readonly count: number;
  /** Mean of the records' scores, one decimal; null for an empty set. */
  readonly meanScore: number | null;
  readonly healthyCount: number;
  /** Share of healthy records, 0-1 (four decimals); null for an empty set. */
  readonly shareHealthy: number | null;
  /** Per check, the share of records passing it, 0-1 (four decimals); null for an empty set. */
  readonly passRates: Readonly<Record<HealthCheckId, number | null>>;
}

export type ScorecardGroupBy = 'mission' | 'region' | 'domain';

/** Records with nothing in the grouping field are gathered under this key. */
export const UNASSIGNED = '(unassigned)';

export interface ScorecardRow extends SetHealth {
  readonly key: string;
  readonly target: number;
  /** meanScore >= target (false for an empty group). */
  readonly targetMet: boolean;
}

export interface Scorecard {
  readonly registerId: RegisterId;
  readonly groupBy: ScorecardGroupBy;
  readonly asOf: IsoDate;
  readonly rows: readonly ScorecardRow[];
  readonly overall: SetHealth;
}

export interface ScorecardOptions extends HealthOptions {
  readonly groupBy: ScorecardGroupBy;
  readonly missions?: readonly Mission[];
}

const round = (n: number, digits: number): number => Math.round(n * 10 ** digits) / 10 ** digits;

const valuesOf = (r: DomainRecord | RecordValues): RecordValues =>
  'values' in r && typeof r.values === 'object' && r.values !== null && !Array.isArray(r.values)
    ? (r as DomainRecord).values
    : (r as RecordValues);

/** The figures of a set from its records' healths (each record judged once, however many sets it counts in). */
const aggregate = (healths: readonly RecordHealth[]): SetHealth => {
  const n = healths.length;
  const share = (k: number): number | null => (n === 0 ? null : round(k / n, 4));
  const passing = Object.fromEntries(HEALTH_CHECKS.map((id) => [id, 0])) as Record<HealthCheckId, number>;
  let healthyCount = 0;
  let scoreSum = 0;
  for (const h of healths) {
    for (const id of HEALTH_CHECKS) if (h.checks[id].pass) passing[id] += 1;
    if (h.healthy) healthyCount += 1;
    scoreSum += h.score;
  }
  const passRates = Object.fromEntries(HEALTH_CHECKS.map((id) => [id, share(passing[id])])) as Record<
    HealthCheckId,
    number | null
  >;
  return {
    count: n,
    meanScore: n === 0 ? null : round(scoreSum / n, 1),
    healthyCount,
    shareHealthy: share(healthyCount),
    passRates,
  };
};

export const setHealth = (
  schema: RegisterSchema,
  records: readonly (DomainRecord | RecordValues)[],
  options: HealthOptions,
): SetHealth => aggregate(records.map((r) => recordHealth(schema, r, options)));

const groupKey = (
  schema: RegisterSchema,
  values: RecordValues,
  groupBy: ScorecardGroupBy,
  missions: readonly Mission[],
): string => {
  const str = (f: string | undefined): string | undefined => {
    const v = f ? values[f] : undefined;
    return typeof v === 'string' && v !== '' ? v : undefined;
  };
  if (groupBy === 'mission') return str(schema.missionField) ?? UNASSIGNED;
  if (groupBy === 'domain') return str(schema.domainField) ?? UNASSIGNED;
  const mission = str(schema.missionField);
  return str(schema.regionField) ?? (mission && regionOfMission(mission, missions)) ?? UNASSIGNED;
};

export const targetFor = (controls: HealthControls, groupBy: ScorecardGroupBy, key: string): number =>
  (groupBy === 'mission' ? controls.targetByMission[key] : undefined) ?? controls.target;

export const scorecard = (
  schema: RegisterSchema,
  records: readonly (DomainRecord | RecordValues)[],
  options: ScorecardOptions,
): Scorecard => {
  const controls = options.controls ?? DEFAULT_HEALTH_CONTROLS;
  const missions = options.missions ?? MISSIONS;
  const healthOptions = { ...options, controls };
  // Linear in records: each record is judged once and pushed into its group's array.
  const all: RecordHealth[] = [];
  const groups = new Map<string, RecordHealth[]>();
  for (const r of records) {
    const health = recordHealth(schema, r, healthOptions);
    all.push(health);
    const key = groupKey(schema, valuesOf(r), options.groupBy, missions);
    const group = groups.get(key);
    if (group) group.push(health);
    else groups.set(key, [health]);
  }
  const rows = [...groups.entries()]
    .sort(([a], [b]) => (a === UNASSIGNED ? 1 : b === UNASSIGNED ? -1 : a.localeCompare(b)))
    .map(([key, healths]): ScorecardRow => {
      const h = aggregate(healths);
      const target = targetFor(controls, options.groupBy, key);
      return { key, ...h, target, targetMet: h.meanScore !== null && h.meanScore >= target };
    });
  return {
    registerId: schema.id,
    groupBy: options.groupBy,
    asOf: toIsoDate(options.now),
    rows,
    overall: aggregate(all),
  };
};

/** One day's scorecard, kept for trends (one snapshot per register, grouping and day). */
export interface ScorecardSnapshot {
  readonly date: IsoDate;
  readonly registerId: RegisterId;
  readonly groupBy: ScorecardGroupBy;
  readonly rows: readonly {
    readonly key: string;
    readonly count: number;
    readonly meanScore: number | null;
    readonly shareHealthy: number | null;
    readonly passRates: Readonly<Record<HealthCheckId, number | null>>;
    readonly target: number;
    readonly targetMet: boolean;
  }[];
  readonly overall: SetHealth;
}

export const toSnapshot = (card: Scorecard): ScorecardSnapshot => ({
  date: card.asOf,
  registerId: card.registerId,
  groupBy: card.groupBy,
  rows: card.rows.map(({ key, count, meanScore, shareHealthy, passRates, target, targetMet }) => ({
    key,
    count,
    meanScore,
    shareHealthy,
    passRates,
    target,
    targetMet,
  })),
  overall: card.overall,
});
