// List items: GET collection (filter/orderby/paging), GET one, POST, PATCH fields, PATCH item, DELETE, versions.
import type { Handler, RequestContext } from '../context';
import { queryOption } from '../context';
import { invalidRequest, itemNotFound, preconditionFailed } from '../errors/graph-error-factory';
import { HONOR_NON_INDEXED, isObject, type JsonObject, type ResponseModel } from '../http/wire';
import { parseFilter } from '../odata/parser';
import { parseExpand, parseOrderBy, parseSelect } from '../odata/query-options';
import type { ColumnRecord, ItemRecord, ListRecord, SiteRecord } from '../persistence/list-store';
import {
  applySelect,
  authorize,
  base64NoPad,
  contextUrl,
  fromBase64,
  identityOf,
  listWebUrl,
  nowIso,
  pageSize,
  pagingLink,
  siteAndList,
  withQueryErrors,
} from './common';
import {
  checkLookupThreshold,
  isUserInformationList,
  itemETag,
  itemFieldResolver,
  readFields,
  validateWrite,
  type ReadContext,
} from './field-values';
import { ensureSiteUser, userInformationList } from './site-directory';

export interface ItemView {
  fields: boolean;
  fieldSelect?: string[];
  itemSelect?: string[];
}

/** Reads `expand=fields(select=…)` / `$expand=fields($select=…)` and item-level `$select`. */
export function itemView(expandText: string | undefined, selectText: string | undefined): ItemView {
  const expand = withQueryErrors(() => parseExpand(expandText));
  const view: ItemView = { fields: false, itemSelect: parseSelect(selectText) };
  for (const e of expand) {
    if (e.name !== 'fields') {
      throw invalidRequest(`Could not find a property named '${e.name}' on type 'microsoft.graph.listItem'.`);
    }
    view.fields = true;
    view.fieldSelect = parseSelect(e.options.select);
  }
  return view;
}

export function readContext(ctx: RequestContext, site: SiteRecord): ReadContext {
  return { ctx, targets: { site, uil: userInformationList(ctx.services.store, site) }, cache: new Map() };
}

export function itemJson(
  rc: ReadContext,
  list: ListRecord,
  item: ItemRecord,
  columns: ColumnRecord[],
  view: ItemView,
): JsonObject {
  const site = rc.targets.site;
  const etag = itemETag(item);
  const out: JsonObject = {
    '@odata.etag': etag,
    createdDateTime: item.createdDateTime,
    eTag: etag,
    id: String(item.id),
    lastModifiedDateTime: item.lastModifiedDateTime,
    webUrl: `${listWebUrl(site, list)}/${item.id}_.000`,
    createdBy: item.createdBy,
    lastModifiedBy: item.lastModifiedBy,
    parentReference: { id: list.id, siteId: site.id },
    contentType: { id: '0x0100' + list.id.replace(/-/g, '').toUpperCase().slice(0, 32), name: 'Item' },
  };
  const shaped = applySelect(out, view.itemSelect);
  if (view.fields) {
    shaped['fields@odata.context'] = contextUrl(
      rc.ctx,
      `sites('${site.id}')/lists('${list.id}')/items('${item.id}')/fields/$entity`,
    );
    shaped.fields = readFields(rc, item, columns, view.fieldSelect);
  }
  return shaped;
}

function honorsNonIndexed(ctx: RequestContext): boolean {
  return (ctx.req.headers.prefer ?? '')
    .split(',')
    .some((p) => p.trim().toLowerCase() === HONOR_NON_INDEXED.toLowerCase());
}

/** SharePoint's list view threshold (5,000 items by default): past it only indexed columns may be queried. */
function overListViewThreshold(ctx: RequestContext, list: ListRecord): boolean {
  const s = ctx.services;
  return !s.lenient.ignoreListViewThreshold && s.store.countItems(list.id) > s.listViewThreshold;
}

interface Skip {
  lastId: number;
  offset?: number;
}

