// office.d.ts declares the global Office and Excel namespaces (a script, not a module): it cannot be imported.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../../../node_modules/@microsoft/office-js/dist/office.d.ts" />
// WorkbookPort over office.js. Every operation is one Excel.run: queue the commands, load what is needed in as
// few context.sync() round trips as possible (loads are batched before a sync, never one sync per cell), and keep
// payloads small (reads in chunks). Mutations on a protected sheet unprotect and re-protect inside the same batch.
import type { CellChange, CellValue, TableInfo, WorkbookPort } from './workbook-port';
import { TEXT_FORMAT } from './workbook-port';

/** Excel.run's shape, injected so tests can pass office-addin-mock objects. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeWorkbookOptions {
  /** @defaultvalue the global Excel.run (only inside Office) */
  readonly run?: ExcelRun;
  /** Rows per read round trip (Excel Online limits a response to about 5 MB). @defaultvalue 1000 */
  readonly readChunkRows?: number;
}

/** Hidden columns cannot be unhidden (no column formatting); cells stay formattable for the invalid-cell marks. */
export const PROTECTION: Excel.WorksheetProtectionOptions = {
  allowAutoFilter: true,
  allowSort: true,
  allowFormatCells: true,
  allowFormatColumns: false,
  allowFormatRows: true,
  allowInsertRows: false,
  allowDeleteRows: false,
  allowEditObjects: true,
};

/** Comments the add-in writes start with this, so it removes only its own. */
export const NOTE_PREFIX = 'Governance Hub: ';
const LISTS_SHEET = 'GH_lists';
const STATE_SHEET_PREFIX = 'GH_state_';
const STATE_CHUNK = 30_000; // a cell holds at most 32,767 characters
const LAST_ROW = 1_048_576;

/** 0 -> A, 25 -> Z, 26 -> AA. */
export const columnLetter = (index: number): string => {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
};

