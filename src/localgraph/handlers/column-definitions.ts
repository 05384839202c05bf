// columnDefinition parsing/validation (POST columns, POST lists) and its Graph JSON.
import { randomUUID } from 'node:crypto';
import { invalidRequest, nameAlreadyExists, notSupported } from '../errors/graph-error-factory';
import { isObject, type JsonObject } from '../http/wire';
import type { ColumnRecord, ColumnType, ListStore, ListRecord } from '../persistence/list-store';
import { SYSTEM_FIELDS } from './field-values';

const FACETS: readonly ColumnType[] = [
  'text',
  'choice',
  'dateTime',
  'number',
  'currency',
  'boolean',
  'personOrGroup',
  'lookup',
  'hyperlinkOrPicture',
];
const UNSUPPORTED_FACETS = ['calculated', 'geolocation', 'term', 'thumbnail', 'contentApprovalStatus'];

/** SharePoint's well-known field id for Title, the same in every list. */
export const TITLE_COLUMN_ID = 'fa564e0f-0c70-4ab9-b863-0177e6ddd247';
const MAX_INDEXED = 20;

/**
 * Internal names SharePoint reserves in every list. A new column asking for one is not refused: SharePoint creates
 * it under the first free name with a digit appended (Author → Author0), keeping the display name
 * (msgraph-sdk-powershell#2906; reference/graph-lists.md §10). Clients must read `name` from the response.
 */
// Built lazily: SYSTEM_FIELDS comes through an import cycle (field-values ↔ common ↔ site-directory).
let builtInNames: Set<string> | undefined;
const BUILT_IN_NAMES = {
  has: (name: string): boolean =>
    (builtInNames ??= new Set(
      [
        ...SYSTEM_FIELDS,
        'Title',
        'ContentTypeId',
        'GUID',
        'UniqueId',
        'FileRef',
        'FileLeafRef',
        'FileDirRef',
        'LinkTitle',
        'LinkTitleNoMenu',
        'Edit',
        'DocIcon',
        'Order',
        'ItemChildCount',
        'FolderChildCount',
        'AppAuthor',
        'AppEditor',
        'ComplianceAssetId',
        '_ModerationStatus',
        '_ModerationComments',
        'owshiddenversion',
        'WorkflowVersion',
        'FSObjType',
        'PermMask',
        'SelectTitle',
      ].map((n) => n.toLowerCase()),
    )).has(name),
};

function internalNameFor(requested: string, existing: ColumnRecord[]): string {
  const taken = (n: string) =>
    BUILT_IN_NAMES.has(n.toLowerCase()) || existing.some((c) => c.name.toLowerCase() === n.toLowerCase());
  if (!BUILT_IN_NAMES.has(requested.toLowerCase())) return requested;
  for (let i = 0; ; i++) if (!taken(`${requested}${i}`)) return `${requested}${i}`;
}

export function titleColumn(listId: string): ColumnRecord {
  return {
    id: TITLE_COLUMN_ID,
    listId,
    name: 'Title',
    displayName: 'Title',
    description: '',
    required: true,
    indexed: false,
    hidden: false,
    readOnly: false,
    enforceUniqueValues: false,
    type: 'text',
    facet: {
      allowMultipleLines: false,
      appendChangesToExistingText: false,
      linesForEditing: 0,
      maxLength: 255,
    },
    columnGroup: 'Custom Columns',
  };
}

const bool = (v: unknown, fallback = false): boolean => (typeof v === 'boolean' ? v : fallback);

