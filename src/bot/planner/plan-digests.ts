// The pure reminder planner: records + people + policy + history + now -> one digest per person.
// No I/O and no clock: the same input always gives the same plan (and the dry run prints it).
// Every person is judged on their own clock: their local day (cadence, snoozes, one digest a day), their
// working days and hours, and the policy's local send time. Runs are hourly, so each person is planned at the
// first run at or after their send time; the ones before it are "deferred" with the reason.
import { dayNumber, isValidTimeZone, localTime, parseClock } from './dates';
import type { LocalTime } from './dates';
import type { ReminderPolicy } from './policy';
import type {
  DeferReason,
  Digest,
  DigestItem,
  ItemReason,
  Plan,
  PlanInput,
  PlannerPerson,
  PlannerRecord,
  ReminderHistory,
} from './types';

interface Bucket {
  own: DigestItem[];
  escalated: DigestItem[];
  unowned: DigestItem[];
}

type GovernanceEntry = Plan['governanceReport'][number];

// Code-unit order: deterministic and far cheaper than localeCompare over 100,000 items.
const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const emptyBucket = (): Bucket => ({ own: [], escalated: [], unowned: [] });

/** Most overdue first; then incomplete before merely stale; then by title for a stable order. */
const byUrgency = (a: DigestItem, b: DigestItem): number =>
  b.overdueDays - a.overdueDays ||
  b.record.missingFields.length - a.record.missingFields.length ||
  compareStrings(a.record.title, b.record.title) ||
  compareStrings(a.record.key, b.record.key);

/**
 * A person's zone: their own (mailbox settings), else their mission's (a focal point's home mission, or the
 * mission most of the records they keep belong to), else the organisation's default.
 */
export const recipientTimeZone = (
  person: PlannerPerson,
  policy: ReminderPolicy,
  missionTimeZones?: ReadonlyMap<string, string>,
  recordsMission?: string,
): string => {
  // A bad zone in a profile must not stop the run: fall back to the mission's, then the policy's.
  if (person.timeZone && isValidTimeZone(person.timeZone)) return person.timeZone;
  const missionId = person.missionId ?? recordsMission;
  const mission = missionId ? missionTimeZones?.get(missionId) : undefined;
  return mission && isValidTimeZone(mission) ? mission : policy.defaultRecipientTimeZone;
};

const formatClock = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * Whether `now` is quiet time for someone in `timeZone`: a quiet day, outside working hours, or (unless
 * `ignoreSendTime`: finishing a digest already planned today) before the policy's local send time.
 */
export const quietReason = (
  now: Date | LocalTime,
  timeZone: string,
  policy: ReminderPolicy,
  options: { ignoreSendTime?: boolean } = {},
): DeferReason | undefined => {
  const local = now instanceof Date ? localTime(now, timeZone) : now;
  if (policy.quietDays.includes(local.weekday)) return 'quietDay';
  const start = parseClock(policy.workingHours.start);
  const end = parseClock(policy.workingHours.end);
  if (local.minutes < start || local.minutes >= end) return 'quietHours';
  if (!options.ignoreSendTime && local.minutes < parseClock(policy.sendAt)) return 'beforeSendTime';
  return undefined;
};

/** For each custodian without a mission of their own: the mission most of their records belong to. */
const missionsOfCustodians = (records: readonly PlannerRecord[]): Map<string, string> => {
  const counts = new Map<string, Map<string, number>>();
  for (const r of records) {
    if (!r.custodian || !r.mission) continue;
    let perMission = counts.get(r.custodian);
    if (!perMission) counts.set(r.custodian, (perMission = new Map()));
    perMission.set(r.mission, (perMission.get(r.mission) ?? 0) + 1);
  }
  const out = new Map<string, string>();
  for (const [email, perMission] of counts) {
    let best: [string, number] | undefined;
    for (const entry of perMission)
      if (!best || entry[1] > best[1] || (entry[1] === best[1] && entry[0] < best[0])) best = entry;
    if (best) out.set(email, best[0]);
  }
  return out;
};

