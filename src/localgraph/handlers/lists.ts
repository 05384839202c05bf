// Lists: GET collection / by id or title, POST create (with columns).
import { randomUUID } from 'node:crypto';
import type { Handler, RequestContext } from '../context';
import { queryOption } from '../context';
import { authorize } from './common';
import { invalidRequest, nameAlreadyExists } from '../errors/graph-error-factory';
import { isObject, type JsonObject } from '../http/wire';
import { parseExpand, parseSelect } from '../odata/query-options';
import { parseFilter } from '../odata/parser';
import { evaluateFilter } from '../odata/evaluate';
import type { ColumnRecord, ListRecord, SiteRecord } from '../persistence/list-store';
import {
  applySelect,
  contextUrl,
  identityOf,
  nowIso,
  resolveList,
  resolveSite,
  withQueryErrors,
} from './common';
import { listJson } from './common';
import { columnJson, parseColumnDefinition, systemColumnsJson, titleColumn } from './column-definitions';
import { accessLevel } from '../auth/permissions';
import { listItemsPage } from './items';

function expandList(
  ctx: RequestContext,
  site: SiteRecord,
  list: ListRecord,
  body: JsonObject,
): Promise<JsonObject> | JsonObject {
  const expand = withQueryErrors(() => parseExpand(queryOption(ctx, 'expand')));
  const columns = ctx.services.store.getColumns(list.id);
  for (const e of expand) {
    if (e.name === 'columns')
      body.columns = [...columns.filter((c) => !c.hidden).map(columnJson), ...systemColumnsJson()];
    else if (e.name === 'items') {
      const page = listItemsPage(ctx, site, list, columns, {
        expand: e.options.expand,
        select: e.options.select,
      });
      body.items = page.value;
    } else if (e.name !== 'fields')
      throw invalidRequest(`Could not find a property named '${e.name}' on type 'microsoft.graph.list'.`);
  }
  return body;
}

export const getLists: Handler = (ctx) => {
  const site = resolveSite(ctx);
  authorize(ctx, 'read', site);
  const select = parseSelect(queryOption(ctx, 'select'));
  const withSystem = (select ?? []).some((s) => s.toLowerCase() === 'system');
  const filterText = queryOption(ctx, 'filter');
  const filter = filterText ? withQueryErrors(() => parseFilter(filterText)) : undefined;
  const value = ctx.services.store
    .listLists(site.id)
    .filter((l) => withSystem || !l.system)
    // Lists the caller cannot read (unique roles) are not shown, as in SharePoint.
    .filter((l) => accessLevel(ctx, site, l) !== 'none')
    .map((l) => listJson(site, l))
    .filter((j) => !filter || withQueryErrors(() => evaluateFilter(filter, j)))
    .map((j) => applySelect(j, select));
  return { status: 200, body: { '@odata.context': contextUrl(ctx, `sites('${site.id}')/lists`), value } };
};

export const getList: Handler = async (ctx) => {
  const site = resolveSite(ctx);
  const list = resolveList(ctx, site);
  authorize(ctx, 'read', site, list);
  const body = await expandList(ctx, site, list, listJson(site, list));
  return {
    status: 200,
    body: {
      '@odata.context': contextUrl(ctx, `sites('${site.id}')/lists/$entity`),
      ...applySelect(body, parseSelect(queryOption(ctx, 'select'))),
    },
  };
};

export const createList: Handler = (ctx) => {
  const site = resolveSite(ctx);
  authorize(ctx, 'manage', site);
  const body = ctx.req.body;
  if (!isObject(body)) throw invalidRequest('A list object is required.');
  const displayName = typeof body.displayName === 'string' ? body.displayName.trim() : '';
  if (displayName === '') throw invalidRequest("The property 'displayName' is required.");
  const store = ctx.services.store;
  if (store.getList(site.id, displayName)) {
    throw nameAlreadyExists(
      'A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.',
    );
  }
  const template =
    isObject(body.list) && typeof body.list.template === 'string' ? body.list.template : 'genericList';
  if (template !== 'genericList')
    throw invalidRequest(`List template '${template}' is not supported by this server.`);
  const hidden = isObject(body.list) && body.list.hidden === true;
  const now = nowIso(ctx);
  const id = randomUUID();
  const stub: ListRecord = {
    id,
    siteId: site.id,
    name: displayName,
    displayName,
    description: typeof body.description === 'string' ? body.description : '',
    template,
    hidden,
    system: false,
    createdDateTime: now,
    lastModifiedDateTime: now,
    createdBy: identityOf(ctx.principal),
    version: 1,
    uniqueRoles: false,
  };
  const columns: ColumnRecord[] = [titleColumn(id)];
  if (body.columns !== undefined) {
    if (!Array.isArray(body.columns)) throw invalidRequest("'columns' must be an array of columnDefinition.");
    for (const def of body.columns) columns.push(parseColumnDefinition(def, stub, columns, store));
  }
  const { version: _v, uniqueRoles: _u, ...record } = stub;
  const list = store.createList(record, columns);
  const location = `${ctx.services.baseUrl()}/v1.0/sites/${site.id}/lists/${list.id}`;
  return {
    status: 201,
    headers: { Location: location },
    body: { '@odata.context': contextUrl(ctx, `sites('${site.id}')/lists/$entity`), ...listJson(site, list) },
  };
};
