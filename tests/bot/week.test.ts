// Two simulated weeks (and their weekends) of hourly runs on the demo data, the clock fixed at every hour: every custodian and focal
// point with stale or incomplete records is reached in every demo time zone, at the policy's local hour on
// their working days, each record once per cadence, none skipped, and at most one digest a day.
import { dayNumber, localTime } from '../../src/bot/planner';
import { simulateHourlyRuns } from '../../src/bot/sending/simulate-runs';
import type { SimulationResult } from '../../src/bot/sending/simulate-runs';
import { expectedRecipients, homeMission, HOURS, people, policy, records, START, ZONES } from './demo-week';

let result: SimulationResult;
beforeAll(async () => {
  result = await simulateHourlyRuns({
    records,
    people,
    policy,
    missionTimeZones: ZONES,
    start: START,
    hours: HOURS,
  });
}, 120_000);

test('the demo data spans every mission time zone and has people with stale records in them', () => {
  const zones = new Set(result.sends.map((s) => s.timeZone));
  expect([...zones].sort()).toEqual([...new Set(ZONES.values())].sort());
  expect(expectedRecipients().size).toBeGreaterThan(40);
  expect(result.runs).toHaveLength(HOURS);
  expect(result.runs.every((r) => r.summary.outcome === 'completed')).toBe(true);
});

test('every person with stale or incomplete records is reached (people reached / people with stale records = 100%)', () => {
  const reached = new Set(result.sends.map((s) => s.recipient));
  const missing = [...expectedRecipients().keys()].filter((email) => !reached.has(email));
  expect(missing).toEqual([]);
});

test('each digest arrives at the local send hour, on a working day, in the person’s own zone', () => {
  const sendAt = Number(policy.sendAt.slice(0, 2));
  const late = result.sends.filter(
    (s) =>
      policy.quietDays.includes(s.localWeekday) ||
      s.localTime < policy.sendAt ||
      Number(s.localTime.slice(0, 2)) > sendAt ||
      s.localTime >= policy.workingHours.end,
  );
  expect(late).toEqual([]);
  // The zone: a focal point's mission's, else the mission of the records they keep (the demo's home mission).
  const wrongZone = result.sends.filter((s) => s.timeZone !== ZONES.get(homeMission.get(s.recipient) ?? ''));
  expect(wrongZone.map((s) => `${s.recipient} ${s.timeZone}`)).toEqual([]);
});

test('at most one digest per person and local day', () => {
  const seen = new Set<string>();
  const twice = result.sends.filter((s) => {
    const key = `${s.recipient} ${s.localDay}`;
    if (seen.has(key)) return true;
    seen.add(key);
    return false;
  });
  expect(twice).toEqual([]);
});

test('each record is listed once per cadence (7 days), none skipped, from its first working day on', () => {
  const byPair = new Map<string, string[]>();
  for (const s of result.sends)
    for (const key of s.recordKeys) {
      const pair = `${s.recipient} ${key}`;
      byPair.set(pair, [...(byPair.get(pair) ?? []), s.localDay]);
    }
  const problems: string[] = [];
  const endOf = (zone: string) => localTime(new Date(START.getTime() + (HOURS - 1) * 3_600_000), zone).date;
  for (const [email, keys] of expectedRecipients()) {
    const zone = ZONES.get(homeMission.get(email) ?? '') ?? 'UTC';
    for (const key of keys) {
      const days = byPair.get(`${email} ${key}`) ?? [];
      if (days.length === 0) {
        problems.push(`${email} ${key}: never listed`);
        continue;
      }
      for (let i = 1; i < days.length; i += 1)
        if (dayNumber(days[i]!) - dayNumber(days[i - 1]!) !== policy.cadenceDays)
          problems.push(`${email} ${key}: ${days.join(', ')}`);
      // The next one would fall after the window: none was skipped at the end.
      const last = days[days.length - 1]!;
      if (dayNumber(endOf(zone)) - dayNumber(last) >= policy.cadenceDays + 2)
        problems.push(`${email} ${key}: last on ${last}, window ends ${endOf(zone)}`);
    }
  }
  expect(problems).toEqual([]);
});
