// Lookup cells: what a person reads is "<id> – <title>" (several separated by "; "); what they may type back is an
// id, "id – title" or an exact title (case-insensitive, unique among the titles known). Pure: the engine reads the
// titles from the target register and hands them in.
import type { FieldDef, FieldValue, Locale, RegisterId } from '../../domain/schema/types';
import { issue, type FieldIssue } from '../../domain/validation/issues';

/** Titles of the items lookups may point at: register -> item id -> title. */
export type LookupTitles = ReadonlyMap<RegisterId, ReadonlyMap<string, string>>;

export const LOOKUP_DASH = '–';
const ID = /^[1-9]\d*$/;
const ID_AND_TITLE = /^([1-9]\d*)\s*[–—-]\s*\S/;

const fold = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

/** One id as the sheet shows it. */
export const lookupText = (id: string, title: string | undefined): string =>
  title ? `${id} ${LOOKUP_DASH} ${title}` : id;

/** A lookup value as a cell. */
export const lookupToCell = (
  field: FieldDef,
  value: FieldValue,
  titles: LookupTitles | undefined,
): string => {
  const known = field.lookupRegister ? titles?.get(field.lookupRegister) : undefined;
  const ids = (Array.isArray(value) ? value : [value]).map(String).filter((id) => id !== '');
  return ids.map((id) => lookupText(id, known?.get(id))).join('; ');
};

/** The values of a lookup cell, trimmed ("; " or new lines between them). */
export const lookupTokens = (cell: unknown): string[] =>
  typeof cell === 'number'
    ? [String(cell)]
    : String(cell ?? '')
        .split(/[;\n]/)
        .map((s) => s.trim())
        .filter((s) => s !== '');

/** True when a token names an item by its title only (resolving it needs the register's titles). */
export const isTitleToken = (token: string): boolean => !ID.test(token) && !ID_AND_TITLE.test(token);

export type LookupReason = 'unknownTitle' | 'ambiguousTitle';

/**
 * The ids a lookup cell means, or an issue (code invalidLookup, params.reason unknownTitle / ambiguousTitle, with
 * the value concerned). The ids are handed on to the domain's coercion, which checks the count.
 */
export const parseLookupCell = (
  field: FieldDef,
  cell: unknown,
  titles: LookupTitles | undefined,
): { ok: true; ids: string[] } | { ok: false; issue: FieldIssue } => {
  const known = field.lookupRegister ? titles?.get(field.lookupRegister) : undefined;
  const ids: string[] = [];
  for (const token of lookupTokens(cell)) {
    let id: string | undefined;
    if (ID.test(token)) id = token;
    else {
      const withTitle = ID_AND_TITLE.exec(token);
      if (withTitle) id = withTitle[1];
      else {
        const wanted = fold(token);
        const matches = [...(known ?? new Map<string, string>())]
          .filter(([, title]) => fold(title) === wanted)
          .map(([key]) => key);
        if (matches.length !== 1) {
          const reason: LookupReason = matches.length === 0 ? 'unknownTitle' : 'ambiguousTitle';
          return { ok: false, issue: issue(field.name, 'invalidLookup', { value: token, reason }) };
        }
        id = matches[0];
      }
    }
    if (id !== undefined && !ids.includes(id)) ids.push(id);
  }
  return { ok: true, ids };
};

const REASONS: Readonly<Record<Locale, Readonly<Record<LookupReason, string>>>> = {
  en: {
    unknownTitle: '{label}: no item is called “{value}” (type its id, “id – title” or its exact title).',
    ambiguousTitle: '{label}: several items are called “{value}”: type the id of the one you mean.',
  },
  fr: {
    unknownTitle:
      '{label} : aucun élément ne s’appelle « {value} » (saisissez son identifiant, « id – titre » ou son titre exact).',
    ambiguousTitle:
      '{label} : plusieurs éléments s’appellent « {value} » : saisissez l’identifiant de celui que vous voulez.',
  },
  es: {
    unknownTitle:
      '{label}: ningún elemento se llama «{value}» (escriba su identificador, «id – título» o su título exacto).',
    ambiguousTitle: '{label}: varios elementos se llaman «{value}»: escriba el identificador del que desea.',
  },
  ar: {
    unknownTitle: '{label}: لا يوجد عنصر باسم «{value}» (اكتب معرّفه أو «المعرّف – العنوان» أو عنوانه بالضبط).',
    ambiguousTitle: '{label}: توجد عدة عناصر باسم «{value}»: اكتب معرّف العنصر المقصود.',
  },
};

/** The add-in's own reason for a lookup issue, or undefined when the domain's message applies. */
export const lookupIssueMessage = (i: FieldIssue, locale: Locale, label: string): string | undefined => {
  const reason = i.params.reason;
  if (i.code !== 'invalidLookup' || (reason !== 'unknownTitle' && reason !== 'ambiguousTitle'))
    return undefined;
  return REASONS[locale][reason].replace('{label}', label).replace('{value}', String(i.params.value ?? ''));
};
