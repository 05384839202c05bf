// CSV writing shared by the CLI's `export` and the tab's table exports: RFC 4180 quoting, spreadsheet
// formula neutralisation (OWASP CSV injection), UTF-8 BOM for Excel. Pure: text in, text out.
import type { FieldValue } from '../schema/types';

/** Excel needs the BOM to read UTF-8 (accents, Arabic) instead of the ANSI code page. */
export const UTF8_BOM = '\uFEFF';

// Characters that make Excel, LibreOffice or Google Sheets treat a cell as a formula.
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/** Prefixes a text cell that a spreadsheet would run as a formula with a single quote. */
export function neutraliseFormula(text: string): string {
  return text.length > 0 && FORMULA_TRIGGERS.has(text[0] as string) ? `'${text}` : text;
}

/** Quotes a cell when RFC 4180 requires it (comma, quote, CR or LF) or when edges have spaces. */
export function quoteCsvCell(text: string): string {
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Renders one domain value as CSV cell text: neutralised, then quoted. */
export function csvCell(value: FieldValue | undefined): string {
  if (value === null || value === undefined) return '';
  // Numbers are data, not formulas: a negative number keeps its sign.
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const text = typeof value === 'string' ? value : value.join('; ');
  return quoteCsvCell(neutraliseFormula(text));
}

/** Joins rows with CRLF (RFC 4180), with the BOM first unless told not to; ends with a final CRLF. */
export function toCsv(
  rows: readonly (readonly (FieldValue | undefined)[])[],
  options: { bom?: boolean } = {},
): string {
  const body = rows.map((row) => row.map(csvCell).join(',')).join('\r\n');
  return (options.bom === false ? '' : UTF8_BOM) + body + (rows.length > 0 ? '\r\n' : '');
}
