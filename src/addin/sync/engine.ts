// Pull, push, refresh and conflict resolution: the focal point's journey, over a WorkbookPort and a register
// repository (src/graph). No React and no URLs here; the task pane and the bench drive it.
import { verificationAfterEdit } from '../../domain/ai-act';
import { can, changedFieldsAllowed, type Actor, type RefusalCode } from '../../domain/roles';
import type {
  DomainRecord,
  FieldValue,
  Locale,
  RecordValues,
  RegisterId,
  RegisterSchema,
} from '../../domain/schema/types';
import { REGISTERS } from '../../domain/registers';
import type { FieldIssue } from '../../domain/validation/issues';
import { formatIssue } from '../../domain/validation/messages';
import type {
  BatchOperation,
  BatchOperationResult,
  RegisterRepository,
} from '../../graph/register-repository';
import type { CellMark, CellValue, WorkbookPort } from '../excel/workbook-port';
import { PAYLOAD_BUDGET_BYTES, chunkByPayload } from '../excel/workbook-port';
import { CLIENT_KEY_FIELD, newClientKey } from '../sheet/client-key';
import { decodeRow, recordToRow, valueToCell } from '../sheet/codec';
import { isTitleToken, lookupIssueMessage, lookupTokens } from '../sheet/lookups';
import { buildLayout, headersMatch, tableNameOf, tableSetupOf } from '../sheet/layout';
import type { LayoutOptions, SheetLayout } from '../sheet/layout';
import { changedFields, planRows } from './diff';
import { refusalMessage } from './refusals';
import type { RowPlan } from './diff';
import { parseSnapshot, sameValue, serializeSnapshot, snapshotStateName } from './snapshot';
import type { Snapshot } from './snapshot';

/** The part of the register repository the add-in uses. */
export type RegisterGateway = Pick<RegisterRepository, 'list' | 'applyBatch' | 'delta'>;
/** What the add-in reads from a register that lookups point at: titles, by a list read. */
export type LookupReader = Pick<RegisterRepository, 'list'>;

/** Push, refresh and the rest need a pull of this mission first (the pane tells the person, in their language). */
export class NotPulledError extends Error {
  readonly code = 'notPulled';
  constructor() {
    super('Pull first: there is no pulled data for this mission');
    this.name = 'NotPulledError';
  }
}

export const INVALID_FILL = '#FFC7CE';
export const CONFLICT_FILL = '#FFEB9C';
// Each workbook call is one request to Excel: rows and cells go in runs under PAYLOAD_BUDGET_BYTES (Excel on the
// web refuses a request over 5 MB), so a 5,000-row mission is a few calls, not one per 250 rows.
const ROWS_PER_CALL = 5_000;
const CELLS_PER_CALL = 5_000;
/** A cell write also carries its object path: half the budget for the values. */
const CELL_BUDGET_BYTES = PAYLOAD_BUDGET_BYTES / 2;

export type Phase = 'reading' | 'writing' | 'checking' | 'sending' | 'saving';
export interface Progress {
  readonly phase: Phase;
  readonly done: number;
  /** 0 when unknown. */
  readonly total: number;
}

export type RowStatus = 'saved' | 'rejected' | 'conflict' | 'invalid';
export interface RowReport {
  /** Body row index at the time of the report (rows deleted by the push are gone from the sheet). */
  readonly row: number;
  readonly title: string;
  readonly kind: 'create' | 'update' | 'delete' | 'none';
  readonly status: RowStatus;
  /** Localised explanation for rejected and invalid rows. */
  readonly message?: string;
  /** Error code (Graph or domain) for rejected rows. */
  readonly code?: string;
  readonly id?: string;
}

export interface ConflictField {
  readonly field: string;
  readonly label: string;
  readonly base: CellValue;
  readonly mine: CellValue;
  readonly theirs: CellValue;
}

export interface Conflict {
  readonly id: string;
  readonly row: number;
  readonly title: string;
  readonly kind: 'update' | 'delete';
  /** The server's record now; undefined when it was deleted in SharePoint. */
  readonly theirs: DomainRecord | undefined;
  /** My changed values (empty for a delete). */
  readonly mine: RecordValues;
  /** Fields that differ between mine and theirs, with the three values as cells. */
  readonly fields: readonly ConflictField[];
}

export interface PushReport {
  readonly rows: readonly RowReport[];
  readonly conflicts: readonly Conflict[];
  readonly counts: Readonly<Record<RowStatus, number>>;
  /** Graph write requests (sub-requests of $batch) sent. */
  readonly sent: number;
}