function decodeSkipToken(token: string): Skip {
  const params = new URLSearchParams(fromBase64(token));
  const lastId = Number(params.get('p_ID'));
  if (params.get('Paged') !== 'TRUE' || !Number.isInteger(lastId))
    throw invalidRequest('The $skiptoken is not valid.');
  const offset = params.get('p_Offset');
  return offset === null ? { lastId } : { lastId, offset: Number(offset) };
}

/** One page of items; used by GET /items and by `expand=items` on a list. */
export function listItemsPage(
  ctx: RequestContext,
  site: SiteRecord,
  list: ListRecord,
  columns: ColumnRecord[],
  opts: {
    expand?: string;
    select?: string;
    filter?: string;
    orderby?: string;
    top?: number;
    skiptoken?: string;
  },
): { value: JsonObject[]; nextLink?: string } {
  const view = itemView(opts.expand, opts.select);
  checkLookupThreshold(columns, view.fieldSelect);
  const resolve = itemFieldResolver(columns, honorsNonIndexed(ctx), overListViewThreshold(ctx, list));
  const filter = opts.filter ? withQueryErrors(() => parseFilter(opts.filter as string)) : undefined;
  const orderBy = opts.orderby ? withQueryErrors(() => parseOrderBy(opts.orderby as string)) : undefined;
  const limit = opts.top ?? ctx.services.pageSize;
  const skip = opts.skiptoken ? decodeSkipToken(opts.skiptoken) : undefined;
  const rows = withQueryErrors(() => {
    // Resolve once up front so unknown/non-indexed fields fail before the store runs.
    for (const t of orderBy ?? []) resolve({ scope: t.scope, name: t.name });
    return ctx.services.store.queryItems(list.id, {
      filter,
      resolve,
      orderBy,
      afterId: orderBy ? undefined : skip?.lastId,
      offset: orderBy ? (skip?.offset ?? 0) : 0,
      limit: limit + 1,
    });
  });
  const page = rows.slice(0, limit);
  const rc = readContext(ctx, site);
  const value = page.map((item) => itemJson(rc, list, item, columns, view));
  const last = page[page.length - 1];
  if (rows.length <= limit || !last) return { value };
  const token = orderBy
    ? `Paged=TRUE&p_ID=${last.id}&p_Offset=${(skip?.offset ?? 0) + limit}`
    : `Paged=TRUE&p_ID=${last.id}`;
  return { value, nextLink: pagingLink(ctx, { $skiptoken: base64NoPad(token) }, ['skiptoken']) };
}

export const getItems: Handler = (ctx) => {
  const { site, list } = siteAndList(ctx, 'read');
  const columns = ctx.services.store.getColumns(list.id);
  const page = listItemsPage(ctx, site, list, columns, {
    expand: queryOption(ctx, 'expand'),
    select: queryOption(ctx, 'select'),
    filter: queryOption(ctx, 'filter'),
    orderby: queryOption(ctx, 'orderby'),
    top: pageSize(ctx, ctx.services.pageSize),
    skiptoken: queryOption(ctx, 'skiptoken'),
  });
  const body: JsonObject = {
    '@odata.context': contextUrl(ctx, `sites('${site.id}')/lists('${list.id}')/items`),
    value: page.value,
  };
  if (page.nextLink) body['@odata.nextLink'] = page.nextLink;
  return { status: 200, body };
};

function itemIdParam(ctx: RequestContext): number {
  const raw = ctx.params.item ?? '';
  if (!/^\d+$/.test(raw)) throw itemNotFound();
  return Number(raw);
}

function loadItem(ctx: RequestContext, list: ListRecord): ItemRecord {
  const item = ctx.services.store.getItem(list.id, itemIdParam(ctx));
  if (!item) throw itemNotFound();
  return item;
}

