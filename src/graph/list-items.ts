// List items: read (all pages), get, create, update fields and delete with If-Match, versions, delta.
import type { GraphClient } from './client';
import { listPath } from './lists';
import type { GraphFields, GraphListItem } from './mapping';
import { getAllPages } from './paging';
import type { PageProgress } from './paging';
import { segment } from './client';

/** Lets SharePoint filter/sort on non-indexed columns; such queries can fail above 5,000 items. */
export const PREFER_NON_INDEXED = 'HonorNonIndexedQueriesWarningMayFailRandomly';

export interface ListItemsQuery {
  /** Names for `$expand=fields($select=...)`; every (non-hidden) field when absent. */
  select?: readonly string[];
  /** An OData $filter on `fields/...`; build literals with odataString / odataLiteral. */
  filter?: string;
  /** e.g. `fields/Modified desc`. */
  orderBy?: string;
  /** Page size. */
  top?: number;
  /** Sends `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly` (needed for non-indexed columns). */
  allowNonIndexed?: boolean;
  onPage?: (progress: PageProgress) => void;
}

export interface ListItemVersion {
  /** e.g. `4.0`. */
  id?: string;
  lastModifiedDateTime?: string;
  lastModifiedBy?: { user?: { id?: string; displayName?: string; email?: string } };
  fields?: GraphFields;
}

const itemsPath = (siteId: string, listId: string) => `${listPath(siteId, listId)}/items`;
const itemPath = (siteId: string, listId: string, itemId: string) =>
  `${itemsPath(siteId, listId)}/${segment(itemId)}`;

export const expandFields = (select?: readonly string[]): string =>
  select && select.length > 0 ? `fields($select=${select.join(',')})` : 'fields';

const ifMatch = (eTag: string | undefined): Record<string, string> => (eTag ? { 'If-Match': eTag } : {});

/** Every item matching the query, following nextLink to the end. */
export async function listItems(
  client: GraphClient,
  siteId: string,
  listId: string,
  query: ListItemsQuery = {},
): Promise<GraphListItem[]> {
  const result = await getAllPages<GraphListItem>(client, itemsPath(siteId, listId), {
    query: {
      $expand: expandFields(query.select),
      $filter: query.filter,
      $orderby: query.orderBy,
      $top: query.top,
    },
    headers: query.allowNonIndexed ? { Prefer: PREFER_NON_INDEXED } : undefined,
    onPage: query.onPage,
  });
  return result.items;
}

export async function getItem(
  client: GraphClient,
  siteId: string,
  listId: string,
  itemId: string,
  select?: readonly string[],
): Promise<GraphListItem> {
  return (
    await client.request<GraphListItem>('GET', itemPath(siteId, listId, itemId), {
      query: { $expand: expandFields(select) },
    })
  ).body;
}

/** `POST /items {fields}` -> 201 with the whole item (version 1). */
export async function createItem(
  client: GraphClient,
  siteId: string,
  listId: string,
  fields: GraphFields,
): Promise<GraphListItem> {
  return (await client.request<GraphListItem>('POST', itemsPath(siteId, listId), { body: { fields } })).body;
}

/** `PATCH /items/{id}/fields` -> the whole fieldValueSet with the new `@odata.etag`. A stale eTag gives ConflictError. */
export async function updateItemFields(
  client: GraphClient,
  siteId: string,
  listId: string,
  itemId: string,
  fields: GraphFields,
  eTag?: string,
): Promise<GraphFields> {
  return (
    await client.request<GraphFields>('PATCH', `${itemPath(siteId, listId, itemId)}/fields`, {
      body: fields,
      headers: ifMatch(eTag),
    })
  ).body;
}

/** `DELETE /items/{id}` -> 204. A stale eTag gives ConflictError, an unknown id a 404 GraphError. */
export async function deleteItem(
  client: GraphClient,
  siteId: string,
  listId: string,
  itemId: string,
  eTag?: string,
): Promise<void> {
  await client.request('DELETE', itemPath(siteId, listId, itemId), { headers: ifMatch(eTag) });
}

/** `GET /items/{id}/versions` (newest first), with each version's fields. */
export async function listItemVersions(
  client: GraphClient,
  siteId: string,
  listId: string,
  itemId: string,
): Promise<ListItemVersion[]> {
  return (
    await getAllPages<ListItemVersion>(client, `${itemPath(siteId, listId, itemId)}/versions`, {
      query: { $expand: 'fields' },
    })
  ).items;
}

export interface DeltaPage {
  /** Changed and deleted items; deleted ones carry `deleted: { state: 'deleted' }`. An id may appear twice. */
  items: (GraphListItem & { deleted?: { state?: string } })[];
  deltaLink: string;
}

/** Items delta: all items first (no deltaLink), then changes since the given deltaLink. 410 means resync. */
export async function itemsDelta(
  client: GraphClient,
  siteId: string,
  listId: string,
  options: { deltaLink?: string; select?: readonly string[]; onPage?: (progress: PageProgress) => void } = {},
): Promise<DeltaPage> {
  const result = options.deltaLink
    ? await getAllPages<DeltaPage['items'][number]>(client, options.deltaLink, { onPage: options.onPage })
    : await getAllPages<DeltaPage['items'][number]>(client, `${itemsPath(siteId, listId)}/delta`, {
        query: { $expand: expandFields(options.select) },
        onPage: options.onPage,
      });
  if (!result.deltaLink) throw new Error('Delta ended without an @odata.deltaLink');
  return { items: result.items, deltaLink: result.deltaLink };
}
