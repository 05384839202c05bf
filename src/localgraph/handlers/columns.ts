// Columns: GET collection / one, POST create.
import type { Handler } from '../context';
import { queryOption } from '../context';
import { requireAccess } from '../auth/permissions';
import { itemNotFound } from '../errors/graph-error-factory';
import { parseSelect } from '../odata/query-options';
import { applySelect, contextUrl, resolveList, resolveSite } from './common';
import { columnJson, parseColumnDefinition, systemColumnsJson } from './column-definitions';

export const getColumns: Handler = (ctx) => {
  const site = resolveSite(ctx);
  const list = resolveList(ctx, site);
  requireAccess(ctx, 'read', site, list);
  const select = parseSelect(queryOption(ctx, 'select'));
  const withHidden = (select ?? []).some((s) => s.toLowerCase() === 'hidden');
  const cols = ctx.services.store.getColumns(list.id).filter((c) => withHidden || !c.hidden);
  const value = [...cols.map(columnJson), ...systemColumnsJson()].map((c) => applySelect(c, select));
  return {
    status: 200,
    body: { '@odata.context': contextUrl(ctx, `sites('${site.id}')/lists('${list.id}')/columns`), value },
  };
};

export const getColumn: Handler = (ctx) => {
  const site = resolveSite(ctx);
  const list = resolveList(ctx, site);
  requireAccess(ctx, 'read', site, list);
  const key = (ctx.params.column ?? '').toLowerCase();
  const all = [...ctx.services.store.getColumns(list.id).map(columnJson), ...systemColumnsJson()];
  const col = all.find((c) => String(c.id).toLowerCase() === key || String(c.name).toLowerCase() === key);
  if (!col) throw itemNotFound('The specified column was not found.');
  return {
    status: 200,
    body: {
      '@odata.context': contextUrl(ctx, `sites('${site.id}')/lists('${list.id}')/columns/$entity`),
      ...col,
    },
  };
};

export const createColumn: Handler = (ctx) => {
  const site = resolveSite(ctx);
  const list = resolveList(ctx, site);
  requireAccess(ctx, 'manage', site, list);
  const store = ctx.services.store;
  const column = store.addColumn(parseColumnDefinition(ctx.req.body, list, store.getColumns(list.id), store));
  return {
    status: 201,
    body: {
      '@odata.context': contextUrl(ctx, `sites('${site.id}')/lists('${list.id}')/columns/$entity`),
      ...columnJson(column),
    },
  };
};
