// Lists: get by title or id, create with columns (409 nameAlreadyExists = someone else created it first).
import type { ColumnDefinition, List } from '@microsoft/microsoft-graph-types';
import { segment } from './client';
import type { GraphClient } from './client';
import { isGraphError } from './errors';
import { getAllPages } from './paging';
import { sitePath } from './sites';

export const listPath = (siteId: string, listIdOrTitle: string): string =>
  `${sitePath(siteId)}/lists/${segment(listIdOrTitle)}`;

/** `GET /sites/{id}/lists/{id-or-title}`; undefined on 404. */
export async function findList(
  client: GraphClient,
  siteId: string,
  listIdOrTitle: string,
): Promise<List | undefined> {
  try {
    return (await client.request<List>('GET', listPath(siteId, listIdOrTitle))).body;
  } catch (error) {
    if (isGraphError(error) && error.status === 404) return undefined;
    throw error;
  }
}

/** Same as findList by title; throws the 404 GraphError when absent. */
export async function getList(client: GraphClient, siteId: string, listIdOrTitle: string): Promise<List> {
  return (await client.request<List>('GET', listPath(siteId, listIdOrTitle))).body;
}

export async function listLists(client: GraphClient, siteId: string): Promise<List[]> {
  return (await getAllPages<List>(client, `${sitePath(siteId)}/lists`)).items;
}

export interface CreateListInput {
  displayName: string;
  description?: string;
  columns?: readonly ColumnDefinition[];
  /** Default genericList (adds the built-in Title column). */
  template?: string;
}

export interface CreateListResult {
  list: List;
  /** false when the list already existed (409), in which case `list` is the existing one. */
  created: boolean;
}

/** `POST /sites/{id}/lists`; a 409 (the title exists) returns the existing list instead. */
export async function createList(
  client: GraphClient,
  siteId: string,
  input: CreateListInput,
): Promise<CreateListResult> {
  try {
    const response = await client.request<List>('POST', `${sitePath(siteId)}/lists`, {
      body: {
        displayName: input.displayName,
        ...(input.description !== undefined ? { description: input.description } : {}),
        columns: input.columns ?? [],
        list: { template: input.template ?? 'genericList' },
      },
    });
    return { list: response.body, created: true };
  } catch (error) {
    if (isGraphError(error) && error.status === 409) {
      return { list: await getList(client, siteId, input.displayName), created: false };
    }
    throw error;
  }
}
