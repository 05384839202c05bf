import {
  DEFAULT_REMINDER_POLICY,
  parseReminderPolicy,
  planDigests,
  toPlannerRecord,
  localTime,
} from '../../src/bot/planner';
import type { PlanInput, ReminderHistory, ReminderPolicy } from '../../src/bot/planner';
import { recordHealth } from '../../src/domain/health';
import { REGISTERS } from '../../src/domain/registers';
import { TEST_SCHEMA, domainRecord, person, plannerRecord } from './fixtures';

// Monday 2 June 2025, 10:00 UTC: a working day and hour in UTC.
const MONDAY_10_UTC = new Date('2025-06-02T10:00:00Z');
const policy: ReminderPolicy = DEFAULT_REMINDER_POLICY;

const input = (extra: Partial<PlanInput>): PlanInput => ({
  records: [],
  people: [person('amina@example.org'), person('fp@example.org', { focalPointOf: ['senegal'] })],
  history: new Map(),
  now: MONDAY_10_UTC,
  ...extra,
});

const history = (entries: ReminderHistory[]): Map<string, ReminderHistory> =>
  new Map(entries.map((e) => [e.recordKey, e]));

describe('review cycles from the schema', () => {
  test.each([
    ['Strictly confidential', {}, 'Quarterly', '2024-09-01'],
    ['Confidential', {}, 'Semi-annual', '2024-12-01'],
    ['Internal', { containsPersonalData: true, legalBasis: 'Consent' }, 'Semi-annual', '2024-12-01'],
    ['Public', {}, 'Annual', '2025-06-01'],
    ['Strictly confidential', { reviewCycle: 'Annual' }, 'Annual', '2025-06-01'],
  ])('%s %j -> %s, due %s', (sensitivity, extra, cycle, due) => {
    const record = toPlannerRecord(TEST_SCHEMA, domainRecord('1', { sensitivity, ...extra }), policy);
    expect(record?.cycle).toBe(cycle);
    expect(record?.reviewDueOn).toBe(due);
    expect(record?.missingFields).toEqual([]);
  });

  test('month ends clamp (31 Aug + 6 months = 28 Feb)', () => {
    const record = toPlannerRecord(
      TEST_SCHEMA,
      domainRecord('1', { sensitivity: 'Confidential', lastReviewed: '2024-08-31' }),
      policy,
    );
    expect(record?.reviewDueOn).toBe('2025-02-28');
  });

  test('policy cycle lengths override the domain defaults', () => {
    const p = parseReminderPolicy({ cycleMonths: { Quarterly: 1, 'Semi-annual': 6, Annual: 12 } });
    if (!p.ok) throw new Error(p.issues.join());
    const record = toPlannerRecord(
      TEST_SCHEMA,
      domainRecord('1', { sensitivity: 'Strictly confidential' }),
      p.value,
    );
    expect(record?.reviewDueOn).toBe('2024-07-01');
  });

  test('missing required fields, including conditional ones; system fields ignored', () => {
    const record = toPlannerRecord(
      TEST_SCHEMA,
      domainRecord('1', {
        retention: '',
        containsPersonalData: true,
        legalBasis: null,
        custodian: 'Amina@Example.org',
      }),
      policy,
    );
    expect(record?.missingFields).toEqual(['legalBasis', 'retention']);
    expect(record?.custodian).toBe('amina@example.org');
  });

  test('records never reviewed are due now', () => {
    const record = toPlannerRecord(TEST_SCHEMA, domainRecord('1', { lastReviewed: null }), policy);
    expect(record?.reviewDueOn).toBeNull();
    const plan = planDigests(input({ records: record ? [record] : [] }), policy);
    expect(plan.digests[0]?.own[0]?.reasons).toEqual(['neverReviewed']);
  });
});