/** Validates one columnDefinition against the list (and the site for lookups). */
export function parseColumnDefinition(
  body: unknown,
  list: ListRecord,
  existing: ColumnRecord[],
  store: ListStore,
): ColumnRecord {
  if (!isObject(body)) throw invalidRequest('A columnDefinition object is required.');
  const rawName = typeof body.name === 'string' ? body.name.trim() : '';
  if (rawName === '') throw invalidRequest("The column property 'name' is required.");
  // SharePoint encodes spaces in internal names.
  const name = rawName.replace(/ /g, '_x0020_');
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || name.length > 255) {
    throw invalidRequest(`The column name '${rawName}' is not valid: use letters, digits and underscores.`);
  }
  const builtIn = BUILT_IN_NAMES.has(name.toLowerCase());
  if (!builtIn && existing.some((c) => c.name.toLowerCase() === name.toLowerCase())) {
    throw nameAlreadyExists(`A field with the name '${name}' already exists in the list.`);
  }
  for (const u of UNSUPPORTED_FACETS) {
    if (u in body) throw notSupported(`Columns of type '${u}' are not supported by this server.`);
  }
  const present = FACETS.filter((f) => body[f] !== undefined);
  if (present.length > 1)
    throw invalidRequest(`A column can have only one type facet; got ${present.join(', ')}.`);
  const type: ColumnType = present[0] ?? 'text';
  const rawFacet = body[type] ?? {};
  if (!isObject(rawFacet)) throw invalidRequest(`The '${type}' facet must be an object.`);
  const facet = validateFacet(type, rawFacet, list, store);
  const indexed = bool(body.indexed);
  const enforceUniqueValues = bool(body.enforceUniqueValues);
  if (enforceUniqueValues && !indexed) {
    throw invalidRequest('enforceUniqueValues requires the column to be indexed.');
  }
  if (indexed && existing.filter((c) => c.indexed).length >= MAX_INDEXED) {
    throw invalidRequest(`A list can have at most ${MAX_INDEXED} indexed columns.`);
  }
  const col: ColumnRecord = {
    id: randomUUID(),
    listId: list.id,
    name: builtIn ? internalNameFor(name, existing) : name,
    displayName: typeof body.displayName === 'string' && body.displayName !== '' ? body.displayName : rawName,
    description: typeof body.description === 'string' ? body.description : '',
    required: bool(body.required),
    indexed,
    hidden: bool(body.hidden),
    readOnly: bool(body.readOnly),
    enforceUniqueValues,
    type,
    facet,
    columnGroup: typeof body.columnGroup === 'string' ? body.columnGroup : 'Custom Columns',
  };
  if (isObject(body.defaultValue) && typeof body.defaultValue.value === 'string') {
    col.defaultValue = body.defaultValue.value;
  }
  return col;
}

export function validateFacet(
  type: ColumnType,
  f: JsonObject,
  list: ListRecord,
  store: ListStore,
): Record<string, unknown> {
  switch (type) {
    case 'text': {
      const multi = bool(f.allowMultipleLines);
      const maxLength = f.maxLength === undefined ? (multi ? undefined : 255) : f.maxLength;
      if (
        maxLength !== undefined &&
        (typeof maxLength !== 'number' || maxLength < 1 || (!multi && maxLength > 255))
      ) {
        throw invalidRequest('text.maxLength must be between 1 and 255 for a single line of text.');
      }
      const out: Record<string, unknown> = {
        allowMultipleLines: multi,
        appendChangesToExistingText: bool(f.appendChangesToExistingText),
        linesForEditing: typeof f.linesForEditing === 'number' ? f.linesForEditing : multi ? 6 : 0,
        textType: f.textType === 'richText' ? 'richText' : 'plain',
      };
      if (maxLength !== undefined) out.maxLength = maxLength;
      return out;
    }
    case 'choice': {
      if (
        !Array.isArray(f.choices) ||
        f.choices.length === 0 ||
        !f.choices.every((c) => typeof c === 'string')
      ) {
        throw invalidRequest('choice.choices must be a non-empty array of strings.');
      }
      const displayAs = f.displayAs ?? 'dropDownMenu';
      if (!['dropDownMenu', 'radioButtons', 'checkBoxes'].includes(String(displayAs))) {
        throw invalidRequest(`Invalid choice.displayAs '${String(displayAs)}'.`);
      }
      return { allowTextEntry: bool(f.allowTextEntry), choices: f.choices, displayAs };
    }
    case 'dateTime': {
      const format = f.format ?? 'dateTime';
      if (format !== 'dateOnly' && format !== 'dateTime')
        throw invalidRequest(`Invalid dateTime.format '${String(format)}'.`);
      return { displayAs: f.displayAs ?? 'default', format };
    }
    case 'number':
    case 'currency': {
      const { minimum, maximum } = f;
      if (minimum !== undefined && typeof minimum !== 'number')
        throw invalidRequest('number.minimum must be a number.');
      if (maximum !== undefined && typeof maximum !== 'number')
        throw invalidRequest('number.maximum must be a number.');
      if (typeof minimum === 'number' && typeof maximum === 'number' && minimum > maximum) {
        throw invalidRequest('number.minimum must not exceed number.maximum.');
      }
      if (type === 'currency') return { locale: f.locale ?? 'en-us' };
      const out: Record<string, unknown> = {
        decimalPlaces: f.decimalPlaces ?? 'automatic',
        displayAs: f.displayAs ?? 'number',
      };
      if (minimum !== undefined) out.minimum = minimum;
      if (maximum !== undefined) out.maximum = maximum;
      return out;
    }
    case 'boolean':
      return {};
    case 'personOrGroup': {
      const choose = f.chooseFromType ?? 'peopleOnly';
      if (choose !== 'peopleOnly' && choose !== 'peopleAndGroups') {
        throw invalidRequest(`Invalid personOrGroup.chooseFromType '${String(choose)}'.`);
      }
      return {
        allowMultipleSelection: bool(f.allowMultipleSelection),
        chooseFromType: choose,
        displayAs: f.displayAs ?? 'account',
      };
    }
    case 'lookup': {
      if (typeof f.listId !== 'string' || f.listId === '') throw invalidRequest('lookup.listId is required.');
      const target = store.getList(list.siteId, f.listId);
      if (!target) throw invalidRequest(`The lookup list '${f.listId}' does not exist in this site.`);
      const columnName = typeof f.columnName === 'string' ? f.columnName : 'Title';
      if (columnName !== 'ID' && !store.getColumns(target.id).some((c) => c.name === columnName)) {
        throw invalidRequest(`The lookup column '${columnName}' does not exist in the target list.`);
      }
      return {
        allowMultipleValues: bool(f.allowMultipleValues),
        allowUnlimitedLength: bool(f.allowUnlimitedLength),
        columnName,
        listId: target.id,
      };
    }
    case 'hyperlinkOrPicture':
      return { isPicture: bool(f.isPicture) };
  }
}

