// The /workbook/ page's entry: the in-memory workbook with the Excel task pane beside it (embedded mode).
import { bootLocalWorkbook } from '../../addin/boot';

void bootLocalWorkbook(document.getElementById('root') as HTMLElement);
