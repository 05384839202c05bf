// List items: read (all pages), get, create, update fields and delete with If-Match, versions, delta.
import type { GraphClient } from './client';
import { listPath } from './lists';
import type { GraphFields, GraphListItem } from './mapping';
import { getAllPages } from './paging';
import type { PageProgress } from './paging';
import { segment, toRelativePath } from './client';
import { isGraphError } from './errors';

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

/** Paths equal once percent-decoded (a site id's commas may come encoded or not). */
function samePath(a: string, b: string): boolean {
  const decode = (p: string) => {
    try {
      return decodeURIComponent(p).toLowerCase();
    } catch {
      return p.toLowerCase();
    }
  };
  return decode(a) === decode(b);
}

export interface DeltaPage {
  /** Changed and deleted items; deleted ones carry `deleted: { state: 'deleted' }`. An id may appear twice. */
  items: (GraphListItem & { deleted?: { state?: string } })[];
  deltaLink: string;
  /**
   * true when the saved deltaLink had expired (410 Gone) and this is a full re-read: `items` is then every
   * item there is, and whatever the caller holds that is not among them is gone.
   */
  resynced: boolean;
}

/**
 * Items delta: all items first (no deltaLink), then changes since the given deltaLink. An expired or unknown
 * token gets `410 Gone` (resyncChangesApplyDifferences / resyncRequired) with a `Location` header holding a
 * fresh start link [doc listitem-delta, concepts/delta-query "resync"]; the recovery is here, once, for every
 * caller: the Location link is followed when it carries our `$expand` (it stays on the same list; the client
 * keeps every call on its own base URL), otherwise the enumeration starts again with our own query.
 */
export async function itemsDelta(
  client: GraphClient,
  siteId: string,
  listId: string,
  options: { deltaLink?: string; select?: readonly string[]; onPage?: (progress: PageProgress) => void } = {},
): Promise<DeltaPage> {
  type Item = DeltaPage['items'][number];
  const deltaPath = `${itemsPath(siteId, listId)}/delta`;
  const fromStart = () =>
    getAllPages<Item>(client, deltaPath, {
      query: { $expand: expandFields(options.select) },
      onPage: options.onPage,
    });
  const finish = (result: { items: Item[]; deltaLink: string | undefined }, resynced: boolean) => {
    if (!result.deltaLink) throw new Error('Delta ended without an @odata.deltaLink');
    return { items: result.items, deltaLink: result.deltaLink, resynced };
  };
  if (!options.deltaLink) return finish(await fromStart(), false);
  try {
    return finish(await getAllPages<Item>(client, options.deltaLink, { onPage: options.onPage }), false);
  } catch (error) {
    if (!isGraphError(error) || error.status !== 410) throw error;
    const location = error.location ? toRelativePath(error.location) : undefined;
    const usable =
      location !== undefined &&
      samePath(location.split('?')[0] ?? '', deltaPath) &&
      /[?&]\$?expand=/i.test(location);
    if (usable) {
      try {
        return finish(await getAllPages<Item>(client, location, { onPage: options.onPage }), true);
      } catch (again) {
        if (!isGraphError(again) || again.status !== 410) throw again;
      }
    }
    return finish(await fromStart(), true);
  }
}
