// The governance views' strings are their own bundle under `gov`, added to the tab's i18next instance
// the first time a governance view renders (so they stay out of the first-load bundle).
import type { i18n as I18n } from 'i18next';
import { LOCALES } from '../../../../domain/schema/types';
import { ar } from './ar';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';

const catalogues = { en, fr, es, ar } as const;
const done = new WeakSet<I18n>();

type Tree = { [key: string]: string | Tree };
// Arabic has zero/one/two/few/many/other plural forms; fill the missing ones from `_other`.
const fillPlurals = (tree: Tree): Tree => {
  const out: Tree = {};
  for (const [k, v] of Object.entries(tree)) {
    out[k] = typeof v === 'string' ? v : fillPlurals(v);
    if (typeof v !== 'string' || !k.endsWith('_other')) continue;
    const stem = k.slice(0, -'_other'.length);
    for (const f of ['zero', 'two', 'few', 'many']) if (!(`${stem}_${f}` in tree)) out[`${stem}_${f}`] = v;
  }
  return out;
};

export const registerGovernanceStrings = (i18n: I18n): void => {
  if (done.has(i18n)) return;
  for (const l of LOCALES)
    i18n.addResourceBundle(
      l,
      'translation',
      { gov: fillPlurals(catalogues[l] as unknown as Tree) },
      true,
      false,
    );
  done.add(i18n);
};
