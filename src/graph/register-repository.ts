// A typed repository per register: domain records in, domain records out. It hides list items, fields,
// OData, eTags-in-headers and batching from the tab, the add-in, the bot and the CLI.
import type { DomainRecord, FieldDef, FieldValue } from '../domain/schema/types';
import { executeBatch } from './batch';
import type { BatchRequest } from './batch';
import { withQuery } from './client';
import type { GraphClient } from './client';
import type { ConflictError } from './errors';
import { GraphError, isConflictError, isGraphError } from './errors';
import {
  createItem,
  deleteItem,
  expandFields,
  getItem,
  itemsDelta,
  listItems,
  listItemVersions,
  updateItemFields,
} from './list-items';
import { listPath } from './lists';
import {
  fieldSelect,
  fieldsToRecord,
  fieldsToValues,
  itemToRecord,
  MappingError,
  readKey,
  valuesToFields,
} from './mapping';
import type { GraphFields, GraphListItem, PersonResolver } from './mapping';
import { odataComparison, odataLiteral, odataString } from './odata';
import type { ComparisonOperator } from './odata';
import type { PageProgress } from './paging';
import { sameFieldValue } from '../domain/schema/conditions';

/** What the repository needs from a RegisterSchema. */
export interface RepositorySchema {
  readonly listName: string;
  readonly fields: readonly FieldDef[];
}

export interface FilterCondition {
  field: string;
  op: ComparisonOperator;
  value: string | number | boolean;
}

export interface OrderBy {
  field: string;
  descending?: boolean;
}

export interface ListRecordsOptions {
  /** ANDed conditions. Fields must be indexed, unless allowNonIndexed is set (then SharePoint may refuse big lists). */
  filter?: readonly FilterCondition[];
  orderBy?: readonly OrderBy[];
  /** Page size. */
  top?: number;
  allowNonIndexed?: boolean;
  onProgress?: (progress: PageProgress) => void;
}

export type BatchOperation =
  | { key: string; kind: 'create'; values: Readonly<Record<string, FieldValue>> }
  | { key: string; kind: 'update'; id: string; eTag: string; changes: Readonly<Record<string, FieldValue>> }
  | { key: string; kind: 'delete'; id: string; eTag: string };

export type BatchOperationResult =
  /** Deletes are `saved` with no record and no eTag. */
  | { key: string; status: 'saved'; id: string; eTag?: string; record?: DomainRecord }
  | { key: string; status: 'rejected'; error: GraphError }
  | { key: string; status: 'conflict'; error: ConflictError<DomainRecord> };

export interface DeltaResult {
  changed: DomainRecord[];
  deleted: string[];
  /** Pass it to the next delta() call. */
  deltaLink: string;
  /**
   * The saved deltaLink had expired (410): this is a full re-read. `changed` holds every record; records the
   * caller holds that are not in it are gone (`deleted` is empty). Callers keep their local edits, merge,
   * and tell the person that everything was read again.
   */
  resynced: boolean;
}

export interface HistoryEntry {
  /** e.g. `3.0`. */
  version: string;
  modifiedAt: string | undefined;
  /** Lower-case email, when Graph gives it. */
  modifiedBy: string | undefined;
  modifiedByName: string | undefined;
  /** Fields that differ from the previous version (every non-empty field for the first version). */
  changedFields: string[];
  values: Record<string, FieldValue>;
}

export interface RegisterRepository {
  list(options?: ListRecordsOptions): Promise<DomainRecord[]>;
  get(id: string): Promise<DomainRecord>;
  create(values: Readonly<Record<string, FieldValue>>): Promise<DomainRecord>;
  /** If-Match always; a stale eTag throws ConflictError whose `current` is the server's record. */
  update(id: string, changes: Readonly<Record<string, FieldValue>>, eTag: string): Promise<DomainRecord>;
  remove(id: string, eTag: string): Promise<void>;
  applyBatch(
    operations: readonly BatchOperation[],
    options?: { onProgress?: (done: number, total: number) => void },
  ): Promise<BatchOperationResult[]>;
  delta(deltaLink?: string): Promise<DeltaResult>;
  versions(id: string): Promise<HistoryEntry[]>;
}

export interface RegisterRepositoryOptions {
  client: GraphClient;
  siteId: string;
  listId: string;
  schema: RepositorySchema;
  people: PersonResolver;
}

const mappingToGraphError = (error: MappingError) =>
  new GraphError({ status: 400, code: error.code, message: error.message, body: undefined });

