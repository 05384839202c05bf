// The /tab/ page's entry: the tab's code lives in src/tab.
import { bootTab } from '../../tab/main';

void bootTab(document.getElementById('root') as HTMLElement);
