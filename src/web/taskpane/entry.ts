// The /taskpane/ page's entry (inside Excel): the add-in's code lives in src/addin.
import { bootTaskpane } from '../../addin/boot';

void bootTaskpane(document.getElementById('root') as HTMLElement);
