// Diffing the sheet against the pulled snapshot and mapping domain validation onto cells (pure: no Excel, no Graph).
import { DATA_INVENTORY } from '../../src/domain/registers';
import { formatIssue } from '../../src/domain/validation/messages';
import { decodeRow, recordToRow } from '../../src/addin/sheet/codec';
import { buildLayout, headersMatch } from '../../src/addin/sheet/layout';
import { planRows } from '../../src/addin/sync/diff';
import type { Snapshot } from '../../src/addin/sync/snapshot';
import { asset } from './harness';

const schema = DATA_INVENTORY;
const layout = buildLayout(schema, { locale: 'fr' });
const col = (field: string) => layout.fieldCols.get(field) ?? -1;
const record = { id: '7', eTag: '"e,1"', values: asset(7) };
const snapshot: Snapshot = {
  version: 1,
  register: 'dataInventory',
  mission: 'kenya',
  locale: 'fr',
  pulledAt: '2025-06-01T00:00:00Z',
  deltaLink: '',
  records: { '7': { eTag: '"e,1"', values: record.values } },
  inFlightKeys: [],
};
const pulledRow = () => recordToRow(layout, record);
const plan = (rows: (string | number | boolean)[][]) =>
  planRows(layout, rows, snapshot, { today: '2025-06-01' });

describe('sheet layout and codec', () => {
  it('derives localised headers, dropdowns, formats and hidden id columns from the schema', () => {
    const sensitivity = layout.columns[col('sensitivity')];
    expect(sensitivity?.setup.header).toBe('Sensibilité *');
    expect(sensitivity?.setup.listValidation).toContain('Confidentiel');
    expect(layout.columns[col('lastReviewed')]?.setup.numberFormat).toBe('yyyy-mm-dd');
    expect(layout.columns[col('description')]?.setup.numberFormat).toBe('@');
    expect(layout.columns[col('lastReviewedBy')]?.setup.locked).toBe(true);
    expect(
      [layout.idCol, layout.eTagCol, layout.clientKeyCol].map((i) => layout.columns[i]?.setup.hidden),
    ).toEqual([true, true, true]);
    expect(layout.fieldCols.has('clientKey')).toBe(false);
    expect(
      headersMatch(
        layout,
        buildLayout(schema, { locale: 'ar' }).columns.map((c) => c.setup.header),
      ),
    ).toBe(true);
  });

  it('writes labels in the user language, dates as Excel serials, people as e-mail; reads them back', () => {
    const row = pulledRow();
    expect(row[col('sensitivity')]).toBe('Confidentiel');
    expect(row[col('containsPersonalData')]).toBe('Non');
    expect(row[col('lastReviewed')]).toBe(45672);
    expect(row[col('custodian')]).toBe('amina.diallo@contoso.org');
    expect(row[layout.idCol]).toBe('7');
    const decoded = decodeRow(layout, row);
    expect(decoded.issues).toEqual([]);
    expect(decoded.values).toMatchObject({
      sensitivity: 'Confidential',
      containsPersonalData: false,
      lastReviewed: '2025-01-15',
    });
  });
});

describe('planRows', () => {
  it('leaves a pulled row alone and sends only the changed, normalised fields', () => {
    expect(plan([pulledRow()])[0]?.kind).toBe('unchanged');
    const row = pulledRow();
    row[col('containsPersonalData')] = 'oui';
    row[col('legalBasis')] = 'Consentement';
    row[col('dataSubjects')] = 'Personnel';
    row[col('retention')] = '7 years after case closure'; // same as pulled
    expect(plan([row])[0]).toEqual({
      kind: 'update',
      row: 0,
      id: '7',
      eTag: '"e,1"',
      changes: { containsPersonalData: true, legalBasis: 'Consent', dataSubjects: ['Staff'] },
    });
  });

  it('maps unreadable cells and failed rules to the cells, with the reason in the user language', () => {
    const row = pulledRow();
    row[col('custodian')] = 'not-an-email';
    row[col('containsPersonalData')] = 'Oui'; // personal data now: legal basis becomes required
    const [p] = plan([row]);
    expect(p?.kind).toBe('invalid');
    if (p?.kind !== 'invalid') return;
    expect(p.issues.map((i) => [i.field, i.code])).toEqual([['custodian', 'invalidEmail']]);
    expect(formatIssue(p.issues[0]!, 'fr', schema)).toMatch(/not-an-email/);
    const other = pulledRow();
    other[col('containsPersonalData')] = 'Oui';
    const [q] = plan([other]);
    expect(q?.kind === 'invalid' && q.issues.map((i) => [i.field, i.code])).toEqual([
      ['dataSubjects', 'required'],
      ['legalBasis', 'required'],
    ]);
  });

  it('creates new rows with the mission and today filled in, deletes marked rows, flags foreign and duplicated ids', () => {
    const fresh = recordToRow(layout, { values: { ...asset(8), mission: null, lastReviewed: null } });
    const marked = pulledRow();
    marked[layout.actionCol] = 'Supprimer';
    const foreign = pulledRow();
    foreign[layout.idCol] = '999';
    const blank = layout.columns.map(() => '');
    const plans = plan([fresh, marked, pulledRow(), foreign, blank]);
    expect(plans.map((p) => p.kind)).toEqual(['create', 'delete', 'unknown', 'unknown', 'blank']);
    expect(plans[0]?.kind === 'create' && plans[0].values).toMatchObject({
      mission: 'kenya',
      region: 'africa',
      lastReviewed: '2025-06-01',
    });
    expect(plans[2]).toMatchObject({ reason: 'duplicate' });
    expect(plans[3]).toMatchObject({ reason: 'notPulled' });
  });
});
