export {
  TEXT_FORMAT,
  type CellValue,
  type CellChange,
  type CellMark,
  type ColumnSetup,
  type TableInfo,
  type TableSetup,
  type WorkbookPort,
} from './workbook-port';
export { enterCell, isDateFormat, isoDateToSerial, serialToIsoDate, type StoredCell } from './cell-entry';
export {
  MemoryWorkbook,
  type EnterResult,
  type MemoryTableView,
  type MemoryWorkbookStats,
} from './memory-workbook';
