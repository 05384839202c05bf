// List columns: read and add (one columnDefinition per POST).
import type { ColumnDefinition } from '@microsoft/microsoft-graph-types';
import { segment } from './client';
import type { GraphClient } from './client';
import { listPath } from './lists';
import { getAllPages } from './paging';

/** Properties read with `includeHidden`: Graph lists hidden columns only when `hidden` is selected. */
const COLUMN_SELECT_WITH_HIDDEN = 'id,name,displayName,description,hidden,indexed,required,readOnly';

export async function listColumns(
  client: GraphClient,
  siteId: string,
  listId: string,
  options: { includeHidden?: boolean } = {},
): Promise<ColumnDefinition[]> {
  return (
    await getAllPages<ColumnDefinition>(client, `${listPath(siteId, listId)}/columns`, {
      query: options.includeHidden ? { $select: COLUMN_SELECT_WITH_HIDDEN } : undefined,
    })
  ).items;
}

export async function addColumn(
  client: GraphClient,
  siteId: string,
  listId: string,
  column: ColumnDefinition,
): Promise<ColumnDefinition> {
  return (
    await client.request<ColumnDefinition>('POST', `${listPath(siteId, listId)}/columns`, { body: column })
  ).body;
}

/** `PATCH .../columns/{column-id}` with the properties to change (e.g. `{ indexed: true }`). */
export async function updateColumn(
  client: GraphClient,
  siteId: string,
  listId: string,
  columnId: string,
  changes: ColumnDefinition,
): Promise<ColumnDefinition> {
  return (
    await client.request<ColumnDefinition>(
      'PATCH',
      `${listPath(siteId, listId)}/columns/${segment(columnId)}`,
      {
        body: changes,
      },
    )
  ).body;
}
