// Follows @odata.nextLink until the last page (SharePoint pages list items by ~200), and keeps the final
// @odata.deltaLink. Links are absolute (http on localgraph); client.request turns them into relative paths.
import type { GraphClient, GraphResponse, QueryValue } from './client';

export interface Page<T> {
  value?: T[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

export interface PageProgress {
  /** 1-based page number. */
  page: number;
  /** Items on this page. */
  pageItems: number;
  /** Items so far. */
  total: number;
}

export interface GetAllPagesOptions {
  query?: Readonly<Record<string, QueryValue>>;
  /** Sent with every page (e.g. `Prefer`), as the first request's headers are not remembered by Graph. */
  headers?: Readonly<Record<string, string>>;
  onPage?: (progress: PageProgress) => void;
  /** Safety net against a server that never stops paging. Default 10,000 pages. */
  maxPages?: number;
}

export interface AllPages<T> {
  items: T[];
  deltaLink: string | undefined;
}

export async function getAllPages<T>(
  client: GraphClient,
  path: string,
  options: GetAllPagesOptions = {},
): Promise<AllPages<T>> {
  const items: T[] = [];
  const maxPages = options.maxPages ?? 10_000;
  let next: string | undefined = path;
  let query = options.query;
  let deltaLink: string | undefined;
  for (let page = 1; next !== undefined; page++) {
    if (page > maxPages) throw new Error(`Paging stopped after ${maxPages} pages at ${next}`);
    const response: GraphResponse<Page<T>> = await client.request<Page<T>>('GET', next, {
      query,
      headers: options.headers,
    });
    const value = response.body?.value ?? [];
    items.push(...value);
    options.onPage?.({ page, pageItems: value.length, total: items.length });
    next = response.body?.['@odata.nextLink'];
    deltaLink = response.body?.['@odata.deltaLink'] ?? deltaLink;
    // The nextLink already carries the query.
    query = undefined;
  }
  return { items, deltaLink };
}