function itemResponse(
  ctx: RequestContext,
  site: SiteRecord,
  list: ListRecord,
  item: ItemRecord,
  status: number,
  view: ItemView,
): ResponseModel {
  const columns = ctx.services.store.getColumns(list.id);
  const body = itemJson(readContext(ctx, site), list, item, columns, view);
  return {
    status,
    headers: { ETag: itemETag(item) },
    body: {
      '@odata.context': contextUrl(ctx, `sites('${site.id}')/lists('${list.id}')/items/$entity`),
      ...body,
    },
  };
}

export const getItem: Handler = (ctx) => {
  const { site, list } = siteAndList(ctx, 'read');
  const item = loadItem(ctx, list);
  const view = itemView(queryOption(ctx, 'expand'), queryOption(ctx, 'select'));
  checkLookupThreshold(ctx.services.store.getColumns(list.id), view.fieldSelect);
  return itemResponse(ctx, site, list, item, 200, view);
};

/** Site and list for a write: members write items; the User Information List needs owners. */
function writableList(ctx: RequestContext): { site: SiteRecord; list: ListRecord } {
  const { site, list } = siteAndList(ctx, 'read');
  authorize(ctx, isUserInformationList(list) ? 'manage' : 'write', site, list);
  return { site, list };
}

function writeRules(ctx: RequestContext): { hyperlinkWrites: boolean } {
  return { hyperlinkWrites: ctx.services.lenient.hyperlinkWrites };
}

function existsChecker(ctx: RequestContext, site: SiteRecord): (c: ColumnRecord, id: number) => boolean {
  const store = ctx.services.store;
  const uil = userInformationList(store, site);
  return (c, id) => {
    const listId = c.type === 'personOrGroup' ? uil?.id : String(c.facet.listId ?? '');
    return listId !== undefined && store.getItem(listId, id) !== undefined;
  };
}

export const createItem: Handler = (ctx) => {
  const { site, list } = writableList(ctx);
  const body = ctx.req.body;
  if (!isObject(body)) throw invalidRequest('A listItem object is required.');
  const columns = ctx.services.store.getColumns(list.id);
  const { set } = validateWrite(body.fields ?? {}, columns, existsChecker(ctx, site), writeRules(ctx));
  for (const c of columns) {
    if (
      set[c.name] === undefined &&
      c.defaultValue !== undefined &&
      c.type !== 'personOrGroup' &&
      c.type !== 'lookup'
    ) {
      try {
        Object.assign(
          set,
          validateWrite({ [c.name]: c.defaultValue }, columns, () => true, writeRules(ctx)).set,
        );
      } catch {
        // A default that does not fit the column is ignored, as SharePoint does.
      }
    }
  }
  const now = nowIso(ctx);
  const uilId = ensureSiteUser(ctx.services.store, site, ctx.principal, now);
  const item = ctx.services.store.createItem(list.id, {
    fields: set,
    identity: identityOf(ctx.principal),
    uilId,
    now,
  });
  const res = itemResponse(ctx, site, list, item, 201, { fields: true });
  res.headers = {
    ...res.headers,
    Location: `${ctx.services.baseUrl()}/v1.0/sites/${site.id}/lists/${list.id}/items/${item.id}`,
  };
  return res;
};