export interface RefreshReport {
  readonly updated: number;
  readonly added: number;
  readonly removed: number;
  /** Rows with local edits that were merged with server changes to other fields. */
  readonly merged: number;
  /** Rows where both sides changed the same field: left for the push to turn into a conflict. */
  readonly conflicting: number;
  /**
   * The saved delta token had expired (410 Gone): everything was read again and compared with the pull, local
   * edits kept as on any refresh (RegisterRepository.delta's `resynced`). The pane says so.
   */
  readonly resynced: boolean;
}

export interface SyncEngineOptions {
  readonly workbook: WorkbookPort;
  readonly gateway: RegisterGateway;
  /** The register schema (it declares the clientKey field). */
  readonly schema: RegisterSchema;
  readonly mission: string;
  readonly locale: Locale;
  /**
   * The signed-in person's roles. When given, the push checks each row as SharePoint will
   * (`can(actor, 'create' | 'update' | 'delete', schema, record)`, officer-only fields, reassignment): rows the
   * person may not change are reported as rejected and nothing is sent for them. A function is asked per row with
   * the record concerned (the server's values, or the new row's), so custodianship follows the record
   * (src/client's ActorSource). @defaultvalue no check
   */
  readonly actor?: Actor | ((record: RecordValues) => Actor);
  readonly canEdit?: LayoutOptions['canEdit'];
  readonly missions?: LayoutOptions['missions'];
  /** @defaultvalue () => new Date() */
  readonly now?: () => Date;
  /** Sheet name; @defaultvalue the register's display name in the user's language (max 31 characters). */
  readonly sheetName?: string;
  /**
   * The registers lookups point at (the AI registry's data assets: the data inventory). Given, lookup cells show
   * "id – title" and accept a title back; the mission's items of the target register are read once per pull (and
   * at a push or refresh that meets a title or an id not known yet). @defaultvalue lookups show ids only
   */
  readonly lookups?: (register: RegisterId) => Promise<LookupReader>;
}

export interface SyncEngine {
  readonly layout: SheetLayout;
  readonly tableName: string;
  pull(onProgress?: (p: Progress) => void): Promise<{ rows: number }>;
  push(onProgress?: (p: Progress) => void): Promise<PushReport>;
  refresh(onProgress?: (p: Progress) => void): Promise<RefreshReport>;
  /** Sets a conflicting row to theirs overlaid with the fields chosen as mine; 'keepMine' pushes right away. */
  resolve(
    conflict: Conflict,
    choice: 'keepMine' | 'takeTheirs' | Readonly<Record<string, 'mine' | 'theirs'>>,
  ): Promise<PushReport | undefined>;
  /** Adds empty rows at the end of the table (the sheet is protected, so typing below it cannot grow it). */
  addRows(count: number): Promise<void>;
  /** Counts rows that would be sent by a push (for the pane's "N unsaved changes"). */
  pending(): Promise<number>;
  hasSnapshot(): Promise<boolean>;
  /**
   * hasSnapshot and pending in one pass (the pane asks after every edit): the table and the snapshot are read once
   * each. undefined when there is nothing pulled for this mission (or the table is not ours any more).
   */
  pendingIfPulled(): Promise<number | undefined>;
}

const emptyCounts = (): Record<RowStatus, number> => ({ saved: 0, rejected: 0, conflict: 0, invalid: 0 });

const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

