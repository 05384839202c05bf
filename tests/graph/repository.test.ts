import {
  columnDefinition,
  ConflictError,
  createGraphClient,
  createRegisterRepository,
  provisioningOrder,
} from '../../src/graph';
import type { PersonResolver, ProvisionableSchema } from '../../src/graph';
import type { FieldDef, FieldType } from '../../src/domain/schema/types';
import { fakeFetch, graphErrorBody, GRAPH_JSON, jsonResponse } from './fake-fetch';

const BASE = 'http://127.0.0.1:9';
const t = { en: 'Label', fr: 'x', es: 'x', ar: 'x' };
const def = (name: string, type: FieldType, extra: Partial<FieldDef> = {}): FieldDef => ({
  name,
  type,
  required: false,
  label: t,
  help: t,
  ...extra,
});
const fields: FieldDef[] = [
  def('Title', 'text', { indexed: true }),
  def('Status', 'choice', { choices: ['Active'], indexed: true }),
  def('Notes', 'note'),
  def('Custodian', 'person', { indexed: true }),
  def('RecordCount', 'number', { indexed: true, min: 0, max: 10 }),
];
const people: PersonResolver = {
  lookupIdForEmail: async (email) => (email === 'ada@contoso.com' ? 11 : undefined),
  emailForLookupId: async (id) => (String(id) === '11' ? 'ada@contoso.com' : undefined),
};

describe('register repository', () => {
  it('builds an escaped OData filter on indexed fields and refuses non-indexed ones', async () => {
    const { fetchImpl, calls } = fakeFetch(() => jsonResponse(200, { value: [] }));
    const client = createGraphClient({ baseUrl: BASE, getToken: async () => 't', fetchImpl });
    const repo = createRegisterRepository({
      client,
      siteId: 's',
      listId: 'l',
      schema: { listName: 'L', fields },
      people,
    });
    await repo.list({
      filter: [
        { field: 'Title', op: 'eq', value: "O'Brien' or 1 eq 1" },
        { field: 'Custodian', op: 'eq', value: 'ada@contoso.com' },
        { field: 'RecordCount', op: 'gt', value: 3 },
      ],
      orderBy: [{ field: 'Title', descending: true }],
    });
    const url = new URL(calls[0]!.url);
    expect(url.searchParams.get('$filter')).toBe(
      "fields/Title eq 'O''Brien'' or 1 eq 1' and fields/CustodianLookupId eq 11 and fields/RecordCount gt 3",
    );
    expect(url.searchParams.get('$orderby')).toBe('fields/Title desc');
    expect(calls[0]?.headers.prefer).toBeUndefined();
    await expect(repo.list({ filter: [{ field: 'Notes', op: 'eq', value: 'x' }] })).rejects.toThrow(
      /not indexed/,
    );
    // A person the site does not know matches nothing: no request.
    expect(
      await repo.list({ filter: [{ field: 'Custodian', op: 'eq', value: 'nobody@contoso.com' }] }),
    ).toEqual([]);
    expect(calls).toHaveLength(1);
  });

  it('turns a 412 on update into ConflictError carrying the current record', async () => {
    const { fetchImpl, calls } = fakeFetch((call) =>
      call.method === 'PATCH'
        ? jsonResponse(412, graphErrorBody('resourceModified', 'etag'))
        : jsonResponse(200, { id: '5', eTag: '"g,3"', fields: { Title: 'Server', CustodianLookupId: '11' } }),
    );
    const client = createGraphClient({ baseUrl: BASE, getToken: async () => 't', fetchImpl });
    const repo = createRegisterRepository({
      client,
      siteId: 's',
      listId: 'l',
      schema: { listName: 'L', fields },
      people,
    });
    const error = (await repo
      .update('5', { Title: 'Mine' }, '"g,2"')
      .catch((e: unknown) => e)) as ConflictError;
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.current).toMatchObject({
      id: '5',
      eTag: '"g,3"',
      values: { Title: 'Server', Custodian: 'ada@contoso.com' },
    });
    expect(calls[0]?.headers['if-match']).toBe('"g,2"');
  });

  it('applyBatch reports saved, rejected and conflict per operation key', async () => {
    const { fetchImpl, calls } = fakeFetch((call) => {
      const requests = (call.body as { requests: { id: string; method: string; url: string }[] }).requests;
      const responses = requests.map((r) => {
        if (r.method === 'POST')
          return {
            id: r.id,
            status: 201,
            headers: { 'Content-Type': GRAPH_JSON },
            body: { id: '9', eTag: '"n,1"', fields: { Title: 'New' } },
          };
        if (r.method === 'PATCH')
          return {
            id: r.id,
            status: 412,
            headers: { 'Content-Type': GRAPH_JSON },
            body: graphErrorBody('resourceModified', 'x'),
          };
        if (r.method === 'DELETE') return { id: r.id, status: 204, headers: {} };
        return {
          id: r.id,
          status: 200,
          headers: { 'Content-Type': GRAPH_JSON },
          body: { id: '4', eTag: '"c,7"', fields: { Title: 'Theirs' } },
        };
      });
      return jsonResponse(200, { responses });
    });
    const client = createGraphClient({ baseUrl: BASE, getToken: async () => 't', fetchImpl });
    const repo = createRegisterRepository({
      client,
      siteId: 's',
      listId: 'l',
      schema: { listName: 'L', fields },
      people,
    });
    const results = await repo.applyBatch([
      { key: 'a', kind: 'create', values: { Title: 'New' } },
      { key: 'b', kind: 'update', id: '4', eTag: '"c,6"', changes: { Title: 'Mine' } },
      { key: 'c', kind: 'delete', id: '3', eTag: '"d,1"' },
      { key: 'd', kind: 'create', values: { Custodian: 'nobody@contoso.com' } },
    ]);
    expect(results.map((r) => [r.key, r.status])).toEqual([
      ['a', 'saved'],
      ['b', 'conflict'],
      ['c', 'saved'],
      ['d', 'rejected'],
    ]);
    expect(results[0]).toMatchObject({ id: '9', eTag: '"n,1"' });
    const conflict = results[1];
    expect(conflict?.status === 'conflict' && conflict.error.current?.values.Title).toBe('Theirs');
    const rejected = results[3];
    expect(rejected?.status === 'rejected' && rejected.error.code).toBe('personNotInSite');
    expect(calls).toHaveLength(2);
  });
});

