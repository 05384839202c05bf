import { AI_REGISTRY } from '../../src/domain/registers';
import type { FieldDef, RegisterId } from '../../src/domain/schema/types';
import { decodeRow, recordToRow, valueToCell } from '../../src/addin/sheet/codec';
import { buildLayout } from '../../src/addin/sheet/layout';
import { lookupIssueMessage, parseLookupCell, type LookupTitles } from '../../src/addin/sheet/lookups';
import { planRows } from '../../src/addin/sync/diff';

const field = AI_REGISTRY.fields.find((f) => f.name === 'dataAssets') as FieldDef;
const titles: LookupTitles = new Map<RegisterId, Map<string, string>>([
  [
    'dataInventory',
    new Map([
      ['3', 'Beneficiary database'],
      ['7', 'Payroll'],
      ['8', 'payroll'],
    ]),
  ],
]);

describe('lookup cells', () => {
  it('shows "id – title", several separated by "; ", and the id alone when the title is unknown', () => {
    const layout = buildLayout(AI_REGISTRY, { locale: 'en' });
    expect(valueToCell(field, ['3', '12'], 'en', layout, titles)).toBe('3 – Beneficiary database; 12');
    expect(valueToCell(field, ['3'], 'en', layout)).toBe('3');
    expect(valueToCell(field, null, 'en', layout, titles)).toBe('');
  });

  it('reads ids, "id – title" and exact titles (case-insensitive) back as ids', () => {
    expect(parseLookupCell(field, '3 – Beneficiary database; 12', titles)).toEqual({
      ok: true,
      ids: ['3', '12'],
    });
    expect(parseLookupCell(field, ' BENEFICIARY  database ;3', titles)).toEqual({ ok: true, ids: ['3'] });
    expect(parseLookupCell(field, 5, titles)).toEqual({ ok: true, ids: ['5'] });
  });

  it('refuses unknown and ambiguous titles with a localised reason', () => {
    const unknown = parseLookupCell(field, '3; Nowhere', titles);
    expect(unknown.ok).toBe(false);
    if (unknown.ok) return;
    expect(unknown.issue).toMatchObject({ field: 'dataAssets', code: 'invalidLookup' });
    expect(unknown.issue.params).toMatchObject({ value: 'Nowhere', reason: 'unknownTitle' });
    expect(lookupIssueMessage(unknown.issue, 'fr', 'Actifs')).toMatch(/aucun élément.*« Nowhere »/);
    const ambiguous = parseLookupCell(field, 'PAYROLL', titles);
    expect(ambiguous.ok).toBe(false);
    if (ambiguous.ok) return;
    expect(ambiguous.issue.params.reason).toBe('ambiguousTitle');
    for (const locale of ['en', 'fr', 'es', 'ar'] as const)
      expect(lookupIssueMessage(ambiguous.issue, locale, 'X')).toContain('PAYROLL');
    expect(lookupIssueMessage({ field: 'x', code: 'required', params: {} }, 'en', 'X')).toBeUndefined();
  });

  it('decodes a row and sees no change when the pulled text is unchanged', () => {
    const layout = buildLayout(AI_REGISTRY, { locale: 'en' });
    const record = {
      id: '1',
      eTag: 'e1',
      values: { Title: 'Chatbot', mission: 'kenya', dataAssets: ['3', '12'] },
    };
    const row = recordToRow(layout, record, '', titles);
    const c = layout.fieldCols.get('dataAssets') ?? -1;
    expect(row[c]).toBe('3 – Beneficiary database; 12');
    const snapshot = {
      version: 1 as const,
      register: 'aiRegistry' as const,
      mission: 'kenya',
      locale: 'en' as const,
      pulledAt: '',
      deltaLink: '',
      records: { '1': { eTag: 'e1', values: record.values } },
      inFlightKeys: [],
    };
    expect(planRows(layout, [row], snapshot, { today: '2025-06-01', titles })[0]?.kind).toBe('unchanged');
    const edited = [...row];
    edited[c] = 'beneficiary database';
    expect(decodeRow(layout, edited, titles).values.dataAssets).toEqual(['3']);
    expect(planRows(layout, [edited], snapshot, { today: '2025-06-01', titles })[0]).toMatchObject({
      kind: 'update',
      changes: { dataAssets: ['3'] },
    });
    edited[c] = 'Unknown thing';
    expect(planRows(layout, [edited], snapshot, { today: '2025-06-01', titles })[0]?.kind).toBe('invalid');
  });
});
