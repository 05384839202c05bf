// Field values: validation of writes against column types, read shaping (Graph's fieldValueSet), and the
// mapping of `fields/X` in $filter/$orderby to stored JSON.
import type { RequestContext } from '../context';
import {
  fieldNotRecognized,
  hyperlinkWriteRefused,
  invalidRequest,
  listViewThresholdExceeded,
  lookupThresholdExceeded,
  nonIndexedField,
  userNotInSite,
} from '../errors/graph-error-factory';
import { isObject, type JsonObject } from '../http/wire';
import type { FieldKind, FieldResolver, ResolvedField } from '../odata/sql-compiler';
import type {
  ColumnRecord,
  FieldMap,
  ItemRecord,
  ListRecord,
  SiteRecord,
  StoredValue,
} from '../persistence/list-store';
import { storedFieldSql as fieldExpression } from '../persistence/list-store';
import { UIL_TITLE } from './common';

/** Read-only system fields present on every item. */
export const SYSTEM_FIELDS = [
  'id',
  'ID',
  'ContentType',
  'Created',
  'Modified',
  'AuthorLookupId',
  'EditorLookupId',
  '_UIVersionString',
  'Attachments',
  'Author',
  'Editor',
];

export function itemETag(item: { uniqueId: string; version: number }): string {
  return `"${item.uniqueId},${item.version}"`;
}

const isMultiLookup = (c: ColumnRecord): boolean =>
  (c.type === 'personOrGroup' && c.facet.allowMultipleSelection === true) ||
  (c.type === 'lookup' && c.facet.allowMultipleValues === true);

const isMultiChoice = (c: ColumnRecord): boolean => c.type === 'choice' && c.facet.displayAs === 'checkBoxes';

const isLookupLike = (c: ColumnRecord): boolean => c.type === 'personOrGroup' || c.type === 'lookup';

function findColumn(columns: ColumnRecord[], name: string): ColumnRecord | undefined {
  return (
    columns.find((c) => c.name === name) ?? columns.find((c) => c.name.toLowerCase() === name.toLowerCase())
  );
}

/** `{Name}LookupId` → the person/lookup column. */
function lookupColumnFor(columns: ColumnRecord[], key: string): ColumnRecord | undefined {
  if (!/LookupId$/i.test(key)) return undefined;
  const c = findColumn(columns, key.slice(0, -'LookupId'.length));
  return c && isLookupLike(c) ? c : undefined;
}

export interface LookupTargets {
  /** The site's User Information List (persons). */
  uil?: ListRecord;
  site: SiteRecord;
}

function toInt(v: unknown, name: string): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < 0) throw invalidRequest(`Invalid lookup value for field '${name}'.`);
  return n;
}

