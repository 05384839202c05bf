// An Excel object-model fake for the office.js adapter: the part of Excel's JavaScript API the adapter calls, with
// the request/sync discipline and the limits of Excel on the web. Not a test file; the contract suite
// (workbook-contract.test.ts), the fake's own rule tests (fake-excel.test.ts), a 5,000-row mission
// (office-mission.test.ts) and the bench (bench/addin.ts) run OfficeWorkbook over it. What it enforces, and where
// Excel says so (the full table, with the known deviations, is in src/addin/README.md):
//  - proxies and sync: commands and loads are queued on the RequestContext and run in order at context.sync();
//    reading a property that was not loaded and synced throws PropertyNotLoaded
//    (learn.microsoft.com/javascript/api/office/officeextension.clientobject: "You must call context.sync() before");
//  - payloads: a sync whose request or response is over 5 MB is refused with RequestPayloadSizeLimitExceeded /
//    ResponsePayloadSizeLimitExceeded ("Excel on the web limits requests and responses to 5 MB",
//    docs/excel/performance.md, OfficeDev/office-js-docs-pr#2846 and #5821; error codes #2278); a refused request
//    runs nothing. Request size = the JSON of every queued command's arguments plus 60 bytes of object path each;
//  - a failing command stops the batch at that command; the ones before it stay applied (office.js batches);
//  - table names are unique in the workbook: a second one is refused with InvalidArgument (OfficeDev/office-js#551,
//    office-js-docs-reference#555, Excel.Table.name → support.microsoft.com "Rename an Excel table"); worksheet
//    names unique ignoring case (ItemAlreadyExists), at most 31 characters, none of \ / ? * [ ] :;
//  - getItem of an unknown table or sheet: ItemNotFound; getItemOrNullObject: a null object (isNullObject,
//    OfficeExtension.ClientObject);
//  - protection: any change to a protected sheet through the API is refused with AccessDenied (stricter than Excel
//    for unlocked cells: README deviations); protect() on a protected sheet and unprotect() on an unprotected one
//    too (WorksheetProtection.protect "Fails if the worksheet has already been protected"; OfficeDev/office-js#6784).
//    A person may edit only unlocked cells, sort only when allowSort and every cell of the table is unlocked
//    (learn.microsoft.com/office/vba/api/excel.protection.allowsorting), resize or unhide columns only with
//    allowFormatColumns (learn.microsoft.com/javascript/api/excel/excel.worksheetprotectionoptions);
//  - events: EventHandlers.add registers on the context it is called on; EventHandlerResult.remove() is queued on
//    that same context and takes effect only when that context syncs, so removing through a new Excel.run leaves the
//    handler registered (learn.microsoft.com/javascript/api/office/officeextension.eventhandlerresult: "The same
//    RequestContext object that the handler was added in must be used when removing the handler");
//  - a cell holds one comment thread: comments.add on a cell that has one is refused (InvalidArgument;
//    Excel.CommentCollection.add takes one cell);
//  - Worksheet has no right-to-left property; RangeFormat.readingOrder is per range (ExcelApi 1.9, office.d.ts).
import {
  ExcelApiError,
  PAYLOAD_LIMIT_BYTES,
  isValidSheetName,
  payloadBytes,
  sameSheetName,
  type CellValue,
} from '../../src/addin/excel/workbook-port';
import { enterCell } from '../../src/addin/excel/cell-entry';
import type { ExcelRun } from '../../src/addin/excel/office-workbook';

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
const COMMAND_OVERHEAD = 60;

const accessDenied = () => new ExcelApiError('AccessDenied', 'You cannot perform the requested operation.');
const invalidArgument = () =>
  new ExcelApiError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
const notFound = () => new ExcelApiError('ItemNotFound', 'The requested resource doesn\u2019t exist.');

// ---------------------------------------------------------------- the model

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

interface ModelCell {
  value: CellValue;
  formula?: string;
  numberFormat: string;
  fill: string | null;
}

interface Rule<T> {
  box: Box;
  value: T;
}

export interface ModelComment {
  row: number;
  col: number;
  content: string;
}

export interface ProtectionOptions {
  allowSort?: boolean;
  allowFormatColumns?: boolean;
  [key: string]: unknown;
}

