// The only place where SharePoint list item fields become domain values and back (docs/architecture.md,
// "Domain values" and "Graph side"), driven by FieldDef. Reads tolerate the shapes Graph is known to return
// (numbers as strings, ids as strings or numbers); writes use the shapes Graph documents.
import type { ListItem } from '@microsoft/microsoft-graph-types';
import type { DomainRecord, FieldDef, FieldValue } from '../domain/schema/types';

/** A fieldValueSet as JSON: Graph's type (`FieldValueSet`) declares no properties. */
export type GraphFields = Record<string, unknown>;

export type GraphListItem = Omit<ListItem, 'fields'> & { fields?: GraphFields; '@odata.etag'?: string };

/** Email <-> site-local user id (the item id in the site's User Information List). */
export interface PersonResolver {
  /** undefined when the site does not know the person (they never visited nor were granted access). */
  lookupIdForEmail(email: string): Promise<number | undefined>;
  emailForLookupId(lookupId: number | string): Promise<string | undefined>;
  /**
   * For writes: the person's id, adding them to the site first when it has not seen them (SharePoint REST
   * ensureuser, users.ts). Resolvers without it only find people the site already knows.
   */
  ensureLookupIdForEmail?(email: string): Promise<number | undefined>;
}

export class MappingError extends Error {
  override readonly name: string = 'MappingError';
  constructor(
    readonly field: string,
    message: string,
    readonly code: string = 'invalidValue',
  ) {
    super(`${field}: ${message}`);
  }
}

export class UnknownPersonError extends MappingError {
  override readonly name: string = 'UnknownPersonError';
  constructor(
    field: string,
    readonly email: string,
  ) {
    super(field, `${email} is not in the site's User Information List`, 'personNotInSite');
  }
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The key under which Graph returns a field on read. Single person/lookup come as `{Name}LookupId` only. */
export function readKey(def: FieldDef): string {
  return (def.type === 'person' || def.type === 'lookup') && !def.multiple ? `${def.name}LookupId` : def.name;
}

/** `$expand=fields($select=...)` names for a schema, plus the system fields records use. */
export function fieldSelect(fieldDefs: readonly FieldDef[]): string[] {
  const names = new Set(fieldDefs.map(readKey));
  for (const system of ['Created', 'Modified', 'EditorLookupId']) names.add(system);
  return [...names];
}

function lookupIds(value: unknown): string[] {
  // multi person/lookup read as [{LookupId, LookupValue, Email}]; tolerate bare ids too
  if (!Array.isArray(value)) return [];
  return value
    .map((entry) => (isRecord(entry) ? entry.LookupId : entry))
    .filter((id): id is string | number => typeof id === 'string' || typeof id === 'number')
    .map(String);
}

/** A single URL as stored: text, or `{Url, Description}` from a (v1) hyperlink column, which Graph still reads. */
export function hyperlinkUrl(raw: unknown): string | null {
  if (isRecord(raw) && typeof raw.Url === 'string') return raw.Url.trim() || null;
  return typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : null;
}

const emptyToNull = (values: string[]): readonly string[] | null => (values.length === 0 ? null : values);

async function readOne(
  def: FieldDef,
  fields: Readonly<GraphFields>,
  people: PersonResolver,
): Promise<FieldValue> {
  const raw = fields[readKey(def)];
  switch (def.type) {
    case 'text':
    case 'note':
    case 'choice':
      return typeof raw === 'string' && raw !== '' ? raw : null;
    case 'multiChoice':
      return Array.isArray(raw) ? emptyToNull(raw.filter((v): v is string => typeof v === 'string')) : null;
    case 'url':
      if (def.multiple) {
        if (typeof raw !== 'string') return null;
        return emptyToNull(
          raw
            .split(/\r?\n/)
            .map((line) => line.trim())
            .filter((line) => line !== ''),
        );
      }
      return hyperlinkUrl(raw);
    case 'date': {
      if (typeof raw !== 'string' || raw === '') return null;
      if (DATE_ONLY.test(raw)) return raw;
      // dateOnly columns hold midnight in the site's time zone, in UTC; the site time zone is UTC here.
      const time = Date.parse(raw);
      return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10);
    }
    case 'number': {
      if (raw === null || raw === undefined || raw === '') return null;
      const n = typeof raw === 'number' ? raw : Number(raw);
      return Number.isFinite(n) ? n : null;
    }
    case 'boolean':
      if (typeof raw === 'boolean') return raw;
      if (raw === 1 || raw === '1' || raw === 'true') return true;
      if (raw === 0 || raw === '0' || raw === 'false') return false;
      return null;
    case 'lookup':
      if (def.multiple) return emptyToNull(lookupIds(raw ?? fields[`${def.name}LookupId`]));
      return raw === null || raw === undefined || raw === '' ? null : String(raw);
    case 'person': {
      if (!def.multiple) {
        if (raw === null || raw === undefined || raw === '') return null;
        const email = await people.emailForLookupId(String(raw));
        return email ? email.toLowerCase() : null;
      }
      const entries = Array.isArray(raw) ? raw : [];
      const emails: string[] = [];
      for (const entry of entries) {
        const email =
          isRecord(entry) && typeof entry.Email === 'string' && entry.Email !== ''
            ? entry.Email
            : await people.emailForLookupId(String(isRecord(entry) ? entry.LookupId : entry));
        if (email) emails.push(email.toLowerCase());
      }
      if (entries.length === 0) {
        for (const id of lookupIds(fields[`${def.name}LookupId`])) {
          const email = await people.emailForLookupId(id);
          if (email) emails.push(email.toLowerCase());
        }
      }
      return emptyToNull(emails);
    }
  }
}

