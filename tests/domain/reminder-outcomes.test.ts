import {
  LOCALES,
  REMINDER_OUTCOMES,
  parseReminderOutcome,
  reminderOutcomeKey,
  reminderOutcomeValues,
  reminderReport,
} from '../../src/domain';
import type { ReminderOutcome } from '../../src/domain';

const outcome = (extra: Partial<ReminderOutcome> & Pick<ReminderOutcome, 'recipient'>): ReminderOutcome => ({
  runId: 'remind-2025-06-02',
  runDate: '2025-06-02',
  mission: 'senegal',
  status: 'sent',
  records: 2,
  escalated: false,
  ...extra,
});

describe('ReminderOutcomes list schema', () => {
  test('is a governance list with an indexed key, run and person columns, labelled in every locale', () => {
    expect(REMINDER_OUTCOMES.listName).toBe('ReminderOutcomes');
    const byName = new Map(REMINDER_OUTCOMES.fields.map((f) => [f.name, f]));
    expect(byName.get('Title')?.indexed).toBe(true);
    expect(byName.get('runId')?.indexed).toBe(true);
    expect(byName.get('recipient')?.type).toBe('person');
    for (const f of REMINDER_OUTCOMES.fields)
      for (const l of LOCALES) expect(f.label[l].length).toBeGreaterThan(0);
    // The officers' group and the bot (site grant) write; custodians cannot rewrite their own status.
    expect(REMINDER_OUTCOMES.writers).toBe('officers');
  });

  test('values round-trip; the key is per run and recipient (case-insensitive)', () => {
    const o = outcome({
      recipient: 'Amina@Contoso.org',
      status: 'failed',
      failureReason: 'HTTP 403',
      actedAt: '2025-06-02T15:00:00.000Z',
    });
    const values = reminderOutcomeValues(o);
    expect(values.Title).toBe('remind-2025-06-02/amina@contoso.org');
    expect(reminderOutcomeKey(o.runId, 'AMINA@contoso.org')).toBe(values.Title);
    expect(parseReminderOutcome(values)).toEqual({ ...o, recipient: 'amina@contoso.org' });
  });

  test('items that are not outcomes are skipped', () => {
    expect(parseReminderOutcome({ runId: 'x' })).toBeUndefined();
    expect(
      parseReminderOutcome({ ...reminderOutcomeValues(outcome({ recipient: 'a@x' })), status: 'lost' }),
    ).toBeUndefined();
  });
});

describe('reminderReport', () => {
  test('per run and mission: reminded, acted, escalated, failed with reasons; newest run first', () => {
    const report = reminderReport([
      outcome({ recipient: 'b@x', status: 'acted', actedAt: '2025-06-02T15:00:00Z' }),
      outcome({ recipient: 'a@x', status: 'escalated', escalated: true }),
      outcome({ recipient: 'c@x', status: 'failed', failureReason: 'HTTP 403 Forbidden' }),
      outcome({ recipient: 'd@x', status: 'noConversation', failureReason: 'App not installed' }),
      outcome({ recipient: 'e@x', status: 'deferred' }),
      outcome({ recipient: 'f@x', mission: 'kenya' }),
      outcome({ recipient: 'g@x', mission: null, status: 'failed' }),
      outcome({ recipient: 'a@x', runId: 'remind-2025-06-09', runDate: '2025-06-09', status: 'sent' }),
    ]);
    expect(report.map((g) => `${g.runId}|${g.mission}`)).toEqual([
      'remind-2025-06-09|senegal',
      'remind-2025-06-02|kenya',
      'remind-2025-06-02|senegal',
      'remind-2025-06-02|',
    ]);
    const senegal = report[2]!;
    expect(senegal.reminded).toEqual(['a@x', 'b@x']);
    expect(senegal.acted).toEqual(['b@x']);
    expect(senegal.escalated).toEqual(['a@x']);
    expect(senegal.failed).toEqual([
      { recipient: 'c@x', reason: 'HTTP 403 Forbidden' },
      { recipient: 'd@x', reason: 'App not installed' },
    ]);
    expect(senegal.deferred).toEqual(['e@x']);
    expect(report[3]!.failed).toEqual([{ recipient: 'g@x', reason: 'failed' }]);
  });

  test('a duplicated item counts once (the last wins)', () => {
    const report = reminderReport([
      outcome({ recipient: 'a@x', status: 'sent' }),
      outcome({ recipient: 'A@x', status: 'acted' }),
    ]);
    expect(report[0]?.reminded).toEqual(['a@x']);
    expect(report[0]?.acted).toEqual(['a@x']);
  });
});