export class ModelSheet {
  visibility = 'Visible';
  protected = false;
  options: ProtectionOptions = {};
  readonly cells = new Map<number, ModelCell>();
  /** format.protection.locked rules, last wins; cells are locked by default. */
  locked: Rule<boolean>[] = [];
  validations: Rule<unknown>[] = [];
  readingOrder: Rule<string>[] = [];
  hidden = new Set<number>();
  widths = new Map<number, number>();
  comments: ModelComment[] = [];
  frozenRows = 0;
  constructor(public name: string) {}

  cell(row: number, col: number): ModelCell {
    return this.cells.get(row * MAX_COLS + col) ?? { value: '', numberFormat: 'General', fill: null };
  }
  put(row: number, col: number, patch: Partial<ModelCell>): void {
    const current = this.cell(row, col);
    this.cells.set(row * MAX_COLS + col, { ...current, ...patch });
  }
  isLocked(row: number, col: number): boolean {
    let locked = true;
    for (const rule of this.locked) if (inBox(rule.box, row, col)) locked = rule.value;
    return locked;
  }
  readingOrderAt(row: number, col: number): string {
    let order = 'Context';
    for (const rule of this.readingOrder) if (inBox(rule.box, row, col)) order = rule.value;
    return order;
  }
  clearAll(): void {
    this.cells.clear();
    this.locked = [];
    this.validations = [];
    this.readingOrder = [];
    this.comments = [];
  }
}

export class ModelTable {
  bodyRows = 1;
  readonly handlers = new Set<Registration>();
  constructor(
    public name: string,
    public sheet: ModelSheet,
    readonly top: number,
    readonly left: number,
    readonly width: number,
  ) {}
  get body(): Box {
    return {
      top: this.top + 1,
      left: this.left,
      bottom: this.top + this.bodyRows,
      right: this.left + this.width - 1,
    };
  }
}

interface Registration {
  readonly context: FakeContext;
  readonly handler: (args: unknown) => Promise<unknown>;
}

const inBox = (b: Box, row: number, col: number) =>
  row >= b.top && row <= b.bottom && col >= b.left && col <= b.right;

const letters = (index: number): string => {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
};
const colOf = (l: string) => [...l.toUpperCase()].reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0) - 1;
const quoteSheet = (name: string) => (/^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);
export const addressOf = (sheet: ModelSheet, b: Box): string => {
  const a = `${letters(b.left)}${b.top + 1}`;
  const z = `${letters(b.right)}${b.bottom + 1}`;
  return `${quoteSheet(sheet.name)}!${a === z ? a : `${a}:${z}`}`;
};

/** 'A1', 'A1:C3', 'B:B' (whole columns); undefined = the whole sheet. */
const parseBox = (address: string | undefined): Box => {
  if (address === undefined) return { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 };
  const cols = /^([A-Z]+):([A-Z]+)$/i.exec(address);
  if (cols?.[1] && cols[2])
    return { top: 0, bottom: MAX_ROWS - 1, left: colOf(cols[1]), right: colOf(cols[2]) };
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(address);
  if (!m?.[1] || !m[2]) throw invalidArgument();
  const top = Number(m[2]) - 1;
  const left = colOf(m[1]);
  return { top, left, bottom: m[4] ? Number(m[4]) - 1 : top, right: m[3] ? colOf(m[3]) : left };
};

export interface FakeExcelStats {
  syncs: number;
  largestRequest: number;
  largestResponse: number;
}

// ---------------------------------------------------------------- contexts and proxies

type Resolver<T> = () => T;

interface Command {
  readonly bytes: number;
  readonly run: () => void;
}