/** Graph `fields` -> domain values, for every field of the schema (absent/empty -> null). */
export async function fieldsToValues(
  fields: Readonly<GraphFields>,
  fieldDefs: readonly FieldDef[],
  people: PersonResolver,
): Promise<Record<string, FieldValue>> {
  const values: Record<string, FieldValue> = {};
  for (const def of fieldDefs) values[def.name] = await readOne(def, fields, people);
  return values;
}

const asString = (def: FieldDef, value: FieldValue): string => {
  if (typeof value !== 'string') throw new MappingError(def.name, `expected a string, got ${typeof value}`);
  return value;
};

const asStrings = (def: FieldDef, value: FieldValue): readonly string[] => {
  if (typeof value === 'string') return value === '' ? [] : [value];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw new MappingError(def.name, 'expected a list of strings');
  }
  return value;
};

const toLookupId = (def: FieldDef, id: string | number): number => {
  const n = typeof id === 'number' ? id : Number(id);
  if (!Number.isInteger(n) || n <= 0) throw new MappingError(def.name, `not an item id: ${String(id)}`);
  return n;
};

async function personId(def: FieldDef, email: string, people: PersonResolver): Promise<number> {
  const key = email.toLowerCase();
  const id = people.ensureLookupIdForEmail
    ? await people.ensureLookupIdForEmail(key)
    : await people.lookupIdForEmail(key);
  if (id === undefined) throw new UnknownPersonError(def.name, email.toLowerCase());
  return id;
}

