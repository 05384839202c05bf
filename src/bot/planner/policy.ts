// The reminder policy as data (governance-domain.md §5), validated with zod so a bad configuration is
// refused with a clear message instead of silently sending floods.
import { z } from 'zod';
import { REVIEW_CYCLES, REVIEW_CYCLE_MONTHS } from '../../domain/schema';
import { isValidTimeZone } from './dates';

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (24 h)');
const timeZone = z.string().refine(isValidTimeZone, 'unknown IANA time zone');

export const reminderPolicySchema = z
  .object({
    /** Months per review cycle; the cycle itself comes from each record (sensitivity, risk) via the domain. */
    cycleMonths: z
      .object(
        Object.fromEntries(REVIEW_CYCLES.map((c) => [c, z.number().int().min(1).max(60)])) as Record<
          (typeof REVIEW_CYCLES)[number],
          z.ZodNumber
        >,
      )
      .default({ ...REVIEW_CYCLE_MONTHS }),
    /** Days between reminders for the same record after the first (sent on the due day). */
    cadenceDays: z.number().int().min(1).max(90).default(7),
    /** Unanswered reminders before the mission focal point gets the record. */
    escalationThreshold: z.number().int().min(1).max(20).default(3),
    /** Further unanswered reminders before the governance unit's report lists it. */
    governanceThreshold: z.number().int().min(1).max(20).default(3),
    /** ISO weekdays (1 = Monday ... 7 = Sunday) on which nobody is messaged, in their own zone. */
    quietDays: z.array(z.number().int().min(1).max(7)).default([6, 7]),
    workingHours: z
      .object({ start: clock, end: clock })
      .refine((h) => h.start < h.end, 'workingHours.start must be before end')
      .default({ start: '08:00', end: '18:00' }),
    /**
     * The local hour at which each person gets their digest on a working day (in their own zone). Runs are
     * hourly: the first run at or after this time sends it; later runs of the same local day catch up.
     */
    sendAt: clock.default('09:00'),
    snoozeDays: z.number().int().min(1).max(90).default(14),
    maxConsecutiveSnoozes: z.number().int().min(0).max(10).default(2),
    /** Zone of the governance unit: the run's day (and so the run id) is taken there. */
    timeZone: timeZone.default('UTC'),
    /** Used for people whose zone is unknown (no mission time zone either). */
    defaultRecipientTimeZone: timeZone.default('UTC'),
    /**
     * Digest language for people whose Teams locale the bot has not seen yet (no installation or message
     * activity stored with their conversation reference).
     */
    defaultLocale: z.enum(['en', 'fr', 'es', 'ar']).default('en'),
    /** At most this many records are listed per section of a card (the rest are counted). */
    maxItemsPerCard: z.number().int().min(1).max(50).default(10),
    /**
     * Consecutive undeliverable digests (failed or not reachable) after which the person's records go to
     * their mission's focal point as escalations.
     */
    failureEscalationThreshold: z.number().int().min(1).max(20).default(3),
  })
  .strict()
  .refine((p) => p.sendAt >= p.workingHours.start && p.sendAt < p.workingHours.end, {
    message: 'sendAt must be inside workingHours',
    path: ['sendAt'],
  });

export type ReminderPolicy = z.infer<typeof reminderPolicySchema>;
export type ReminderPolicyInput = z.input<typeof reminderPolicySchema>;

export type PolicyResult = { ok: true; value: ReminderPolicy } | { ok: false; issues: readonly string[] };

/** Validates a policy; never throws. */
export const parseReminderPolicy = (input: unknown): PolicyResult => {
  const result = reminderPolicySchema.safeParse(input ?? {});
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((i) => `${i.path.join('.') || '(policy)'}: ${i.message}`),
  };
};

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = reminderPolicySchema.parse({});