export class FakeContext {
  readonly queue: Command[] = [];
  readonly workbook: FakeWorkbookProxy;
  active = false;
  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbookProxy(this);
  }
  enqueue(args: unknown, run: () => void): void {
    // Client objects passed as arguments (a validation source range) travel as object paths.
    const bytes = payloadBytes(args ?? null, (_key, value: unknown) =>
      value instanceof ClientProxy ? '#path' : value,
    );
    this.queue.push({ bytes: bytes + COMMAND_OVERHEAD, run });
  }
  async sync(): Promise<void> {
    if (!this.active)
      throw new ExcelApiError(
        'InvalidRequestContext',
        'Cannot use the object across different request contexts.',
      );
    const commands = this.queue.splice(0);
    const loads = this.pendingLoads.splice(0);
    const stats = this.excel.stats;
    stats.syncs++;
    const request = commands.reduce((sum, c) => sum + c.bytes, 0);
    stats.largestRequest = Math.max(stats.largestRequest, request);
    if (request > PAYLOAD_LIMIT_BYTES)
      throw new ExcelApiError(
        'RequestPayloadSizeLimitExceeded',
        'The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
      );
    this.responseBytes = 0;
    // A failing command stops the batch there (the error propagates); loaded values are not delivered.
    for (const command of commands) command.run();
    stats.largestResponse = Math.max(stats.largestResponse, this.responseBytes);
    if (this.responseBytes > PAYLOAD_LIMIT_BYTES)
      throw new ExcelApiError(
        'ResponsePayloadSizeLimitExceeded',
        'The size of the payload exceeded the limit. Read the documentation: https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins.',
      );
    for (const settle of loads) settle();
  }
  responseBytes = 0;
  readonly pendingLoads: (() => void)[] = [];
}

/** A client object: loads are queued, loaded values are readable after the sync. */
abstract class ClientProxy<M> {
  private readonly loaded = new Map<string, unknown>();
  constructor(
    readonly context: FakeContext,
    protected readonly resolve: Resolver<M>,
  ) {}
  protected abstract read(prop: string, model: M): unknown;
  load(props?: string | string[]): this {
    const list = (Array.isArray(props) ? props : (props ?? '').split(','))
      .map((p) => p.trim())
      .filter(Boolean);
    const snapshot = new Map<string, unknown>();
    this.context.enqueue(list, () => {
      const model = this.resolve();
      for (const prop of list) {
        const value = this.read(prop, model);
        snapshot.set(prop, value);
        this.context.responseBytes += payloadBytes(value ?? null);
      }
    });
    this.context.pendingLoads.push(() => {
      for (const [k, v] of snapshot) this.loaded.set(k, v);
    });
    return this;
  }
  protected get<T>(prop: string): T {
    if (!this.loaded.has(prop))
      throw new ExcelApiError(
        'PropertyNotLoaded',
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    return this.loaded.get(prop) as T;
  }
  protected command(args: unknown, run: (model: M) => void): void {
    this.context.enqueue(args, () => run(this.resolve()));
  }
}

class FakeWorkbookProxy {
  readonly tables: FakeTables;
  readonly worksheets: FakeWorksheets;
  constructor(readonly context: FakeContext) {
    this.tables = new FakeTables(context);
    this.worksheets = new FakeWorksheets(context);
  }
}

class FakeTables {
  constructor(private readonly context: FakeContext) {}
  getItem(name: string): FakeTable {
    return new FakeTable(this.context, () => {
      const t = this.context.excel.table(name);
      if (!t) throw notFound();
      return t;
    });
  }
  getItemOrNullObject(name: string): FakeTable {
    return new FakeTable(this.context, () => this.context.excel.table(name) ?? null);
  }
}

class FakeTable extends ClientProxy<ModelTable | null> {
  protected read(prop: string, t: ModelTable | null): unknown {
    if (prop === 'isNullObject') return t === null;
    if (!t) throw notFound();
    if (prop === 'name') return t.name;
    throw invalidArgument();
  }
  get isNullObject(): boolean {
    return this.get('isNullObject');
  }
  private model(): ModelTable {
    const t = this.resolve();
    if (!t) throw notFound();
    return t;
  }
  set name(value: string) {
    this.command(value, () => this.context.excel.renameTable(this.model(), value));
  }
  private worksheet_: FakeWorksheet | undefined;
  /** The sheet object, not a path through the table: it stays valid after the table is deleted. */
  get worksheet(): FakeWorksheet {
    let sheet: ModelSheet | undefined;
    this.worksheet_ ??= new FakeWorksheet(this.context, () => (sheet ??= this.model().sheet));
    return this.worksheet_;
  }
  get rows(): FakeTableRows {
    return new FakeTableRows(this.context, () => this.model());
  }
  get onChanged() {
    return {
      add: (handler: (args: unknown) => Promise<unknown>) => {
        const registration: Registration = { context: this.context, handler };
        this.command(null, () => this.model().handlers.add(registration));
        return {
          context: this.context,
          remove: () => {
            // Queued on the context that added it: nothing happens until that context syncs.
            this.context.enqueue(null, () => this.model().handlers.delete(registration));
          },
        };
      },
    };
  }
  delete(): void {
    this.command(null, () => {
      const t = this.model();
      if (t.sheet.protected) throw accessDenied();
      this.context.excel.tables.delete(t.name);
    });
  }
  getDataBodyRange(): FakeRange {
    return new FakeRange(this.context, () => ({ sheet: this.model().sheet, box: this.model().body }));
  }
  getHeaderRowRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.model();
      return {
        sheet: t.sheet,
        box: { top: t.top, bottom: t.top, left: t.left, right: t.left + t.width - 1 },
      };
    });
  }
}