/** Graph reads omit the hyperlinkOrPicture facet (documented quirk). */
export function columnJson(c: ColumnRecord): JsonObject {
  const out: JsonObject = {
    columnGroup: c.columnGroup,
    description: c.description,
    displayName: c.displayName,
    enforceUniqueValues: c.enforceUniqueValues,
    hidden: c.hidden,
    id: c.id,
    indexed: c.indexed,
    name: c.name,
    readOnly: c.readOnly,
    required: c.required,
  };
  if (c.defaultValue !== undefined) out.defaultValue = { value: c.defaultValue };
  if (c.type !== 'hyperlinkOrPicture') out[c.type] = c.facet;
  return out;
}

/** Read-only system columns every list reports (well-known SharePoint field ids). */
export function systemColumnsJson(): JsonObject[] {
  const sys = (id: string, name: string, displayName: string, facet: string, value: object): JsonObject => ({
    columnGroup: '_Hidden',
    description: '',
    displayName,
    enforceUniqueValues: false,
    hidden: false,
    id,
    indexed: name === 'ID',
    name,
    readOnly: true,
    required: false,
    [facet]: value,
  });
  return [
    sys('1d22ea11-1e32-424e-89ab-9fedbadb6ce1', 'ID', 'ID', 'number', {}),
    sys('c042a256-787d-4a6f-8a8a-cf6ab767f12d', 'ContentType', 'Content Type', 'text', {}),
    sys('28cf69c5-fa48-462a-b5cd-27b6f9d2bd5f', 'Modified', 'Modified', 'dateTime', { format: 'dateTime' }),
    sys('8c06beca-0777-48f7-91c7-6da68bc07b69', 'Created', 'Created', 'dateTime', { format: 'dateTime' }),
    sys('1df5e554-ec7e-46a6-901d-d85a3881cb18', 'Author', 'Created By', 'personOrGroup', {}),
    sys('d31655d1-1d5b-4511-95a1-7a09e9b75bf2', 'Editor', 'Modified By', 'personOrGroup', {}),
    sys('dce8262a-3ae9-45aa-aab4-83bd75fb738a', '_UIVersionString', 'Version', 'text', {}),
    sys('67df98f4-9dec-48ff-a553-29bece9c5bf4', 'Attachments', 'Attachments', 'boolean', {}),
  ];
}
