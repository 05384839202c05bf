// office.d.ts declares the global Office and Excel namespaces (a script, not a module): it cannot be imported.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../../../node_modules/@microsoft/office-js/dist/office.d.ts" />
// WorkbookPort over office.js. Every operation is one Excel.run: queue the commands, load what is needed in as few
// context.sync() round trips as possible (loads are batched before a sync, never one sync per cell), and keep every
// request and response under Excel on the web's 5 MB (reads, and the saved state, in chunks sized by their bytes).
// Mutations on a protected sheet unprotect and re-protect inside the same batch. Sources:
//  - events: https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events ("Remove an event handler":
//    Excel.run(eventResult.context, ...)), OfficeExtension.EventHandlerResult ("The same RequestContext object that
//    the handler was added in must be used when removing the handler");
//  - payloads: "Excel on the web has a payload size limit for requests and responses of 5MB"
//    (OfficeDev/office-js-docs-pr#2846, docs/excel/performance.md); RequestPayloadSizeLimitExceeded /
//    ResponsePayloadSizeLimitExceeded (Excel.ErrorCodes);
//  - table names are unique in the workbook (OfficeDev/office-js#551, office-js-docs-reference#555);
//  - RangeFormat.readingOrder (ExcelApi 1.9); Worksheet has no right-to-left property;
//  - protection: PROTECTION in workbook-port.ts; protect()/unprotect() on a sheet already in that state throw
//    AccessDenied (OfficeDev/office-js#6784), so the state is always read first.
import type { CellChange, CellValue, TableInfo, WorkbookPort } from './workbook-port';
import {
  PAYLOAD_BUDGET_BYTES,
  PROTECTION,
  TEXT_FORMAT,
  freeSheetName,
  payloadBytes,
  sameSheetName,
} from './workbook-port';

