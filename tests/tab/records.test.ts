import { DATA_INVENTORY } from '../../src/domain/registers';
import type { RecordValues } from '../../src/domain/schema/types';
import { EMPTY_FILTER, filterRows, sortRows } from '../../src/tab/records/filter';
import { resolvedChanges } from '../../src/domain/merge';
import { changesToSave, dirtyFields, mergeEdit } from '../../src/tab/records/record-edit';
import { toRows } from '../../src/tab/records/record-rows';

const choice = (name: string): string | null =>
  DATA_INVENTORY.fields.find((f) => f.name === name)?.choices?.[0] ?? null;
const base: RecordValues = {
  Title: 'Payroll',
  description: 'd',
  assetType: 'Dataset',
  mission: 'kenya',
  region: 'africa',
  domain: choice('domain'),
  location: choice('location'),
  owner: 'o@contoso.org',
  custodian: 'a@contoso.org',
  containsPersonalData: false,
  retention: '5 years',
  sensitivity: 'Internal',
  reviewCycle: 'Annual',
  lastReviewed: '2026-01-01',
};

describe('editing a record', () => {
  it('knows which fields changed and validates only those (plus their dependents)', () => {
    const draft = { retention: '7 years', Title: 'Payroll' };
    expect(dirtyFields(DATA_INVENTORY, base, draft)).toEqual(['retention']);
    const check = changesToSave(DATA_INVENTORY, base, draft);
    expect(check).toEqual({ ok: true, changes: { retention: '7 years' } });
    const bad = changesToSave(DATA_INVENTORY, base, { Title: '' });
    expect(bad.ok).toBe(false);
  });

  it('merges an edit with a newer version over the editable fields: asks only about fields both changed', () => {
    const mine = { retention: '7 years', sensitivity: 'Confidential', lastReviewed: '2026-06-01' };
    const current = {
      ...base,
      retention: '10 years',
      sensitivity: 'Confidential',
      description: 'changed by them',
      lastReviewed: '2026-05-30',
    };
    const merge = mergeEdit(DATA_INVENTORY, base, mine, current);
    expect(merge.conflicts).toEqual([
      { field: 'retention', base: base.retention ?? null, mine: '7 years', theirs: '10 years' },
    ]);
    expect(merge.theirChanges.map((c) => c.field)).toEqual(['description']);
    expect(resolvedChanges(merge, { retention: 'theirs' })).toEqual({});
    expect(resolvedChanges(merge, {})).toEqual({ retention: '7 years' });
  });
});

describe('filtering rows', () => {
  const entries = Array.from({ length: 30 }, (_, i) => ({
    register: 'dataInventory' as const,
    record: {
      id: String(i + 1),
      values: {
        ...base,
        Title: `Asset ${i}`,
        mission: i % 2 ? 'kenya' : 'jordan',
        region: i % 2 ? 'africa' : 'middleEastNorthAfrica',
        lastReviewed: i % 3 ? '2026-05-01' : '2020-01-01',
      },
    },
  }));
  const rows = toRows(entries, { now: '2026-06-01' });

  it('filters by mission, region, health and text', () => {
    expect(filterRows(rows, { ...EMPTY_FILTER, mission: 'kenya' })).toHaveLength(15);
    expect(filterRows(rows, { ...EMPTY_FILTER, region: 'middleEastNorthAfrica' })).toHaveLength(15);
    expect(filterRows(rows, { ...EMPTY_FILTER, health: 'attention' })).toHaveLength(10);
    expect(filterRows(rows, { ...EMPTY_FILTER, query: 'asset 1' }).map((r) => r.title)).toContain('Asset 12');
  });

  it('sorts worst first', () => {
    const sorted = sortRows(rows, 'health');
    expect(sorted[0]?.health.healthy).toBe(false);
    expect(sorted[sorted.length - 1]?.health.healthy).toBe(true);
  });
});