class FakeTableRows {
  constructor(
    private readonly context: FakeContext,
    private readonly resolve: Resolver<ModelTable>,
  ) {}
  add(index: number | undefined, values: CellValue[][]): void {
    this.context.enqueue(values, () => {
      const t = this.resolve();
      if (t.sheet.protected) throw accessDenied();
      if (index !== undefined && index !== null) throw invalidArgument(); // the adapter only appends
      const first = t.bodyRows + t.top + 1;
      t.bodyRows += values.length;
      values.forEach((row, r) =>
        row.forEach((v, c) => {
          const format = t.sheet.cell(first - 1, t.left + c).numberFormat; // the table extends the column format
          t.sheet.put(first + r, t.left + c, { ...enterCell(v, format), numberFormat: format });
        }),
      );
    });
  }
  getItemAt(index: number) {
    return {
      delete: () =>
        this.context.enqueue(index, () => {
          const t = this.resolve();
          if (t.sheet.protected) throw accessDenied();
          if (index < 0 || index >= t.bodyRows) throw invalidArgument();
          this.context.excel.deleteTableRow(t, index);
        }),
    };
  }
}

class FakeWorksheets extends ClientProxy<ModelSheet[]> {
  constructor(context: FakeContext) {
    super(context, () => context.excel.sheets);
  }
  protected read(prop: string, sheets: ModelSheet[]): unknown {
    if (prop === 'items/name') return sheets.map((s) => s.name);
    throw invalidArgument();
  }
  get items(): { name: string }[] {
    return this.get<string[]>('items/name').map((name) => ({ name }));
  }
  add(name: string): FakeWorksheet {
    let created: ModelSheet | undefined;
    this.command(name, (sheets) => {
      if (!isValidSheetName(name)) throw invalidArgument();
      if (sheets.some((s) => sameSheetName(s.name, name)))
        throw new ExcelApiError(
          'ItemAlreadyExists',
          'A resource with the same name or identifier already exists.',
        );
      created = new ModelSheet(name);
      sheets.push(created);
    });
    return new FakeWorksheet(this.context, () => {
      if (!created) throw notFound();
      return created;
    });
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => {
      const s = this.context.excel.sheet(name);
      if (!s) throw notFound();
      return s;
    });
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.excel.sheet(name) ?? null);
  }
}

