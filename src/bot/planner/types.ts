// The planner's inputs and outputs. Plain data, independent of Graph and Teams, so the planner stays pure
// and the same plan drives the dry run, the ledger and the cards.
import type { Locale, RegisterId, ReviewCycle } from '../../domain/schema';

/** One register record, reduced to what reminders need (see from-domain.ts). */
export interface PlannerRecord {
  /** `${register}:${id}`: stable across runs; the ledger and the card actions use it. */
  readonly key: string;
  readonly register: RegisterId;
  readonly id: string;
  readonly title: string;
  readonly mission: string | null;
  /** The custodian's e-mail (lower case), or null when none is set. */
  readonly custodian: string | null;
  readonly lastReviewed: string | null;
  readonly cycle: ReviewCycle;
  /** 'YYYY-MM-DD': the day the review cycle lapses (lastReviewed + cycle); null when never reviewed. */
  readonly reviewDueOn: string | null;
  /** Names of required fields that are empty. */
  readonly missingFields: readonly string[];
}

export interface PlannerPerson {
  readonly email: string;
  readonly displayName: string;
  readonly locale: Locale;
  /** IANA time zone; falls back to the mission's, then the policy's. */
  readonly timeZone?: string;
  readonly missionId?: string;
  /** Missions this person is the focal point of. */
  readonly focalPointOf: readonly string[];
  readonly officer: boolean;
  /** False for people who left (their records count as having no custodian). */
  readonly active: boolean;
}

/** What happened to one record's reminders before this run (kept by the ledger). */
export interface ReminderHistory {
  readonly recordKey: string;
  /** Reminders sent since the record was last acknowledged. */
  readonly unanswered: number;
  readonly lastRemindedOn?: string;
  /** Reminders are suppressed before this day ('YYYY-MM-DD'). */
  readonly snoozedUntil?: string;
  readonly consecutiveSnoozes: number;
  /**
   * Focal point (e-mail) -> the day ('YYYY-MM-DD', their local day) the record was last escalated to them: an
   * escalation has its own cadence, so a focal point in another zone than the custodian still gets it.
   */
  readonly escalatedOn?: Readonly<Record<string, string>>;
}

export type ItemReason = 'stale' | 'incomplete' | 'neverReviewed';

export interface DigestItem {
  readonly record: PlannerRecord;
  readonly reasons: readonly ItemReason[];
  /** Days since the review lapsed (0 when the record is only incomplete). */
  readonly overdueDays: number;
  /** This run's reminder number for the record (1 for the first). */
  readonly reminderNumber: number;
  readonly canSnooze: boolean;
}

export interface Digest {
  readonly recipient: string;
  readonly displayName: string;
  readonly locale: Locale;
  readonly timeZone: string;
  /** The recipient's local day ('YYYY-MM-DD') the digest is for: one digest per person and local day. */
  readonly day: string;
  /** Records the recipient is custodian of. */
  readonly own: readonly DigestItem[];
  /** Records of the recipient's missions whose custodian has not acted after N reminders. */
  readonly escalated: readonly DigestItem[];
  /** Records of the recipient's missions with no (active) custodian. */
  readonly unowned: readonly DigestItem[];
}

/**
 * Why someone with something due gets nothing now: a quiet day or outside working hours in their zone, or
 * working hours but before the policy's local send time (a later hourly run the same day sends it).
 */
export type DeferReason = 'quietDay' | 'quietHours' | 'beforeSendTime';

export interface PlanInput {
  readonly records: readonly PlannerRecord[];
  readonly people: readonly PlannerPerson[];
  readonly history: ReadonlyMap<string, ReminderHistory>;
  /** The run's instant. */
  readonly now: Date;
  /** Mission id -> IANA time zone (from the reference catalogue). */
  readonly missionTimeZones?: ReadonlyMap<string, string>;
  /**
   * Person (e-mail) -> how many of their latest digests in a row could not be delivered (failed, or no
   * conversation): from the policy's failureEscalationThreshold on, their records escalate as if unanswered.
   */
  readonly undeliverable?: ReadonlyMap<string, number>;
}

export interface Plan {
  /** The run's day in the policy's time zone: the run id is derived from it. */
  readonly day: string;
  readonly digests: readonly Digest[];
  /** People with something due who are in quiet time now; a later run of the same day reaches them. */
  readonly deferred: readonly {
    readonly recipient: string;
    readonly reason: DeferReason;
    readonly items: number;
    /** The recipient's local day and zone (the run their digest will belong to). */
    readonly day: string;
    readonly timeZone: string;
    /** Their local time now, 'HH:MM' (for the report's reason). */
    readonly localTime: string;
  }[];
  /** Records past the governance threshold, or escalated where the mission has no focal point. */
  readonly governanceReport: readonly (DigestItem & { readonly why: 'unanswered' | 'noFocalPoint' })[];
  readonly stats: {
    readonly recordsConsidered: number;
    readonly itemsDue: number;
    readonly snoozed: number;
    readonly notYetDue: number;
  };
}
