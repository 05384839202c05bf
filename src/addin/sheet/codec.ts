// Record <-> sheet row. Writing: domain values become what a person reads in Excel (labels in their language,
// dates as Excel dates, people as e-mail). Reading: cells are handed to the domain's coerceFieldValue as they are,
// which accepts labels in any language, Excel date serials and typed text alike.
import { coerceFieldValue } from '../../domain/validation/coerce';
import type { FieldIssue } from '../../domain/validation/issues';
import type { DomainRecord, FieldDef, FieldValue, Locale } from '../../domain/schema/types';
import { isoDateToSerial } from '../excel/cell-entry';
import type { CellValue } from '../excel/workbook-port';
import { choiceLabel } from '../../domain/validation/messages';
import { booleanLabels, isDeleteMark } from './labels';
import type { SheetLayout } from './layout';
import { lookupToCell, parseLookupCell, type LookupTitles } from './lookups';

/** One domain value as a cell. */
export const valueToCell = (
  field: FieldDef,
  value: FieldValue | undefined,
  locale: Locale,
  layout: Pick<SheetLayout, 'missions'>,
  /** Titles of lookup targets: a lookup shows as "id – title" ("; " between several). */
  titles?: LookupTitles,
): CellValue => {
  if (value === null || value === undefined) return '';
  const label = (v: string) => choiceLabel(field, v, locale, layout.missions);
  switch (field.type) {
    case 'date':
      return typeof value === 'string' ? (isoDateToSerial(value) ?? value) : String(value);
    case 'number':
      return typeof value === 'number' ? value : String(value);
    case 'boolean': {
      const [yes, no] = booleanLabels(locale);
      return value === true ? yes : value === false ? no : String(value);
    }
    case 'choice':
      return typeof value === 'string' ? label(value) : String(value);
    case 'multiChoice':
      return Array.isArray(value) ? value.map(label).join('; ') : String(value);
    case 'lookup':
      return lookupToCell(field, value, titles);
    case 'url':
      // coerceFieldValue splits several URLs on white space.
      return Array.isArray(value) ? value.join('\n') : String(value);
    default:
      return Array.isArray(value) ? value.join('; ') : String(value);
  }
};

/** A record as a sheet row (action, fields, client key, id, eTag). */
export const recordToRow = (
  layout: SheetLayout,
  record: DomainRecord,
  clientKey = '',
  titles?: LookupTitles,
): CellValue[] =>
  layout.columns.map((column) => {
    switch (column.kind) {
      case 'action':
        return '';
      case 'field':
        return valueToCell(column.field, record.values[column.field.name], layout.locale, layout, titles);
      case 'clientKey':
        return clientKey || String(record.values.clientKey ?? '');
      case 'id':
        return record.id ?? '';
      case 'eTag':
        return record.eTag ?? '';
    }
  });

export interface DecodedRow {
  readonly id: string;
  readonly eTag: string;
  readonly clientKey: string;
  readonly markedForDeletion: boolean;
  /** Coerced values of the editable fields that could be read. */
  readonly values: Readonly<Record<string, FieldValue>>;
  /** Fields whose cell could not be read (the domain's issue). */
  readonly issues: readonly FieldIssue[];
  /** The raw cells, for showing "mine" in a conflict. */
  readonly cells: readonly CellValue[];
  /** No field has a value (an empty table row). */
  readonly blank: boolean;
}

const text = (cell: CellValue | undefined): string => (cell === undefined ? '' : String(cell).trim());

export const decodeRow = (
  layout: SheetLayout,
  cells: readonly CellValue[],
  titles?: LookupTitles,
): DecodedRow => {
  const values: Record<string, FieldValue> = {};
  const issues: FieldIssue[] = [];
  let blank = true;
  layout.columns.forEach((column, i) => {
    if (column.kind !== 'field') return;
    const cell = cells[i] ?? '';
    if (text(cell) !== '') blank = false;
    if (!column.editable) return;
    let raw: unknown = cell === '' ? null : cell;
    if (column.field.type === 'lookup' && raw !== null) {
      // "id – title", ids and exact titles become ids; the domain checks what is left (count, form).
      const parsed = parseLookupCell(column.field, raw, titles);
      if (!parsed.ok) {
        issues.push(parsed.issue);
        return;
      }
      raw = parsed.ids;
    }
    const result = coerceFieldValue(column.field, raw, { missions: layout.missions });
    if (result.ok) values[column.field.name] = result.value;
    else issues.push(result.issue);
  });
  return {
    id: text(cells[layout.idCol]),
    eTag: text(cells[layout.eTagCol]),
    clientKey: text(cells[layout.clientKeyCol]),
    markedForDeletion: isDeleteMark(cells[layout.actionCol]),
    values,
    issues,
    cells,
    blank,
  };
};
