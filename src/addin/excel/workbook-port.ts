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
  /** Protect the sheet (PROTECTION below): locked columns cannot be edited; unlocked ones stay editable. */
  readonly protect: boolean;
  /**
   * Reading order of the header row (RangeFormat.readingOrder, ExcelApi 1.9). Excel's API has no right-to-left
   * sheet (Worksheet has no such property), so an Arabic layout sets the headers right to left and leaves the body
   * in 'Context' order: each cell follows its first character, and a Latin title stays left to right.
   * @defaultvalue 'Context'
   */
  readonly headerReadingOrder?: ReadingOrder;
}

/** Excel.ReadingOrder: 'Context' follows the language of the cell's first character. */
export type ReadingOrder = 'Context' | 'LeftToRight' | 'RightToLeft';

/**
 * The sheet protection both ports apply (Excel.WorksheetProtectionOptions, ExcelApi 1.2).
 * - allowSort is false: Excel sorts on a protected sheet only when every cell of the range is unlocked
 *   ("Sorting can only be performed on unlocked or unprotected cells in a protected worksheet", Protection.AllowSorting,
 *   learn.microsoft.com/office/vba/api/excel.protection.allowsorting), and the table always holds locked columns
 *   (item id, eTag, client key, fields the person may not change). Allowing it would offer a sort that always fails.
 * - allowFormatColumns is true: without it a person cannot resize a column. It also lets a person unhide the hidden
 *   columns; they stay locked, so their values cannot be changed (and a pull hides them again).
 * - allowFormatCells stays true for the add-in's own fills; rows cannot be inserted or deleted by hand (the pane
 *   adds rows, and deletion is the Action column).
 */
export const PROTECTION = {
  allowAutoFilter: true,
  allowSort: false,
  allowFormatCells: true,
  allowFormatColumns: true,
  allowFormatRows: true,
  allowInsertRows: false,
  allowDeleteRows: false,
  allowEditObjects: true,
} as const;

/**
 * Excel on the web refuses a request or a response over 5 MB ("Excel on the web has a payload size limit for
 * requests and responses of 5MB", OfficeDev/office-js-docs-pr#2846, docs/excel/performance.md;
 * graph-lists.md §10). 5,000,000 bytes is the stricter reading of "5MB".
 */
export const PAYLOAD_LIMIT_BYTES = 5_000_000;

/** What the add-in keeps each request under, leaving room for Excel's own envelope. */
export const PAYLOAD_BUDGET_BYTES = 2_000_000;

/** UTF-8 size of a value as JSON: how a request or response carries it. */
export const payloadBytes = (value: unknown, replacer?: (key: string, value: unknown) => unknown): number => {
  const json = JSON.stringify(value, replacer) ?? '';
  let bytes = 0;
  for (let i = 0; i < json.length; i++) {
    const code = json.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
};

/** Splits items into runs of at most `maxItems` whose JSON stays under `maxBytes` (an item over it goes alone). */
export const chunkByPayload = <T>(items: readonly T[], maxBytes: number, maxItems: number): T[][] => {
  const chunks: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    const bytes = payloadBytes(item) + 1;
    if (current.length > 0 && (size + bytes > maxBytes || current.length >= maxItems)) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += bytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
};

/**
 * An error as Excel's API reports it (OfficeExtension.Error: `code` from Excel.ErrorCodes and a message). Both ports
 * throw it for what Excel refuses, so callers branch on `code`, never on the message.
 */
export class ExcelApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
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
  /**
   * Creates the sheet and table with formats and validation. A previous table of the same name is found by its table
   * name, wherever it is (its sheet may have been renamed, or pulled in another language): it is deleted and its
   * sheet reused, renamed to `sheetName` when that name is free. Table names are unique in the workbook, so adding
   * one beside the old table would fail.
   */
  createTable(setup: TableSetup): Promise<void>;
  /** Describes the table, or undefined when the workbook has none of that name. */
  getTable(tableName: string): Promise<TableInfo | undefined>;
  /**
   * Writes rows of values starting at a body row, growing the table as needed. One call is one request to Excel:
   * the caller keeps it under PAYLOAD_BUDGET_BYTES (chunkByPayload); over PAYLOAD_LIMIT_BYTES it is refused
   * (RequestPayloadSizeLimitExceeded) and nothing is written. writeCells and markCells likewise.
   */
  writeRows(tableName: string, startRow: number, rows: readonly (readonly CellValue[])[]): Promise<void>;
  /** Writes single cells (ids and eTags after a save, a generated client key). */
  writeCells(
    tableName: string,
    cells: readonly (CellChange & { readonly value: CellValue })[],
  ): Promise<void>;
  /** Reads body rows [startRow, startRow + count); everything when count is omitted (the port reads in chunks). */
  readRows(tableName: string, startRow?: number, count?: number): Promise<CellValue[][]>;
  /** Removes body rows (indexes in any order). */
  deleteRows(tableName: string, rows: readonly number[]): Promise<void>;
  /** Sets or clears fills and notes on cells (a null note removes the add-in's note from the cell). */
  markCells(tableName: string, marks: readonly CellMark[]): Promise<void>;
  /** Clears every fill and note the add-in placed in the table. */
  clearMarks(tableName: string): Promise<void>;
  /** Selects a body cell, so the user sees the row a report line refers to. */
  selectCell(tableName: string, cell: CellChange): Promise<void>;
  /**
   * Calls back with the body cells a person edited. Returns an unsubscribe function, which removes the handler
   * through the request context that added it (OfficeExtension.EventHandlerResult: "The same RequestContext object
   * that the handler was added in must be used when removing the handler").
   */
  onEdited(
    tableName: string,
    listener: (changes: readonly CellChange[]) => void,
  ): Promise<() => Promise<void>>;
  /** Saves a named text in the document (the pull snapshot, megabytes for a large mission; the port chunks it). */
  saveState(name: string, text: string): Promise<void>;
  loadState(name: string): Promise<string | undefined>;
}

// Worksheet names: 1 to 31 characters, none of \ / ? * [ ] :, unique ignoring case (Excel's rules for renaming a
// worksheet, support.microsoft.com "Rename a worksheet"; the API answers InvalidArgument / ItemAlreadyExists).
const INVALID_SHEET_NAME = /[\\/?*[\]:]/;
export const isValidSheetName = (name: string): boolean =>
  name.length > 0 && name.length <= 31 && !INVALID_SHEET_NAME.test(name);
export const sameSheetName = (a: string, b: string): boolean =>
  a.toLocaleLowerCase() === b.toLocaleLowerCase();

/** `name`, or `name (2)`, `name (3)`… when a sheet already has it (kept within 31 characters). */
export const freeSheetName = (name: string, existing: readonly string[]): string => {
  const taken = (candidate: string) => existing.some((e) => sameSheetName(e, candidate));
  if (!taken(name)) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${name.slice(0, 31 - suffix.length)}${suffix}`;
    if (!taken(candidate)) return candidate;
  }
};