function normaliseETag(v: string): string {
  return v
    .trim()
    .replace(/^W\//, '')
    .replace(/^"+|"+$/g, '')
    .toLowerCase();
}

function ifMatchCheck(ctx: RequestContext): ((current: ItemRecord) => void) | undefined {
  const header = ctx.req.headers['if-match'];
  if (header === undefined || header.trim() === '*') return undefined;
  // Graph eTags contain a comma, so a list of tags is split on the quoted values, not on commas.
  const quoted = header.match(/(W\/)?"[^"]*"/g);
  const wanted = (quoted ?? [header]).map(normaliseETag);
  return (current) => {
    if (!wanted.includes(normaliseETag(itemETag(current)))) throw preconditionFailed();
  };
}

function applyUpdate(
  ctx: RequestContext,
  fieldsBody: unknown,
): { site: SiteRecord; list: ListRecord; item: ItemRecord } {
  const { site, list } = writableList(ctx);
  const id = itemIdParam(ctx);
  if (!ctx.services.store.getItem(list.id, id)) throw itemNotFound();
  const columns = ctx.services.store.getColumns(list.id);
  const { set, clear } = validateWrite(fieldsBody, columns, existsChecker(ctx, site), writeRules(ctx));
  const now = nowIso(ctx);
  const uilId = ensureSiteUser(ctx.services.store, site, ctx.principal, now);
  const item = ctx.services.store.updateItemFields(list.id, id, {
    set,
    clear,
    identity: identityOf(ctx.principal),
    uilId,
    now,
    check: ifMatchCheck(ctx),
  });
  if (!item) throw itemNotFound();
  return { site, list, item };
}

export const updateItemFields: Handler = (ctx) => {
  const { site, list, item } = applyUpdate(ctx, ctx.req.body);
  const columns = ctx.services.store.getColumns(list.id);
  return {
    status: 200,
    headers: { ETag: itemETag(item) },
    body: {
      '@odata.context': contextUrl(
        ctx,
        `sites('${site.id}')/lists('${list.id}')/items('${item.id}')/fields/$entity`,
      ),
      ...readFields(readContext(ctx, site), item, columns, undefined),
    },
  };
};

export const updateItem: Handler = (ctx) => {
  const body = ctx.req.body;
  if (!isObject(body)) throw invalidRequest('A listItem object is required.');
  const { site, list, item } = applyUpdate(ctx, body.fields ?? {});
  return itemResponse(ctx, site, list, item, 200, { fields: true });
};

export const deleteItem: Handler = (ctx) => {
  const { list } = writableList(ctx);
  const ok = ctx.services.store.deleteItem(list.id, itemIdParam(ctx), nowIso(ctx), ifMatchCheck(ctx));
  if (!ok) throw itemNotFound();
  return { status: 204 };
};

function versionJson(
  ctx: RequestContext,
  rc: ReadContext,
  item: ItemRecord,
  v: ReturnType<RequestContext['services']['store']['getVersions']>[number],
  columns: ColumnRecord[],
): JsonObject {
  return {
    id: `${v.version}.0`,
    lastModifiedDateTime: v.lastModifiedDateTime,
    lastModifiedBy: v.lastModifiedBy,
    published: { level: 'published', modifiedDateTime: v.lastModifiedDateTime },
    fields: readFields(
      rc,
      {
        id: item.id,
        uniqueId: item.uniqueId,
        version: v.version,
        fields: v.fields,
        createdDateTime: item.createdDateTime,
        lastModifiedDateTime: v.lastModifiedDateTime,
        authorId: item.authorId,
        editorId: v.editorId,
      },
      columns,
      undefined,
    ),
  };
}

export const getVersions: Handler = (ctx) => {
  const { site, list } = siteAndList(ctx, 'read');
  const item = loadItem(ctx, list);
  const columns = ctx.services.store.getColumns(list.id);
  const rc = readContext(ctx, site);
  const value = ctx.services.store
    .getVersions(list.id, item.id)
    .map((v) => versionJson(ctx, rc, item, v, columns));
  return {
    status: 200,
    body: {
      '@odata.context': contextUrl(
        ctx,
        `sites('${site.id}')/lists('${list.id}')/items('${item.id}')/versions`,
      ),
      value,
    },
  };
};

export const getVersion: Handler = (ctx) => {
  const { site, list } = siteAndList(ctx, 'read');
  const item = loadItem(ctx, list);
  const wanted = (ctx.params.version ?? '').replace(/\.0$/, '');
  const v = ctx.services.store.getVersions(list.id, item.id).find((x) => String(x.version) === wanted);
  if (!v) throw itemNotFound('The specified version was not found.');
  const body = versionJson(ctx, readContext(ctx, site), item, v, ctx.services.store.getColumns(list.id));
  return {
    status: 200,
    body: {
      '@odata.context': contextUrl(
        ctx,
        `sites('${site.id}')/lists('${list.id}')/items('${item.id}')/versions/$entity`,
      ),
      ...body,
    },
  };
};
