// An in-memory workbook with the parts of Excel the add-in uses, as strict as Excel: sheets (names unique, at most 31
// characters), tables whose names are unique in the workbook, typed cells with number formats, list data
// validation, fills, notes, hidden columns, sheet protection (PROTECTION) and Excel on the web's payload limit. It
// implements WorkbookPort for tests, the bench and the local workbook page, where `enter()`, `sort()`,
// `resizeColumn()`, `unhideColumn()` and `renameSheet()` play a person working in the sheet (protection and
// validation apply as in Excel; API writes bypass validation). Sources are cited where each rule is applied; the
// deviations from Excel are listed in src/addin/README.md.
import { enterCell, type StoredCell } from './cell-entry';
import {
  ExcelApiError,
  PAYLOAD_LIMIT_BYTES,
  PROTECTION,
  freeSheetName,
  isValidSheetName,
  payloadBytes,
  sameSheetName,
  type CellChange,
  type CellMark,
  type CellValue,
  type ColumnSetup,
  type ReadingOrder,
  type TableInfo,
  type TableSetup,
  type WorkbookPort,
} from './workbook-port';

interface MemoryRow {
  cells: StoredCell[];
  fills: (string | null)[];
  notes: (string | null)[];
}

interface MemorySheet {
  name: string;
  protected: boolean;
}

interface MemoryTable {
  readonly setup: TableSetup;
  readonly sheet: MemorySheet;
  rows: MemoryRow[];
  hidden: boolean[];
  widths: (number | undefined)[];
}

/** What the local workbook page renders. */
export interface MemoryTableView {
  readonly sheetName: string;
  readonly tableName: string;
  readonly columns: readonly ColumnSetup[];
  /** Per column: hidden now (a person may unhide a hidden column on the protected sheet). */
  readonly hidden: readonly boolean[];
  readonly widths: readonly (number | undefined)[];
  readonly protected: boolean;
  readonly headerReadingOrder: ReadingOrder;
  readonly rows: readonly {
    readonly values: readonly CellValue[];
    readonly formulas: readonly (string | undefined)[];
    readonly fills: readonly (string | null)[];
    readonly notes: readonly (string | null)[];
  }[];
}

export type EnterResult =
  | { ok: true }
  | { ok: false; reason: 'locked' | 'notInList' | 'noTable' | 'protected' | 'nameTaken' | 'invalidName' };

export interface MemoryWorkbookStats {
  /** Calls through the port (each would be at least one Excel.run / context.sync). */
  calls: number;
  /** The largest request (values written by one call), in bytes of JSON. */
  largestRequest: number;
}

const emptyRow = (width: number): MemoryRow => ({
  cells: Array.from({ length: width }, () => ({ value: '' })),
  fills: Array.from({ length: width }, () => null),
  notes: Array.from({ length: width }, () => null),
});

export class MemoryWorkbook implements WorkbookPort {
  // A new workbook has one empty sheet, as Excel's.
  private readonly sheets: MemorySheet[] = [{ name: 'Sheet1', protected: false }];
  private readonly tables = new Map<string, MemoryTable>();
  private readonly state = new Map<string, string>();
  private readonly editListeners = new Map<string, Set<(changes: readonly CellChange[]) => void>>();
  private readonly viewListeners = new Set<() => void>();
  readonly stats: MemoryWorkbookStats = { calls: 0, largestRequest: 0 };

  // ---- WorkbookPort ----

  async createTable(setup: TableSetup): Promise<void> {
    this.stats.calls++;
    this.checkSheetName(setup.sheetName);
    // The old table is found by its table name, whichever sheet holds it now (renamed, or another language).
    // A sheet of that name that does not hold it is someone else's: the table goes to a new sheet beside it.
    const old = this.tables.get(setup.tableName);
    let sheet = old?.sheet;
    if (old && sheet) {
      this.tables.delete(setup.tableName);
      const taken = this.sheets.some((s) => s !== sheet && sameSheetName(s.name, setup.sheetName));
      if (!taken) sheet.name = setup.sheetName;
    } else {
      sheet = { name: freeSheetName(setup.sheetName, this.sheetNames()), protected: false };
      this.sheets.push(sheet);
    }
    this.addTable(sheet, setup);
    sheet.protected = setup.protect;
    this.changed();
  }