describe('cadence', () => {
  test('not before the due day; first reminder on the due day', () => {
    const dayBefore = plannerRecord({ reviewDueOn: '2025-06-03' });
    const onTheDay = plannerRecord({ reviewDueOn: '2025-06-02' });
    const plan = planDigests(input({ records: [dayBefore, onTheDay] }), policy);
    expect(plan.digests).toHaveLength(1);
    expect(plan.digests[0]?.own.map((i) => i.record.key)).toEqual([onTheDay.key]);
    expect(plan.digests[0]?.own[0]).toMatchObject({ overdueDays: 0, reminderNumber: 1, reasons: ['stale'] });
  });

  test('then every 7 days (configurable)', () => {
    const r = plannerRecord({ reviewDueOn: '2025-05-01' });
    const at = (lastRemindedOn: string, p = policy) =>
      planDigests(
        input({
          records: [r],
          history: history([{ recordKey: r.key, unanswered: 1, lastRemindedOn, consecutiveSnoozes: 0 }]),
        }),
        p,
      );
    expect(at('2025-05-27').digests).toHaveLength(0);
    expect(at('2025-05-27').stats.notYetDue).toBe(1);
    expect(at('2025-05-26').digests[0]?.own[0]?.reminderNumber).toBe(2);
    const every3 = parseReminderPolicy({ cadenceDays: 3 });
    if (!every3.ok) throw new Error('policy');
    expect(at('2025-05-30', every3.value).digests).toHaveLength(1);
  });

  test('incomplete records are reminded even when their review is not due', () => {
    const r = plannerRecord({ reviewDueOn: '2026-01-01', missingFields: ['retention'] });
    const plan = planDigests(input({ records: [r] }), policy);
    expect(plan.digests[0]?.own[0]).toMatchObject({ reasons: ['incomplete'], overdueDays: 0 });
  });
});

describe('one digest per person, ordered by how overdue', () => {
  test('many records, one digest, most overdue first', () => {
    const records = [
      plannerRecord({ title: 'B', reviewDueOn: '2025-05-20' }),
      plannerRecord({ title: 'A', reviewDueOn: '2025-01-02' }),
      plannerRecord({ title: 'C', reviewDueOn: '2025-06-01', missingFields: ['retention'] }),
      plannerRecord({ title: 'D', custodian: 'other@example.org', reviewDueOn: '2025-01-01' }),
    ];
    const plan = planDigests(
      input({ records, people: [person('amina@example.org'), person('other@example.org')] }),
      policy,
    );
    expect(plan.digests.map((d) => d.recipient)).toEqual(['amina@example.org', 'other@example.org']);
    expect(plan.digests[0]?.own.map((i) => i.record.title)).toEqual(['A', 'B', 'C']);
    expect(plan.digests[0]?.own.map((i) => i.overdueDays)).toEqual([151, 13, 1]);
  });
});

describe('escalation', () => {
  const r = plannerRecord({ reviewDueOn: '2025-03-01' });
  const withUnanswered = (unanswered: number) =>
    planDigests(
      input({
        records: [r],
        history: history([
          { recordKey: r.key, unanswered, lastRemindedOn: '2025-05-20', consecutiveSnoozes: 0 },
        ]),
      }),
      policy,
    );

  test('below the threshold only the custodian hears of it', () => {
    const plan = withUnanswered(2);
    expect(plan.digests.map((d) => d.recipient)).toEqual(['amina@example.org']);
  });

  test('after 3 unanswered reminders the focal point gets it too', () => {
    const plan = withUnanswered(3);
    const fp = plan.digests.find((d) => d.recipient === 'fp@example.org');
    expect(fp?.escalated.map((i) => i.record.key)).toEqual([r.key]);
    expect(plan.digests.find((d) => d.recipient === 'amina@example.org')?.own[0]?.reminderNumber).toBe(4);
    expect(plan.governanceReport).toHaveLength(0);
  });

  test('after 3 more, the governance unit report lists it', () => {
    const plan = withUnanswered(6);
    expect(plan.governanceReport.map((i) => [i.record.key, i.why])).toEqual([[r.key, 'unanswered']]);
  });

  test('a focal point who is also the custodian gets it once', () => {
    const plan = planDigests(
      input({
        records: [r],
        people: [person('amina@example.org', { focalPointOf: ['senegal'] })],
        history: history([
          { recordKey: r.key, unanswered: 3, lastRemindedOn: '2025-05-20', consecutiveSnoozes: 0 },
        ]),
      }),
      policy,
    );
    expect(plan.digests).toHaveLength(1);
    expect(plan.digests[0]?.own).toHaveLength(1);
    expect(plan.digests[0]?.escalated).toHaveLength(0);
  });
});