export function createRegisterRepository(options: RegisterRepositoryOptions): RegisterRepository {
  const { client, siteId, listId, schema, people } = options;
  const defs = schema.fields;
  const byName = new Map(defs.map((def) => [def.name, def]));
  const select = fieldSelect(defs);
  const itemsUrl = `${listPath(siteId, listId)}/items`;

  const fieldOf = (name: string, allowNonIndexed: boolean | undefined, purpose: string): FieldDef => {
    const def = byName.get(name);
    if (!def) throw new RangeError(`${name} is not a field of ${schema.listName}`);
    if (!def.indexed && !allowNonIndexed) {
      throw new RangeError(`${name} is not indexed: it cannot be used to ${purpose} (see allowNonIndexed)`);
    }
    if ((def.type === 'person' || def.type === 'lookup' || def.type === 'url') && def.multiple) {
      throw new RangeError(`${name} holds several values and cannot be used to ${purpose}`);
    }
    if (def.type === 'multiChoice' || def.type === 'note')
      throw new RangeError(`${name} cannot be used to ${purpose}`);
    return def;
  };

  /** OData for the conditions; undefined when a condition can match nothing (an unknown person). */
  async function buildFilter(conditions: readonly FilterCondition[], allowNonIndexed?: boolean) {
    const parts: string[] = [];
    for (const condition of conditions) {
      const def = fieldOf(condition.field, allowNonIndexed, 'filter');
      const property = `fields/${readKey(def)}`;
      const value = condition.value;
      let literal: string;
      switch (def.type) {
        case 'person': {
          const id = await people.lookupIdForEmail(String(value));
          if (id === undefined) {
            if (condition.op === 'eq') return undefined;
            throw new MappingError(def.name, `${String(value)} is not known to the site`, 'personNotInSite');
          }
          literal = String(id);
          break;
        }
        case 'lookup':
          literal = odataLiteral(Number(value));
          break;
        case 'date':
          if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
            throw new MappingError(def.name, 'expected YYYY-MM-DD');
          }
          literal = odataString(`${value}T00:00:00Z`);
          break;
        case 'number':
        case 'boolean':
          literal = odataLiteral(value);
          break;
        default:
          literal = odataString(String(value));
      }
      if (condition.op === 'startsWith' && !['text', 'choice'].includes(def.type)) {
        throw new RangeError(`startsWith needs a text field, not ${def.name}`);
      }
      parts.push(odataComparison(property, condition.op, literal));
    }
    return parts.join(' and ');
  }

  const toRecord = (item: GraphListItem) => itemToRecord(item, defs, people);

  async function currentOrUndefined(id: string): Promise<DomainRecord | undefined> {
    try {
      return await toRecord(await getItem(client, siteId, listId, id, select));
    } catch (error) {
      if (isGraphError(error) && error.status === 404) return undefined;
      throw error;
    }
  }

  async function withCurrent<T>(id: string, action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (error) {
      if (isConflictError(error)) throw error.withCurrent(await currentOrUndefined(id));
      throw error;
    }
  }

  return {
    async list(listOptions = {}) {
      const filter = listOptions.filter?.length
        ? await buildFilter(listOptions.filter, listOptions.allowNonIndexed)
        : '';
      if (filter === undefined) return [];
      const orderBy = listOptions.orderBy
        ?.map((order) => {
          const def = fieldOf(order.field, listOptions.allowNonIndexed, 'sort');
          return `fields/${readKey(def)}${order.descending ? ' desc' : ''}`;
        })
        .join(',');
      const items = await listItems(client, siteId, listId, {
        select,
        filter: filter || undefined,
        orderBy: orderBy || undefined,
        top: listOptions.top,
        allowNonIndexed: listOptions.allowNonIndexed,
        onPage: listOptions.onProgress,
      });
      const records: DomainRecord[] = [];
      for (const item of items) records.push(await toRecord(item));
      return records;
    },

    async get(id) {
      return toRecord(await getItem(client, siteId, listId, id, select));
    },

    async create(values) {
      const fields = await valuesToFields(values, defs, people);
      return toRecord(await createItem(client, siteId, listId, fields));
    },

    async update(id, changes, eTag) {
      if (!eTag) throw new RangeError('update needs the eTag the record was read with');
      const fields = await valuesToFields(changes, defs, people);
      const saved = await withCurrent(id, () => updateItemFields(client, siteId, listId, id, fields, eTag));
      return fieldsToRecord(id, saved, defs, people);
    },

    async remove(id, eTag) {
      if (!eTag) throw new RangeError('remove needs the eTag the record was read with');
      await withCurrent(id, () => deleteItem(client, siteId, listId, id, eTag));
    },

    async applyBatch(operations, batchOptions = {}) {
      const results = new Map<number, BatchOperationResult>();
      const requests: BatchRequest[] = [];
      const indexOf = new Map<string, number>();
      for (const [index, op] of operations.entries()) {
        try {
          const id = String(index + 1);
          indexOf.set(id, index);
          if (op.kind === 'create') {
            requests.push({
              id,
              method: 'POST',
              url: itemsUrl,
              body: { fields: await valuesToFields(op.values, defs, people) },
            });
          } else if (op.kind === 'update') {
            requests.push({
              id,
              method: 'PATCH',
              url: `${itemsUrl}/${encodeURIComponent(op.id)}/fields`,
              headers: { 'If-Match': op.eTag },
              body: await valuesToFields(op.changes, defs, people),
            });
          } else {
            requests.push({
              id,
              method: 'DELETE',
              url: `${itemsUrl}/${encodeURIComponent(op.id)}`,
              headers: { 'If-Match': op.eTag },
            });
          }
        } catch (error) {
          if (!(error instanceof MappingError)) throw error;
          results.set(index, { key: op.key, status: 'rejected', error: mappingToGraphError(error) });
        }
      }

      // Each operation gets its own answer, even when a $batch call goes unanswered (status 0: maybe applied).
      const responses = await executeBatch(client, requests, {
        onProgress: batchOptions.onProgress,
        envelopeErrors: 'report',
      });
      const conflicts: { index: number; id: string; error: ConflictError }[] = [];
      for (const response of responses) {
        const index = indexOf.get(response.id) as number;
        const op = operations[index] as BatchOperation;
        if (response.error) {
          if (isConflictError(response.error) && op.kind !== 'create') {
            conflicts.push({ index, id: op.id, error: response.error });
          } else {
            results.set(index, { key: op.key, status: 'rejected', error: response.error });
          }
          continue;
        }
        if (op.kind === 'delete') {
          results.set(index, { key: op.key, status: 'saved', id: op.id });
        } else if (op.kind === 'update') {
          const record = await fieldsToRecord(op.id, response.body as GraphFields, defs, people);
          results.set(index, { key: op.key, status: 'saved', id: op.id, eTag: record.eTag, record });
        } else {
          const record = await toRecord(response.body as GraphListItem);
          results.set(index, {
            key: op.key,
            status: 'saved',
            id: record.id ?? '',
            eTag: record.eTag,
            record,
          });
        }
      }

      // Fetch the server's version of every conflicting record, in batches too.
      if (conflicts.length > 0) {
        const current = await executeBatch<GraphListItem>(
          client,
          conflicts.map((conflict, i) => ({
            id: String(i + 1),
            method: 'GET' as const,
            url: withQuery(`${itemsUrl}/${encodeURIComponent(conflict.id)}`, {
              $expand: expandFields(select),
            }),
          })),
        );
        for (const [i, conflict] of conflicts.entries()) {
          const response = current[i];
          const record = response && !response.error ? await toRecord(response.body) : undefined;
          const op = operations[conflict.index] as BatchOperation;
          results.set(conflict.index, {
            key: op.key,
            status: 'conflict',
            error: conflict.error.withCurrent(record),
          });
        }
      }
      return operations.map((_op, index) => results.get(index) as BatchOperationResult);
    },

    async delta(deltaLink) {
      const page = await itemsDelta(client, siteId, listId, { deltaLink, select });
      // An item may appear more than once: the last occurrence wins.
      const latest = new Map<string, (typeof page.items)[number]>();
      for (const item of page.items) {
        const id = String(item.id ?? '');
        latest.delete(id);
        latest.set(id, item);
      }
      const changed: DomainRecord[] = [];
      const deleted: string[] = [];
      for (const [id, item] of latest) {
        if (item.deleted) deleted.push(id);
        else changed.push(await toRecord(item));
      }
      return { changed, deleted, deltaLink: page.deltaLink, resynced: page.resynced };
    },

    async versions(id) {
      const versions = await listItemVersions(client, siteId, listId, id);
      const values: Record<string, FieldValue>[] = [];
      for (const version of versions) values.push(await fieldsToValues(version.fields ?? {}, defs, people));
      // Graph lists the newest version first.
      return versions.map((version, i) => {
        const current = values[i] ?? {};
        const previous = values[i + 1];
        const changedFields = defs
          .map((def) => def.name)
          .filter((name) =>
            previous ? !sameFieldValue(current[name], previous[name]) : current[name] !== null,
          );
        const user = version.lastModifiedBy?.user;
        return {
          version: version.id ?? String(versions.length - i),
          modifiedAt: version.lastModifiedDateTime,
          modifiedBy: user?.email ? user.email.toLowerCase() : undefined,
          modifiedByName: user?.displayName,
          changedFields,
          values: current,
        };
      });
    },
  };
}
