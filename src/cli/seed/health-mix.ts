// How the demo data is spread across health states, relative to a reference date, so the scorecard,
// the reminders and the filters all have something to show.
import { REVIEW_CYCLE_MONTHS } from '../../domain/schema/types';
import type { ReviewCycle } from '../../domain/schema/types';
import { addDays, addMonths } from '../../domain/time';
import type { Rng } from './prng';

export type HealthIntent = 'healthy' | 'stale' | 'incomplete' | 'noCustodian';

/** Target shares: ~55% healthy, ~25% stale, ~15% incomplete, ~5% without a custodian. */
export const HEALTH_MIX: Readonly<Record<HealthIntent, number>> = {
  healthy: 0.55,
  stale: 0.25,
  incomplete: 0.15,
  noCustodian: 0.05,
};

/** Exactly `count` intents in the target proportions (largest remainder), shuffled. */
export function healthIntents(rng: Rng, count: number): HealthIntent[] {
  const entries = Object.entries(HEALTH_MIX) as [HealthIntent, number][];
  const exact = entries.map(([intent, share]) => ({ intent, exact: share * count }));
  const counts = exact.map((e) => ({ intent: e.intent, n: Math.floor(e.exact), rest: e.exact % 1 }));
  let missing = count - counts.reduce((sum, c) => sum + c.n, 0);
  for (const c of [...counts].sort((a, b) => b.rest - a.rest)) {
    if (missing-- <= 0) break;
    c.n++;
  }
  return rng.shuffle(counts.flatMap((c) => Array.from({ length: c.n }, () => c.intent)));
}

// Stale records lapsed by a few days (just due), weeks, months, or over a year (escalated).
const STALE_BUCKETS: readonly (readonly [number, number])[] = [
  [1, 7],
  [8, 30],
  [31, 90],
  [91, 400],
];

/** A lastReviewed date that is fresh (healthy) or lapsed (stale) for the given cycle at `today`. */
export function reviewedOn(rng: Rng, options: { today: string; cycle: ReviewCycle; stale: boolean }): string {
  const months = REVIEW_CYCLE_MONTHS[options.cycle];
  if (!options.stale) {
    // Any day inside the cycle, leaving at least a day before it lapses.
    return addDays(options.today, -rng.int(0, months * 28 - 1));
  }
  const [min, max] = rng.pick(STALE_BUCKETS);
  return addDays(addMonths(options.today, -months), -rng.int(min, max));
}