describe('records with no custodian', () => {
  test('go to the mission focal point', () => {
    const none = plannerRecord({ custodian: null, reviewDueOn: '2025-05-01' });
    const left = plannerRecord({ custodian: 'left@example.org', reviewDueOn: '2025-05-01' });
    const plan = planDigests(
      input({
        records: [none, left],
        people: [
          person('fp@example.org', { focalPointOf: ['senegal'] }),
          person('left@example.org', { active: false }),
        ],
      }),
      policy,
    );
    expect(plan.digests).toHaveLength(1);
    expect(plan.digests[0]?.recipient).toBe('fp@example.org');
    expect(plan.digests[0]?.unowned.map((i) => i.record.key).sort()).toEqual([none.key, left.key].sort());
  });

  test('and to the governance report when the mission has no focal point', () => {
    const orphan = plannerRecord({ custodian: null, mission: 'nowhere', reviewDueOn: '2025-05-01' });
    const plan = planDigests(input({ records: [orphan] }), policy);
    expect(plan.digests).toHaveLength(0);
    expect(plan.governanceReport.map((i) => i.why)).toEqual(['noFocalPoint']);
  });
});

describe('snooze', () => {
  const r = plannerRecord({ reviewDueOn: '2025-05-01' });
  test('a snoozed record is left out until the snooze ends', () => {
    const h = (snoozedUntil: string) =>
      history([{ recordKey: r.key, unanswered: 0, snoozedUntil, consecutiveSnoozes: 1 }]);
    expect(planDigests(input({ records: [r], history: h('2025-06-10') }), policy).stats.snoozed).toBe(1);
    expect(planDigests(input({ records: [r], history: h('2025-06-02') }), policy).digests).toHaveLength(1);
  });
  test('at most twice in a row', () => {
    const plan = (n: number) =>
      planDigests(
        input({
          records: [r],
          history: history([{ recordKey: r.key, unanswered: 0, consecutiveSnoozes: n }]),
        }),
        policy,
      );
    expect(plan(1).digests[0]?.own[0]?.canSnooze).toBe(true);
    expect(plan(2).digests[0]?.own[0]?.canSnooze).toBe(false);
  });
});

describe('quiet days and hours in the recipient time zone', () => {
  const r = plannerRecord({ reviewDueOn: '2025-05-01' });
  const planAt = (now: string, timeZone: string) =>
    planDigests(
      input({ records: [r], now: new Date(now), people: [person('amina@example.org', { timeZone })] }),
      policy,
    );

  test.each([
    // 06:30 UTC Monday: before 08:00 in London (BST 07:30), working hours in Nairobi (09:30).
    ['2025-06-02T06:30:00Z', 'Europe/London', 'quietHours'],
    ['2025-06-02T06:30:00Z', 'Africa/Nairobi', undefined],
    // Friday 22:30 UTC is already Saturday 10:30 in Auckland: a quiet day there.
    ['2025-06-06T22:30:00Z', 'Pacific/Auckland', 'quietDay'],
    ['2025-06-06T14:00:00Z', 'America/New_York', undefined],
    // 18:00 is the end of the working day.
    ['2025-06-02T18:00:00Z', 'Africa/Dakar', 'quietHours'],
    // 08:30 is a working hour, but before the policy's local send time (09:00).
    ['2025-06-02T08:30:00Z', 'Africa/Dakar', 'beforeSendTime'],
    ['2025-06-02T09:00:00Z', 'Africa/Dakar', undefined],
  ])('%s in %s -> %s', (now, tz, reason) => {
    const plan = planAt(now, tz);
    if (reason) {
      expect(plan.digests).toHaveLength(0);
      expect(plan.deferred).toMatchObject([
        { recipient: 'amina@example.org', reason, items: 1, timeZone: tz },
      ]);
    } else {
      expect(plan.digests).toHaveLength(1);
      expect(plan.digests[0]?.timeZone).toBe(tz);
    }
  });

  test('the mission time zone is used when the person has none', () => {
    const plan = planDigests(
      input({
        records: [r],
        now: new Date('2025-06-02T06:30:00Z'),
        people: [person('amina@example.org', { timeZone: undefined, missionId: 'kenya' })],
        missionTimeZones: new Map([['kenya', 'Africa/Nairobi']]),
      }),
      policy,
    );
    expect(plan.digests[0]?.timeZone).toBe('Africa/Nairobi');
  });

  test('an invalid zone in a profile falls back instead of failing the run', () => {
    const plan = planDigests(
      input({ records: [r], people: [person('amina@example.org', { timeZone: 'Mars/Olympus' })] }),
      policy,
    );
    expect(plan.digests[0]?.timeZone).toBe('UTC');
  });

  test('localTime gives the weekday in the zone', () => {
    expect(localTime(new Date('2025-06-06T22:30:00Z'), 'Pacific/Auckland')).toEqual({
      date: '2025-06-07',
      weekday: 6,
      minutes: 10 * 60 + 30,
    });
  });
});

