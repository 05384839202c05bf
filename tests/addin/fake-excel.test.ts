// The Excel fake's own rules, each as Excel states it (sources in fake-excel.ts and src/addin/README.md): a fake
// that accepted more than Excel would let the adapter pass here and fail in Excel.
import { ExcelApiError } from '../../src/addin/excel/workbook-port';
import { FakeExcel } from './fake-excel';

const codeOf = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ExcelApiError) return error.code;
    throw error;
  }
  return 'no error';
};

/** A table on Sheet1 (A1:C1 headers), the first column unlocked, then the sheet protected with `options`. */
const protectedTable = async (excel: FakeExcel, options: Excel.WorksheetProtectionOptions) =>
  excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem('Sheet1');
    sheet.getRange('A1:C1').values = [['Name', 'Owner', '_id']];
    const table = sheet.tables.add('A1:C1', true);
    table.name = 'T';
    table.rows.add(undefined, [
      ['b', 'x', '1'],
      ['a', 'y', '2'],
    ]);
    sheet.getRange('A2:A100').format.protection.locked = false;
    sheet.protection.protect(options);
    await context.sync();
  });

describe('the Excel fake refuses what Excel refuses', () => {
  it('a property read before load + sync throws PropertyNotLoaded', async () => {
    const excel = new FakeExcel();
    const code = await codeOf(
      excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('Sheet1');
        sheet.load('name');
        return sheet.name; // not synced yet
      }),
    );
    expect(code).toBe('PropertyNotLoaded');
  });

  it('table names are unique in the workbook, across sheets (InvalidArgument)', async () => {
    const excel = new FakeExcel();
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').tables.add('A1:B1', true).name = 'GH_DataInventory';
      await context.sync();
    });
    const code = await codeOf(
      excel.run(async (context) => {
        context.workbook.worksheets.add('Inventaire');
        context.workbook.worksheets.getItem('Inventaire').tables.add('A1:B1', true).name = 'GH_DataInventory';
        await context.sync();
      }),
    );
    expect(code).toBe('InvalidArgument');
  });

  it('protect() on a protected sheet and unprotect() on an unprotected one fail (AccessDenied)', async () => {
    const excel = new FakeExcel();
    const twice = (action: 'protect' | 'unprotect') =>
      codeOf(
        excel.run(async (context) => {
          context.workbook.worksheets.getItem('Sheet1').protection[action]();
          await context.sync();
        }),
      );
    expect(await twice('unprotect')).toBe('AccessDenied');
    expect(await twice('protect')).toBe('no error');
    expect(await twice('protect')).toBe('AccessDenied');
  });

  it('a protected sheet refuses API writes (AccessDenied) and a person typing into locked cells', async () => {
    const excel = new FakeExcel();
    await protectedTable(excel, {});
    const code = await codeOf(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('B2').values = [['z']];
        await context.sync();
      }),
    );
    expect(code).toBe('AccessDenied');
    expect(await excel.edit('T', 0, 0, 'typed')).toBe(true);
    expect(await excel.edit('T', 0, 1, 'typed')).toBe(false);
  });

  it('allowSort sorts only a table whose every cell is unlocked; allowFormatColumns gates resizing', async () => {
    const locked = new FakeExcel();
    await protectedTable(locked, { allowSort: true, allowFormatColumns: false });
    expect(locked.sort('T', 0)).toBe(false); // Owner and _id are locked
    expect(locked.resizeColumn('T', 0, 200)).toBe(false);
    expect(locked.unhideColumn('T', 2)).toBe(false);

    const open = new FakeExcel();
    await open.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.tables.add('A1:A1', true).name = 'T';
      sheet.getRange('A:A').format.protection.locked = false;
      sheet.protection.protect({ allowSort: true, allowFormatColumns: true });
      await context.sync();
    });
    expect(open.sort('T', 0)).toBe(true);
    expect(open.resizeColumn('T', 0, 200)).toBe(true);
  });

  it('a request over 5 MB runs nothing (RequestPayloadSizeLimitExceeded); a response over 5 MB is refused', async () => {
    const excel = new FakeExcel();
    const big = Array.from({ length: 200 }, () => ['x'.repeat(30_000)]);
    expect(
      await codeOf(
        excel.run(async (context) => {
          const sheet = context.workbook.worksheets.getItem('Sheet1');
          sheet.getRange('A1').values = [['before']];
          sheet.getRange('B1:B200').values = big;
          await context.sync();
        }),
      ),
    ).toBe('RequestPayloadSizeLimitExceeded');
    // Nothing of the refused request ran, not even the small write queued before the large one.
    const a1 = await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
      range.load('values');
      await context.sync();
      return range.values[0]?.[0];
    });
    expect(a1).toBe('');

    for (let i = 0; i < 2; i++)
      await excel.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange(`B${i * 100 + 1}:B${i * 100 + 100}`).values =
          big.slice(0, 100);
        await context.sync();
      });
    const read = codeOf(
      excel.run(async (context) => {
        const range = context.workbook.worksheets.getItem('Sheet1').getRange('B1:B200');
        range.load('values');
        await context.sync();
      }),
    );
    expect(await read).toBe('ResponsePayloadSizeLimitExceeded');
  });

  it('an event handler removed through a new Excel.run stays registered; through its own context it goes', async () => {
    const excel = new FakeExcel();
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').tables.add('A1:A1', true).name = 'T';
      await context.sync();
    });
    const registration = await excel.run(async (context) => {
      const result = context.workbook.tables.getItem('T').onChanged.add(async () => undefined);
      await context.sync();
      return result;
    });
    await excel.run(async (context) => {
      registration.remove();
      await context.sync();
    });
    expect(excel.handlerCount('T')).toBe(1);
    await excel.run(registration.context as Excel.RequestContext, async (context) => {
      registration.remove();
      await context.sync();
    });
    expect(excel.handlerCount('T')).toBe(0);
  });

  it('a cell holds one comment thread: a second comments.add on it is refused (InvalidArgument)', async () => {
    const excel = new FakeExcel();
    const add = () =>
      codeOf(
        excel.run(async (context) => {
          const sheet = context.workbook.worksheets.getItem('Sheet1');
          sheet.comments.add(sheet.getRange('A2'), 'note');
          await context.sync();
        }),
      );
    expect(await add()).toBe('no error');
    expect(await add()).toBe('InvalidArgument');
  });

  it('worksheet names: at most 31 characters, none of \\ / ? * [ ] :, unique ignoring case', async () => {
    const excel = new FakeExcel();
    const add = (name: string) =>
      codeOf(
        excel.run(async (context) => {
          context.workbook.worksheets.add(name);
          await context.sync();
        }),
      );
    expect(await add('x'.repeat(32))).toBe('InvalidArgument');
    expect(await add('a/b')).toBe('InvalidArgument');
    expect(await add('SHEET1')).toBe('ItemAlreadyExists');
    expect(await add('جرد البيانات')).toBe('no error');
  });
});