class FakeWorksheet extends ClientProxy<ModelSheet | null> {
  protected read(prop: string, s: ModelSheet | null): unknown {
    if (prop === 'isNullObject') return s === null;
    if (!s) throw notFound();
    if (prop === 'name') return s.name;
    throw invalidArgument();
  }
  get isNullObject(): boolean {
    return this.get('isNullObject');
  }
  get name(): string {
    return this.get('name');
  }
  set name(value: string) {
    this.command(value, () => {
      const s = this.model();
      if (!isValidSheetName(value)) throw invalidArgument();
      if (this.context.excel.sheets.some((o) => o !== s && sameSheetName(o.name, value)))
        throw new ExcelApiError(
          'ItemAlreadyExists',
          'A resource with the same name or identifier already exists.',
        );
      s.name = value;
    });
  }
  set visibility(value: string) {
    this.command(value, () => {
      this.model().visibility = value;
    });
  }
  private model(): ModelSheet {
    const s = this.resolve();
    if (!s) throw notFound();
    return s;
  }
  private protection_: ReturnType<FakeWorksheet['makeProtection']> | undefined;
  /** One object per worksheet object, as office.js caches navigation properties. */
  get protection() {
    this.protection_ ??= this.makeProtection();
    return this.protection_;
  }
  private makeProtection() {
    const sheet = () => this.model();
    const proxy = new (class extends ClientProxy<ModelSheet> {
      protected read(prop: string, s: ModelSheet): unknown {
        if (prop === 'protected') return s.protected;
        throw invalidArgument();
      }
      get protected(): boolean {
        return this.get('protected');
      }
      protect(options?: ProtectionOptions): void {
        this.command(options, (s) => {
          if (s.protected) throw accessDenied();
          s.protected = true;
          s.options = { ...(options ?? {}) };
        });
      }
      unprotect(): void {
        this.command(null, (s) => {
          if (!s.protected) throw accessDenied();
          s.protected = false;
        });
      }
    })(this.context, sheet);
    return proxy;
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, () => ({ sheet: this.model(), box: parseBox(address) }));
  }
  getUsedRangeOrNullObject(): never {
    throw new Error('the adapter does not use getUsedRange');
  }
  get tables() {
    return {
      add: (address: string, hasHeaders: boolean): FakeTable => {
        let created: ModelTable | undefined;
        this.command([address, hasHeaders], () => {
          const s = this.model();
          if (s.protected) throw accessDenied();
          const box = parseBox(address);
          const name = this.context.excel.nextTableName();
          created = new ModelTable(name, s, box.top, box.left, box.right - box.left + 1);
          this.context.excel.tables.set(name, created);
        });
        return new FakeTable(this.context, () => created ?? null);
      },
    };
  }
  get freezePanes() {
    return {
      freezeRows: (count: number) =>
        this.command(count, () => {
          this.model().frozenRows = count;
        }),
    };
  }
  activate(): void {
    this.command(null, () => undefined);
  }
  get comments() {
    return new FakeComments(this.context, () => this.model());
  }
}

class FakeComments extends ClientProxy<ModelSheet> {
  private items_: FakeComment[] = [];
  protected read(prop: string, s: ModelSheet): unknown {
    if (prop !== 'items/content') throw invalidArgument();
    const list = [...s.comments];
    this.items_ = list.map((c) => new FakeComment(this.context, () => c, s));
    return list.map((c) => c.content);
  }
  get items(): FakeComment[] {
    const contents = this.get<string[]>('items/content');
    return this.items_.slice(0, contents.length).map((c, i) => c.withContent(contents[i] ?? ''));
  }
  add(cell: FakeRange, content: string): void {
    this.command(content, (s) => {
      if (s.protected) throw accessDenied();
      const { box } = cell.target();
      if (s.comments.some((c) => c.row === box.top && c.col === box.left)) throw invalidArgument();
      s.comments.push({ row: box.top, col: box.left, content });
    });
  }
}

class FakeComment extends ClientProxy<ModelComment> {
  private content_ = '';
  constructor(
    context: FakeContext,
    resolve: Resolver<ModelComment>,
    private readonly sheet: ModelSheet,
  ) {
    super(context, resolve);
  }
  protected read(): unknown {
    throw invalidArgument();
  }
  withContent(content: string): this {
    this.content_ = content;
    return this;
  }
  get content(): string {
    return this.content_;
  }
  getLocation(): FakeRange {
    return new FakeRange(this.context, () => {
      const c = this.resolve();
      return { sheet: this.sheet, box: { top: c.row, left: c.col, bottom: c.row, right: c.col } };
    });
  }
  delete(): void {
    this.command(null, (c) => {
      if (this.sheet.protected) throw accessDenied();
      this.sheet.comments = this.sheet.comments.filter((x) => x !== c);
    });
  }
}

interface RangeTarget {
  sheet: ModelSheet;
  box: Box;
}