export const createSyncEngine = (options: SyncEngineOptions): SyncEngine => {
  const { workbook, gateway, schema, mission, locale } = options;
  const now = options.now ?? (() => new Date());
  const layout = buildLayout(schema, { locale, canEdit: options.canEdit, missions: options.missions });
  const tableName = tableNameOf(schema);
  const sheetName = (options.sheetName ?? schema.displayName[locale])
    .replace(/[\\/?*[\]:]/g, ' ')
    .slice(0, 31);
  const stateName = snapshotStateName(schema.id);
  // The workbook holds the snapshot; it is read each time, never cached, so a pane reopened after a lost answer
  // (or a second engine on the same workbook) sees the same in-flight keys.
  /** Titles of lookup targets: taken from the snapshot, completed by list reads. */
  let titles = new Map<RegisterId, Map<string, string>>();
  const loadSnapshot = async (): Promise<Snapshot> => {
    const parsed = parseSnapshot(await workbook.loadState(stateName));
    if (!parsed || parsed.mission !== mission) throw new NotPulledError();
    titles = new Map(
      Object.entries(parsed.lookupTitles ?? {}).map(([register, byId]) => [
        register as RegisterId,
        new Map(Object.entries(byId)),
      ]),
    );
    return parsed;
  };
  const titlesForSnapshot = (): Record<string, Record<string, string>> =>
    Object.fromEntries([...titles].map(([register, byId]) => [register, Object.fromEntries(byId)]));
  const lookupColumns = layout.columns.flatMap((column, col) =>
    column.kind === 'field' && column.field.type === 'lookup' && column.field.lookupRegister
      ? [{ col, field: column.field, register: column.field.lookupRegister }]
      : [],
  );
  /** One list read of the mission's items in a lookup target, replacing what was known of its titles. */
  const readTitles = async (register: RegisterId): Promise<void> => {
    if (!options.lookups) return;
    let records: DomainRecord[];
    try {
      const reader = await options.lookups(register);
      records = await reader.list({
        filter: [{ field: REGISTERS[register].missionField, op: 'eq', value: mission }],
      });
    } catch {
      return; // Titles are a reading aid: without them the cells show ids, and typed titles are reported unknown.
    }
    titles.set(
      register,
      new Map(records.flatMap((r) => (r.id ? [[r.id, String(r.values.Title ?? '')] as const] : []))),
    );
  };
  /** Reads the targets that hold ids not known yet (records) or that a cell names by title (rows). */
  const completeTitles = async (
    records: readonly DomainRecord[],
    rows: readonly (readonly CellValue[])[] = [],
    always = false,
  ): Promise<void> => {
    if (!options.lookups) return;
    const registers = new Set<RegisterId>();
    for (const { col, field, register } of lookupColumns) {
      const known = titles.get(register);
      const ids = records.flatMap((r) => {
        const v = r.values[field.name];
        return (Array.isArray(v) ? v : v == null ? [] : [v]).map(String);
      });
      if (always && ids.length > 0) registers.add(register);
      if (ids.some((id) => !known?.has(id))) registers.add(register);
      if (rows.some((cells) => lookupTokens(cells[col]).some(isTitleToken))) registers.add(register);
    }
    for (const register of registers) await readTitles(register);
  };
  const saveSnapshot = async (snapshot: Snapshot): Promise<void> => {
    if (titles.size > 0) snapshot.lookupTitles = titlesForSnapshot();
    await workbook.saveState(stateName, serializeSnapshot(snapshot));
  };

  const titleOf = (cells: readonly CellValue[] | undefined, values?: RecordValues): string => {
    const col = layout.fieldCols.get('Title');
    const fromCells = col === undefined ? '' : String(cells?.[col] ?? '');
    return fromCells || String(values?.Title ?? '');
  };

  const inMission = (record: DomainRecord): boolean => record.values[schema.missionField] === mission;

  const byTitle = (a: DomainRecord, b: DomainRecord) =>
    String(a.values.Title ?? '').localeCompare(String(b.values.Title ?? ''));

  const writeAll = async (rows: CellValue[][], startRow: number, onProgress?: (p: Progress) => void) => {
    let done = 0;
    for (const chunk of chunkByPayload(rows, PAYLOAD_BUDGET_BYTES, ROWS_PER_CALL)) {
      await workbook.writeRows(tableName, startRow + done, chunk);
      done += chunk.length;
      onProgress?.({ phase: 'writing', done, total: rows.length });
    }
  };

  const writeCellsChunked = async (cells: { row: number; col: number; value: CellValue }[]) => {
    for (const chunk of chunkByPayload(cells, CELL_BUDGET_BYTES, CELLS_PER_CALL))
      await workbook.writeCells(tableName, chunk);
  };

  const markCellsChunked = async (marks: readonly CellMark[]) => {
    for (const chunk of chunkByPayload(marks, CELL_BUDGET_BYTES, CELLS_PER_CALL))
      await workbook.markCells(tableName, chunk);
  };

  /** Cells of a row that differ from the record's rendering (values, id, eTag). */
  const rowUpdates = (row: number, cells: readonly CellValue[], record: DomainRecord) => {
    const target = recordToRow(layout, record, String(cells[layout.clientKeyCol] ?? ''), titles);
    const out: { row: number; col: number; value: CellValue }[] = [];
    target.forEach((value, col) => {
      if (col === layout.actionCol) return;
      if (String(cells[col] ?? '') !== String(value)) out.push({ row, col, value });
    });
    return out;
  };

  const issueText = (i: FieldIssue): string =>
    lookupIssueMessage(i, locale, labelOf(i.field)) ?? formatIssue(i, locale, schema, layout.missions);

  const issueMarks = (row: number, issues: readonly FieldIssue[]) =>
    issues.map((i) => ({
      row,
      col: layout.fieldCols.get(i.field) ?? layout.actionCol,
      fill: INVALID_FILL,
      note: issueText(i),
    }));

  const conflictOf = (
    plan: Extract<RowPlan, { kind: 'update' | 'delete' }>,
    cells: readonly CellValue[],
    base: RecordValues,
    theirs: DomainRecord | undefined,
  ): Conflict => {
    const mine = plan.kind === 'update' ? plan.changes : {};
    const fields: ConflictField[] = [];
    for (const [name, col] of layout.fieldCols) {
      const column = layout.columns[col];
      if (!column || column.kind !== 'field') continue;
      const theirValue = theirs?.values[name];
      const changedByMe = name in mine;
      const changedByThem = theirs !== undefined && !sameValue(theirValue, base[name]);
      if (!changedByMe && !changedByThem) continue;
      if (changedByMe && theirs !== undefined && sameValue(mine[name], theirValue)) continue;
      fields.push({
        field: name,
        label: column.field.label[locale],
        base: valueToCell(column.field, base[name], locale, layout, titles),
        mine: changedByMe
          ? (cells[col] ?? '')
          : valueToCell(column.field, base[name], locale, layout, titles),
        theirs: theirs ? valueToCell(column.field, theirValue, locale, layout, titles) : '',
      });
    }
    return { id: plan.id, row: plan.row, title: titleOf(cells, base), kind: plan.kind, theirs, mine, fields };
  };

  const labelOf = (name: string): string => schema.fields.find((f) => f.name === name)?.label[locale] ?? name;

  /** The person acting on a record (a stand-in with no roles when the engine has no actor to check). */
  const actorFor = (record: RecordValues): Actor =>
    (typeof options.actor === 'function' ? options.actor(record) : options.actor) ?? {
      email: '',
      roles: [],
      missions: [],
    };

  /** Why the actor may not send this row (undefined: allowed, or no actor to check). */
  const refusalOf = (
    plan: Extract<RowPlan, { kind: 'create' | 'update' | 'delete' }>,
    base: RecordValues,
  ): { code: RefusalCode; fields: readonly string[] } | undefined => {
    const record = plan.kind === 'create' ? plan.values : base;
    const actor = typeof options.actor === 'function' ? options.actor(record) : options.actor;
    if (!actor) return undefined;
    const decision = can(actor, plan.kind, schema, record);
    if (!decision.allowed) return { code: decision.reason, fields: [] };
    if (plan.kind !== 'update') return undefined;
    const fields = changedFieldsAllowed(actor, schema, base, plan.changes);
    return fields.allowed ? undefined : { code: fields.reason, fields: fields.fields };
  };

  const errorMessage = (result: Extract<BatchOperationResult, { status: 'rejected' }>): string =>
    result.error.message || result.error.code;

  async function push(
    onProgress?: (p: Progress) => void,
    onlyRows?: ReadonlySet<number>,
  ): Promise<PushReport> {
    const snapshot = await loadSnapshot();
    onProgress?.({ phase: 'reading', done: 0, total: 0 });
    const rows = await workbook.readRows(tableName);
    // Titles typed in lookup cells are read against the target register as it is now.
    await completeTitles([], rows);
    onProgress?.({ phase: 'checking', done: 0, total: rows.length });
    const plans = planRows(layout, rows, snapshot, { today: isoDay(now()), titles }).filter(
      (p) => !onlyRows || onlyRows.has(p.row),
    );
    const reports: RowReport[] = [];
    const conflicts: Conflict[] = [];
    const marks: { row: number; col: number; fill: string; note: string }[] = [];
    const cellWrites: { row: number; col: number; value: CellValue }[] = [];

    // Invalid and unknown rows: marked in the sheet, nothing sent.
    for (const plan of plans) {
      const cells = rows[plan.row];
      if (plan.kind === 'invalid') {
        marks.push(...issueMarks(plan.row, plan.issues));
        reports.push({
          row: plan.row,
          title: titleOf(cells),
          kind: plan.id ? 'update' : 'create',
          status: 'invalid',
          message: plan.issues.map(issueText).join(' · '),
          ...(plan.id ? { id: plan.id } : {}),
        });
      } else if (plan.kind === 'unknown') {
        reports.push({
          row: plan.row,
          title: titleOf(cells),
          kind: 'none',
          status: 'rejected',
          code: plan.reason,
          id: plan.id,
        });
      }
    }

    // New rows: make sure each has a key of its own, written to the sheet before anything is sent.
    const usedKeys = new Set<string>();
    const creates = plans.filter((p): p is Extract<RowPlan, { kind: 'create' }> => p.kind === 'create');
    const keyOfRow = new Map<number, string>();
    for (const plan of creates) {
      let key = plan.clientKey;
      if (!key || usedKeys.has(key)) {
        key = newClientKey();
        cellWrites.push({ row: plan.row, col: layout.clientKeyCol, value: key });
      }
      usedKeys.add(key);
      keyOfRow.set(plan.row, key);
    }
    if (cellWrites.length > 0) await writeCellsChunked(cellWrites.splice(0));

    // Keys that were sent before without an answer may already exist: find them instead of creating twice.
    const inFlight = new Set(snapshot.inFlightKeys);
    const alreadyCreated = new Map<string, DomainRecord>();
    for (const plan of creates) {
      const key = keyOfRow.get(plan.row) ?? '';
      if (!inFlight.has(key)) continue;
      const found = await gateway.list({ filter: [{ field: CLIENT_KEY_FIELD, op: 'eq', value: key }] });
      if (found[0]) alreadyCreated.set(key, found[0]);
    }

    const operations: BatchOperation[] = [];
    const planOfKey = new Map<string, RowPlan>();
    for (const plan of plans) {
      const key = `r${plan.row}`;
      if (plan.kind === 'create' || plan.kind === 'update' || plan.kind === 'delete') {
        const clientKey = plan.kind === 'create' ? (keyOfRow.get(plan.row) ?? '') : '';
        const refusal = alreadyCreated.has(clientKey)
          ? undefined
          : refusalOf(plan, plan.kind === 'create' ? {} : (snapshot.records[plan.id]?.values ?? {}));
        if (refusal) {
          // Not the person's to change: reported, marked, and nothing sent (the edit stays in the sheet).
          const message = refusalMessage(refusal.code, locale, refusal.fields.map(labelOf));
          const cols = refusal.fields.flatMap((f) => layout.fieldCols.get(f) ?? []);
          for (const col of cols.length > 0 ? cols : [layout.actionCol])
            marks.push({ row: plan.row, col, fill: INVALID_FILL, note: message });
          reports.push({
            row: plan.row,
            title: titleOf(rows[plan.row]),
            kind: plan.kind,
            status: 'rejected',
            code: refusal.code,
            message,
            ...(plan.kind !== 'create' ? { id: plan.id } : {}),
          });
          continue;
        }
      }
      if (plan.kind === 'create') {
        const clientKey = keyOfRow.get(plan.row) ?? '';
        const existing = alreadyCreated.get(clientKey);
        if (existing) {
          // Created by an earlier push whose answer was lost: record it, do not create it again.
          snapshot.records[existing.id ?? ''] = { eTag: existing.eTag ?? '', values: existing.values };
          cellWrites.push(...rowUpdates(plan.row, rows[plan.row] ?? [], existing));
          reports.push({
            row: plan.row,
            title: titleOf(rows[plan.row]),
            kind: 'create',
            status: 'saved',
            id: existing.id,
          });
          inFlight.delete(clientKey);
          continue;
        }
        operations.push({ key, kind: 'create', values: { ...plan.values, [CLIENT_KEY_FIELD]: clientKey } });
        inFlight.add(clientKey);
      } else if (plan.kind === 'update') {
        // A material change to a verified AI system re-opens its verification, as every writer does (the domain's
        // one rule; the person's own changes were checked above, the reset is the rule's, not theirs).
        const base = snapshot.records[plan.id]?.values ?? {};
        const reopened = verificationAfterEdit(base, plan.changes, actorFor(base), now(), schema);
        const changes = reopened ? { ...plan.changes, ...reopened.values } : plan.changes;
        operations.push({ key, kind: 'update', id: plan.id, eTag: plan.eTag, changes });
      } else if (plan.kind === 'delete') {
        operations.push({ key, kind: 'delete', id: plan.id, eTag: plan.eTag });
      } else continue;
      planOfKey.set(key, plan);
    }
    // Persist the keys about to be sent first: if the answer is lost, the next push looks them up.
    snapshot.inFlightKeys = [...inFlight];
    await saveSnapshot(snapshot);

    await workbook.clearMarks(tableName);
    onProgress?.({ phase: 'sending', done: 0, total: operations.length });
    const results =
      operations.length === 0
        ? []
        : await gateway.applyBatch(operations, {
            onProgress: (done, total) => onProgress?.({ phase: 'sending', done, total }),
          });

    const rowsToDelete: number[] = [];
    results.forEach((result, i) => {
      const op = operations[i];
      const plan = op ? planOfKey.get(op.key) : undefined;
      if (!op || !plan || (plan.kind !== 'create' && plan.kind !== 'update' && plan.kind !== 'delete'))
        return;
      const cells = rows[plan.row] ?? [];
      const title = titleOf(cells);
      if (result.status === 'saved') {
        if (plan.kind === 'delete') {
          delete snapshot.records[plan.id];
          rowsToDelete.push(plan.row);
        } else if (result.record) {
          snapshot.records[result.id] = {
            eTag: result.eTag ?? result.record.eTag ?? '',
            values: result.record.values,
          };
          cellWrites.push(...rowUpdates(plan.row, cells, result.record));
        }
        if (plan.kind === 'create') inFlight.delete(keyOfRow.get(plan.row) ?? '');
        reports.push({ row: plan.row, title, kind: plan.kind, status: 'saved', id: result.id });
      } else if (result.status === 'conflict') {
        if (plan.kind === 'create') return;
        const theirs = result.error.current;
        if (
          plan.kind === 'update' &&
          theirs &&
          Object.entries(plan.changes).every(([field, value]) => sameValue(value, theirs.values[field]))
        ) {
          // Every change is already there (an earlier push applied it but its answer was lost): nothing to
          // resolve. Their version, which holds my edits, becomes the row and the base.
          snapshot.records[plan.id] = { eTag: theirs.eTag ?? '', values: theirs.values };
          cellWrites.push(...rowUpdates(plan.row, cells, theirs));
          reports.push({ row: plan.row, title, kind: plan.kind, status: 'saved', id: plan.id });
          return;
        }
        const base = snapshot.records[plan.id]?.values ?? {};
        const conflict = conflictOf(plan, cells, base, result.error.current);
        conflicts.push(conflict);
        for (const f of conflict.fields) {
          const col = layout.fieldCols.get(f.field);
          if (col !== undefined)
            marks.push({ row: plan.row, col, fill: CONFLICT_FILL, note: `${f.label}: ${String(f.theirs)}` });
        }
        reports.push({ row: plan.row, title, kind: plan.kind, status: 'conflict', id: plan.id });
      } else {
        // A create answered with a client error was certainly not made; a lost or failed answer might have been.
        const status = result.error.status;
        if (plan.kind === 'create' && status >= 400 && status < 500)
          inFlight.delete(keyOfRow.get(plan.row) ?? '');
        marks.push({ row: plan.row, col: layout.actionCol, fill: INVALID_FILL, note: errorMessage(result) });
        reports.push({
          row: plan.row,
          title,
          kind: plan.kind,
          status: 'rejected',
          code: result.error.code,
          message: errorMessage(result),
          ...(plan.kind !== 'create' ? { id: plan.id } : {}),
        });
      }
    });

    onProgress?.({ phase: 'saving', done: 0, total: 0 });
    snapshot.inFlightKeys = [...inFlight];
    await saveSnapshot(snapshot);
    if (cellWrites.length > 0) await writeCellsChunked(cellWrites);
    if (marks.length > 0) await markCellsChunked(marks);
    if (rowsToDelete.length > 0) await workbook.deleteRows(tableName, rowsToDelete);

    // Row numbers in the report follow the deletions.
    const shift = (row: number) => row - rowsToDelete.filter((d) => d < row).length;
    const deleted = new Set(rowsToDelete);
    const finalRows = reports
      .map((r) => (deleted.has(r.row) ? r : { ...r, row: shift(r.row) }))
      .sort((a, b) => a.row - b.row);
    const finalConflicts = conflicts.map((c) => ({ ...c, row: shift(c.row) }));
    const counts = emptyCounts();
    for (const r of finalRows) counts[r.status]++;
    return { rows: finalRows, conflicts: finalConflicts, counts, sent: operations.length };
  }

  const countPending = async (snapshot: Snapshot): Promise<number> => {
    const rows = await workbook.readRows(tableName);
    return planRows(layout, rows, snapshot, { today: isoDay(now()), titles }).filter(
      (p) => p.kind !== 'unchanged' && p.kind !== 'blank',
    ).length;
  };

  const engine: SyncEngine = {
    layout,
    tableName,

    async pull(onProgress) {
      onProgress?.({ phase: 'reading', done: 0, total: 0 });
      // The delta token is taken with the same read, so refresh later sees every change made after it.
      const { changed, deltaLink } = await gateway.delta();
      const records = changed.filter(inMission).sort(byTitle);
      titles = new Map();
      await completeTitles(records, [], true);
      await workbook.createTable(tableSetupOf(layout, sheetName));
      await writeAll(
        records.map((r) => recordToRow(layout, r, '', titles)),
        0,
        onProgress,
      );
      const snapshot: Snapshot = {
        version: 1,
        register: schema.id,
        mission,
        locale,
        pulledAt: now().toISOString(),
        deltaLink,
        records: Object.fromEntries(
          records.map((r) => [r.id ?? '', { eTag: r.eTag ?? '', values: r.values }]),
        ),
        inFlightKeys: [],
      };
      await saveSnapshot(snapshot);
      return { rows: records.length };
    },

    push: (onProgress) => push(onProgress),

    async refresh(onProgress) {
      const snapshot = await loadSnapshot();
      onProgress?.({ phase: 'reading', done: 0, total: 0 });
      const delta = await gateway.delta(snapshot.deltaLink);
      const rows = await workbook.readRows(tableName);
      await completeTitles(delta.changed);
      const rowOfId = new Map<string, number>();
      rows.forEach((cells, i) => {
        const id = String(cells[layout.idCol] ?? '');
        if (id && !rowOfId.has(id)) rowOfId.set(id, i);
      });
      const report = {
        updated: 0,
        added: 0,
        removed: 0,
        merged: 0,
        conflicting: 0,
        resynced: delta.resynced,
      };
      const cellWrites: { row: number; col: number; value: CellValue }[] = [];
      const appended: CellValue[][] = [];
      const toDelete: number[] = [];

      /** My edited fields on a row (compared with the snapshot). */
      const localChanges = (row: number, base: RecordValues) => {
        const decoded = decodeRow(layout, rows[row] ?? [], titles);
        const { changes, issues } = changedFields(layout, decoded, base, titles);
        const touched = new Set([...Object.keys(changes), ...issues.map((i) => i.field)]);
        return { touched, marked: decoded.markedForDeletion };
      };

      for (const record of delta.changed) {
        const id = record.id ?? '';
        const row = rowOfId.get(id);
        const base = snapshot.records[id];
        if (row === undefined || !base) {
          if (inMission(record) && !base) {
            appended.push(recordToRow(layout, record, '', titles));
            snapshot.records[id] = { eTag: record.eTag ?? '', values: record.values };
            report.added++;
          }
          continue;
        }
        if (base.eTag === record.eTag) continue;
        const { touched, marked } = localChanges(row, base.values);
        if (!inMission(record) && touched.size === 0 && !marked) {
          toDelete.push(row);
          delete snapshot.records[id];
          report.removed++;
          continue;
        }
        if (touched.size === 0 && !marked) {
          cellWrites.push(...rowUpdates(row, rows[row] ?? [], record));
          snapshot.records[id] = { eTag: record.eTag ?? '', values: record.values };
          report.updated++;
          continue;
        }
        const theirChanges = Object.keys(record.values).filter(
          (f) => !sameValue(record.values[f], base.values[f]),
        );
        if (marked || theirChanges.some((f) => touched.has(f))) {
          // Both sides changed the same thing: keep the old base, so the push meets a 412 and shows both values.
          report.conflicting++;
          continue;
        }
        // Their changes go to cells I did not touch; mine stay and are now edits against their version.
        const merged: Record<string, FieldValue> = { ...record.values };
        const cells = rows[row] ?? [];
        const target = recordToRow(
          layout,
          { ...record, values: merged },
          String(cells[layout.clientKeyCol] ?? ''),
          titles,
        );
        target.forEach((value, col) => {
          const column = layout.columns[col];
          if (column?.kind === 'field' && touched.has(column.field.name)) return;
          if (col === layout.actionCol) return;
          if (String(cells[col] ?? '') !== String(value)) cellWrites.push({ row, col, value });
        });
        snapshot.records[id] = { eTag: record.eTag ?? '', values: record.values };
        report.merged++;
      }
      // After a resync the read holds every item there is: what the pull had and the read lacks is gone.
      const present = new Set(delta.changed.map((r) => r.id ?? ''));
      const deleted = delta.resynced
        ? Object.keys(snapshot.records).filter((id) => !present.has(id))
        : delta.deleted;
      for (const id of deleted) {
        const row = rowOfId.get(id);
        const base = snapshot.records[id];
        if (row === undefined || !base) continue;
        const { touched } = localChanges(row, base.values);
        if (touched.size > 0) continue; // kept: the push will report that it is gone
        toDelete.push(row);
        delete snapshot.records[id];
        report.removed++;
      }
      onProgress?.({ phase: 'writing', done: 0, total: cellWrites.length + appended.length });
      if (cellWrites.length > 0) await writeCellsChunked(cellWrites);
      if (appended.length > 0) {
        const lastUsed = rows.reduce(
          (last, cells, i) => (decodeRow(layout, cells).blank && !cells[layout.idCol] ? last : i),
          -1,
        );
        await writeAll(appended, lastUsed + 1, onProgress);
      }
      if (toDelete.length > 0) await workbook.deleteRows(tableName, toDelete);
      snapshot.deltaLink = delta.deltaLink;
      await saveSnapshot(snapshot);
      return report;
    },

    async resolve(conflict, choice) {
      const snapshot = await loadSnapshot();
      const rows = await workbook.readRows(tableName);
      const row = rows.findIndex((cells) => String(cells[layout.idCol] ?? '') === conflict.id);
      if (row < 0) return undefined;
      const cells = rows[row] ?? [];
      const theirs = conflict.theirs;
      if (!theirs) {
        // Deleted in SharePoint: keeping mine creates it again as a new row; taking theirs removes the row.
        delete snapshot.records[conflict.id];
        await saveSnapshot(snapshot);
        if (choice === 'takeTheirs') {
          await workbook.deleteRows(tableName, [row]);
          return undefined;
        }
        await workbook.writeCells(tableName, [
          { row, col: layout.idCol, value: '' },
          { row, col: layout.eTagCol, value: '' },
          { row, col: layout.clientKeyCol, value: '' },
          { row, col: layout.actionCol, value: '' },
        ]);
        return choice === 'keepMine' ? push(undefined, new Set([row])) : undefined;
      }
      const pick = (field: string): 'mine' | 'theirs' =>
        choice === 'keepMine' ? 'mine' : choice === 'takeTheirs' ? 'theirs' : (choice[field] ?? 'theirs');
      // Their version becomes the base; the fields kept as mine stay in the sheet as edits against it.
      snapshot.records[conflict.id] = { eTag: theirs.eTag ?? '', values: theirs.values };
      await saveSnapshot(snapshot);
      const target = recordToRow(layout, theirs, String(cells[layout.clientKeyCol] ?? ''), titles);
      const writes: { row: number; col: number; value: CellValue }[] = [];
      target.forEach((value, col) => {
        const column = layout.columns[col];
        if (col === layout.actionCol) {
          if (conflict.kind === 'delete' && choice === 'takeTheirs') writes.push({ row, col, value: '' });
          return;
        }
        if (
          column?.kind === 'field' &&
          pick(column.field.name) === 'mine' &&
          column.field.name in conflict.mine
        )
          return;
        if (String(cells[col] ?? '') !== String(value)) writes.push({ row, col, value });
      });
      await workbook.writeCells(tableName, writes);
      // The conflict is resolved: its fills and notes go (a null note removes the cell's note).
      await markCellsChunked(layout.columns.map((_, col) => ({ row, col, fill: null, note: null })));
      return choice === 'keepMine' ? push(undefined, new Set([row])) : undefined;
    },

    async addRows(count) {
      const info = await workbook.getTable(tableName);
      if (!info) throw new NotPulledError();
      const blank = layout.columns.map(() => '' as CellValue);
      await workbook.writeRows(
        tableName,
        info.rowCount,
        Array.from({ length: count }, () => blank),
      );
    },

    async pending() {
      return countPending(await loadSnapshot());
    },

    async pendingIfPulled() {
      const info = await workbook.getTable(tableName);
      if (!info || !headersMatch(layout, info.headers)) return undefined;
      let snapshot: Snapshot;
      try {
        snapshot = await loadSnapshot();
      } catch (error) {
        if (error instanceof NotPulledError) return undefined;
        throw error;
      }
      return countPending(snapshot);
    },

    async hasSnapshot() {
      const info = await workbook.getTable(tableName);
      if (!info || !headersMatch(layout, info.headers)) return false;
      try {
        await loadSnapshot();
        return true;
      } catch {
        return false;
      }
    },
  };
  return engine;
};
