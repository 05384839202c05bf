// An in-memory workbook with the parts of Excel the add-in uses: sheets holding one table each, typed cells
// with number formats, list data validation, fills, notes, hidden columns and sheet protection. It implements
// WorkbookPort for tests and the bench, and it backs the local workbook page, where `enter()` plays a person
// typing into a cell (protection and validation apply, as they do in Excel; API writes bypass validation).
import { enterCell, type StoredCell } from './cell-entry';
import type {
  CellChange,
  CellMark,
  CellValue,
  ColumnSetup,
  TableInfo,
  TableSetup,
  WorkbookPort,
} from './workbook-port';

interface MemoryRow {
  cells: StoredCell[];
  fills: (string | null)[];
  notes: (string | null)[];
}

interface MemoryTable {
  readonly setup: TableSetup;
  rows: MemoryRow[];
}

/** What the local workbook page renders. */
export interface MemoryTableView {
  readonly sheetName: string;
  readonly tableName: string;
  readonly columns: readonly ColumnSetup[];
  readonly protected: boolean;
  readonly rightToLeft: boolean;
  readonly rows: readonly {
    readonly values: readonly CellValue[];
    readonly formulas: readonly (string | undefined)[];
    readonly fills: readonly (string | null)[];
    readonly notes: readonly (string | null)[];
  }[];
}

export type EnterResult = { ok: true } | { ok: false; reason: 'locked' | 'notInList' | 'noTable' };

export interface MemoryWorkbookStats {
  /** Calls through the port (each would be at least one Excel.run / context.sync). */
  calls: number;
}

const emptyRow = (width: number): MemoryRow => ({
  cells: Array.from({ length: width }, () => ({ value: '' })),
  fills: Array.from({ length: width }, () => null),
  notes: Array.from({ length: width }, () => null),
});

export class MemoryWorkbook implements WorkbookPort {
  private readonly tables = new Map<string, MemoryTable>();
  private readonly state = new Map<string, string>();
  private readonly editListeners = new Map<string, Set<(changes: readonly CellChange[]) => void>>();
  private readonly viewListeners = new Set<() => void>();
  readonly stats: MemoryWorkbookStats = { calls: 0 };

  // ---- WorkbookPort ----

  async createTable(setup: TableSetup): Promise<void> {
    this.stats.calls++;
    for (const [name, table] of this.tables) {
      if (table.setup.sheetName === setup.sheetName) this.tables.delete(name);
    }
    // Like Excel's tables.add(headerAddress, true): the new table has one empty body row.
    this.tables.set(setup.tableName, { setup, rows: [emptyRow(setup.columns.length)] });
    this.changed();
  }

  async getTable(tableName: string): Promise<TableInfo | undefined> {
    this.stats.calls++;
    const table = this.tables.get(tableName);
    if (!table) return undefined;
    return {
      sheetName: table.setup.sheetName,
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
    this.stats.calls++;
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
    this.stats.calls++;
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
    return table.rows.slice(startRow, end).map((row) => row.cells.map((cell) => cell.value));
  }

  async deleteRows(tableName: string, rows: readonly number[]): Promise<void> {
    this.stats.calls++;
    const table = this.require(tableName);
    const doomed = new Set(rows);
    table.rows = table.rows.filter((_, i) => !doomed.has(i));
    this.changed();
  }

  async markCells(tableName: string, marks: readonly CellMark[]): Promise<void> {
    this.stats.calls++;
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
    const listeners = this.editListeners.get(tableName) ?? new Set();
    listeners.add(listener);
    this.editListeners.set(tableName, listeners);
    return async () => {
      listeners.delete(listener);
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

  // ---- What a person does in the grid ----

  /** The selected cell, if any (set by selectCell or by a person clicking). */
  selection: ({ tableName: string } & CellChange) | undefined;

  /**
   * Types `text` into a body cell. Row === rowCount adds a row, as typing right under a table does in Excel on an
   * unprotected sheet. Locked (hidden) columns on a protected sheet and entries outside a dropdown are refused.
   */
  enter(tableName: string, row: number, col: number, text: string): EnterResult {
    const table = this.tables.get(tableName);
    if (!table) return { ok: false, reason: 'noTable' };
    const column = table.setup.columns[col];
    if (!column) return { ok: false, reason: 'noTable' };
    if ((column.hidden || column.locked) && table.setup.protect) return { ok: false, reason: 'locked' };
    if (row > table.rows.length || (row === table.rows.length && table.setup.protect)) {
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

  /** The formula Excel would hold in a cell, if the entry became one. */
  formulaAt(tableName: string, row: number, col: number): string | undefined {
    return this.tables.get(tableName)?.rows[row]?.cells[col]?.formula;
  }

  view(): MemoryTableView[] {
    return [...this.tables.entries()].map(([tableName, table]) => ({
      sheetName: table.setup.sheetName,
      tableName,
      columns: table.setup.columns,
      protected: table.setup.protect,
      rightToLeft: table.setup.rightToLeft ?? false,
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

  private changed(): void {
    for (const listener of this.viewListeners) listener();
  }

  private require(tableName: string): MemoryTable {
    const table = this.tables.get(tableName);
    if (!table) throw new Error(`No table named ${tableName}`);
    return table;
  }
}