async function writeOne(
  def: FieldDef,
  value: FieldValue | undefined,
  out: GraphFields,
  people: PersonResolver,
): Promise<void> {
  const empty =
    value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
  const collection = (key: string, type: string, items: readonly unknown[]) => {
    out[`${key}@odata.type`] = type;
    out[key] = items;
  };
  if (empty) {
    // Collections clear with [] (typed); everything else with null.
    if (def.type === 'multiChoice') collection(def.name, 'Collection(Edm.String)', []);
    else if ((def.type === 'person' || def.type === 'lookup') && def.multiple)
      collection(`${def.name}LookupId`, 'Collection(Edm.Int32)', []);
    else if (def.type === 'person' || def.type === 'lookup') out[`${def.name}LookupId`] = null;
    else out[def.name] = null;
    return;
  }
  switch (def.type) {
    case 'text':
    case 'note':
    case 'choice':
      out[def.name] = asString(def, value);
      return;
    case 'multiChoice':
      collection(def.name, 'Collection(Edm.String)', [...asStrings(def, value)]);
      return;
    case 'url':
      // Text (one URL) or note (one a line) columns: Graph refuses hyperlink writes (graph-lists.md §10).
      out[def.name] = def.multiple ? asStrings(def, value).join('\n') : asString(def, value);
      return;
    case 'date': {
      const date = asString(def, value);
      if (!DATE_ONLY.test(date)) throw new MappingError(def.name, `expected YYYY-MM-DD, got ${date}`);
      out[def.name] = `${date}T00:00:00Z`;
      return;
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value))
        throw new MappingError(def.name, 'expected a number');
      out[def.name] = value;
      return;
    case 'boolean':
      if (typeof value !== 'boolean') throw new MappingError(def.name, 'expected a boolean');
      out[def.name] = value;
      return;
    case 'lookup':
      if (def.multiple) {
        collection(
          `${def.name}LookupId`,
          'Collection(Edm.Int32)',
          asStrings(def, value).map((id) => toLookupId(def, id)),
        );
      } else {
        out[`${def.name}LookupId`] = toLookupId(
          def,
          typeof value === 'number' ? value : asString(def, value),
        );
      }
      return;
    case 'person':
      if (def.multiple) {
        const ids: number[] = [];
        for (const email of asStrings(def, value)) ids.push(await personId(def, email, people));
        collection(`${def.name}LookupId`, 'Collection(Edm.Int32)', ids);
      } else {
        out[`${def.name}LookupId`] = await personId(def, asString(def, value), people);
      }
      return;
  }
}

/**
 * Domain values -> Graph `fields` for POST /items or PATCH /items/{id}/fields. Only the keys present in `values`
 * are written (a partial update); null clears. Throws MappingError (UnknownPersonError) on bad values.
 */
export async function valuesToFields(
  values: Readonly<Record<string, FieldValue | undefined>>,
  fieldDefs: readonly FieldDef[],
  people: PersonResolver,
): Promise<GraphFields> {
  const byName = new Map(fieldDefs.map((def) => [def.name, def]));
  const out: GraphFields = {};
  for (const [name, value] of Object.entries(values)) {
    const def = byName.get(name);
    if (!def) throw new MappingError(name, 'not a field of this register', 'unknownField');
    await writeOne(def, value, out, people);
  }
  return out;
}

const lower = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value.toLowerCase() : undefined;

/** A list item (with `fields` expanded) -> DomainRecord. */
export async function itemToRecord(
  item: GraphListItem,
  fieldDefs: readonly FieldDef[],
  people: PersonResolver,
): Promise<DomainRecord> {
  const fields = item.fields ?? {};
  const editor = (item.lastModifiedBy?.user ?? {}) as Record<string, unknown>;
  const eTag = item.eTag ?? item['@odata.etag'] ?? (fields['@odata.etag'] as string | undefined);
  return {
    id: String(item.id ?? fields.id ?? ''),
    ...(eTag ? { eTag } : {}),
    values: await fieldsToValues(fields, fieldDefs, people),
    ...(item.createdDateTime ? { createdAt: item.createdDateTime } : {}),
    ...(item.lastModifiedDateTime ? { modifiedAt: item.lastModifiedDateTime } : {}),
    ...(lower(editor.email) ? { modifiedBy: lower(editor.email) } : {}),
  };
}

/** The fieldValueSet returned by PATCH .../fields -> DomainRecord (the editor comes from EditorLookupId). */
export async function fieldsToRecord(
  id: string,
  fields: Readonly<GraphFields>,
  fieldDefs: readonly FieldDef[],
  people: PersonResolver,
): Promise<DomainRecord> {
  const eTag = fields['@odata.etag'];
  const editorId = fields.EditorLookupId;
  const modifiedBy =
    typeof editorId === 'string' || typeof editorId === 'number'
      ? lower(await people.emailForLookupId(editorId))
      : undefined;
  return {
    id,
    ...(typeof eTag === 'string' ? { eTag } : {}),
    values: await fieldsToValues(fields, fieldDefs, people),
    ...(typeof fields.Created === 'string' ? { createdAt: fields.Created } : {}),
    ...(typeof fields.Modified === 'string' ? { modifiedAt: fields.Modified } : {}),
    ...(modifiedBy ? { modifiedBy } : {}),
  };
}
