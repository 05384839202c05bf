// One contract suite, two ports (as Azurite runs one suite against its stores): everything the add-in relies on from
// a workbook, checked against the in-memory workbook and against the office.js adapter over the Excel fake
// (fake-excel.ts). A behaviour that holds on one port and not the other is a defect of the fake or of the adapter.
import { MemoryWorkbook } from '../../src/addin/excel/memory-workbook';
import { NOTE_PREFIX, createOfficeWorkbook } from '../../src/addin/excel/office-workbook';
import {
  ExcelApiError,
  PAYLOAD_BUDGET_BYTES,
  TEXT_FORMAT,
  chunkByPayload,
  type CellValue,
  type TableSetup,
  type WorkbookPort,
} from '../../src/addin/excel/workbook-port';
import { FakeExcel } from './fake-excel';

/** A port and what a person can do to the same workbook. */
interface Subject {
  readonly port: WorkbookPort;
  type(table: string, row: number, col: number, text: string): Promise<boolean>;
  sort(table: string, col: number): boolean;
  resize(table: string, col: number, width: number): boolean;
  unhide(table: string, col: number): boolean;
  renameSheet(from: string, to: string): boolean;
  addSheet(name: string): boolean;
  sheetNames(): string[];
  handlers(table: string): number;
  note(table: string, row: number, col: number): string | null;
  fill(table: string, row: number, col: number): string | null;
  headerReadingOrder(table: string): string;
  largestPayload(): number;
}

const memorySubject = (): Subject => {
  const wb = new MemoryWorkbook();
  const view = (table: string) => wb.view().find((v) => v.tableName === table);
  return {
    port: wb,
    type: async (t, r, c, text) => wb.enter(t, r, c, text).ok,
    sort: (t, c) => wb.sort(t, c).ok,
    resize: (t, c, w) => wb.resizeColumn(t, c, w).ok,
    unhide: (t, c) => wb.unhideColumn(t, c).ok,
    renameSheet: (a, b) => wb.renameSheet(a, b).ok,
    addSheet: (n) => wb.addSheet(n).ok,
    sheetNames: () => wb.sheetNames(),
    handlers: (t) => wb.listenerCount(t),
    note: (t, r, c) => view(t)?.rows[r]?.notes[c] ?? null,
    fill: (t, r, c) => view(t)?.rows[r]?.fills[c] ?? null,
    headerReadingOrder: (t) => view(t)?.headerReadingOrder ?? '',
    largestPayload: () => wb.stats.largestRequest,
  };
};

const officeSubject = (): Subject => {
  const excel = new FakeExcel();
  return {
    port: createOfficeWorkbook({ run: excel.run }),
    type: (t, r, c, text) => excel.edit(t, r, c, text),
    sort: (t, c) => excel.sort(t, c),
    resize: (t, c, w) => excel.resizeColumn(t, c, w),
    unhide: (t, c) => excel.unhideColumn(t, c),
    renameSheet: (a, b) => excel.renameSheet(a, b),
    addSheet: (n) => excel.addSheet(n),
    sheetNames: () => excel.sheetNames().filter((n) => !n.startsWith('GH_')),
    handlers: (t) => excel.handlerCount(t),
    note: (t, r, c) => excel.noteAt(t, r, c)?.replace(NOTE_PREFIX, '') ?? null,
    fill: (t, r, c) => excel.fillAt(t, r, c),
    headerReadingOrder: (t) => excel.headerReadingOrder(t),
    largestPayload: () => Math.max(excel.stats.largestRequest, excel.stats.largestResponse),
  };
};

const TABLE = 'GH_DataInventory';
const setup = (extra: Partial<TableSetup> = {}): TableSetup => ({
  sheetName: 'Data inventory',
  tableName: TABLE,
  protect: true,
  columns: [
    { header: 'Action', numberFormat: TEXT_FORMAT, listValidation: ['Delete'] },
    { header: 'Name', numberFormat: TEXT_FORMAT, width: 180 },
    { header: 'Sensitivity', numberFormat: TEXT_FORMAT, listValidation: ['Public', 'Internal'] },
    { header: 'Last reviewed', numberFormat: 'yyyy-mm-dd' },
    { header: 'Count', numberFormat: '0' },
    { header: 'Verification', numberFormat: TEXT_FORMAT, locked: true },
    { header: '_id', numberFormat: TEXT_FORMAT, hidden: true },
    { header: '_eTag', numberFormat: TEXT_FORMAT, hidden: true },
  ],
  ...extra,
});

const errorOf = async (promise: Promise<unknown>): Promise<ExcelApiError> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ExcelApiError) return error;
    throw error;
  }
  throw new Error('expected an Excel error');
};