class FakeRange extends ClientProxy<RangeTarget> {
  target(): RangeTarget {
    return this.resolve();
  }
  protected read(prop: string, { sheet, box }: RangeTarget): unknown {
    const rows = () => {
      const out: ModelCell[][] = [];
      for (let r = box.top; r <= box.bottom; r++) {
        const row: ModelCell[] = [];
        for (let c = box.left; c <= box.right; c++) row.push(sheet.cell(r, c));
        out.push(row);
      }
      return out;
    };
    switch (prop) {
      case 'values':
        return rows().map((r) => r.map((c) => c.value));
      case 'numberFormat':
        return rows().map((r) => r.map((c) => c.numberFormat));
      case 'address':
        return addressOf(sheet, box);
      case 'rowCount':
        return box.bottom - box.top + 1;
      case 'columnCount':
        return box.right - box.left + 1;
      default:
        throw invalidArgument();
    }
  }
  get values(): CellValue[][] {
    return this.get('values');
  }
  get numberFormat(): string[][] {
    return this.get('numberFormat');
  }
  get address(): string {
    return this.get('address');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  private mutate(args: unknown, run: (t: RangeTarget) => void): void {
    this.command(args, (t) => {
      if (t.sheet.protected) throw accessDenied();
      run(t);
    });
  }
  private each(grid: unknown[][], { box }: RangeTarget, put: (r: number, c: number, v: unknown) => void) {
    if (
      grid.length !== box.bottom - box.top + 1 ||
      grid.some((row) => row.length !== box.right - box.left + 1)
    )
      throw invalidArgument(); // "The number of rows or columns in the input array doesn't match the size of the range."
    grid.forEach((row, r) => row.forEach((v, c) => put(box.top + r, box.left + c, v)));
  }
  set values(grid: CellValue[][]) {
    this.mutate(grid, (t) =>
      this.each(grid, t, (r, c, v) => {
        const format = t.sheet.cell(r, c).numberFormat;
        const stored = enterCell(v as CellValue, format);
        t.sheet.put(r, c, { value: stored.value, formula: stored.formula });
      }),
    );
  }
  set numberFormat(grid: string[][]) {
    this.mutate(grid, (t) => this.each(grid, t, (r, c, v) => t.sheet.put(r, c, { numberFormat: String(v) })));
  }
  set columnHidden(hidden: boolean) {
    this.mutate(hidden, ({ sheet, box }) => {
      for (let c = box.left; c <= Math.min(box.right, MAX_COLS - 1); c++) {
        if (hidden) sheet.hidden.add(c);
        else sheet.hidden.delete(c);
      }
    });
  }
  getCell(row: number, col: number): FakeRange {
    return new FakeRange(this.context, () => {
      const { sheet, box } = this.resolve();
      return {
        sheet,
        box: { top: box.top + row, left: box.left + col, bottom: box.top + row, right: box.left + col },
      };
    });
  }
  getResizedRange(rows: number, cols: number): FakeRange {
    return new FakeRange(this.context, () => {
      const { sheet, box } = this.resolve();
      if (box.bottom + rows < box.top || box.right + cols < box.left) throw invalidArgument();
      return { sheet, box: { ...box, bottom: box.bottom + rows, right: box.right + cols } };
    });
  }
  getRow(row: number): FakeRange {
    return new FakeRange(this.context, () => {
      const { sheet, box } = this.resolve();
      return { sheet, box: { ...box, top: box.top + row, bottom: box.top + row } };
    });
  }
  clear(applyTo?: string): void {
    this.mutate(applyTo, ({ sheet, box }) => {
      const whole =
        box.top === 0 && box.left === 0 && box.bottom === MAX_ROWS - 1 && box.right === MAX_COLS - 1;
      if (whole && (applyTo ?? 'All') === 'All') {
        sheet.clearAll();
        return;
      }
      for (const key of [...sheet.cells.keys()]) {
        const r = Math.floor(key / MAX_COLS);
        const c = key % MAX_COLS;
        if (!inBox(box, r, c)) continue;
        if (applyTo === 'Contents') sheet.put(r, c, { value: '', formula: undefined });
        else sheet.cells.delete(key);
      }
    });
  }
  select(): void {
    this.command(null, (t) => {
      this.context.excel.selection = t;
    });
  }
  get dataValidation() {
    const rule = (kind: string) => (value: unknown) =>
      this.mutate(value, ({ sheet, box }) => sheet.validations.push({ box, value: { kind, value } }));
    return {
      clear: () =>
        this.mutate(
          null,
          ({ sheet, box }) => (sheet.validations = sheet.validations.filter((v) => !overlaps(v.box, box))),
        ),
      set rule(value: unknown) {
        rule('rule')(value);
      },
      set errorAlert(value: unknown) {
        rule('errorAlert')(value);
      },
      set prompt(value: unknown) {
        rule('prompt')(value);
      },
    };
  }
  get format() {
    // Setters on object literals cannot reach the range through `this`.
    const mutate = (args: unknown, run: (t: RangeTarget) => void) => this.mutate(args, run);
    const range = { mutate };
    return {
      set columnWidth(width: number) {
        range.mutate(width, ({ sheet, box }) => {
          for (let c = box.left; c <= box.right; c++) sheet.widths.set(c, width);
        });
      },
      set readingOrder(order: string) {
        range.mutate(order, ({ sheet, box }) => sheet.readingOrder.push({ box, value: order }));
      },
      fill: {
        set color(color: string) {
          range.mutate(color, (t) => forCells(t, (r, c) => t.sheet.put(r, c, { fill: color })));
        },
        clear: () => range.mutate(null, (t) => forCells(t, (r, c) => t.sheet.put(r, c, { fill: null }))),
      },
      font: {
        set bold(_: boolean) {
          range.mutate(_, () => undefined);
        },
      },
      protection: {
        set locked(locked: boolean) {
          range.mutate(locked, ({ sheet, box }) => sheet.locked.push({ box, value: locked }));
        },
      },
    };
  }
}

const overlaps = (a: Box, b: Box) =>
  a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;

/** Cells of a bounded range (fills are only set on table cells). */
const forCells = ({ box }: RangeTarget, put: (r: number, c: number) => void) => {
  if ((box.bottom - box.top + 1) * (box.right - box.left + 1) > 5_000_000) throw invalidArgument();
  for (let r = box.top; r <= box.bottom; r++) for (let c = box.left; c <= box.right; c++) put(r, c);
};

// ---------------------------------------------------------------- the workbook

export class FakeExcel {
  readonly sheets: ModelSheet[] = [new ModelSheet('Sheet1')];
  readonly tables = new Map<string, ModelTable>();
  readonly stats: FakeExcelStats = { syncs: 0, largestRequest: 0, largestResponse: 0 };
  selection: RangeTarget | undefined;
  private tableCounter = 0;

