// Health of a set of records, and the scorecard: the same figures per mission, region or domain.
import { MISSIONS, regionOfMission } from '../reference/missions';
import type { Mission } from '../reference/missions';
import type { DomainRecord, RecordValues, RegisterId, RegisterSchema } from '../schema/types';
import { toIsoDate } from '../time/dates';
import type { IsoDate } from '../time/dates';
import { DEFAULT_HEALTH_CONTROLS, HEALTH_CHECKS } from './controls';
import type { HealthCheckId, HealthControls } from './controls';
import { recordHealth } from './record-health';
import type { HealthOptions } from './record-health';

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

export const setHealth = (
  schema: RegisterSchema,
  records: readonly (DomainRecord | RecordValues)[],
  options: HealthOptions,
): SetHealth => {
  const healths = records.map((r) => recordHealth(schema, r, options));
  const n = healths.length;
  const share = (k: number): number | null => (n === 0 ? null : round(k / n, 4));
  const passRates = Object.fromEntries(
    HEALTH_CHECKS.map((id) => [id, share(healths.filter((h) => h.checks[id].pass).length)]),
  ) as Record<HealthCheckId, number | null>;
  const healthyCount = healths.filter((h) => h.healthy).length;
  return {
    count: n,
    meanScore: n === 0 ? null : round(healths.reduce((s, h) => s + h.score, 0) / n, 1),
    healthyCount,
    shareHealthy: share(healthyCount),
    passRates,
  };
};

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
  const groups = new Map<string, (DomainRecord | RecordValues)[]>();
  for (const r of records) {
    const key = groupKey(schema, valuesOf(r), options.groupBy, missions);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const rows = [...groups.entries()]
    .sort(([a], [b]) => (a === UNASSIGNED ? 1 : b === UNASSIGNED ? -1 : a.localeCompare(b)))
    .map(([key, rs]): ScorecardRow => {
      const h = setHealth(schema, rs, { ...options, controls });
      const target = targetFor(controls, options.groupBy, key);
      return { key, ...h, target, targetMet: h.meanScore !== null && h.meanScore >= target };
    });
  return {
    registerId: schema.id,
    groupBy: options.groupBy,
    asOf: toIsoDate(options.now),
    rows,
    overall: setHealth(schema, records, { ...options, controls }),
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
