import { MemoryWorkbook } from '../../src/addin/excel/memory-workbook';
import { enterCell, isoDateToSerial, serialToIsoDate } from '../../src/addin/excel/cell-entry';
import { TEXT_FORMAT, type TableSetup } from '../../src/addin/excel/workbook-port';

const setup: TableSetup = {
  sheetName: 'Inventory',
  tableName: 'GH_DataInventory',
  protect: true,
  columns: [
    { header: 'Name', numberFormat: TEXT_FORMAT },
    { header: 'Sensitivity', numberFormat: TEXT_FORMAT, listValidation: ['Public', 'Internal'] },
    { header: 'Last reviewed', numberFormat: 'yyyy-mm-dd' },
    { header: 'Count', numberFormat: '0' },
    { header: 'id', numberFormat: TEXT_FORMAT, hidden: true },
  ],
};

describe('cell entry rules (what Excel does with an entry)', () => {
  it.each([
    ['=1+1', 'General', '#NAME?', '=1+1'],
    ['+CMD', 'General', '#NAME?', '=+CMD'],
    ['-2+3', 'General', '#NAME?', '=-2+3'],
    ['@SUM(A1)', 'General', '#NAME?', '=@SUM(A1)'],
    ["'=1+1", 'General', '=1+1', undefined],
    ['=1+1', TEXT_FORMAT, '=1+1', undefined],
    ['@home', TEXT_FORMAT, '@home', undefined],
    ['42', 'General', 42, undefined],
    ['42', TEXT_FORMAT, '42', undefined],
    ['-5', 'General', -5, undefined],
    ['TRUE', 'General', true, undefined],
    ['2024-03-01', 'yyyy-mm-dd', 45352, undefined],
    ['2024-02-30', 'yyyy-mm-dd', '2024-02-30', undefined],
  ])('%s in a %s cell', (entry, format, value, formula) => {
    const stored = enterCell(entry, format);
    expect(stored.value).toBe(value);
    expect(stored.formula).toBe(formula);
  });

  it('converts dates both ways', () => {
    expect(isoDateToSerial('1900-03-01')).toBe(61);
    expect(serialToIsoDate(45352)).toBe('2024-03-01');
    expect(serialToIsoDate(isoDateToSerial('2031-12-31') ?? 0)).toBe('2031-12-31');
  });
});

describe('MemoryWorkbook', () => {
  it('creates a table with one empty body row, grows it on write and reads values back', async () => {
    const wb = new MemoryWorkbook();
    await wb.createTable(setup);
    expect(await wb.getTable('GH_DataInventory')).toMatchObject({
      rowCount: 1,
      headers: setup.columns.map((c) => c.header),
    });
    await wb.writeRows('GH_DataInventory', 0, [
      ['=HYPERLINK("http://evil")', 'Public', '2024-03-01', '12', '7'],
      ['Payroll', 'Internal', '', 3, '8'],
    ]);
    const rows = await wb.readRows('GH_DataInventory');
    expect(rows).toEqual([
      ['=HYPERLINK("http://evil")', 'Public', 45352, 12, '7'],
      ['Payroll', 'Internal', '', 3, '8'],
    ]);
    expect(wb.formulaAt('GH_DataInventory', 0, 0)).toBeUndefined();
    expect(await wb.readRows('GH_DataInventory', 1, 5)).toHaveLength(1);
  });

  it('refuses typing into hidden columns of a protected sheet, outside dropdowns, and below a protected table', async () => {
    const wb = new MemoryWorkbook();
    await wb.createTable(setup);
    const edits: unknown[] = [];
    await wb.onEdited('GH_DataInventory', (c) => edits.push(...c));
    expect(wb.enter('GH_DataInventory', 0, 4, '99')).toEqual({ ok: false, reason: 'locked' });
    expect(wb.enter('GH_DataInventory', 0, 1, 'Secret')).toEqual({ ok: false, reason: 'notInList' });
    expect(wb.enter('GH_DataInventory', 1, 0, 'x')).toEqual({ ok: false, reason: 'locked' });
    expect(wb.enter('GH_DataInventory', 0, 1, 'Public')).toEqual({ ok: true });
    expect(wb.enter('GH_DataInventory', 0, 0, '=2*3')).toEqual({ ok: true });
    expect(edits).toEqual([
      { row: 0, col: 1 },
      { row: 0, col: 0 },
    ]);
    // A Text column keeps a typed formula as text.
    expect((await wb.readRows('GH_DataInventory'))[0]?.[0]).toBe('=2*3');
  });

  it('lets a person add a row by typing under an unprotected table', async () => {
    const wb = new MemoryWorkbook();
    await wb.createTable({ ...setup, protect: false });
    expect(wb.enter('GH_DataInventory', 1, 0, 'New')).toEqual({ ok: true });
    expect((await wb.getTable('GH_DataInventory'))?.rowCount).toBe(2);
  });

  it('marks, clears, deletes rows (marks move with their rows) and keeps document state', async () => {
    const wb = new MemoryWorkbook();
    await wb.createTable(setup);
    await wb.writeRows('GH_DataInventory', 0, [['a'], ['b'], ['c']]);
    await wb.markCells('GH_DataInventory', [{ row: 2, col: 0, fill: '#FFC7CE', note: 'Required' }]);
    await wb.deleteRows('GH_DataInventory', [0]);
    const view = wb.view()[0];
    expect(view?.rows.map((r) => r.values[0])).toEqual(['b', 'c']);
    expect(view?.rows[1]?.notes[0]).toBe('Required');
    await wb.clearMarks('GH_DataInventory');
    expect(wb.view()[0]?.rows[1]?.fills[0]).toBeNull();
    await wb.saveState('snapshot', '{"a":1}');
    expect(await wb.loadState('snapshot')).toBe('{"a":1}');
    expect(await wb.loadState('other')).toBeUndefined();
  });

  it('replaces a table on the same sheet', async () => {
    const wb = new MemoryWorkbook();
    await wb.createTable(setup);
    await wb.writeRows('GH_DataInventory', 0, [['a'], ['b']]);
    await wb.createTable(setup);
    expect(await wb.readRows('GH_DataInventory')).toEqual([['', '', '', '', '']]);
  });
});
