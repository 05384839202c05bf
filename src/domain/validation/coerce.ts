// Turns raw input (an Excel cell, a form control, a card action) into a domain value, or one issue.
// Idempotent: a valid domain value comes back unchanged, so validation can always go through here.
import { MISSIONS, REGIONS } from '../reference/missions';
import type { Mission } from '../reference/missions';
import { LOCALES } from '../schema/types';
import type { FieldDef, FieldValue, Localized } from '../schema/types';
import { fromExcelSerial, isoFromParts } from '../time/dates';
import { issue } from './issues';
import { checkUrl, DEFAULT_URL_POLICY } from './urls';
import type { UrlPolicy } from './urls';
import type { FieldIssue } from './issues';

export interface CoerceOptions {
  /** The mission catalogue for choiceSource 'missions' (default: the built-in MISSIONS). */
  readonly missions?: readonly Mission[];
  /** How to read d/m/y-looking dates such as 03/04/2025. Default 'DMY' (most of our locales). */
  readonly dateOrder?: 'DMY' | 'MDY';
  /** The URL schemes the organisation accepts (default: https and mailto). */
  readonly urlPolicy?: UrlPolicy;
}

export type CoerceResult =
  { readonly ok: true; readonly value: FieldValue } | { readonly ok: false; readonly issue: FieldIssue };

export const DEFAULT_TEXT_MAX_LENGTH = 255;
export const DEFAULT_NOTE_MAX_LENGTH = 63_999;
/** A single URL lives in a single-line text column, which keeps at most 255 characters. */
export const URL_MAX_LENGTH = 255;

const ok = (value: FieldValue): CoerceResult => ({ ok: true, value });
const fail = (i: FieldIssue): CoerceResult => ({ ok: false, issue: i });

/** Arabic-Indic and Persian digits (and the Arabic decimal separator) to ASCII, so Arabic input parses. */
export const normalizeDigits = (s: string): string =>
  s
    .replace(/[\u0660-\u0669]/g, (c) => String(c.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (c) => String(c.charCodeAt(0) - 0x06f0))
    .replace(/\u066b/g, '.');

const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

export const isEmptyValue = (v: unknown): boolean =>
  v === undefined ||
  v === null ||
  (typeof v === 'string' && v.trim() === '') ||
  (Array.isArray(v) && v.length === 0);

// C0 and C1 controls, and the bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069)
// that make text display in another order than it is stored ("Trojan Source"); mixed Arabic and Latin text needs
// none of them (the marks U+200E/U+200F stay allowed). Notes may keep tab and newline.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const TEXT_CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOTE_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
// A lone UTF-16 surrogate is no character at all: SharePoint stores it as U+FFFD, so the text read back differs.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// What a spreadsheet would run when the value is exported or pasted back: '=' anything, or + - @ before a
// function call or a DDE link ("+cmd|…"). A phone number (+41 …) or a dash (- see notes) is not one.
const FORMULA = /^(=|[+\-@]\s*[A-Za-z_][\w.]*\s*[(|!])/;

const asText = (raw: unknown): string | undefined =>
  typeof raw === 'string' ? raw : typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : undefined;

const display = (raw: unknown): string => {
  if (typeof raw === 'string') return raw.length > 80 ? `${raw.slice(0, 77)}…` : raw;
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? 'Invalid Date' : raw.toISOString();
  return typeof raw;
};

/** Splits a multi-value cell: arrays pass through, text splits on the given separators. */
const splitValues = (raw: unknown, separators: RegExp): unknown[] | undefined => {
  if (Array.isArray(raw)) return raw as unknown[];
  const text = asText(raw);
  if (text === undefined) return undefined;
  return text
    .split(separators)
    .map((s) => s.trim())
    .filter((s) => s !== '');
};

const coerceText = (field: FieldDef, raw: unknown): CoerceResult => {
  const text = asText(raw);
  if (text === undefined) return fail(issue(field.name, 'invalidType', { value: display(raw) }));
  const note = field.type === 'note';
  const value = (note ? text.replace(/\r\n?/g, '\n') : text).trim();
  if (value === '') return ok(null);
  if ((note ? NOTE_CONTROL : TEXT_CONTROL).test(value) || LONE_SURROGATE.test(value))
    return fail(issue(field.name, 'controlCharacters'));
  if (field.format !== 'json' && FORMULA.test(value))
    return fail(issue(field.name, 'formula', { value: display(value) }));
  const max = field.maxLength ?? (note ? DEFAULT_NOTE_MAX_LENGTH : DEFAULT_TEXT_MAX_LENGTH);
  if (value.length > max) return fail(issue(field.name, 'tooLong', { maxLength: max, length: value.length }));
  if (field.format === 'json') {
    try {
      JSON.parse(value);
    } catch {
      return fail(issue(field.name, 'invalidJson'));
    }
  }
  return ok(value);
};

interface ChoiceOption {
  readonly value: string;
  readonly aliases: readonly string[];
}

const optionsOf = (field: FieldDef, missions: readonly Mission[]): readonly ChoiceOption[] => {
  const labelsOf = (l: Localized | undefined): string[] => (l ? LOCALES.map((loc) => l[loc]) : []);
  if (field.choiceSource === 'missions')
    return missions.map((m) => ({ value: m.id, aliases: [m.id, m.code, ...labelsOf(m.name)] }));
  if (field.choiceSource === 'regions')
    return REGIONS.map((r) => ({ value: r.id, aliases: [r.id, ...labelsOf(r.name)] }));
  return (field.choices ?? []).map((c) => ({ value: c, aliases: [c, ...labelsOf(field.choiceLabels?.[c])] }));
};

/** The stored values a choice field accepts. */
export const choiceValuesOf = (field: FieldDef, missions: readonly Mission[] = MISSIONS): readonly string[] =>
  optionsOf(field, missions).map((o) => o.value);

const matchChoice = (options: readonly ChoiceOption[], text: string): string | undefined => {
  const exact = options.find((o) => o.value === text);
  if (exact) return exact.value;
  const key = fold(text);
  return options.find((o) => o.aliases.some((a) => fold(a) === key))?.value;
};

const coerceChoice = (field: FieldDef, raw: unknown, missions: readonly Mission[]): CoerceResult => {
  const text = asText(raw);
  if (text === undefined) return fail(issue(field.name, 'invalidType', { value: display(raw) }));
  if (text.trim() === '') return ok(null);
  const options = optionsOf(field, missions);
  const value = matchChoice(options, text.trim());
  return value === undefined
    ? fail(issue(field.name, 'invalidChoice', { value: text.trim(), choices: options.map((o) => o.value) }))
    : ok(value);
};

const coerceMultiChoice = (field: FieldDef, raw: unknown, missions: readonly Mission[]): CoerceResult => {
  // Excel cells list several choices separated by ';' (SharePoint's own export), ',' or new lines.
  const items = splitValues(raw, /[;,\u060c\n]/);
  if (items === undefined) return fail(issue(field.name, 'invalidType', { value: display(raw) }));
  const options = optionsOf(field, missions);
  const out: string[] = [];
  for (const item of items) {
    const text = asText(item);
    if (text === undefined) return fail(issue(field.name, 'invalidType', { value: display(item) }));
    if (text.trim() === '') continue;
    const value = matchChoice(options, text.trim());
    if (value === undefined)
      return fail(
        issue(field.name, 'invalidChoice', { value: text.trim(), choices: options.map((o) => o.value) }),
      );
    if (!out.includes(value)) out.push(value);
  }
  return ok(out.length === 0 ? null : out);
};

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'oui', 'vrai', 'si', 'verdadero', 'نعم']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'non', 'faux', 'falso', 'لا']);

