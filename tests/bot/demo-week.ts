// The demo data as the reminder bot sees it, and who must hear of what in a window of hourly runs (worked out
// here, independently of the planner). Shared by tests/bot/week.test.ts and bench/bot.ts (people reached).
import { generateDemoData, demoRoleAssignments } from '../../src/cli/seed';
import { MISSIONS } from '../../src/domain/reference';
import { REGISTER_IDS, REGISTERS } from '../../src/domain/registers';
import { joinPeopleWithRoles } from '../../src/bot/directory';
import { addDays, DEFAULT_REMINDER_POLICY, toPlannerRecord } from '../../src/bot/planner';
import type { PlannerRecord } from '../../src/bot/planner';
import type { BotPerson } from '../../src/bot/people';

// From a Saturday 00:00 UTC (08:00 in Manila, UTC+8) to Sunday 23:00 UTC 16 days later: two weekends, two working weeks.
export const START = new Date('2025-05-31T00:00:00Z');
export const HOURS = 16 * 24;
export const ZONES = new Map(MISSIONS.map((m) => [m.id, m.timeZone]));
export const policy = DEFAULT_REMINDER_POLICY;

const demo = generateDemoData({ seed: 'governance-hub-demo', today: '2025-06-02' });
export const records: PlannerRecord[] = REGISTER_IDS.flatMap((register) =>
  demo.records[register].flatMap((r, i) => {
    const reduced = toPlannerRecord(REGISTERS[register], { id: String(i + 1), values: r.values }, policy);
    return reduced ? [reduced] : [];
  }),
);
// As the bot reads them in production: the site's users joined with GovernanceRoles (a custodian has no
// mission of their own: their zone comes from the mission most of their records belong to).
export const people: BotPerson[] = joinPeopleWithRoles(
  demo.people.map((p) => ({
    email: p.email,
    displayName: p.displayName,
    locale: p.preferredLanguage.slice(0, 2) as BotPerson['locale'],
    userId: `oid-${p.key}`,
    active: true,
  })),
  demoRoleAssignments(demo.people),
  ZONES,
);
export const homeMission = new Map(demo.people.map((p) => [p.email, p.missionId]));

/**
 * Who must hear of each record in a window of runs whose last working day (in every zone) is `lastDay`:
 * custodians of stale or incomplete records, else their mission's focal points. Worked out here, not by the planner.
 */
export const expectedRecipients = (
  lastDay = addDays(START.toISOString().slice(0, 10), 13),
): Map<string, Set<string>> => {
  const active = new Set(people.filter((p) => p.active).map((p) => p.email));
  const out = new Map<string, Set<string>>();
  for (const r of records) {
    const due = r.missingFields.length > 0 || r.reviewDueOn === null || r.reviewDueOn <= lastDay;
    if (!due) continue;
    const to =
      r.custodian && active.has(r.custodian)
        ? [r.custodian]
        : people.filter((p) => r.mission && p.focalPointOf.includes(r.mission)).map((p) => p.email);
    for (const email of to) {
      const set = out.get(email) ?? new Set<string>();
      set.add(r.key);
      out.set(email, set);
    }
  }
  return out;
};
