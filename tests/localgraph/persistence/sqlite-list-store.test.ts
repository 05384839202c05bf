import { randomUUID } from 'node:crypto';
import { SqliteListStore } from '../../../src/localgraph/persistence/sqlite-list-store';
import type { ColumnRecord, ListStore } from '../../../src/localgraph/persistence/list-store';
import { parseFilter } from '../../../src/localgraph/odata/parser';
import { itemFieldResolver } from '../../../src/localgraph/handlers/field-values';
import { tempDb } from '../helpers';

const NOW = '2024-03-01T09:00:00Z';
const who = { user: { displayName: 'Ada' } };

function column(listId: string, name: string, extra: Partial<ColumnRecord> = {}): ColumnRecord {
  return {
    id: randomUUID(),
    listId,
    name,
    displayName: name,
    description: '',
    required: false,
    indexed: false,
    hidden: false,
    readOnly: false,
    enforceUniqueValues: false,
    type: 'text',
    facet: {},
    columnGroup: 'Custom Columns',
    ...extra,
  };
}

// The contract suite; an in-memory store would run the same cases.
function contract(name: string, make: () => { store: ListStore; reopen?: () => ListStore }): void {
  describe(`ListStore contract: ${name}`, () => {
    let store: ListStore;
    let reopen: (() => ListStore) | undefined;
    const siteId = 'contoso.sharepoint.com,a,b';
    const listId = randomUUID();
    let columns: ColumnRecord[];

    beforeAll(() => {
      ({ store, reopen } = make());
      store.createSite({
        id: siteId,
        hostname: 'contoso.sharepoint.com',
        path: 'governance',
        displayName: 'Gov',
        description: '',
        createdDateTime: NOW,
        lastModifiedDateTime: NOW,
      });
      store.createList(
        {
          id: listId,
          siteId,
          name: 'Assets',
          displayName: 'Assets',
          description: '',
          template: 'genericList',
          hidden: false,
          system: false,
          createdDateTime: NOW,
          lastModifiedDateTime: NOW,
          createdBy: who,
        },
        [column(listId, 'Title'), column(listId, 'Count', { type: 'number', indexed: true })],
      );
      columns = store.getColumns(listId);
    });
    afterAll(() => store.close());

    it('finds sites by path (case-insensitive) and lists by id or title', () => {
      expect(store.getSiteByPath('CONTOSO.sharepoint.com', 'Governance')?.id).toBe(siteId);
      expect(store.getList(siteId, 'assets')?.id).toBe(listId);
      expect(store.getList(siteId, listId)?.displayName).toBe('Assets');
    });

    it('creates items with increasing ids, updates with versions, deletes to tombstones', () => {
      const a = store.createItem(listId, {
        fields: { Title: 'a', Count: 1 },
        identity: who,
        uilId: 1,
        now: NOW,
      });
      const b = store.createItem(listId, {
        fields: { Title: 'b', Count: 2 },
        identity: who,
        uilId: 1,
        now: NOW,
      });
      expect([a.id, b.id]).toEqual([1, 2]);
      const u = store.updateItemFields(listId, 1, {
        set: { Count: 5 },
        clear: ['Title'],
        identity: who,
        uilId: 1,
        now: NOW,
      });
      expect(u?.version).toBe(2);
      expect(u?.fields).toEqual({ Count: 5 });
      expect(store.getVersions(listId, 1).map((v) => v.version)).toEqual([2, 1]);
      expect(() =>
        store.updateItemFields(listId, 1, {
          set: { Count: 9 },
          clear: [],
          identity: who,
          uilId: 1,
          now: NOW,
          check: () => {
            throw new Error('412');
          },
        }),
      ).toThrow('412');
      expect(store.getItem(listId, 1)?.fields.Count).toBe(5);
      const before = store.currentChangeSeq();
      expect(store.deleteItem(listId, 2, NOW)).toBe(true);
      expect(store.getItem(listId, 2)).toBeUndefined();
      const changes = store.changesSince(listId, before, store.currentChangeSeq(), before, 10);
      expect(changes.map((c) => [c.id, c.deleted])).toEqual([[2, true]]);
      const c = store.createItem(listId, { fields: { Title: 'c' }, identity: who, uilId: 1, now: NOW });
      expect(c.id).toBe(3);
    });

    it('queries with compiled filters and ordering', () => {
      for (let i = 0; i < 5; i++) {
        store.createItem(listId, {
          fields: { Title: `q${i}`, Count: 10 + i },
          identity: who,
          uilId: 1,
          now: NOW,
        });
      }
      const resolve = itemFieldResolver(columns, true);
      const hits = store.queryItems(listId, {
        filter: parseFilter('fields/Count ge 12 and fields/Count lt 14'),
        resolve,
        limit: 10,
      });
      expect(hits.map((h) => h.fields.Count)).toEqual([12, 13]);
      const ordered = store.queryItems(listId, {
        resolve,
        orderBy: [{ scope: 'fields', name: 'Count', desc: true }],
        limit: 2,
        offset: 1,
      });
      expect(ordered.map((h) => h.fields.Count)).toEqual([13, 12]);
      const paged = store.queryItems(listId, { resolve, afterId: 4, limit: 2 });
      expect(paged.map((h) => h.id)).toEqual([5, 6]);
    });

    if (reopen) {
      it('survives a restart', () => {
        const etag = store.getItem(listId, 1);
        store.close();
        store = (reopen as () => ListStore)();
        expect(store.getItem(listId, 1)).toEqual(etag);
      });
    }
  });
}

const file = tempDb();
contract('sqlite file', () => ({
  store: new SqliteListStore(file),
  reopen: () => new SqliteListStore(file),
}));
contract('sqlite :memory:', () => ({ store: new SqliteListStore(':memory:') }));