  /** Excel.run: a new RequestContext per batch; Excel.run(context, batch) runs on an existing one. */
  readonly run: ExcelRun = (async (...args: unknown[]): Promise<unknown> => {
    const batch = args[args.length - 1] as (context: unknown) => Promise<unknown>;
    const context = args.length > 1 ? (args[0] as FakeContext) : new FakeContext(this);
    if (!(context instanceof FakeContext)) throw invalidArgument();
    context.active = true;
    try {
      const result = await batch(context);
      // Excel.run syncs what is left in the queue when the batch returns.
      if (context.queue.length > 0) await context.sync();
      return result;
    } finally {
      context.active = false;
      context.queue.length = 0;
    }
  }) as unknown as ExcelRun;

  table(name: string): ModelTable | undefined {
    for (const t of this.tables.values()) if (t.name.toLowerCase() === name.toLowerCase()) return t;
    return undefined;
  }
  sheet(name: string): ModelSheet | undefined {
    return this.sheets.find((s) => sameSheetName(s.name, name));
  }
  nextTableName(): string {
    return `Table${++this.tableCounter}`;
  }
  renameTable(table: ModelTable, name: string): void {
    // Unique in the workbook (OfficeDev/office-js#551), letters/digits/underscores/periods, not a cell reference.
    const clash = this.table(name);
    if (
      (clash && clash !== table) ||
      !/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name) ||
      /^[A-Z]{1,3}\d+$/i.test(name)
    )
      throw invalidArgument();
    if (table.sheet.protected) throw accessDenied();
    this.tables.delete(table.name);
    table.name = name;
    this.tables.set(name, table);
  }
  deleteTableRow(table: ModelTable, index: number): void {
    const { sheet } = table;
    const row = table.top + 1 + index;
    const last = table.top + table.bodyRows;
    for (let r = row; r < last; r++)
      for (let c = table.left; c < table.left + table.width; c++) {
        const below = sheet.cells.get((r + 1) * MAX_COLS + c);
        if (below) sheet.cells.set(r * MAX_COLS + c, below);
        else sheet.cells.delete(r * MAX_COLS + c);
      }
    for (let c = table.left; c < table.left + table.width; c++) sheet.cells.delete(last * MAX_COLS + c);
    sheet.comments = sheet.comments
      .filter((k) => !(k.row === row && k.col >= table.left && k.col < table.left + table.width))
      .map((k) => (k.row > row && k.row <= last ? { ...k, row: k.row - 1 } : k));
    table.bodyRows--;
    if (table.bodyRows === 0) table.bodyRows = 1; // a table keeps one (empty) body row
  }