const coerceBoolean = (field: FieldDef, raw: unknown): CoerceResult => {
  if (typeof raw === 'boolean') return ok(raw);
  if (raw === 1 || raw === 0) return ok(raw === 1);
  if (typeof raw === 'string') {
    const key = fold(normalizeDigits(raw));
    if (key === '') return ok(null);
    if (TRUE_WORDS.has(key)) return ok(true);
    if (FALSE_WORDS.has(key)) return ok(false);
  }
  return fail(issue(field.name, 'invalidBoolean', { value: display(raw) }));
};

const coerceNumber = (field: FieldDef, raw: unknown): CoerceResult => {
  let n: number;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return fail(issue(field.name, 'notANumber', { value: display(raw) }));
    n = raw;
  } else if (typeof raw === 'string') {
    const text = normalizeDigits(raw).trim();
    if (text === '') return ok(null);
    // A decimal comma is accepted (fr, es); thousands separators are not, to avoid guessing.
    if (!/^[+-]?(\d+([.,]\d+)?|[.,]\d+)$/.test(text))
      return fail(issue(field.name, 'notANumber', { value: raw.trim() }));
    n = Number(text.replace(',', '.'));
  } else {
    return fail(issue(field.name, 'notANumber', { value: display(raw) }));
  }
  if (field.integer && !Number.isInteger(n)) return fail(issue(field.name, 'notAnInteger', { value: n }));
  if ((field.min !== undefined && n < field.min) || (field.max !== undefined && n > field.max))
    return fail(issue(field.name, 'outOfRange', { value: n, min: field.min ?? '', max: field.max ?? '' }));
  return ok(n);
};

const coerceDate = (field: FieldDef, raw: unknown, dateOrder: 'DMY' | 'MDY'): CoerceResult => {
  const bad = () => fail(issue(field.name, 'invalidDate', { value: display(raw) }));
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return bad();
    const iso = isoFromParts(raw.getUTCFullYear(), raw.getUTCMonth() + 1, raw.getUTCDate());
    return iso ? ok(iso) : bad();
  }
  if (typeof raw === 'number') {
    const iso = fromExcelSerial(raw);
    return iso ? ok(iso) : bad();
  }
  if (typeof raw !== 'string') return bad();
  const text = normalizeDigits(raw).trim();
  if (text === '') return ok(null);
  let m = /^(\d{4})-(\d{2})-(\d{2})(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  let iso: string | undefined;
  if (m) iso = isoFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  else if ((m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(text)))
    iso = isoFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  else if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text))) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    iso = dateOrder === 'DMY' ? isoFromParts(Number(m[3]), b, a) : isoFromParts(Number(m[3]), a, b);
  }
  return iso ? ok(iso) : bad();
};

