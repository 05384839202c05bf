export { UTF8_BOM, neutraliseFormula, quoteCsvCell, csvCell, toCsv } from './csv';