describe('provisioning column definitions', () => {
  const choices = { missions: ['Mali', 'Chad'], regions: ['West Africa'] };
  const listIdFor = (id: string) => (id === 'dataInventory' ? 'list-1' : undefined);
  it.each<[FieldDef, object]>([
    [
      def('Name', 'text', { maxLength: 120, indexed: true }),
      { text: { allowMultipleLines: false, maxLength: 120 }, indexed: true },
    ],
    [
      def('Notes', 'note', { indexed: true }),
      { text: { allowMultipleLines: true, textType: 'plain', linesForEditing: 6 }, indexed: false },
    ],
    [
      def('Mission', 'choice', { choiceSource: 'missions' }),
      { choice: { choices: ['Mali', 'Chad'], displayAs: 'dropDownMenu', allowTextEntry: false } },
    ],
    [
      def('Tags', 'multiChoice', { choices: ['A'] }),
      { choice: { choices: ['A'], displayAs: 'checkBoxes', allowTextEntry: false } },
    ],
    [def('Due', 'date'), { dateTime: { format: 'dateOnly', displayAs: 'default' } }],
    [
      def('Score', 'number', { min: 1, max: 5 }),
      { number: { decimalPlaces: 'automatic', displayAs: 'number', minimum: 1, maximum: 5 } },
    ],
    [def('Flag', 'boolean', { required: true }), { boolean: {}, required: true }],
    [
      def('Owners', 'person', { multiple: true }),
      { personOrGroup: { allowMultipleSelection: true, chooseFromType: 'peopleOnly' } },
    ],
    [
      def('Asset', 'lookup', { lookupRegister: 'dataInventory' }),
      { lookup: { listId: 'list-1', columnName: 'Title', allowMultipleValues: false } },
    ],
    [def('Link', 'url'), { text: { allowMultipleLines: false, maxLength: 255 } }],
    [
      def('Links', 'url', { multiple: true }),
      { text: { allowMultipleLines: true, textType: 'plain', linesForEditing: 4 } },
    ],
  ])('%o', (field, expected) => {
    expect(columnDefinition(field, { choices, listIdFor })).toMatchObject({
      name: field.name,
      displayName: 'Label',
      ...expected,
    });
  });

  it('orders lookup targets first', () => {
    const schema = (id: string, lookups: string[]): ProvisionableSchema => ({
      id,
      listName: id,
      displayName: t,
      fields: lookups.map((target) => def(`L${target}`, 'lookup', { lookupRegister: target as never })),
    });
    const order = provisioningOrder([
      schema('riskRegister', ['aiRegistry', 'dataInventory']),
      schema('aiRegistry', ['dataInventory']),
      schema('dataInventory', []),
    ]);
    expect(order.map((s) => s.id)).toEqual(['dataInventory', 'aiRegistry', 'riskRegister']);
  });
});
