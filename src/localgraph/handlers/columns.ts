// Columns: GET collection / one, POST create.
import type { Handler } from '../context';
import { queryOption } from '../context';
import { authorize } from './common';
import { invalidRequest, itemNotFound } from '../errors/graph-error-factory';
import { isObject } from '../http/wire';
import { parseSelect } from '../odata/query-options';
import { applySelect, contextUrl, resolveList, resolveSite } from './common';
import { columnJson, parseColumnDefinition, systemColumnsJson, validateFacet } from './column-definitions';

export const getColumns: Handler = (ctx) => {
  const site = resolveSite(ctx);
  const list = resolveList(ctx, site);
  authorize(ctx, 'read', site, list);
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
  authorize(ctx, 'read', site, list);
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
  authorize(ctx, 'manage', site, list);
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

const PATCHABLE = [
  'displayName',
  'description',
  'required',
  'indexed',
  'hidden',
  'enforceUniqueValues',
] as const;

/** PATCH a column: common properties and the properties of its own type facet (the type cannot change). */
export const updateColumn: Handler = (ctx) => {
  const site = resolveSite(ctx);
  const list = resolveList(ctx, site);
  authorize(ctx, 'manage', site, list);
  const store = ctx.services.store;
  const columns = store.getColumns(list.id);
  const key = (ctx.params.column ?? '').toLowerCase();
  const current = columns.find((c) => c.id.toLowerCase() === key || c.name.toLowerCase() === key);
  if (!current) {
    if (systemColumnsJson().some((c) => String(c.id) === key || String(c.name).toLowerCase() === key)) {
      throw invalidRequest('System columns cannot be changed.');
    }
    throw itemNotFound('The specified column was not found.');
  }
  const b = ctx.req.body;
  if (!isObject(b)) throw invalidRequest('A columnDefinition object is required.');
  if (b.name !== undefined && b.name !== current.name)
    throw invalidRequest("The column 'name' cannot be changed.");
  const next = { ...current };
  for (const k of PATCHABLE) {
    const v = b[k];
    if (v === undefined) continue;
    if (k === 'displayName' || k === 'description') {
      if (typeof v !== 'string') throw invalidRequest(`'${k}' must be a string.`);
      next[k] = v;
    } else {
      if (typeof v !== 'boolean') throw invalidRequest(`'${k}' must be a boolean.`);
      next[k] = v;
    }
  }
  for (const [k, v] of Object.entries(b)) {
    if (k === current.type && isObject(v))
      next.facet = validateFacet(current.type, { ...current.facet, ...v }, list, store);
    else if (
      [
        'text',
        'choice',
        'dateTime',
        'number',
        'currency',
        'boolean',
        'personOrGroup',
        'lookup',
        'hyperlinkOrPicture',
      ].includes(k)
    ) {
      throw invalidRequest(`The column type cannot be changed from '${current.type}' to '${k}'.`);
    }
  }
  if (next.enforceUniqueValues && !next.indexed)
    throw invalidRequest('enforceUniqueValues requires the column to be indexed.');
  if (next.indexed && !current.indexed && columns.filter((c) => c.indexed).length >= 20) {
    throw invalidRequest('A list can have at most 20 indexed columns.');
  }
  store.updateColumn(next);
  return {
    status: 200,
    body: {
      '@odata.context': contextUrl(ctx, `sites('${site.id}')/lists('${list.id}')/columns/$entity`),
      ...columnJson(next),
    },
  };
};
