// Register records -> CSV text: one column per schema field (English labels), plus the item id and the
// last change, so a spreadsheet can be matched back to SharePoint.
import type { DomainRecord, FieldValue, RegisterSchema } from '../../domain/schema/types';
import { toCsv } from '../csv';

export function registerCsv(schema: RegisterSchema, records: readonly DomainRecord[]): string {
  const header: FieldValue[] = ['ID', ...schema.fields.map((f) => f.label.en), 'Modified', 'Modified by'];
  const rows: (FieldValue | undefined)[][] = records.map((record) => [
    record.id ?? '',
    ...schema.fields.map((f) => record.values[f.name]),
    record.modifiedAt ?? '',
    record.modifiedBy ?? '',
  ]);
  return toCsv([header, ...rows]);
}
