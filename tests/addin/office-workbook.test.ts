// The office.js adapter against office-addin-mock: it checks that every property read was loaded and synced
// first (reading too early gives the mock's error string instead of the value) and that reads are batched.
import { OfficeMockObject } from 'office-addin-mock';

// office-addin-mock needs only the OfficeApp enum of office-addin-manifest, whose other imports pull an ES module
// (strip-bom) that jest's CommonJS loader cannot require.
jest.mock('office-addin-manifest', () => ({
  OfficeApp: {
    Excel: 'excel',
    OneNote: 'onenote',
    Outlook: 'outlook',
    PowerPoint: 'powerpoint',
    Project: 'project',
    Word: 'word',
  },
}));
import {
  columnIndex,
  columnLetter,
  createOfficeWorkbook,
  NOTE_PREFIX,
  parseAddress,
  PROTECTION,
  type ExcelRun,
} from '../../src/addin/excel/office-workbook';
import { FakeExcel } from './fake-excel';

type Mock = OfficeMockObject & Record<string, unknown>;

/** Excel.run over a mock context that counts context.sync() calls. */
const runner = (context: Mock) => {
  const counter = { syncs: 0 };
  const sync = context.sync.bind(context);
  context.sync = async () => {
    counter.syncs++;
    await sync();
  };
  const run = (async (batch: (ctx: unknown) => Promise<unknown>) => batch(context)) as unknown as ExcelRun;
  return { run, counter };
};

describe('address helpers', () => {
  it('converts column letters and addresses', () => {
    expect([0, 25, 26, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
    expect(columnIndex('AB')).toBe(27);
    expect(parseAddress("'My Sheet'!B3:D10")).toEqual({ top: 2, left: 1, bottom: 9, right: 3 });
    expect(parseAddress('C5')).toEqual({ top: 4, left: 2, bottom: 4, right: 2 });
  });
});

describe('office-workbook (office-addin-mock)', () => {
  it('reads the body in chunks, loading values before each sync', async () => {
    let chunk = 0;
    const context = new OfficeMockObject({
      workbook: {
        tables: {
          getItem: () => (context.workbook as Mock).tables.table,
          table: {
            getDataBodyRange: () => (((context.workbook as Mock).tables as Mock).table as Mock).body,
            body: {
              rowCount: 3,
              columnCount: 2,
              getCell: () => ({
                getResizedRange: () => {
                  const body = (((context.workbook as Mock).tables as Mock).table as Mock).body as Mock;
                  return body[`chunk${chunk++}`];
                },
              }),
              chunk0: {
                values: [
                  ['a', 1],
                  ['b', 2],
                ],
              },
              chunk1: { values: [['c', 3]] },
            },
          },
        },
      },
    }) as Mock;
    const { run, counter } = runner(context);
    const workbook = createOfficeWorkbook({ run, readChunkRows: 2 });
    await expect(workbook.readRows('GH_DataInventory')).resolves.toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    // One sync for the size, one per chunk.
    expect(counter.syncs).toBe(3);
  });

  it('writes rows: adds the missing rows, sets the number format before the values, re-protects the sheet', async () => {
    const order: string[] = [];
    const target = {
      set numberFormat(v: unknown) {
        order.push(`format:${JSON.stringify(v)}`);
      },
      set values(v: unknown) {
        order.push(`values:${JSON.stringify(v)}`);
      },
    };
    const added: unknown[][] = [];
    const protection = { protectedWith: undefined as unknown, unprotected: 0 };
    const context = new OfficeMockObject({
      workbook: {
        tables: {
          getItem: () => table(),
          table: {
            rows: { add: (_index: unknown, values: unknown[]) => added.push(values) },
            getDataBodyRange: () => table().body,
            body: {
              rowCount: 1,
              columnCount: 2,
              getRow: () => table().body.firstRow,
              firstRow: { numberFormat: [['@', 'yyyy-mm-dd']] },
              getCell: () => ({ getResizedRange: () => target }),
            },
            worksheet: {
              protection: {
                protected: true,
                unprotect: () => protection.unprotected++,
                protect: (options: unknown) => (protection.protectedWith = options),
              },
            },
          },
        },
      },
    }) as Mock;
    const table = () =>
      ((context.workbook as Mock).tables as Mock).table as Mock & { body: Mock & { firstRow: Mock } };
    const { run } = runner(context);
    await createOfficeWorkbook({ run }).writeRows('GH_DataInventory', 0, [
      ['=SUM(A1)', 45352],
      ['+1', ''],
    ]);
    expect(added).toEqual([[['', '']]]);
    expect(order).toEqual([
      `format:${JSON.stringify([
        ['@', 'yyyy-mm-dd'],
        ['@', 'yyyy-mm-dd'],
      ])}`,
      `values:${JSON.stringify([
        ['=SUM(A1)', 45352],
        ['+1', ''],
      ])}`,
    ]);
    expect(protection).toEqual({ unprotected: 1, protectedWith: PROTECTION });
  });

  it('reports a missing table without reading anything else', async () => {
    const context = new OfficeMockObject({
      workbook: {
        tables: {
          getItemOrNullObject: () => (context.workbook as Mock).tables.none,
          none: { isNullObject: true },
        },
      },
    }) as Mock;
    const { run, counter } = runner(context);
    await expect(createOfficeWorkbook({ run }).getTable('GH_DataInventory')).resolves.toBeUndefined();
    expect(counter.syncs).toBe(1);
  });
});

describe('office-workbook over the Excel fake: comments that are not ours', () => {
  it("keeps a colleague's comment: clearMarks leaves it, markCells neither replaces nor duplicates it", async () => {
    const excel = new FakeExcel();
    const workbook = createOfficeWorkbook({ run: excel.run });
    await workbook.createTable({
      sheetName: 'Inventory',
      tableName: 'GH_DataInventory',
      protect: true,
      columns: [
        { header: 'Name', numberFormat: '@' },
        { header: 'Owner', numberFormat: '@' },
      ],
    });
    await workbook.writeRows('GH_DataInventory', 0, [['a', 'b']]);
    excel.comment('GH_DataInventory', 0, 0, 'A colleague’s remark');
    await workbook.markCells('GH_DataInventory', [
      { row: 0, col: 0, fill: '#FFC7CE', note: 'Required' },
      { row: 0, col: 1, fill: '#FFC7CE', note: 'Not an e-mail' },
    ]);
    expect(excel.noteAt('GH_DataInventory', 0, 0)).toBe('A colleague’s remark');
    expect(excel.noteAt('GH_DataInventory', 0, 1)).toBe(`${NOTE_PREFIX}Not an e-mail`);
    await workbook.clearMarks('GH_DataInventory');
    expect(excel.noteAt('GH_DataInventory', 0, 0)).toBe('A colleague’s remark');
    expect(excel.noteAt('GH_DataInventory', 0, 1)).toBeNull();
    expect(excel.isProtected('GH_DataInventory')).toBe(true);
  });
});