  // ---- a person in Excel ----

  private body(tableName: string): { table: ModelTable; sheet: ModelSheet } {
    const table = this.table(tableName);
    if (!table) throw notFound();
    return { table, sheet: table.sheet };
  }

  /** Types into a body cell: refused on locked cells of a protected sheet; fires the table's onChanged handlers. */
  async edit(tableName: string, row: number, col: number, text: string): Promise<boolean> {
    const { table, sheet } = this.body(tableName);
    const r = table.top + 1 + row;
    const c = table.left + col;
    if (row >= table.bodyRows) return false;
    if (sheet.protected && sheet.isLocked(r, c)) return false;
    const stored = enterCell(text, sheet.cell(r, c).numberFormat);
    sheet.put(r, c, { value: stored.value, formula: stored.formula });
    const address = addressOf(sheet, { top: r, left: c, bottom: r, right: c });
    for (const registration of [...table.handlers])
      await registration.handler({
        address,
        changeType: 'RangeEdited',
        source: 'Local',
        type: 'TableChanged',
      });
    return true;
  }

  /** Sorts the table by a column from its header dropdown. */
  sort(tableName: string, col: number): boolean {
    const { table, sheet } = this.body(tableName);
    if (sheet.protected) {
      if (!sheet.options.allowSort) return false;
      const b = table.body;
      for (let r = b.top; r <= b.bottom; r++)
        for (let c = b.left; c <= b.right; c++) if (sheet.isLocked(r, c)) return false;
    }
    const b = table.body;
    const rows = Array.from({ length: table.bodyRows }, (_, i) =>
      Array.from({ length: table.width }, (_, j) => sheet.cell(b.top + i, b.left + j)),
    );
    rows.sort((x, y) => String(x[col]?.value ?? '').localeCompare(String(y[col]?.value ?? '')));
    rows.forEach((cells, i) => cells.forEach((cell, j) => sheet.put(b.top + i, b.left + j, cell)));
    return true;
  }

  resizeColumn(tableName: string, col: number, width: number): boolean {
    const { table, sheet } = this.body(tableName);
    if (sheet.protected && !sheet.options.allowFormatColumns) return false;
    sheet.widths.set(table.left + col, width);
    return true;
  }

  unhideColumn(tableName: string, col: number): boolean {
    const { table, sheet } = this.body(tableName);
    if (sheet.protected && !sheet.options.allowFormatColumns) return false;
    sheet.hidden.delete(table.left + col);
    return true;
  }

  renameSheet(from: string, to: string): boolean {
    const sheet = this.sheet(from);
    if (!sheet || !isValidSheetName(to) || this.sheets.some((s) => s !== sheet && sameSheetName(s.name, to)))
      return false;
    sheet.name = to;
    return true;
  }

  /** A colleague's comment on a body cell. */
  comment(tableName: string, row: number, col: number, content: string): void {
    const { table, sheet } = this.body(tableName);
    sheet.comments.push({ row: table.top + 1 + row, col: table.left + col, content });
  }

  addSheet(name: string): boolean {
    if (!isValidSheetName(name) || this.sheet(name)) return false;
    this.sheets.push(new ModelSheet(name));
    return true;
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  handlerCount(tableName: string): number {
    return this.table(tableName)?.handlers.size ?? 0;
  }

  /** Inspection for tests: fills and the add-in's comments of a body cell, header reading order, hidden columns. */
  fillAt(tableName: string, row: number, col: number): string | null {
    const { table, sheet } = this.body(tableName);
    return sheet.cell(table.top + 1 + row, table.left + col).fill;
  }
  noteAt(tableName: string, row: number, col: number): string | null {
    const { table, sheet } = this.body(tableName);
    const r = table.top + 1 + row;
    const c = table.left + col;
    return sheet.comments.find((k) => k.row === r && k.col === c)?.content ?? null;
  }
  headerReadingOrder(tableName: string): string {
    const { table, sheet } = this.body(tableName);
    return sheet.readingOrderAt(table.top, table.left);
  }
  isHidden(tableName: string, col: number): boolean {
    const { table, sheet } = this.body(tableName);
    return sheet.hidden.has(table.left + col);
  }
  isProtected(tableName: string): boolean {
    return this.body(tableName).sheet.protected;
  }
}