function normaliseDate(v: unknown, c: ColumnRecord): string {
  const d = typeof v === 'string' ? new Date(v) : new Date(NaN);
  if (Number.isNaN(d.getTime()))
    throw invalidRequest(`The value '${String(v)}' is not a valid date for field '${c.name}'.`);
  if (c.facet.format === 'dateOnly') {
    // Site time zone is UTC here: midnight of the given calendar day.
    const day = /^\d{4}-\d{2}-\d{2}/.exec(String(v))?.[0] ?? d.toISOString().slice(0, 10);
    return `${day}T00:00:00Z`;
  }
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Validates a partial fieldValueSet. Returns the values to set and the column names to clear.
 * Lookup existence is checked by `exists(column, id)`.
 */
export function validateWrite(
  body: unknown,
  columns: ColumnRecord[],
  exists: (column: ColumnRecord, id: number) => boolean,
  rules: { hyperlinkWrites: boolean } = { hyperlinkWrites: false },
): { set: FieldMap; clear: string[] } {
  if (!isObject(body)) throw invalidRequest('The request body must be a JSON object of field values.');
  const set: FieldMap = {};
  const clear: string[] = [];
  const annotations = new Map<string, string>();
  for (const [k, v] of Object.entries(body)) {
    const at = k.indexOf('@odata.type');
    if (at > 0) annotations.set(k.slice(0, at), String(v));
  }
  for (const [key, raw] of Object.entries(body)) {
    if (key.startsWith('@odata.') || key.includes('@odata.')) continue;
    if (SYSTEM_FIELDS.includes(key)) throw invalidRequest(`Field '${key}' is read-only`);
    const lookupCol = lookupColumnFor(columns, key);
    const col = lookupCol ?? findColumn(columns, key);
    if (!col || col.readOnly) throw fieldNotRecognized(key);
    if (isLookupLike(col) && !lookupCol) throw fieldNotRecognized(key);
    const name = col.name;
    if (raw === null || raw === '' || (Array.isArray(raw) && raw.length === 0)) {
      clear.push(name);
      continue;
    }
    const annotation = annotations.get(key);
    if (isMultiLookup(col)) {
      if (annotation !== 'Collection(Edm.Int32)') {
        throw invalidRequest(
          `A value without a type name was found and no expected type is available for '${key}'. Add '${key}@odata.type': 'Collection(Edm.Int32)'.`,
        );
      }
      if (!Array.isArray(raw)) throw invalidRequest(`Field '${key}' expects an array of ids.`);
      const ids = raw.map((v) => toInt(v, key));
      for (const id of ids) if (!exists(col, id)) throw missingLookup(col, key, id);
      set[name] = [...new Set(ids)];
      continue;
    }
    if (isLookupLike(col)) {
      const id = toInt(raw, key);
      if (!exists(col, id)) throw missingLookup(col, key, id);
      set[name] = id;
      continue;
    }
    // Graph refuses every hyperlinkOrPicture value, with or without @odata.type (reference/graph-lists.md §10).
    if (col.type === 'hyperlinkOrPicture' && !rules.hyperlinkWrites) throw hyperlinkWriteRefused();
    set[name] = validateScalar(col, raw, annotation);
  }
  return { set, clear };
}

/** A person must be in the site's User Information List; a lookup target must exist. */
function missingLookup(col: ColumnRecord, key: string, id: number) {
  if (col.type === 'personOrGroup') return userNotInSite();
  return invalidRequest(`The lookup value ${id} of field '${key}' does not exist.`);
}

/** SharePoint's lookup column threshold: at most 12 lookup (and person) columns projected by one query. */
export const MAX_PROJECTED_LOOKUPS = 12;

/** Throws when `$select` names more lookup/person columns (by display-value name) than SharePoint allows. */
export function checkLookupThreshold(columns: ColumnRecord[], select: string[] | undefined): void {
  if (!select) return;
  const wanted = new Set(select.map((s) => s.toLowerCase()));
  const projected = columns.filter((c) => isLookupLike(c) && wanted.has(c.name.toLowerCase())).length;
  if (projected > MAX_PROJECTED_LOOKUPS) throw lookupThresholdExceeded();
}

function validateScalar(col: ColumnRecord, raw: unknown, annotation: string | undefined): StoredValue {
  const name = col.name;
  switch (col.type) {
    case 'text': {
      if (typeof raw !== 'string' && typeof raw !== 'number')
        throw invalidRequest(`Field '${name}' expects text.`);
      const s = String(raw);
      const max =
        typeof col.facet.maxLength === 'number'
          ? col.facet.maxLength
          : col.facet.allowMultipleLines
            ? 1e9
            : 255;
      if (s.length > max)
        throw invalidRequest(`The value of field '${name}' exceeds the maximum length of ${max}.`);
      return s;
    }
    case 'choice': {
      const choices = Array.isArray(col.facet.choices) ? (col.facet.choices as string[]) : [];
      const allowText = col.facet.allowTextEntry === true;
      const check = (v: unknown): string => {
        if (typeof v !== 'string') throw invalidRequest(`Field '${name}' expects a choice value.`);
        if (!allowText && !choices.includes(v)) {
          throw invalidRequest(`The value '${v}' is not one of the choices of field '${name}'.`);
        }
        return v;
      };
      if (isMultiChoice(col)) {
        if (annotation !== 'Collection(Edm.String)') {
          throw invalidRequest(
            `A value without a type name was found and no expected type is available for '${name}'. Add '${name}@odata.type': 'Collection(Edm.String)'.`,
          );
        }
        if (!Array.isArray(raw)) throw invalidRequest(`Field '${name}' expects an array of choices.`);
        return [...new Set(raw.map(check))];
      }
      return check(raw);
    }
    case 'number':
    case 'currency': {
      const n =
        typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
      if (!Number.isFinite(n)) throw invalidRequest(`Field '${name}' expects a number.`);
      const min = col.facet.minimum;
      const max = col.facet.maximum;
      if (typeof min === 'number' && n < min)
        throw invalidRequest(`The value of field '${name}' is below the minimum ${min}.`);
      if (typeof max === 'number' && n > max)
        throw invalidRequest(`The value of field '${name}' is above the maximum ${max}.`);
      return n;
    }
    case 'boolean':
      if (typeof raw === 'boolean') return raw;
      if (raw === 'true' || raw === 'false') return raw === 'true';
      throw invalidRequest(`Field '${name}' expects a boolean.`);
    case 'dateTime':
      return normaliseDate(raw, col);
    case 'hyperlinkOrPicture': {
      if (!isObject(raw) || typeof raw.Url !== 'string' || raw.Url === '') {
        throw invalidRequest(`Field '${name}' expects {"Url": "...", "Description": "..."}.`);
      }
      return { Url: raw.Url, Description: typeof raw.Description === 'string' ? raw.Description : raw.Url };
    }
    default:
      throw fieldNotRecognized(name);
  }
}

export interface ReadContext {
  ctx: RequestContext;
  targets: LookupTargets;
  /** Memoised lookups of (listId, itemId) → fields. */
  cache: Map<string, ItemRecord | null>;
}

function lookupItem(rc: ReadContext, listId: string, id: number): ItemRecord | null {
  const key = `${listId}:${id}`;
  let hit = rc.cache.get(key);
  if (hit === undefined) {
    hit = rc.ctx.services.store.getItem(listId, id) ?? null;
    rc.cache.set(key, hit);
  }
  return hit;
}

function multiValue(rc: ReadContext, col: ColumnRecord, ids: number[]): JsonObject[] {
  if (col.type === 'personOrGroup') {
    return ids.map((id) => {
      const u = rc.targets.uil ? lookupItem(rc, rc.targets.uil.id, id) : null;
      return {
        LookupId: id,
        LookupValue: typeof u?.fields.Title === 'string' ? u.fields.Title : '',
        Email: typeof u?.fields.EMail === 'string' ? u.fields.EMail : '',
      };
    });
  }
  const listId = String(col.facet.listId ?? '');
  const columnName = String(col.facet.columnName ?? 'Title');
  return ids.map((id) => {
    const target = lookupItem(rc, listId, id);
    const v = columnName === 'ID' ? id : target?.fields[columnName];
    return { LookupId: id, LookupValue: v === undefined ? '' : String(v) };
  });
}

/** Builds Graph's fieldValueSet for an item (or one of its versions). */
export function readFields(
  rc: ReadContext,
  item: Pick<
    ItemRecord,
    | 'id'
    | 'uniqueId'
    | 'version'
    | 'fields'
    | 'createdDateTime'
    | 'lastModifiedDateTime'
    | 'authorId'
    | 'editorId'
  >,
  columns: ColumnRecord[],
  select: string[] | undefined,
): JsonObject {
  const wanted = select && select.length > 0 ? new Set(select.map((s) => s.toLowerCase())) : undefined;
  const include = (...names: string[]): boolean =>
    wanted === undefined ? true : names.some((n) => wanted.has(n.toLowerCase()));
  const out: JsonObject = { '@odata.etag': itemETag(item) };
  for (const col of columns) {
    const v = item.fields[col.name];
    if (v === undefined) continue;
    const names = isLookupLike(col) ? [col.name, `${col.name}LookupId`] : [col.name];
    if (wanted === undefined ? col.hidden : !include(...names)) continue;
    if (isMultiLookup(col) && Array.isArray(v)) out[col.name] = multiValue(rc, col, v as number[]);
    else if (isLookupLike(col)) {
      // Selected by its own name, a lookup also returns its display value (fieldvalueset doc; graph-lists §10).
      if (wanted?.has(col.name.toLowerCase())) {
        const [one] = multiValue(rc, col, [v as number]);
        out[col.name] = one?.LookupValue ?? '';
      }
      out[`${col.name}LookupId`] = String(v);
    } else out[col.name] = v;
  }
  const system: Array<[string, unknown]> = [
    ['id', String(item.id)],
    ['ContentType', 'Item'],
    ['Created', item.createdDateTime],
    ['Modified', item.lastModifiedDateTime],
    ['AuthorLookupId', String(item.authorId)],
    ['EditorLookupId', String(item.editorId)],
    ['_UIVersionString', `${item.version}.0`],
    ['Attachments', false],
  ];
  for (const [k, v] of system) {
    if (include(k) || (k === 'id' && include('ID'))) out[k] = v;
  }
  return out;
}

const KIND: Record<ColumnRecord['type'], FieldKind | undefined> = {
  text: 'text',
  choice: 'text',
  dateTime: 'datetime',
  number: 'number',
  currency: 'number',
  boolean: 'boolean',
  personOrGroup: 'lookupId',
  lookup: 'lookupId',
  hyperlinkOrPicture: undefined,
};

const SYSTEM_SQL: Record<string, ResolvedField & { indexed: boolean }> = {
  id: { sql: 'id', params: [], kind: 'number', indexed: true },
  created: { sql: 'created', params: [], kind: 'datetime', indexed: false },
  modified: { sql: 'modified', params: [], kind: 'datetime', indexed: false },
  authorlookupid: { sql: 'author_id', params: [], kind: 'lookupId', indexed: false },
  editorlookupid: { sql: 'editor_id', params: [], kind: 'lookupId', indexed: false },
};

/**
 * Resolver for `fields/X` in $filter/$orderby. Enforces Graph's rules: unknown field → 400, non-indexed field
 * without the Prefer header → 400.
 */
export function itemFieldResolver(
  columns: ColumnRecord[],
  honorNonIndexed: boolean,
  overThreshold = false,
): FieldResolver {
  // Past the list view threshold only indexed columns (and ID) may be filtered or sorted, header or not:
  // "may fail randomly" means exactly this (reference/graph-lists.md §3, §10; pnp/pnpjs#3149).
  const refuse = (name: string) => {
    throw overThreshold ? listViewThresholdExceeded() : nonIndexedField(name);
  };
  return (field) => {
    if (field.scope !== 'fields') {
      if (field.name.toLowerCase() === 'id') return SYSTEM_SQL.id as ResolvedField;
      throw invalidRequest(`Only fields/ properties can be used in a list item filter ('${field.name}').`);
    }
    const sys = SYSTEM_SQL[field.name.toLowerCase()];
    if (sys) {
      if (!sys.indexed && (!honorNonIndexed || overThreshold)) refuse(field.name);
      return sys;
    }
    const lookupCol = lookupColumnFor(columns, field.name);
    const col = lookupCol ?? findColumn(columns, field.name);
    if (!col) throw fieldNotRecognized(field.name);
    const kind: FieldKind | undefined = isMultiLookup(col)
      ? 'multiLookup'
      : isMultiChoice(col)
        ? 'multiText'
        : KIND[col.type];
    if (!kind) throw invalidRequest(`Field '${field.name}' cannot be used in a filter or orderby.`);
    if (!col.indexed && (!honorNonIndexed || overThreshold)) refuse(field.name);
    // The JSON path is inlined (column names are [A-Za-z0-9_] only) so SQLite can use the column's expression
    // index (sqlite-list-store.ts indexColumn); user text still never enters the SQL.
    return { sql: fieldExpression(col.name), params: [], kind };
  };
}

export function isUserInformationList(list: ListRecord): boolean {
  return list.system && list.displayName === UIL_TITLE;
}
