// Compares the sheet with the snapshot and decides, row by row, what a push would do. Pure: no Excel, no Graph.
// Changed rows are validated with the domain rules; a row with any issue is sent nowhere.
import type { FieldValue, RecordValues } from '../../domain/schema/types';
import type { FieldIssue } from '../../domain/validation/issues';
import { validateRecord } from '../../domain/validation/validate';
import type { CellValue } from '../excel/workbook-port';
import { CLIENT_KEY_FIELD } from '../sheet/client-key';
import { decodeRow, valueToCell } from '../sheet/codec';
import type { DecodedRow } from '../sheet/codec';
import type { SheetLayout } from '../sheet/layout';
import type { LookupTitles } from '../sheet/lookups';
import { sameValue } from './snapshot';
import type { Snapshot } from './snapshot';

export type RowPlan =
  | { readonly kind: 'unchanged'; readonly row: number; readonly id: string }
  | { readonly kind: 'blank'; readonly row: number }
  | {
      readonly kind: 'invalid';
      readonly row: number;
      readonly id: string;
      readonly issues: readonly FieldIssue[];
    }
  | {
      readonly kind: 'unknown';
      readonly row: number;
      readonly id: string;
      readonly reason: 'notPulled' | 'duplicate';
    }
  | {
      readonly kind: 'create';
      readonly row: number;
      /** '' when the row has no key yet: the push assigns one before sending. */
      readonly clientKey: string;
      readonly values: RecordValues;
    }
  | {
      readonly kind: 'update';
      readonly row: number;
      readonly id: string;
      readonly eTag: string;
      readonly changes: RecordValues;
    }
  | { readonly kind: 'delete'; readonly row: number; readonly id: string; readonly eTag: string };

export interface DiffOptions {
  /** 'YYYY-MM-DD': a new row's empty "last reviewed" becomes today (creating it is a review). */
  readonly today: string;
  /** Titles of lookup targets, as the pull showed them. */
  readonly titles?: LookupTitles;
}

const cellText = (cell: CellValue | undefined): string => (cell === undefined ? '' : String(cell).trim());

/** The editable fields whose cell differs from the snapshot; an unreadable changed cell gives an issue. */
export const changedFields = (
  layout: SheetLayout,
  decoded: DecodedRow,
  base: RecordValues,
  titles?: LookupTitles,
): { changes: Record<string, FieldValue>; issues: FieldIssue[] } => {
  const changes: Record<string, FieldValue> = {};
  const issues: FieldIssue[] = [];
  for (const [name, col] of layout.fieldCols) {
    const column = layout.columns[col];
    if (!column || column.kind !== 'field' || !column.editable) continue;
    const rendered = valueToCell(column.field, base[name], layout.locale, layout, titles);
    // A cell showing exactly what was pulled is unchanged, even if SharePoint's own value would not validate.
    if (cellText(decoded.cells[col]) === cellText(rendered)) continue;
    const problem = decoded.issues.find((i) => i.field === name);
    if (problem) {
      issues.push(problem);
      continue;
    }
    const value = decoded.values[name] ?? null;
    if (!sameValue(value, base[name])) changes[name] = value;
  }
  return { changes, issues };
};

export const planRows = (
  layout: SheetLayout,
  rows: readonly (readonly CellValue[])[],
  snapshot: Snapshot,
  options: DiffOptions,
): RowPlan[] => {
  const schema = layout.register;
  const seen = new Set<string>();
  return rows.map((cells, row): RowPlan => {
    const decoded = decodeRow(layout, cells, options.titles);
    if (decoded.id === '') {
      if (decoded.blank || decoded.markedForDeletion) return { kind: 'blank', row };
      if (decoded.issues.length > 0) return { kind: 'invalid', row, id: '', issues: decoded.issues };
      const values: Record<string, FieldValue> = { ...decoded.values };
      if (values[schema.missionField] == null) values[schema.missionField] = snapshot.mission;
      if (values[schema.lastReviewedField] == null && layout.fieldCols.has(schema.lastReviewedField)) {
        values[schema.lastReviewedField] = options.today;
      }
      const result = validateRecord(schema, values, { missions: layout.missions });
      if (!result.ok) return { kind: 'invalid', row, id: '', issues: result.issues };
      return { kind: 'create', row, clientKey: decoded.clientKey, values: result.value };
    }
    if (seen.has(decoded.id)) return { kind: 'unknown', row, id: decoded.id, reason: 'duplicate' };
    seen.add(decoded.id);
    const base = snapshot.records[decoded.id];
    if (!base) return { kind: 'unknown', row, id: decoded.id, reason: 'notPulled' };
    if (decoded.markedForDeletion) return { kind: 'delete', row, id: decoded.id, eTag: base.eTag };
    const { changes, issues } = changedFields(layout, decoded, base.values, options.titles);
    if (issues.length > 0) return { kind: 'invalid', row, id: decoded.id, issues };
    if (Object.keys(changes).length === 0) return { kind: 'unchanged', row, id: decoded.id };
    const result = validateRecord(schema, changes, {
      partial: true,
      existing: base.values,
      missions: layout.missions,
    });
    if (!result.ok) return { kind: 'invalid', row, id: decoded.id, issues: result.issues };
    const normalized: Record<string, FieldValue> = {};
    for (const [name, value] of Object.entries(result.value)) {
      if (name !== CLIENT_KEY_FIELD && !sameValue(value, base.values[name])) normalized[name] = value;
    }
    if (Object.keys(normalized).length === 0) return { kind: 'unchanged', row, id: decoded.id };
    return { kind: 'update', row, id: decoded.id, eTag: base.eTag, changes: normalized };
  });
};

/** Rows edited locally (any plan other than unchanged/blank), by item id. */
export const editedIds = (plans: readonly RowPlan[]): Set<string> =>
  new Set(
    plans
      .filter((p) => p.kind === 'update' || p.kind === 'delete' || p.kind === 'invalid')
      .map((p) => ('id' in p ? p.id : ''))
      .filter((id) => id !== ''),
  );