/** 'A' -> 0, 'AA' -> 26. */
export const columnIndex = (letters: string): number =>
  [...letters.toUpperCase()].reduce((acc, ch) => acc * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/** 'Sheet1!B3:C4' or 'B3' -> zero-based corners. */
export const parseAddress = (
  address: string,
): { top: number; left: number; bottom: number; right: number } | undefined => {
  const local = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(local);
  if (!m || !m[1] || !m[2]) return undefined;
  const left = columnIndex(m[1]);
  const top = Number(m[2]) - 1;
  return { top, left, right: m[3] ? columnIndex(m[3]) : left, bottom: m[4] ? Number(m[4]) - 1 : top };
};

const globalRun = (): ExcelRun => {
  const excel = (globalThis as { Excel?: { run: ExcelRun } }).Excel;
  if (!excel) throw new Error('Excel is not available: open the add-in inside Excel');
  return excel.run.bind(excel) as ExcelRun;
};

export const createOfficeWorkbook = (options: OfficeWorkbookOptions = {}): WorkbookPort => {
  const run: ExcelRun = (batch) => (options.run ?? globalRun())(batch);
  const readChunkRows = options.readChunkRows ?? 1000;

  /** Runs `mutate` with the sheet unprotected, re-protecting it if it was protected. One sync for the state. */
  const unprotected = async (
    context: Excel.RequestContext,
    sheet: Excel.Worksheet,
    mutate: () => void | Promise<void>,
  ): Promise<void> => {
    sheet.protection.load('protected');
    await context.sync();
    const wasProtected = sheet.protection.protected;
    if (wasProtected) sheet.protection.unprotect();
    await mutate();
    if (wasProtected) sheet.protection.protect(PROTECTION);
  };

  const port: WorkbookPort = {
    createTable: (setup) =>
      run(async (context) => {
        const workbook = context.workbook;
        const oldTable = workbook.tables.getItemOrNullObject(setup.tableName);
        const oldSheet = workbook.worksheets.getItemOrNullObject(setup.sheetName);
        const listsName = `${LISTS_SHEET}_${setup.tableName}`.slice(0, 31);
        const lists = workbook.worksheets.getItemOrNullObject(listsName);
        oldTable.load('isNullObject');
        oldSheet.load('isNullObject');
        lists.load('isNullObject');
        await context.sync();

        let sheet: Excel.Worksheet;
        if (oldSheet.isNullObject) {
          sheet = workbook.worksheets.add(setup.sheetName);
        } else {
          sheet = oldSheet;
          sheet.protection.unprotect();
          if (!oldTable.isNullObject) oldTable.delete();
          sheet.getRange().clear('All');
          sheet.getRange().dataValidation.clear();
          sheet.getRange().columnHidden = false;
        }
        // Dropdown sources live on a very hidden sheet: a literal list is limited to 255 characters and commas.
        const listSheet = lists.isNullObject ? workbook.worksheets.add(listsName) : lists;
        listSheet.visibility = 'VeryHidden';
        listSheet.getRange().clear('All');

        const n = setup.columns.length;
        const last = columnLetter(n - 1);
        const header = sheet.getRange(`A1:${last}1`);
        header.numberFormat = [setup.columns.map(() => TEXT_FORMAT)];
        header.values = [setup.columns.map((c) => c.header)];
        const table = sheet.tables.add(`A1:${last}1`, true);
        table.name = setup.tableName;
        table.getDataBodyRange().numberFormat = [setup.columns.map((c) => c.numberFormat ?? 'General')];

        setup.columns.forEach((column, i) => {
          const letter = columnLetter(i);
          const whole = sheet.getRange(`${letter}:${letter}`);
          const below = sheet.getRange(`${letter}2:${letter}${LAST_ROW}`);
          if (column.width) whole.format.columnWidth = column.width;
          if (column.hidden) {
            whole.columnHidden = true;
            return;
          }
          if (!column.locked) below.format.protection.locked = false;
          if (column.listValidation && column.listValidation.length > 0) {
            const listColumn = columnLetter(i);
            const source = listSheet.getRange(`${listColumn}1:${listColumn}${column.listValidation.length}`);
            source.numberFormat = column.listValidation.map(() => [TEXT_FORMAT]);
            source.values = column.listValidation.map((v) => [v]);
            below.dataValidation.rule = { list: { inCellDropDown: true, source } };
            below.dataValidation.errorAlert = {
              showAlert: true,
              style: 'Stop',
              title: column.header.slice(0, 32),
              message: column.listValidation.join(', ').slice(0, 225),
            };
          }
          if (column.prompt) {
            below.dataValidation.prompt = {
              showPrompt: true,
              title: column.header.slice(0, 32),
              message: column.prompt.slice(0, 255),
            };
          }
        });
        header.format.font.bold = true;
        sheet.freezePanes.freezeRows(1);
        if (setup.protect) sheet.protection.protect(PROTECTION);
        sheet.activate();
        await context.sync();
      }),

    getTable: (tableName) =>
      run(async (context) => {
        const table = context.workbook.tables.getItemOrNullObject(tableName);
        table.load('isNullObject');
        await context.sync();
        if (table.isNullObject) return undefined;
        const header = table.getHeaderRowRange();
        header.load('values');
        const body = table.getDataBodyRange();
        body.load('rowCount');
        const sheet = table.worksheet;
        sheet.load('name');
        await context.sync();
        const info: TableInfo = {
          sheetName: sheet.name,
          tableName,
          headers: (header.values[0] ?? []).map(String),
          rowCount: body.rowCount,
        };
        return info;
      }),

    writeRows: (tableName, startRow, rows) =>
      run(async (context) => {
        if (rows.length === 0) return;
        const table = context.workbook.tables.getItem(tableName);
        const body = table.getDataBodyRange();
        body.load('rowCount,columnCount');
        const formats = body.getRow(0);
        formats.load('numberFormat');
        const sheet = table.worksheet;
        await unprotected(context, sheet, async () => {
          const width = body.columnCount;
          const missing = startRow + rows.length - body.rowCount;
          if (missing > 0) {
            const blank = Array.from({ length: missing }, () => Array.from({ length: width }, () => ''));
            table.rows.add(undefined, blank);
          }
          const target = table
            .getDataBodyRange()
            .getCell(startRow, 0)
            .getResizedRange(rows.length - 1, width - 1);
          // The number format goes first, in the same batch: a Text column keeps "=..." as text, never a formula.
          const rowFormat = (formats.numberFormat[0] ?? []) as string[];
          target.numberFormat = rows.map(() => rowFormat);
          target.values = rows.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ''));
        });
        await context.sync();
      }),

    writeCells: (tableName, cells) =>
      run(async (context) => {
        if (cells.length === 0) return;
        const table = context.workbook.tables.getItem(tableName);
        const body = table.getDataBodyRange();
        await unprotected(context, table.worksheet, () => {
          for (const cell of cells) body.getCell(cell.row, cell.col).values = [[cell.value]];
        });
        await context.sync();
      }),

    readRows: (tableName, startRow = 0, count) =>
      run(async (context) => {
        const body = context.workbook.tables.getItem(tableName).getDataBodyRange();
        body.load('rowCount,columnCount');
        await context.sync();
        const end = count === undefined ? body.rowCount : Math.min(body.rowCount, startRow + count);
        const out: CellValue[][] = [];
        for (let from = startRow; from < end; from += readChunkRows) {
          const n = Math.min(readChunkRows, end - from);
          const chunk = body.getCell(from, 0).getResizedRange(n - 1, body.columnCount - 1);
          chunk.load('values');
          await context.sync();
          out.push(...(chunk.values as CellValue[][]));
        }
        return out;
      }),

    deleteRows: (tableName, rows) =>
      run(async (context) => {
        if (rows.length === 0) return;
        const table = context.workbook.tables.getItem(tableName);
        await unprotected(context, table.worksheet, () => {
          // Bottom first, so the indexes above stay valid.
          for (const row of [...new Set(rows)].sort((a, b) => b - a)) table.rows.getItemAt(row).delete();
        });
        await context.sync();
      }),

    markCells: (tableName, marks) =>
      run(async (context) => {
        if (marks.length === 0) return;
        const table = context.workbook.tables.getItem(tableName);
        const body = table.getDataBodyRange();
        await unprotected(context, table.worksheet, () => {
          for (const mark of marks) {
            const cell = body.getCell(mark.row, mark.col);
            if (mark.fill) cell.format.fill.color = mark.fill;
            else cell.format.fill.clear();
            if (mark.note) context.workbook.comments.add(cell, `${NOTE_PREFIX}${mark.note}`);
          }
        });
        await context.sync();
      }),

    clearMarks: (tableName) =>
      run(async (context) => {
        const table = context.workbook.tables.getItem(tableName);
        const sheet = table.worksheet;
        const comments = sheet.comments;
        comments.load('items'); // every comment's scalar properties (content among them)
        await unprotected(context, sheet, () => {
          table.getDataBodyRange().format.fill.clear();
          for (const comment of comments.items) if (comment.content.startsWith(NOTE_PREFIX)) comment.delete();
        });
        await context.sync();
      }),

    selectCell: (tableName, cell) =>
      run(async (context) => {
        const table = context.workbook.tables.getItem(tableName);
        table.worksheet.activate();
        table.getDataBodyRange().getCell(cell.row, cell.col).select();
        await context.sync();
      }),

    onEdited: (tableName, listener) =>
      run(async (context) => {
        const table = context.workbook.tables.getItem(tableName);
        const body = table.getDataBodyRange();
        body.load('address');
        await context.sync();
        const origin = parseAddress(body.address);
        const handler = async (event: Excel.TableChangedEventArgs): Promise<void> => {
          const box = parseAddress(event.address);
          if (!box || !origin) return;
          const changes: CellChange[] = [];
          for (let r = box.top; r <= box.bottom && changes.length < 10_000; r++) {
            for (let c = box.left; c <= box.right; c++)
              changes.push({ row: r - origin.top, col: c - origin.left });
          }
          listener(changes);
        };
        const registration = table.onChanged.add(handler);
        await context.sync();
        return async () => {
          await run(async (ctx) => {
            registration.remove();
            await ctx.sync();
          });
        };
      }),

    saveState: (name, text) =>
      run(async (context) => {
        const sheetName = `${STATE_SHEET_PREFIX}${name}`.slice(0, 31);
        const existing = context.workbook.worksheets.getItemOrNullObject(sheetName);
        existing.load('isNullObject');
        await context.sync();
        const sheet = existing.isNullObject ? context.workbook.worksheets.add(sheetName) : existing;
        sheet.visibility = 'VeryHidden';
        sheet.getRange().clear('Contents');
        const chunks: string[] = [];
        for (let i = 0; i < text.length; i += STATE_CHUNK) chunks.push(text.slice(i, i + STATE_CHUNK));
        const range = sheet.getRange(`A1:A${chunks.length + 1}`);
        range.numberFormat = [[TEXT_FORMAT], ...chunks.map(() => [TEXT_FORMAT])];
        range.values = [[String(chunks.length)], ...chunks.map((c) => [c])];
        await context.sync();
      }),

    loadState: (name) =>
      run(async (context) => {
        const sheetName = `${STATE_SHEET_PREFIX}${name}`.slice(0, 31);
        const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
        sheet.load('isNullObject');
        const used = sheet.getUsedRangeOrNullObject(true);
        used.load('values,isNullObject');
        await context.sync();
        if (sheet.isNullObject || used.isNullObject) return undefined;
        const [countCell, ...rest] = used.values;
        const count = Number(countCell?.[0] ?? 0);
        return rest
          .slice(0, count)
          .map((row) => String(row[0] ?? ''))
          .join('');
      }),
  };
  return port;
};