describe.each([
  ['MemoryWorkbook', memorySubject],
  ['OfficeWorkbook over the Excel fake', officeSubject],
])('workbook contract: %s', (_name, make) => {
  let s: Subject;
  beforeEach(() => {
    s = make();
  });

  it('creates a table with one empty body row and reads typed values back', async () => {
    await s.port.createTable(setup());
    expect(await s.port.getTable(TABLE)).toEqual({
      sheetName: 'Data inventory',
      tableName: TABLE,
      headers: setup().columns.map((c) => c.header),
      rowCount: 1,
    });
    await s.port.writeRows(TABLE, 0, [
      ['', '=HYPERLINK("http://evil")', 'Public', '2024-03-01', '12', '', '7', 'e1'],
      ['', 'Payroll', 'Internal', '', 3, 'Verified', '8', 'e2'],
    ]);
    expect(await s.port.readRows(TABLE)).toEqual([
      ['', '=HYPERLINK("http://evil")', 'Public', 45352, 12, '', '7', 'e1'],
      ['', 'Payroll', 'Internal', '', 3, 'Verified', '8', 'e2'],
    ]);
    expect(await s.port.readRows(TABLE, 1, 5)).toHaveLength(1);
    await s.port.writeCells(TABLE, [{ row: 1, col: 7, value: 'e3' }]);
    expect((await s.port.readRows(TABLE, 1, 1))[0]?.[7]).toBe('e3');
  });

  it('an unknown table: getTable answers undefined, writes fail with ItemNotFound', async () => {
    expect(await s.port.getTable('GH_Nothing')).toBeUndefined();
    expect((await errorOf(s.port.writeRows('GH_Nothing', 0, [['x']]))).code).toBe('ItemNotFound');
  });

  it('a second pull in another language finds the old table by its name: one table, the sheet renamed', async () => {
    await s.port.createTable(setup());
    await s.port.writeRows(TABLE, 0, [
      ['', 'a'],
      ['', 'b'],
    ]);
    await s.port.createTable(setup({ sheetName: 'Inventaire des données' }));
    const info = await s.port.getTable(TABLE);
    expect(info).toMatchObject({ sheetName: 'Inventaire des données', rowCount: 1 });
    expect(s.sheetNames()).toEqual(['Sheet1', 'Inventaire des données']);
    expect(await s.port.readRows(TABLE)).toEqual([['', '', '', '', '', '', '', '']]);
  });

  it('a pull after the person renamed the sheet reuses that sheet', async () => {
    await s.port.createTable(setup());
    expect(s.renameSheet('Data inventory', 'Kenya 2025')).toBe(true);
    await s.port.createTable(setup());
    expect(s.sheetNames()).toEqual(['Sheet1', 'Data inventory']);
    expect((await s.port.getTable(TABLE))?.sheetName).toBe('Data inventory');
  });

  it("never clears someone else's sheet of the same name: the table goes beside it", async () => {
    expect(s.addSheet('Data inventory')).toBe(true);
    await s.port.createTable(setup());
    expect(s.sheetNames()).toEqual(['Sheet1', 'Data inventory', 'Data inventory (2)']);
    expect((await s.port.getTable(TABLE))?.sheetName).toBe('Data inventory (2)');
  });

  it('refuses a write over 5 MB whole (RequestPayloadSizeLimitExceeded) and writes nothing', async () => {
    await s.port.createTable(setup());
    const big = Array.from({ length: 200 }, (_, i) => [
      '',
      `row ${i}`,
      'Public',
      '',
      1,
      '',
      'x'.repeat(30_000),
      '',
    ]);
    const error = await errorOf(s.port.writeRows(TABLE, 0, big));
    expect(error.code).toBe('RequestPayloadSizeLimitExceeded');
    expect(await s.port.getTable(TABLE)).toMatchObject({ rowCount: 1 });
    expect(await s.port.readRows(TABLE)).toEqual([['', '', '', '', '', '', '', '']]);
  });

  it('a 5,000-row mission: written in payload-sized chunks, read back whole, every payload under 4 MB', async () => {
    await s.port.createTable(setup());
    const rows: CellValue[][] = Array.from({ length: 5_000 }, (_, i) => [
      '',
      `Asset ${String(i).padStart(4, '0')} — registration of arrivals at transit centres`,
      i % 2 ? 'Public' : 'Internal',
      45_000 + (i % 300),
      i,
      'Draft',
      String(10_000 + i),
      // About 1 KB per row as JSON (a record is ~935 bytes): the whole body is over 5 MB.
      `"${'0'.repeat(8)}-${i},${i % 7}"`.padEnd(900, '.'),
    ]);
    let start = 0;
    for (const chunk of chunkByPayload(rows, PAYLOAD_BUDGET_BYTES, 5_000)) {
      await s.port.writeRows(TABLE, start, chunk);
      start += chunk.length;
    }
    expect(start).toBe(5_000);
    const back = await s.port.readRows(TABLE);
    expect(back).toHaveLength(5_000);
    expect(back[4_999]).toEqual(rows[4_999]);
    expect(s.largestPayload()).toBeLessThanOrEqual(4_000_000);
  });

  it('keeps a large saved state (4.5 MB) and replaces it with a smaller one', async () => {
    const text = JSON.stringify({ records: 'é"x'.repeat(1_500_000) });
    await s.port.saveState('snapshot_dataInventory', text);
    expect(await s.port.loadState('snapshot_dataInventory')).toBe(text);
    await s.port.saveState('snapshot_dataInventory', '{"a":1}');
    expect(await s.port.loadState('snapshot_dataInventory')).toBe('{"a":1}');
    expect(await s.port.loadState('other')).toBeUndefined();
    expect(s.largestPayload()).toBeLessThanOrEqual(4_000_000);
  });

  it('removes an edit handler through the context that added it: re-subscribing never piles handlers up', async () => {
    await s.port.createTable(setup());
    for (let i = 0; i < 3; i++) {
      const stop = await s.port.onEdited(TABLE, () => undefined);
      expect(s.handlers(TABLE)).toBe(1);
      await stop();
      expect(s.handlers(TABLE)).toBe(0);
    }
    const seen: unknown[] = [];
    const stop = await s.port.onEdited(TABLE, (changes) => seen.push(...changes));
    expect(await s.type(TABLE, 0, 1, 'Typed')).toBe(true);
    expect(seen).toEqual([{ row: 0, col: 1 }]);
    await stop();
    expect(await s.type(TABLE, 0, 1, 'Again')).toBe(true);
    expect(seen).toHaveLength(1);
  });

  it('protection: locked and hidden columns refuse typing, sorting is refused, columns can be resized', async () => {
    await s.port.createTable(setup());
    await s.port.writeRows(TABLE, 0, [['', 'b', 'Public', '', 1, 'Draft', '1', 'e']]);
    expect(await s.type(TABLE, 0, 1, 'Mine')).toBe(true);
    expect(await s.type(TABLE, 0, 5, 'Verified')).toBe(false);
    expect(await s.type(TABLE, 0, 6, '99')).toBe(false);
    // Excel sorts a protected range only when every cell is unlocked; the id and eTag columns are locked.
    expect(s.sort(TABLE, 1)).toBe(false);
    expect(s.resize(TABLE, 1, 300)).toBe(true);
    // Formatting columns also unhides them; the id stays locked.
    expect(s.unhide(TABLE, 6)).toBe(true);
    expect(await s.type(TABLE, 0, 6, '99')).toBe(false);
    expect((await s.port.readRows(TABLE))[0]?.[6]).toBe('1');
  });

  it('an unprotected table can be sorted by a person, and pulled over again', async () => {
    await s.port.createTable(setup({ protect: false }));
    await s.port.writeRows(TABLE, 0, [
      ['', 'b'],
      ['', 'a'],
    ]);
    expect(s.sort(TABLE, 1)).toBe(true);
    expect((await s.port.readRows(TABLE)).map((r) => r[1])).toEqual(['a', 'b']);
    await s.port.createTable(setup());
    expect(await s.port.getTable(TABLE)).toMatchObject({ rowCount: 1 });
  });

  it('notes: replaced, removed by a null note (conflict resolved), cleared, and moved with their rows', async () => {
    await s.port.createTable(setup());
    await s.port.writeRows(TABLE, 0, [
      ['', 'a'],
      ['', 'b'],
      ['', 'c'],
    ]);
    await s.port.markCells(TABLE, [{ row: 1, col: 2, fill: '#FFEB9C', note: 'Sensitivity: Public' }]);
    expect(s.note(TABLE, 1, 2)).toBe('Sensitivity: Public');
    await s.port.markCells(TABLE, [{ row: 1, col: 2, fill: '#FFEB9C', note: 'Sensitivity: Internal' }]);
    expect(s.note(TABLE, 1, 2)).toBe('Sensitivity: Internal');
    await s.port.markCells(TABLE, [{ row: 1, col: 2, fill: null, note: null }]);
    expect(s.note(TABLE, 1, 2)).toBeNull();
    expect(s.fill(TABLE, 1, 2)).toBeNull();
    await s.port.markCells(TABLE, [{ row: 2, col: 1, fill: '#FFC7CE', note: 'Required' }]);
    await s.port.deleteRows(TABLE, [0]);
    expect(s.note(TABLE, 1, 1)).toBe('Required');
    expect((await s.port.readRows(TABLE)).map((r) => r[1])).toEqual(['b', 'c']);
    await s.port.clearMarks(TABLE);
    expect(s.note(TABLE, 1, 1)).toBeNull();
    expect(s.fill(TABLE, 1, 1)).toBeNull();
  });

  it('right to left is a reading order of the header row, not a sheet setting', async () => {
    await s.port.createTable(setup({ sheetName: 'جرد البيانات', headerReadingOrder: 'RightToLeft' }));
    expect(s.headerReadingOrder(TABLE)).toBe('RightToLeft');
    await s.port.createTable(setup());
    expect(s.headerReadingOrder(TABLE)).toBe('Context');
  });
});