  async getTable(tableName: string): Promise<TableInfo | undefined> {
    this.stats.calls++;
    const table = this.tables.get(tableName);
    if (!table) return undefined;
    return {
      sheetName: table.sheet.name,
      tableName,
      headers: table.setup.columns.map((c) => c.header),
      rowCount: table.rows.length,
    };
  }

  async writeRows(
    tableName: string,
    startRow: number,
    rows: readonly (readonly CellValue[])[],
  ): Promise<void> {
    this.request(rows);
    const table = this.require(tableName);
    const width = table.setup.columns.length;
    while (table.rows.length < startRow + rows.length) table.rows.push(emptyRow(width));
    rows.forEach((values, i) => {
      const row = table.rows[startRow + i];
      if (!row) return;
      for (let c = 0; c < width; c++)
        row.cells[c] = enterCell(values[c] ?? '', table.setup.columns[c]?.numberFormat);
    });
    this.changed();
  }

  async writeCells(
    tableName: string,
    cells: readonly (CellChange & { readonly value: CellValue })[],
  ): Promise<void> {
    this.request(cells);
    const table = this.require(tableName);
    for (const cell of cells) {
      const row = table.rows[cell.row];
      if (row) row.cells[cell.col] = enterCell(cell.value, table.setup.columns[cell.col]?.numberFormat);
    }
    this.changed();
  }

  async readRows(tableName: string, startRow = 0, count?: number): Promise<CellValue[][]> {
    this.stats.calls++;
    const table = this.require(tableName);
    const end = count === undefined ? table.rows.length : Math.min(table.rows.length, startRow + count);
    const values = table.rows.slice(startRow, end).map((row) => row.cells.map((cell) => cell.value));
    // The port reads in chunks (office-workbook.ts), so one call may return more than one response would hold.
    return values;
  }

  async deleteRows(tableName: string, rows: readonly number[]): Promise<void> {
    this.stats.calls++;
    const table = this.require(tableName);
    const doomed = new Set(rows);
    table.rows = table.rows.filter((_, i) => !doomed.has(i));
    this.changed();
  }

  async markCells(tableName: string, marks: readonly CellMark[]): Promise<void> {
    this.request(marks);
    const table = this.require(tableName);
    for (const mark of marks) {
      const row = table.rows[mark.row];
      if (!row) continue;
      row.fills[mark.col] = mark.fill;
      row.notes[mark.col] = mark.note;
    }
    this.changed();
  }

  async clearMarks(tableName: string): Promise<void> {
    this.stats.calls++;
    const table = this.require(tableName);
    for (const row of table.rows) {
      row.fills.fill(null);
      row.notes.fill(null);
    }
    this.changed();
  }

  async selectCell(tableName: string, cell: CellChange): Promise<void> {
    this.stats.calls++;
    this.require(tableName);
    this.selection = { tableName, ...cell };
    this.changed();
  }

  async onEdited(
    tableName: string,
    listener: (changes: readonly CellChange[]) => void,
  ): Promise<() => Promise<void>> {
    this.stats.calls++;
    this.require(tableName);
    const listeners = this.editListeners.get(tableName) ?? new Set();
    // A registration of its own per call, as Excel's EventHandlers.add: the same function added twice runs twice.
    const registration = (changes: readonly CellChange[]) => listener(changes);
    listeners.add(registration);
    this.editListeners.set(tableName, listeners);
    return async () => {
      listeners.delete(registration);
    };
  }

  async saveState(name: string, text: string): Promise<void> {
    this.stats.calls++;
    this.state.set(name, text);
  }

