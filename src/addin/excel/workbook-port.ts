// The one interface between the add-in and a workbook. Everything the add-in does to Excel goes through it,
// so the sync logic runs unchanged against real Excel (office-workbook.ts) and an in-memory workbook
// (memory-workbook.ts) used by tests, the bench and the local workbook page.
//
// Coordinates are zero-based and relative to the table's data body (row 0 = first row under the headers).

/** A cell as Excel reports it: text, number (dates are serial numbers), boolean, or empty (''). */
export type CellValue = string | number | boolean;

/** Excel's "Text" number format: whatever is written or typed stays text (no formulas, no numbers). */
export const TEXT_FORMAT = '@';

export interface ColumnSetup {
  readonly header: string;
  /** Excel number format, e.g. '@', 'yyyy-mm-dd', '0.##'. @defaultvalue 'General' */
  readonly numberFormat?: string;
  /** Dropdown data validation: the allowed entries. */
  readonly listValidation?: readonly string[];
  /** Hidden and locked (item id, eTag, client key). @defaultvalue false */
  readonly hidden?: boolean;
  /** Shown but locked on the protected sheet (fields the user may not change). @defaultvalue false */
  readonly locked?: boolean;
  /** Column width in points; Excel picks one when absent. */
  readonly width?: number;
  /** A short input message shown when a cell of the column is selected (field help). */
  readonly prompt?: string;
}

export interface TableSetup {
  readonly sheetName: string;
  readonly tableName: string;
  readonly columns: readonly ColumnSetup[];
  /** Protect the sheet so hidden columns cannot be shown or edited; visible columns stay editable. */
  readonly protect: boolean;
  /** Right-to-left sheet (Arabic). @defaultvalue false */
  readonly rightToLeft?: boolean;
}

export interface CellMark {
  readonly row: number;
  readonly col: number;
  /** Fill colour as #RRGGBB, or null to clear. */
  readonly fill: string | null;
  /** Note text, or null to clear. */
  readonly note: string | null;
}

export interface CellChange {
  readonly row: number;
  readonly col: number;
}

export interface TableInfo {
  readonly sheetName: string;
  readonly tableName: string;
  readonly headers: readonly string[];
  readonly rowCount: number;
}

export interface WorkbookPort {
  /** Creates the sheet and table (replacing a previous one of the same name) with formats and validation. */
  createTable(setup: TableSetup): Promise<void>;
  /** Describes the table, or undefined when the workbook has none of that name. */
  getTable(tableName: string): Promise<TableInfo | undefined>;
  /**
   * Writes rows of values starting at a body row, growing the table as needed. The caller keeps each call small
   * (a few hundred rows): one call is one round trip to Excel.
   */
  writeRows(tableName: string, startRow: number, rows: readonly (readonly CellValue[])[]): Promise<void>;
  /** Writes single cells (ids and eTags after a save, a generated client key). */
  writeCells(
    tableName: string,
    cells: readonly (CellChange & { readonly value: CellValue })[],
  ): Promise<void>;
  /** Reads body rows [startRow, startRow + count); everything when count is omitted. */
  readRows(tableName: string, startRow?: number, count?: number): Promise<CellValue[][]>;
  /** Removes body rows (indexes in any order). */
  deleteRows(tableName: string, rows: readonly number[]): Promise<void>;
  /** Sets or clears fills and notes on cells. */
  markCells(tableName: string, marks: readonly CellMark[]): Promise<void>;
  /** Clears every fill and note the add-in placed in the table. */
  clearMarks(tableName: string): Promise<void>;
  /** Selects a body cell, so the user sees the row a report line refers to. */
  selectCell(tableName: string, cell: CellChange): Promise<void>;
  /** Calls back with the body cells a person edited. Returns an unsubscribe function. */
  onEdited(
    tableName: string,
    listener: (changes: readonly CellChange[]) => void,
  ): Promise<() => Promise<void>>;
  /** Saves a small named text in the document (the pull snapshot); survives closing the task pane. */
  saveState(name: string, text: string): Promise<void>;
  loadState(name: string): Promise<string | undefined>;
}