export const planDigests = (input: PlanInput, policy: ReminderPolicy): Plan => {
  const day = localTime(input.now, policy.timeZone).date;
  const policyToday = dayNumber(day);

  const people = new Map<string, PlannerPerson>();
  const focalPoints = new Map<string, PlannerPerson[]>();
  for (const person of input.people) {
    if (!person.active) continue;
    people.set(person.email, person);
    for (const mission of person.focalPointOf) {
      const list = focalPoints.get(mission);
      if (list) list.push(person);
      else focalPoints.set(mission, [person]);
    }
  }

  // Each person's zone and local time, computed once.
  const recordsMission = missionsOfCustodians(input.records);
  const clocks = new Map<string, { zone: string; local: LocalTime; today: number }>();
  const clockOf = (person: PlannerPerson) => {
    let c = clocks.get(person.email);
    if (!c) {
      const zone = recipientTimeZone(
        person,
        policy,
        input.missionTimeZones,
        recordsMission.get(person.email),
      );
      const local = localTime(input.now, zone);
      c = { zone, local, today: dayNumber(local.date) };
      clocks.set(person.email, c);
    }
    return c;
  };
  /** Whether `last` (a local day) is at least a cadence before the person's today. */
  const cadenceDue = (person: PlannerPerson, last: string | undefined): boolean =>
    !last || clockOf(person).today - dayNumber(last) >= policy.cadenceDays;

  const buckets = new Map<string, Bucket>();
  const bucket = (email: string): Bucket => {
    let b = buckets.get(email);
    if (!b) {
      b = emptyBucket();
      buckets.set(email, b);
    }
    return b;
  };
  const governanceReport: GovernanceEntry[] = [];
  let snoozed = 0;
  let notYetDue = 0;
  let itemsDue = 0;
  const escalationAt = policy.escalationThreshold;
  const governanceAt = policy.escalationThreshold + policy.governanceThreshold;

  for (const record of input.records) {
    const reviewDue = record.reviewDueOn === null ? null : dayNumber(record.reviewDueOn);
    const neverReviewed = reviewDue === null || Number.isNaN(reviewDue);
    const custodian = record.custodian ? people.get(record.custodian) : undefined;
    const missionFocalPoints = record.mission ? (focalPoints.get(record.mission) ?? []) : [];
    // The people reminded of the record first: its custodian, else the mission's focal points.
    const primary = custodian ? [custodian] : missionFocalPoints;
    const today = primary[0] ? clockOf(primary[0]).today : policyToday;

    const stale = neverReviewed || today >= (reviewDue as number);
    const incomplete = record.missingFields.length > 0;
    if (!stale && !incomplete) continue;

    const history: ReminderHistory | undefined = input.history.get(record.key);
    if (history?.snoozedUntil && today < dayNumber(history.snoozedUntil)) {
      snoozed += 1;
      continue;
    }
    const unanswered = history?.unanswered ?? 0;
    const undeliverable = custodian ? (input.undeliverable?.get(custodian.email) ?? 0) : 0;
    // Unanswered reminders, or digests that cannot reach the custodian at all, hand the record up.
    const escalating =
      custodian !== undefined &&
      (unanswered >= escalationAt || undeliverable >= policy.failureEscalationThreshold);
    const primaryDue = primary.filter((p) => cadenceDue(p, history?.lastRemindedOn));
    const escalationDue = escalating
      ? missionFocalPoints.filter(
          (fp) => fp.email !== custodian.email && cadenceDue(fp, history?.escalatedOn?.[fp.email]),
        )
      : [];
    if (primary.length > 0 && primaryDue.length === 0 && escalationDue.length === 0) {
      notYetDue += 1;
      continue;
    }

    const reasons: ItemReason[] = [];
    if (neverReviewed) reasons.push('neverReviewed');
    else if (stale) reasons.push('stale');
    if (incomplete) reasons.push('incomplete');
    const item: DigestItem = {
      record,
      reasons,
      overdueDays: neverReviewed ? 0 : Math.max(0, today - (reviewDue as number)),
      reminderNumber: unanswered + 1,
      canSnooze: (history?.consecutiveSnoozes ?? 0) < policy.maxConsecutiveSnoozes,
    };
    itemsDue += 1;

    for (const p of primaryDue) bucket(p.email)[custodian ? 'own' : 'unowned'].push(item);
    for (const fp of escalationDue) bucket(fp.email).escalated.push(item);
    if (primaryDue.length > 0 || primary.length === 0) {
      if (missionFocalPoints.length === 0 && (!custodian || escalating))
        governanceReport.push({ ...item, why: 'noFocalPoint' });
      else if (unanswered >= governanceAt) governanceReport.push({ ...item, why: 'unanswered' });
    }
  }

  const digests: Digest[] = [];
  const deferred: Plan['deferred'][number][] = [];
  for (const [email, b] of buckets) {
    const person = people.get(email);
    if (!person) continue;
    const { zone, local } = clockOf(person);
    const quiet = quietReason(local, zone, policy);
    const count = b.own.length + b.escalated.length + b.unowned.length;
    if (quiet) {
      deferred.push({
        recipient: email,
        reason: quiet,
        items: count,
        day: local.date,
        timeZone: zone,
        localTime: formatClock(local.minutes),
      });
      continue;
    }
    digests.push({
      recipient: email,
      displayName: person.displayName,
      locale: person.locale,
      timeZone: zone,
      day: local.date,
      own: b.own.sort(byUrgency),
      escalated: b.escalated.sort(byUrgency),
      unowned: b.unowned.sort(byUrgency),
    });
  }
  digests.sort((a, b) => compareStrings(a.recipient, b.recipient));
  deferred.sort((a, b) => compareStrings(a.recipient, b.recipient));
  governanceReport.sort(byUrgency);

  return {
    day,
    digests,
    deferred,
    governanceReport,
    stats: { recordsConsidered: input.records.length, itemsDue, snoozed, notYetDue },
  };
};

/** Total records a digest lists. */
export const digestSize = (digest: Digest): number =>
  digest.own.length + digest.escalated.length + digest.unowned.length;
