import {
  fieldSelect,
  fieldsToValues,
  itemToRecord,
  MappingError,
  UnknownPersonError,
  valuesToFields,
} from '../../src/graph';
import type { GraphFields, PersonResolver } from '../../src/graph';
import type { FieldDef, FieldType, FieldValue } from '../../src/domain/schema/types';

const text = { en: 'x', fr: 'x', es: 'x', ar: 'x' };
const def = (name: string, type: FieldType, extra: Partial<FieldDef> = {}): FieldDef => ({
  name,
  type,
  required: false,
  label: text,
  help: text,
  ...extra,
});

const defs: FieldDef[] = [
  def('Title', 'text', { maxLength: 255 }),
  def('Description', 'note'),
  def('Status', 'choice', { choices: ['Active', 'Retired'] }),
  def('Tags', 'multiChoice', { choices: ['HR', 'Finance'] }),
  def('ReviewedOn', 'date'),
  def('RecordCount', 'number'),
  def('HasPersonalData', 'boolean'),
  def('Custodian', 'person'),
  def('Reviewers', 'person', { multiple: true }),
  def('DataAsset', 'lookup', { lookupRegister: 'dataInventory' }),
  def('DataAssets', 'lookup', { multiple: true, lookupRegister: 'dataInventory' }),
  def('Policy', 'url'),
  def('Evidence', 'url', { multiple: true }),
];

const directory: Record<string, number> = { 'ada@contoso.com': 11, 'bo@contoso.com': 12 };
const people: PersonResolver = {
  lookupIdForEmail: async (email) => directory[email.toLowerCase()],
  emailForLookupId: async (id) =>
    Object.keys(directory).find((email) => String(directory[email]) === String(id)),
};

/** What SharePoint stores after a write, as Graph reads it back (the reference's read shapes). */
function serverReadBack(written: GraphFields): GraphFields {
  const read: GraphFields = {};
  for (const [key, value] of Object.entries(written)) {
    if (key.endsWith('@odata.type') || value === null) continue;
    if (key === 'ReviewersLookupId' && Array.isArray(value)) {
      read.Reviewers = value.map((id) => ({
        LookupId: id,
        LookupValue: 'Name',
        Email: Object.keys(directory)
          .find((e) => directory[e] === id)!
          .toUpperCase(),
      }));
    } else if (key === 'DataAssetsLookupId' && Array.isArray(value)) {
      read.DataAssets = value.map((id) => ({ LookupId: id, LookupValue: `Asset ${id}` }));
    } else if (key.endsWith('LookupId')) {
      read[key] = String(value);
    } else if (Array.isArray(value) && value.length === 0) {
      continue;
    } else {
      read[key] = value;
    }
  }
  return read;
}

const full: Record<string, FieldValue> = {
  Title: "O'Brien payroll",
  Description: 'line 1\nline 2',
  Status: 'Active',
  Tags: ['HR', 'Finance'],
  ReviewedOn: '2024-03-01',
  RecordCount: 1200,
  HasPersonalData: false,
  Custodian: 'ada@contoso.com',
  Reviewers: ['ada@contoso.com', 'bo@contoso.com'],
  DataAsset: '7',
  DataAssets: ['7', '9'],
  Policy: 'https://contoso.com/policy',
  Evidence: ['https://a.example/1', 'https://b.example/2'],
};