  async loadState(name: string): Promise<string | undefined> {
    this.stats.calls++;
    return this.state.get(name);
  }

  // ---- What a person does in the sheet ----

  /** The selected cell, if any (set by selectCell or by a person clicking). */
  selection: ({ tableName: string } & CellChange) | undefined;

  /**
   * Types `text` into a body cell. Row === rowCount adds a row, as typing right under a table does in Excel on an
   * unprotected sheet. Locked columns on a protected sheet and entries outside a dropdown are refused.
   */
  enter(tableName: string, row: number, col: number, text: string): EnterResult {
    const table = this.tables.get(tableName);
    if (!table) return { ok: false, reason: 'noTable' };
    const column = table.setup.columns[col];
    if (!column) return { ok: false, reason: 'noTable' };
    const isProtected = table.sheet.protected;
    if ((column.hidden || column.locked) && isProtected) return { ok: false, reason: 'locked' };
    if (row > table.rows.length || (row === table.rows.length && isProtected)) {
      return { ok: false, reason: 'locked' };
    }
    if (column.listValidation && text !== '' && !column.listValidation.includes(text)) {
      return { ok: false, reason: 'notInList' };
    }
    if (row === table.rows.length) table.rows.push(emptyRow(table.setup.columns.length));
    const target = table.rows[row];
    if (!target) return { ok: false, reason: 'noTable' };
    target.cells[col] = enterCell(text, column.numberFormat);
    this.changed();
    for (const listener of this.editListeners.get(tableName) ?? []) listener([{ row, col }]);
    return { ok: true };
  }

  /**
   * Sorts the table by a column, as a person would from its header. On a protected sheet Excel sorts only when
   * sorting is allowed and every cell of the range is unlocked (Protection.AllowSorting remarks); the add-in's
   * tables always hold locked columns, so it is refused there.
   */
  sort(tableName: string, col: number, descending = false): EnterResult {
    const table = this.tables.get(tableName);
    if (!table || !table.setup.columns[col]) return { ok: false, reason: 'noTable' };
    if (table.sheet.protected) {
      const anyLocked = table.setup.columns.some((c) => c.hidden || c.locked);
      if (!PROTECTION.allowSort || anyLocked) return { ok: false, reason: 'protected' };
    }
    const key = (r: MemoryRow) => r.cells[col]?.value ?? '';
    table.rows.sort((a, b) => {
      const x = key(a);
      const y = key(b);
      const order =
        typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return descending ? -order : order;
    });
    this.changed();
    return { ok: true };
  }

  /** Drags a column's width. Protected sheets allow it only with allowFormatColumns (WorksheetProtectionOptions). */
  resizeColumn(tableName: string, col: number, width: number): EnterResult {
    const table = this.tables.get(tableName);
    if (!table || !table.setup.columns[col]) return { ok: false, reason: 'noTable' };
    if (table.sheet.protected && !PROTECTION.allowFormatColumns) return { ok: false, reason: 'protected' };
    table.widths[col] = width;
    this.changed();
    return { ok: true };
  }

  /** Unhides a column (also "formatting columns"); its cells stay locked on the protected sheet. */
  unhideColumn(tableName: string, col: number): EnterResult {
    const table = this.tables.get(tableName);
    if (!table || !table.setup.columns[col]) return { ok: false, reason: 'noTable' };
    if (table.sheet.protected && !PROTECTION.allowFormatColumns) return { ok: false, reason: 'protected' };
    table.hidden[col] = false;
    this.changed();
    return { ok: true };
  }

  /** Renames a sheet from its tab: Excel's sheet-name rules apply. */
  renameSheet(from: string, to: string): EnterResult {
    const sheet = this.sheets.find((s) => sameSheetName(s.name, from));
    if (!sheet) return { ok: false, reason: 'noTable' };
    if (!isValidSheetName(to)) return { ok: false, reason: 'invalidName' };
    if (this.sheets.some((s) => s !== sheet && sameSheetName(s.name, to)))
      return { ok: false, reason: 'nameTaken' };
    sheet.name = to;
    this.changed();
    return { ok: true };
  }