describe('policy as data', () => {
  test('defaults follow the governance rules', () => {
    expect(DEFAULT_REMINDER_POLICY).toMatchObject({
      cadenceDays: 7,
      escalationThreshold: 3,
      governanceThreshold: 3,
      snoozeDays: 14,
      maxConsecutiveSnoozes: 2,
      quietDays: [6, 7],
    });
  });
  test.each([
    [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
    [{ workingHours: { start: '18:00', end: '08:00' } }, 'workingHours'],
    [{ quietDays: [0] }, 'quietDays.0'],
    [{ cadenceDays: 0 }, 'cadenceDays'],
    [{ surprise: true }, '(policy)'],
  ])('%j is refused', (bad, path) => {
    const result = parseReminderPolicy(bad);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.join('\n')).toContain(path);
  });
});

describe('scale', () => {
  test('100,000 records and 5,000 custodians give one digest per person', () => {
    const people = Array.from({ length: 5000 }, (_, i) =>
      person(`c${i}@example.org`, {
        timeZone: ['UTC', 'Africa/Nairobi', 'America/Bogota', 'Asia/Amman'][i % 4],
      }),
    );
    people.push(person('fp@example.org', { focalPointOf: ['m0', 'm1', 'm2'] }));
    const records = Array.from({ length: 100_000 }, (_, i) =>
      plannerRecord({
        id: `r${i}`,
        custodian: i % 50 === 0 ? null : `c${i % 5000}@example.org`,
        mission: `m${i % 3}`,
        reviewDueOn: `2025-0${1 + (i % 9)}-1${i % 10}`,
        missingFields: i % 7 === 0 ? ['retention'] : [],
      }),
    );
    const hist = history(
      records
        .filter((_, i) => i % 5 === 0)
        .map((r, i) => ({
          recordKey: r.key,
          unanswered: i % 8,
          lastRemindedOn: '2025-05-20',
          consecutiveSnoozes: 0,
        })),
    );
    // The time it takes is a figure for bench/ (npm run bench), not an assertion: here, one digest a person.
    const plan = planDigests(
      { records, people, history: hist, now: new Date('2025-06-02T12:00:00Z') },
      policy,
    );
    expect(plan.digests.length + plan.deferred.length).toBeGreaterThan(4000);
    expect(new Set(plan.digests.map((d) => d.recipient)).size).toBe(plan.digests.length);
  });
});

describe('one judgment with the domain (recordHealth)', () => {
  test('cycle, due date and missing fields are recordHealth’s for the real registers', () => {
    const schema = REGISTERS.dataInventory;
    const values = {
      Title: 'Survey',
      custodian: 'amina@example.org',
      mission: 'senegal',
      sensitivity: 'Confidential',
      containsPersonalData: true,
      lastReviewed: '2024-08-31',
    };
    const record = toPlannerRecord(schema, { id: '7', values }, policy);
    const health = recordHealth(schema, values, { now: '2025-06-02' });
    expect(record?.cycle).toBe(health.checks.fresh.cycle);
    expect(record?.reviewDueOn).toBe(health.checks.fresh.dueOn);
    expect(record?.missingFields.length).toBeGreaterThan(0);
    for (const f of record?.missingFields ?? []) expect(health.checks.complete.missing).toContain(f);
  });
});
