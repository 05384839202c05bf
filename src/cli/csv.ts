// CSV writing for `export`. The pure helpers live in src/domain/export so the tab can export tables too.
export { UTF8_BOM, csvCell, neutraliseFormula, quoteCsvCell, toCsv } from '../domain/export/csv';