/** Excel.run's two shapes the adapter uses, injected so tests and the bench can pass an Excel fake. */
export interface ExcelRun {
  <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** A batch on an existing context (to remove an event handler through the context that added it). */
  <T>(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

export interface OfficeWorkbookOptions {
  /** @defaultvalue the global Excel.run (only inside Office) */
  readonly run?: ExcelRun;
  /** Rows of the first read round trip; later ones are sized from the bytes per row seen. @defaultvalue 500 */
  readonly readChunkRows?: number;
}

export { PROTECTION };

/** Comments the add-in writes start with this, so it removes only its own. */
export const NOTE_PREFIX = 'Governance Hub: ';
const LISTS_SHEET = 'GH_lists';
const STATE_SHEET_PREFIX = 'GH_state_';
const STATE_CHUNK = 30_000; // a cell holds at most 32,767 characters
const LAST_ROW = 1_048_576;
const MAX_READ_ROWS = 5_000;

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

const errorCode = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;

/** Where the saved state lives: A1 says which column holds the current copy and in how many cells. */
interface StatePointer {
  readonly col: 'B' | 'C';
  readonly count: number;
}

export const createOfficeWorkbook = (options: OfficeWorkbookOptions = {}): WorkbookPort => {
  const excelRun = (): ExcelRun => options.run ?? globalRun();
  const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => excelRun()(batch);
  const firstReadRows = options.readChunkRows ?? 500;

  /**
   * Loads the sheet's protection with whatever else the caller queued (one sync), then runs `mutate` unprotected
   * and re-protects in the same batch as the mutation.
   */
  const unprotected = async (
    context: Excel.RequestContext,
    sheet: Excel.Worksheet,
    mutate: () => void,
  ): Promise<void> => {
    sheet.protection.load('protected');
    await context.sync();
    const wasProtected = sheet.protection.protected;
    if (wasProtected) sheet.protection.unprotect();
    mutate();
    if (wasProtected) sheet.protection.protect({ ...PROTECTION });
    await context.sync();
  };

  const statePointer = (value: unknown): StatePointer | undefined => {
    try {
      const parsed = JSON.parse(String(value)) as Partial<StatePointer>;
      if ((parsed.col === 'B' || parsed.col === 'C') && typeof parsed.count === 'number')
        return { col: parsed.col, count: parsed.count };
    } catch {
      // not ours, or empty
    }
    return undefined;
  };

  const port: WorkbookPort = {
    createTable: (setup) =>
      run(async (context) => {
        const workbook = context.workbook;
        // The old table is found by its name, never by the (localised, maybe renamed) sheet name.
        const oldTable = workbook.tables.getItemOrNullObject(setup.tableName);
        oldTable.load('isNullObject');
        const sheets = workbook.worksheets;
        sheets.load('items/name');
        await context.sync();
        let oldSheet: Excel.Worksheet | undefined;
        if (!oldTable.isNullObject) {
          oldSheet = oldTable.worksheet;
          oldSheet.load('name');
          oldSheet.protection.load('protected');
          await context.sync();
        }
        const names = sheets.items.map((s) => s.name);
        const listsName = `${LISTS_SHEET}_${setup.tableName}`.slice(0, 31);

        let sheet: Excel.Worksheet;
        if (oldSheet) {
          sheet = oldSheet;
          // unprotect() on an unprotected sheet throws AccessDenied (OfficeDev/office-js#6784): check first.
          if (oldSheet.protection.protected) sheet.protection.unprotect();
          oldTable.delete();
          sheet.getRange().clear('All');
          sheet.getRange().dataValidation.clear();
          sheet.getRange().columnHidden = false;
          const current = oldSheet.name;
          const taken = names.some((n) => !sameSheetName(n, current) && sameSheetName(n, setup.sheetName));
          if (!taken && current !== setup.sheetName) sheet.name = setup.sheetName;
        } else {
          // A sheet of that name that does not hold our table is someone else's: never cleared.
          sheet = sheets.add(freeSheetName(setup.sheetName, names));
        }
        // Dropdown sources live on a very hidden sheet: a literal list is limited to 255 characters and commas.
        const listSheet = names.some((n) => sameSheetName(n, listsName))
          ? sheets.getItem(listsName)
          : sheets.add(listsName);
        listSheet.visibility = 'VeryHidden';
        listSheet.getRange().clear('All');

        const n = setup.columns.length;
        const last = columnLetter(n - 1);
        const header = sheet.getRange(`A1:${last}1`);
        header.numberFormat = [setup.columns.map(() => TEXT_FORMAT)];
        header.values = [setup.columns.map((c) => c.header)];
        // No right-to-left sheet in the API: the headers take the reading order, the body stays 'Context'.
        header.format.readingOrder = setup.headerReadingOrder ?? 'Context';
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
            const source = listSheet.getRange(`${letter}1:${letter}${column.listValidation.length}`);
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
        if (setup.protect) sheet.protection.protect({ ...PROTECTION });
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
        await unprotected(context, table.worksheet, () => {
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
      }),

    writeCells: (tableName, cells) =>
      run(async (context) => {
        if (cells.length === 0) return;
        const table = context.workbook.tables.getItem(tableName);
        const body = table.getDataBodyRange();
        await unprotected(context, table.worksheet, () => {
          for (const cell of cells) body.getCell(cell.row, cell.col).values = [[cell.value]];
        });
      }),

    readRows: (tableName, startRow = 0, count) =>
      run(async (context) => {
        const body = context.workbook.tables.getItem(tableName).getDataBodyRange();
        body.load('rowCount,columnCount');
        await context.sync();
        const end = count === undefined ? body.rowCount : Math.min(body.rowCount, startRow + count);
        const out: CellValue[][] = [];
        let rowsPerRead = Math.max(1, firstReadRows);
        for (let from = startRow; from < end;) {
          const n = Math.min(rowsPerRead, end - from);
          const chunk = body.getCell(from, 0).getResizedRange(n - 1, body.columnCount - 1);
          chunk.load('values');
          try {
            await context.sync();
          } catch (error) {
            // Rows larger than estimated: read fewer at a time (one row that alone is too large cannot be read).
            if (errorCode(error) !== 'ResponsePayloadSizeLimitExceeded' || n === 1) throw error;
            rowsPerRead = Math.max(1, Math.floor(n / 2));
            continue;
          }
          const values = chunk.values as CellValue[][];
          out.push(...values);
          from += n;
          // Size the next read from the bytes per row seen so far, under the budget.
          const perRow = Math.max(1, payloadBytes(values) / n);
          rowsPerRead = Math.max(1, Math.min(MAX_READ_ROWS, Math.floor(PAYLOAD_BUDGET_BYTES / perRow)));
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
      }),

    markCells: (tableName, marks) =>
      run(async (context) => {
        if (marks.length === 0) return;
        const table = context.workbook.tables.getItem(tableName);
        const sheet = table.worksheet;
        const body = table.getDataBodyRange();
        body.load('address');
        // A cell holds one comment thread: find the existing ones, so a note is replaced (or removed by null).
        const comments = sheet.comments;
        comments.load('items/content');
        await context.sync();
        const locations = comments.items.map((comment) => {
          const location = comment.getLocation();
          location.load('address');
          return { comment, location };
        });
        if (locations.length > 0) await context.sync();
        const origin = parseAddress(body.address);
        const atCell = new Map<string, Excel.Comment>();
        for (const { comment, location } of locations) {
          const box = parseAddress(location.address);
          if (box && origin) atCell.set(`${box.top - origin.top},${box.left - origin.left}`, comment);
        }
        await unprotected(context, sheet, () => {
          for (const mark of marks) {
            const cell = body.getCell(mark.row, mark.col);
            if (mark.fill) cell.format.fill.color = mark.fill;
            else cell.format.fill.clear();
            const existing = atCell.get(`${mark.row},${mark.col}`);
            const ours = existing?.content.startsWith(NOTE_PREFIX) ?? false;
            if (existing && ours) existing.delete();
            // A colleague's comment on the cell stays; the fill and the pane's report still show the problem.
            if (mark.note && (!existing || ours)) sheet.comments.add(cell, `${NOTE_PREFIX}${mark.note}`);
          }
        });
      }),

    clearMarks: (tableName) =>
      run(async (context) => {
        const table = context.workbook.tables.getItem(tableName);
        const sheet = table.worksheet;
        const comments = sheet.comments;
        comments.load('items/content');
        await unprotected(context, sheet, () => {
          table.getDataBodyRange().format.fill.clear();
          for (const comment of comments.items) if (comment.content.startsWith(NOTE_PREFIX)) comment.delete();
        });
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
        // Removed through the context that added it; a new Excel.run would leave the handler registered.
        return async () => {
          await excelRun()(registration.context as Excel.RequestContext, async (ctx) => {
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
        let current: StatePointer | undefined;
        if (!existing.isNullObject) {
          const pointerCell = existing.getRange('A1');
          pointerCell.load('values');
          await context.sync();
          current = statePointer(pointerCell.values[0]?.[0]);
        }
        const sheet = existing.isNullObject ? context.workbook.worksheets.add(sheetName) : existing;
        // The new copy goes to the other column; A1 points at it only once it is complete, so a save that fails
        // half-way leaves the previous state readable.
        const col = current?.col === 'B' ? 'C' : 'B';
        const chunks: string[] = [];
        for (let i = 0; i < text.length; i += STATE_CHUNK) chunks.push(text.slice(i, i + STATE_CHUNK));
        sheet.visibility = 'VeryHidden';
        sheet.getRange(`${col}:${col}`).clear('Contents');
        let row = 2;
        let batch: string[] = [];
        let bytes = 0;
        const flush = async () => {
          if (batch.length === 0) return;
          const range = sheet.getRange(`${col}${row}:${col}${row + batch.length - 1}`);
          range.numberFormat = batch.map(() => [TEXT_FORMAT]);
          range.values = batch.map((c) => [c]);
          row += batch.length;
          batch = [];
          bytes = 0;
          await context.sync();
        };
        for (const chunk of chunks) {
          const size = payloadBytes(chunk);
          if (batch.length > 0 && bytes + size > PAYLOAD_BUDGET_BYTES) await flush();
          batch.push(chunk);
          bytes += size;
        }
        await flush();
        const pointer = sheet.getRange('A1');
        pointer.numberFormat = [[TEXT_FORMAT]];
        pointer.values = [[JSON.stringify({ col, count: chunks.length } satisfies StatePointer)]];
        await context.sync();
      }),

    loadState: (name) =>
      run(async (context) => {
        const sheetName = `${STATE_SHEET_PREFIX}${name}`.slice(0, 31);
        const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
        sheet.load('isNullObject');
        await context.sync();
        if (sheet.isNullObject) return undefined;
        const pointerCell = sheet.getRange('A1');
        pointerCell.load('values');
        await context.sync();
        const pointer = statePointer(pointerCell.values[0]?.[0]);
        if (!pointer) return undefined;
        // Each cell holds up to 30,000 characters (about 36 KB as JSON for our text); fewer per read if refused.
        let perRead = Math.max(1, Math.floor(PAYLOAD_BUDGET_BYTES / (STATE_CHUNK * 1.5)));
        const parts: string[] = [];
        for (let from = 0; from < pointer.count;) {
          const n = Math.min(perRead, pointer.count - from);
          const range = sheet.getRange(`${pointer.col}${from + 2}:${pointer.col}${from + 1 + n}`);
          range.load('values');
          try {
            await context.sync();
          } catch (error) {
            if (errorCode(error) !== 'ResponsePayloadSizeLimitExceeded' || n === 1) throw error;
            perRead = Math.max(1, Math.floor(n / 2));
            continue;
          }
          parts.push(...range.values.map((r) => String(r[0] ?? '')));
          from += n;
        }
        return parts.join('');
      }),
  };
  return port;
};
