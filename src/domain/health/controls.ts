// What counts towards a record's health. The governance unit edits these, so they are data, with a
// zod schema that checks an edited copy before it is saved.
import { z } from 'zod';

export const HEALTH_CHECKS = ['complete', 'fresh', 'owned', 'classified'] as const;
export type HealthCheckId = (typeof HEALTH_CHECKS)[number];

export interface HealthCheckControl {
  /** Whether the check counts towards the score at all. */
  readonly enabled: boolean;
  readonly weight: number;
}

export interface HealthControls {
  readonly checks: Readonly<Record<HealthCheckId, HealthCheckControl>>;
  /** A record is healthy when its score reaches this (100 = every counted check passes). */
  readonly healthyThreshold: number;
  /** Default target for a group's mean score (0-100). */
  readonly target: number;
  /** Per-mission targets, by mission id, overriding `target` when grouping by mission. */
  readonly targetByMission: Readonly<Record<string, number>>;
}

export const DEFAULT_HEALTH_CONTROLS: HealthControls = {
  checks: {
    complete: { enabled: true, weight: 1 },
    fresh: { enabled: true, weight: 1 },
    owned: { enabled: true, weight: 1 },
    classified: { enabled: true, weight: 1 },
  },
  healthyThreshold: 100,
  target: 80,
  targetByMission: {},
};

const percent = z.number().min(0).max(100);
const checkControl = z.object({ enabled: z.boolean(), weight: z.number().finite().min(0).max(100) });

export const healthControlsSchema = z
  .object({
    checks: z.object({
      complete: checkControl,
      fresh: checkControl,
      owned: checkControl,
      classified: checkControl,
    }),
    healthyThreshold: percent,
    target: percent,
    targetByMission: z.record(z.string().min(1), percent),
  })
  .strict()
  .refine((c) => HEALTH_CHECKS.some((id) => c.checks[id].enabled && c.checks[id].weight > 0), {
    message: 'At least one check must count, with a weight above zero',
    path: ['checks'],
  });

export type ParseControlsResult =
  | { readonly ok: true; readonly value: HealthControls }
  | { readonly ok: false; readonly issues: readonly { readonly path: string; readonly message: string }[] };

/** Checks controls edited by a user (e.g. read back from a settings list). Never throws. */
export const parseHealthControls = (input: unknown): ParseControlsResult => {
  const r = healthControlsSchema.safeParse(input);
  return r.success
    ? { ok: true, value: r.data }
    : { ok: false, issues: r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
};
