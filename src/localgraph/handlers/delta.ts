// GET /items/delta: first call enumerates (pages), the last page carries a deltaLink whose token is a change
// sequence number; later calls return items changed since then (deleted ones as a `deleted` facet).
// Tokens expire: an unknown, malformed, foreign or too-old token (older than deltaTokenRetentionSeconds, 7 days by
// default: the shortest documented delta-link lifetime, devblogs "Duration of change tracking tokens", 2020; the
// service "can't provide a list of changes for a given token … if a client tries to reuse an old token after
// being disconnected for a long time", concepts/delta-query-overview) gets 410 Gone with
// resyncChangesApplyDifferences and a Location header that starts a full enumeration (api/listitem-delta,
// reference/graph-lists.md §4). Tests expire every token with POST /local/admin/delta/expire.
import type { Handler, RequestContext } from '../context';
import { queryOption } from '../context';
import { resyncRequired } from '../errors/graph-error-factory';
import type { JsonObject } from '../http/wire';
import type { ItemRecord, ListRecord } from '../persistence/list-store';
import { base64NoPad, contextUrl, fromBase64, pageSize, pagingLink, siteAndList } from './common';
import { itemJson, itemView, readContext } from './items';

type DeltaState =
  | { mode: 'E'; anchor: number; after: number } // enumerating all items (id > after)
  | { mode: 'C'; from: number; to: number; after: number } // changes with from < seq <= to, seq > after
  | { mode: 'D'; seq: number }; // a deltaLink

/** Issue stamp of a token: when (epoch seconds) and under which expiry generation (meta `delta_epoch`). */
interface Stamp {
  issuedAt: number;
  epoch: number;
}

export const DELTA_EPOCH_KEY = 'delta_epoch';

function currentStamp(ctx: RequestContext): Stamp {
  return {
    issuedAt: Math.floor(ctx.services.now().getTime() / 1000),
    epoch: Number(ctx.services.store.getMeta(DELTA_EPOCH_KEY) ?? '0'),
  };
}

function encode(listId: string, stamp: Stamp, s: DeltaState): string {
  const parts = s.mode === 'E' ? [s.anchor, s.after] : s.mode === 'C' ? [s.from, s.to, s.after] : [s.seq];
  return base64NoPad(['v2', listId, stamp.epoch, stamp.issuedAt, s.mode, ...parts].join('|'))
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
}

function decode(ctx: RequestContext, listId: string, token: string, current: number): DeltaState | undefined {
  if (token.length > 512) return undefined;
  const text = fromBase64(token.replace(/-/g, '+').replace(/_/g, '/'));
  const [v, list, epochText, issuedText, mode, ...rest] = text.split('|');
  const now = currentStamp(ctx);
  const issuedAt = Number(issuedText);
  if (v !== 'v2' || list !== listId || Number(epochText) !== now.epoch || !Number.isInteger(issuedAt))
    return undefined;
  if (now.issuedAt - issuedAt > ctx.services.deltaTokenRetentionSeconds) return undefined;
  const nums = rest.map(Number);
  if (nums.some((n) => !Number.isInteger(n) || n < 0 || n > current)) return undefined;
  if (mode === 'E' && nums.length === 2) return { mode, anchor: nums[0] as number, after: nums[1] as number };
  if (mode === 'C' && nums.length === 3) {
    return { mode, from: nums[0] as number, to: nums[1] as number, after: nums[2] as number };
  }
  if (mode === 'D' && nums.length === 1) return { mode, seq: nums[0] as number };
  return undefined;
}

function deletedJson(item: ItemRecord, siteId: string): JsonObject {
  return { id: String(item.id), parentReference: { siteId }, deleted: { state: 'deleted' } };
}

export const getDelta: Handler = (ctx: RequestContext) => {
  const { site, list } = siteAndList(ctx, 'read');
  const store = ctx.services.store;
  const current = store.currentChangeSeq();
  const limit = pageSize(ctx, ctx.services.pageSize);
  const view = itemView(queryOption(ctx, 'expand'), queryOption(ctx, 'select'));
  const columns = store.getColumns(list.id);
  const rc = readContext(ctx, site);
  const tokenText = ctx.req.query.get('token') ?? undefined;
  const stamp = currentStamp(ctx);
  const link = (state: DeltaState): string =>
    pagingLink(ctx, { token: encode(list.id, stamp, state) }, ['skiptoken']);
  const body = (value: JsonObject[], key: 'nextLink' | 'deltaLink', state: DeltaState) => ({
    status: 200,
    body: {
      '@odata.context': contextUrl(ctx, 'Collection(listItem)'),
      value,
      [`@odata.${key}`]: link(state),
    },
  });

  let state: DeltaState;
  if (tokenText === undefined) state = { mode: 'E', anchor: current, after: 0 };
  else if (tokenText === 'latest') return body([], 'deltaLink', { mode: 'D', seq: current });
  else {
    const decoded = decode(ctx, list.id, tokenText, current);
    if (!decoded) throw resyncRequired(pagingLink(ctx, {}, ['token', 'skiptoken']).replace(/\?$/, ''));
    state =
      decoded.mode === 'D' ? { mode: 'C', from: decoded.seq, to: current, after: decoded.seq } : decoded;
  }

  const shape = (item: ItemRecord): JsonObject =>
    item.deleted ? deletedJson(item, site.id) : itemJson(rc, list as ListRecord, item, columns, view);

  if (state.mode === 'E') {
    const rows = store.queryItems(list.id, {
      resolve: () => {
        throw new Error('no filter in delta');
      },
      afterId: state.after,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    if (rows.length > limit && last) {
      return body(page.map(shape), 'nextLink', { mode: 'E', anchor: state.anchor, after: last.id });
    }
    return body(page.map(shape), 'deltaLink', { mode: 'D', seq: state.anchor });
  }
  if (state.mode === 'C') {
    const rows = store.changesSince(list.id, state.from, state.to, state.after, limit + 1);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    if (rows.length > limit && last) {
      return body(page.map(shape), 'nextLink', {
        mode: 'C',
        from: state.from,
        to: state.to,
        after: last.changeSeq,
      });
    }
    return body(page.map(shape), 'deltaLink', { mode: 'D', seq: state.to });
  }
  return body([], 'deltaLink', state);
};
