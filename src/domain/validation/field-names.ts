import { LOCALES } from '../schema/types';
import type { FieldDef, RegisterSchema } from '../schema/types';

const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/**
 * The field a column header refers to: its internal name, or its label in any language (Excel
 * sheets are often typed by hand). Undefined for an unknown header, which validation reports.
 */
export const resolveFieldName = (schema: RegisterSchema, header: string): FieldDef | undefined => {
  const exact = schema.fields.find((f) => f.name === header);
  if (exact) return exact;
  const key = fold(header);
  return schema.fields.find((f) => fold(f.name) === key || LOCALES.some((l) => fold(f.label[l]) === key));
};