  /** Inserts an empty sheet of the person's own (refused when the name is taken or invalid). */
  addSheet(name: string): EnterResult {
    if (!isValidSheetName(name)) return { ok: false, reason: 'invalidName' };
    if (this.sheets.some((s) => sameSheetName(s.name, name))) return { ok: false, reason: 'nameTaken' };
    this.sheets.push({ name, protected: false });
    this.changed();
    return { ok: true };
  }

  /** Sheet names, in tab order. */
  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /** Edit handlers registered on a table (each onEdited adds one until it is removed). */
  listenerCount(tableName: string): number {
    return this.editListeners.get(tableName)?.size ?? 0;
  }

  /** The formula Excel would hold in a cell, if the entry became one. */
  formulaAt(tableName: string, row: number, col: number): string | undefined {
    return this.tables.get(tableName)?.rows[row]?.cells[col]?.formula;
  }

  view(): MemoryTableView[] {
    return [...this.tables.entries()].map(([tableName, table]) => ({
      sheetName: table.sheet.name,
      tableName,
      columns: table.setup.columns,
      hidden: [...table.hidden],
      widths: [...table.widths],
      protected: table.sheet.protected,
      headerReadingOrder: table.setup.headerReadingOrder ?? 'Context',
      rows: table.rows.map((row) => ({
        values: row.cells.map((c) => c.value),
        formulas: row.cells.map((c) => c.formula),
        fills: [...row.fills],
        notes: [...row.notes],
      })),
    }));
  }

  /** Called after any change (the grid page re-renders). */
  subscribe(listener: () => void): () => void {
    this.viewListeners.add(listener);
    return () => this.viewListeners.delete(listener);
  }

  // ---- Excel's rules ----

  /**
   * tables.add + table.name: a table name is unique in the whole workbook, across sheets; Excel refuses a second
   * one with InvalidArgument "The argument is invalid or missing or has an incorrect format." (OfficeDev/office-js#551,
   * office-js-docs-reference#555 "must be unique in the workbook"). A new table has one empty body row.
   */
  private addTable(sheet: MemorySheet, setup: TableSetup): void {
    if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(setup.tableName) || this.tables.has(setup.tableName)) {
      throw new ExcelApiError(
        'InvalidArgument',
        'The argument is invalid or missing or has an incorrect format.',
      );
    }
    this.tables.set(setup.tableName, {
      setup,
      sheet,
      rows: [emptyRow(setup.columns.length)],
      hidden: setup.columns.map((c) => !!c.hidden),
      widths: setup.columns.map((c) => c.width),
    });
  }

  private checkSheetName(name: string): void {
    if (!isValidSheetName(name)) {
      throw new ExcelApiError(
        'InvalidArgument',
        'The argument is invalid or missing or has an incorrect format.',
      );
    }
  }

  /** One call's request: refused whole, before anything changes, over Excel on the web's limit. */
  private request(payload: unknown): void {
    this.stats.calls++;
    const bytes = payloadBytes(payload);
    this.stats.largestRequest = Math.max(this.stats.largestRequest, bytes);
    // Message as Excel on the web words it (specklesystems/speckle-excel#9).
    if (bytes > PAYLOAD_LIMIT_BYTES) {
      throw new ExcelApiError(
        'RequestPayloadSizeLimitExceeded',
        'The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
      );
    }
  }

  private changed(): void {
    for (const listener of this.viewListeners) listener();
  }

  private require(tableName: string): MemoryTable {
    const table = this.tables.get(tableName);
    // Excel: tables.getItem of an unknown name fails with ItemNotFound at sync.
    if (!table) throw new ExcelApiError('ItemNotFound', 'The requested resource doesn\u2019t exist.');
    return table;
  }
}