const EMAIL = /^[a-z0-9._%+'-]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/;

const coercePerson = (field: FieldDef, raw: unknown): CoerceResult => {
  // ';' or new lines separate people; ',' too, unless it sits inside "Diallo, Amina <amina@…>".
  const items = splitValues(raw, /[;\n]/)?.flatMap((x) =>
    typeof x === 'string' && !x.includes('<') ? x.split(',') : [x],
  );
  if (items === undefined) return fail(issue(field.name, 'invalidType', { value: display(raw) }));
  const out: string[] = [];
  for (const item of items) {
    if (typeof item !== 'string') return fail(issue(field.name, 'invalidEmail', { value: display(item) }));
    // Accept "Amina Diallo <amina.diallo@example.org>", as pasted from Outlook.
    const angle = /<([^<>]+)>\s*$/.exec(item);
    const email = (angle?.[1] ?? item).trim().toLowerCase();
    if (email === '') continue;
    if (!EMAIL.test(email)) return fail(issue(field.name, 'invalidEmail', { value: item.trim() }));
    if (!out.includes(email)) out.push(email);
  }
  return finishMulti(field, out);
};

const finishMulti = (field: FieldDef, out: string[]): CoerceResult => {
  if (out.length === 0) return ok(null);
  if (field.multiple) return ok(out);
  if (out.length > 1) return fail(issue(field.name, 'tooManyValues', { count: out.length }));
  return ok(out[0] ?? null);
};

const coerceLookup = (field: FieldDef, raw: unknown): CoerceResult => {
  const items = typeof raw === 'number' ? [raw] : splitValues(raw, /[;,\s]+/);
  if (items === undefined) return fail(issue(field.name, 'invalidType', { value: display(raw) }));
  const out: string[] = [];
  for (const item of items) {
    const id = typeof item === 'number' ? String(item) : typeof item === 'string' ? item.trim() : undefined;
    if (id === undefined || !/^[1-9]\d*$/.test(id))
      return fail(issue(field.name, 'invalidLookup', { value: display(item) }));
    if (!out.includes(id)) out.push(id);
  }
  return finishMulti(field, out);
};

const coerceUrl = (field: FieldDef, raw: unknown, policy: UrlPolicy): CoerceResult => {
  // Several URLs: one per line (or any whitespace, which a URL cannot contain).
  const items = field.multiple
    ? splitValues(raw, /\s+/)
    : typeof raw === 'string'
      ? [raw.trim()].filter((s) => s)
      : undefined;
  if (items === undefined) return fail(issue(field.name, 'invalidType', { value: display(raw) }));
  const schemes = policy.schemes.join(', ');
  const out: string[] = [];
  for (const item of items) {
    if (typeof item !== 'string')
      return fail(issue(field.name, 'invalidUrl', { value: display(item), schemes }));
    const check = checkUrl(item, policy);
    if (!check.ok) {
      if (check.reason === 'controlCharacters') return fail(issue(field.name, 'controlCharacters'));
      return fail(issue(field.name, 'invalidUrl', { value: item.trim(), schemes }));
    }
    const max = field.maxLength ?? URL_MAX_LENGTH;
    if (check.url.length > max)
      return fail(issue(field.name, 'tooLong', { maxLength: max, length: check.url.length }));
    if (!out.includes(check.url)) out.push(check.url);
  }
  return finishMulti(field, out);
};

/** Coerces one raw value for a field. Never throws. Empty input (undefined, null, '', []) becomes null. */
export const coerceFieldValue = (
  field: FieldDef,
  raw: unknown,
  options: CoerceOptions = {},
): CoerceResult => {
  if (raw === undefined || raw === null || (Array.isArray(raw) && raw.length === 0)) return ok(null);
  const missions = options.missions ?? MISSIONS;
  switch (field.type) {
    case 'text':
    case 'note':
      return coerceText(field, raw);
    case 'choice':
      return coerceChoice(field, raw, missions);
    case 'multiChoice':
      return coerceMultiChoice(field, raw, missions);
    case 'boolean':
      return coerceBoolean(field, raw);
    case 'number':
      return coerceNumber(field, raw);
    case 'date':
      return coerceDate(field, raw, options.dateOrder ?? 'DMY');
    case 'person':
      return coercePerson(field, raw);
    case 'lookup':
      return coerceLookup(field, raw);
    case 'url':
      return coerceUrl(field, raw, options.urlPolicy ?? DEFAULT_URL_POLICY);
  }
};