describe('valuesToFields', () => {
  it('writes every field type in the shape Graph documents', async () => {
    expect(await valuesToFields(full, defs, people)).toEqual({
      Title: "O'Brien payroll",
      Description: 'line 1\nline 2',
      Status: 'Active',
      'Tags@odata.type': 'Collection(Edm.String)',
      Tags: ['HR', 'Finance'],
      ReviewedOn: '2024-03-01T00:00:00Z',
      RecordCount: 1200,
      HasPersonalData: false,
      CustodianLookupId: 11,
      'ReviewersLookupId@odata.type': 'Collection(Edm.Int32)',
      ReviewersLookupId: [11, 12],
      DataAssetLookupId: 7,
      'DataAssetsLookupId@odata.type': 'Collection(Edm.Int32)',
      DataAssetsLookupId: [7, 9],
      // A text column: Graph cannot write hyperlink columns (graph-lists.md §10).
      Policy: 'https://contoso.com/policy',
      Evidence: 'https://a.example/1\nhttps://b.example/2',
    });
  });

  it('clears with null, and collections with a typed []', async () => {
    const cleared = Object.fromEntries(defs.map((d) => [d.name, null]));
    expect(await valuesToFields(cleared, defs, people)).toEqual({
      Title: null,
      Description: null,
      Status: null,
      'Tags@odata.type': 'Collection(Edm.String)',
      Tags: [],
      ReviewedOn: null,
      RecordCount: null,
      HasPersonalData: null,
      CustodianLookupId: null,
      'ReviewersLookupId@odata.type': 'Collection(Edm.Int32)',
      ReviewersLookupId: [],
      DataAssetLookupId: null,
      'DataAssetsLookupId@odata.type': 'Collection(Edm.Int32)',
      DataAssetsLookupId: [],
      Policy: null,
      Evidence: null,
    });
  });

  it('writes only the keys given (partial update)', async () => {
    expect(await valuesToFields({ Status: 'Retired' }, defs, people)).toEqual({ Status: 'Retired' });
  });

  it('rejects bad values, unknown fields and people the site does not know', async () => {
    await expect(valuesToFields({ RecordCount: '12' }, defs, people)).rejects.toBeInstanceOf(MappingError);
    await expect(valuesToFields({ ReviewedOn: '01/03/2024' }, defs, people)).rejects.toBeInstanceOf(
      MappingError,
    );
    await expect(valuesToFields({ Nope: 'x' }, defs, people)).rejects.toMatchObject({ code: 'unknownField' });
    await expect(valuesToFields({ Custodian: 'who@contoso.com' }, defs, people)).rejects.toBeInstanceOf(
      UnknownPersonError,
    );
  });
});

describe('fieldsToValues', () => {
  it('round-trips every field type through the read shapes', async () => {
    const written = await valuesToFields(full, defs, people);
    expect(await fieldsToValues(serverReadBack(written), defs, people)).toEqual(full);
  });

  it('round-trips cleared values to null', async () => {
    const cleared = Object.fromEntries(defs.map((d) => [d.name, null]));
    const written = await valuesToFields(cleared, defs, people);
    expect(await fieldsToValues(serverReadBack(written), defs, people)).toEqual(cleared);
  });

  it('reads the date part of a UTC timestamp, numbers given as strings, and upper-case emails', async () => {
    const values = await fieldsToValues(
      {
        ReviewedOn: '2024-02-29T00:00:00Z',
        RecordCount: '42',
        Reviewers: [{ LookupId: 12, LookupValue: 'Bo', Email: 'Bo@Contoso.com' }],
      },
      defs,
      people,
    );
    expect(values.ReviewedOn).toBe('2024-02-29');
    expect(values.RecordCount).toBe(42);
    expect(values.Reviewers).toEqual(['bo@contoso.com']);
  });

  it('builds a DomainRecord from an item', async () => {
    const record = await itemToRecord(
      {
        id: '17',
        eTag: '"c9f3,4"',
        createdDateTime: '2024-02-01T10:00:00Z',
        lastModifiedDateTime: '2024-03-01T09:12:44Z',
        lastModifiedBy: { user: { displayName: 'Bo', email: 'BO@contoso.com' } as never },
        fields: { Title: 'Payroll DB', CustodianLookupId: '11' },
      },
      defs,
      people,
    );
    expect(record).toMatchObject({
      id: '17',
      eTag: '"c9f3,4"',
      createdAt: '2024-02-01T10:00:00Z',
      modifiedAt: '2024-03-01T09:12:44Z',
      modifiedBy: 'bo@contoso.com',
    });
    expect(record.values.Title).toBe('Payroll DB');
    expect(record.values.Custodian).toBe('ada@contoso.com');
  });

  it('selects LookupId names for single person/lookup fields', () => {
    expect(fieldSelect(defs)).toEqual(
      expect.arrayContaining([
        'CustodianLookupId',
        'Reviewers',
        'DataAssetLookupId',
        'DataAssets',
        'Modified',
      ]),
    );
  });
});
