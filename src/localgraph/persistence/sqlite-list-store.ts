// SQLite implementation of ListStore (better-sqlite3, WAL). Every write runs in a transaction; item fields are JSON
// and queried with json_extract through the OData compiler, always with bound parameters.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { compileFilter } from '../odata/sql-compiler';
import { storedFieldSql } from './list-store';
import type { SqlParam } from '../odata/sql-compiler';
import type {
  AppRegistration,
  ColumnRecord,
  DirectoryUser,
  FieldMap,
  IdentitySet,
  ItemQuery,
  ItemRecord,
  ItemVersionRecord,
  ListRecord,
  ListStore,
  SiteGrant,
  SiteRecord,
  SiteRole,
  UserQuery,
} from './list-store';
import { randomUUID } from 'node:crypto';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sites (
  id TEXT PRIMARY KEY, hostname TEXT NOT NULL COLLATE NOCASE, path TEXT NOT NULL COLLATE NOCASE,
  display_name TEXT NOT NULL, description TEXT NOT NULL, created TEXT NOT NULL, modified TEXT NOT NULL,
  UNIQUE (hostname, path));
CREATE TABLE IF NOT EXISTS lists (
  id TEXT PRIMARY KEY, site_id TEXT NOT NULL, name TEXT NOT NULL, display_name TEXT NOT NULL COLLATE NOCASE,
  description TEXT NOT NULL, template TEXT NOT NULL, hidden INTEGER NOT NULL, system INTEGER NOT NULL,
  created TEXT NOT NULL, modified TEXT NOT NULL, created_by TEXT, version INTEGER NOT NULL DEFAULT 1,
  next_item_id INTEGER NOT NULL DEFAULT 1, unique_roles INTEGER NOT NULL DEFAULT 0,
  UNIQUE (site_id, display_name));
CREATE TABLE IF NOT EXISTS columns (
  id TEXT NOT NULL, list_id TEXT NOT NULL, name TEXT NOT NULL COLLATE NOCASE, position INTEGER NOT NULL,
  definition TEXT NOT NULL, PRIMARY KEY (list_id, id), UNIQUE (list_id, name));
CREATE TABLE IF NOT EXISTS items (
  list_id TEXT NOT NULL, id INTEGER NOT NULL, unique_id TEXT NOT NULL, version INTEGER NOT NULL,
  fields TEXT NOT NULL, created TEXT NOT NULL, modified TEXT NOT NULL, created_by TEXT NOT NULL,
  modified_by TEXT NOT NULL, author_id INTEGER NOT NULL, editor_id INTEGER NOT NULL,
  change_seq INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (list_id, id));
CREATE INDEX IF NOT EXISTS items_changes ON items (list_id, change_seq);
CREATE TABLE IF NOT EXISTS item_versions (
  list_id TEXT NOT NULL, item_id INTEGER NOT NULL, version INTEGER NOT NULL, fields TEXT NOT NULL,
  modified TEXT NOT NULL, modified_by TEXT NOT NULL, editor_id INTEGER NOT NULL,
  PRIMARY KEY (list_id, item_id, version));
CREATE TABLE IF NOT EXISTS users (
  id TEXT PRIMARY KEY, upn TEXT NOT NULL UNIQUE COLLATE NOCASE, display_name TEXT NOT NULL, mail TEXT,
  preferred_language TEXT, office_location TEXT, country TEXT, job_title TEXT, department TEXT,
  given_name TEXT, surname TEXT, created TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS apps (client_id TEXT PRIMARY KEY, secret TEXT NOT NULL, display_name TEXT NOT NULL,
  roles TEXT NOT NULL, certificate TEXT);
CREATE TABLE IF NOT EXISTS site_grants (id TEXT PRIMARY KEY, site_id TEXT NOT NULL, app_id TEXT NOT NULL,
  app_display_name TEXT NOT NULL, roles TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS site_roles (site_id TEXT NOT NULL, principal TEXT NOT NULL COLLATE NOCASE,
  role TEXT NOT NULL, PRIMARY KEY (site_id, principal));
CREATE TABLE IF NOT EXISTS list_roles (list_id TEXT NOT NULL, principal TEXT NOT NULL COLLATE NOCASE,
  role TEXT NOT NULL, PRIMARY KEY (list_id, principal));
CREATE TABLE IF NOT EXISTS group_members (group_name TEXT NOT NULL COLLATE NOCASE,
  upn TEXT NOT NULL COLLATE NOCASE, PRIMARY KEY (group_name, upn));
INSERT OR IGNORE INTO meta (key, value) VALUES ('change_seq', '0');
`;

interface SiteRow {
  id: string;
  hostname: string;
  path: string;
  display_name: string;
  description: string;
  created: string;
  modified: string;
}
interface ListRow {
  id: string;
  site_id: string;
  name: string;
  display_name: string;
  description: string;
  template: string;
  hidden: number;
  system: number;
  created: string;
  modified: string;
  created_by: string | null;
  version: number;
  unique_roles: number;
}
interface ItemRow {
  list_id: string;
  id: number;
  unique_id: string;
  version: number;
  fields: string;
  created: string;
  modified: string;
  created_by: string;
  modified_by: string;
  author_id: number;
  editor_id: number;
  change_seq: number;
  deleted: number;
}
interface UserRow {
  id: string;
  upn: string;
  display_name: string;
  mail: string | null;
  preferred_language: string | null;
  office_location: string | null;
  country: string | null;
  job_title: string | null;
  department: string | null;
  given_name: string | null;
  surname: string | null;
  created: string;
}

const toSite = (r: SiteRow): SiteRecord => ({
  id: r.id,
  hostname: r.hostname,
  path: r.path,
  displayName: r.display_name,
  description: r.description,
  createdDateTime: r.created,
  lastModifiedDateTime: r.modified,
});

const toList = (r: ListRow): ListRecord => ({
  id: r.id,
  siteId: r.site_id,
  name: r.name,
  displayName: r.display_name,
  description: r.description,
  template: r.template,
  hidden: r.hidden === 1,
  system: r.system === 1,
  createdDateTime: r.created,
  lastModifiedDateTime: r.modified,
  createdBy: r.created_by ? (JSON.parse(r.created_by) as IdentitySet) : null,
  version: r.version,
  uniqueRoles: r.unique_roles === 1,
});

const toItem = (r: ItemRow): ItemRecord => ({
  listId: r.list_id,
  id: r.id,
  uniqueId: r.unique_id,
  version: r.version,
  fields: JSON.parse(r.fields) as FieldMap,
  createdDateTime: r.created,
  lastModifiedDateTime: r.modified,
  createdBy: JSON.parse(r.created_by) as IdentitySet,
  lastModifiedBy: JSON.parse(r.modified_by) as IdentitySet,
  authorId: r.author_id,
  editorId: r.editor_id,
  changeSeq: r.change_seq,
  deleted: r.deleted === 1,
});

const toUser = (r: UserRow): DirectoryUser => ({
  id: r.id,
  userPrincipalName: r.upn,
  displayName: r.display_name,
  mail: r.mail,
  preferredLanguage: r.preferred_language,
  officeLocation: r.office_location,
  country: r.country,
  jobTitle: r.job_title,
  department: r.department,
  givenName: r.given_name,
  surname: r.surname,
  createdDateTime: r.created,
});

/** Directory properties a $filter may reference, mapped to fixed column names. */
const USER_COLUMNS: Record<string, string> = {
  id: 'id',
  displayname: 'display_name',
  mail: 'mail',
  userprincipalname: 'upn',
  jobtitle: 'job_title',
  department: 'department',
  officelocation: 'office_location',
  country: 'country',
  givenname: 'given_name',
  surname: 'surname',
  preferredlanguage: 'preferred_language',
};

export class UnknownUserPropertyError extends Error {}

export class SqliteListStore implements ListStore {
  private readonly db: Database.Database;
  private readonly cache = new Map<string, Database.Statement>();

  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.exec(SCHEMA);
    this.migrate();
  }

  /** Columns added after the first release, for databases created before them. */
  private migrate(): void {
    const appColumns = this.db.pragma('table_info(apps)') as Array<{ name: string }>;
    if (!appColumns.some((c) => c.name === 'certificate'))
      this.db.exec('ALTER TABLE apps ADD COLUMN certificate TEXT');
    // Indexed columns of a database created before expression indexes existed get theirs now.
    const columns = this.db.prepare('SELECT definition FROM columns').all() as Array<{ definition: string }>;
    for (const c of columns) this.indexColumn(JSON.parse(c.definition) as ColumnRecord);
  }

  /** Prepared statements are cached by SQL text (dynamic queries differ only by AST shape). */
  private stmt(sql: string): Database.Statement {
    let s = this.cache.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.cache.set(sql, s);
    }
    return s;
  }

  private tx<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  close(): void {
    this.cache.clear();
    if (this.db.open) this.db.close();
  }

  getMeta(key: string): string | undefined {
    const row = this.stmt('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.tx(() => this.stmt('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(key, value));
  }

  // Sites

  createSite(site: SiteRecord): SiteRecord {
    this.tx(() =>
      this.stmt(
        'INSERT INTO sites (id, hostname, path, display_name, description, created, modified) VALUES (?,?,?,?,?,?,?)',
      ).run(
        site.id,
        site.hostname,
        site.path,
        site.displayName,
        site.description,
        site.createdDateTime,
        site.lastModifiedDateTime,
      ),
    );
    return site;
  }

  getSiteById(id: string): SiteRecord | undefined {
    const r = this.stmt('SELECT * FROM sites WHERE id = ? COLLATE NOCASE').get(id) as SiteRow | undefined;
    return r && toSite(r);
  }

  getSiteByPath(hostname: string, path: string): SiteRecord | undefined {
    const r = this.stmt('SELECT * FROM sites WHERE hostname = ? AND path = ?').get(hostname, path) as
      SiteRow | undefined;
    return r && toSite(r);
  }

  listSites(): SiteRecord[] {
    return (this.stmt('SELECT * FROM sites ORDER BY created, id').all() as SiteRow[]).map(toSite);
  }

  // Lists and columns

  createList(list: Omit<ListRecord, 'version' | 'uniqueRoles'>, columns: ColumnRecord[]): ListRecord {
    this.tx(() => {
      this.stmt(
        `INSERT INTO lists (id, site_id, name, display_name, description, template, hidden, system, created, modified,
          created_by) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
      ).run(
        list.id,
        list.siteId,
        list.name,
        list.displayName,
        list.description,
        list.template,
        list.hidden ? 1 : 0,
        list.system ? 1 : 0,
        list.createdDateTime,
        list.lastModifiedDateTime,
        list.createdBy ? JSON.stringify(list.createdBy) : null,
      );
      for (const c of columns) this.insertColumn(c);
    });
    return { ...list, version: 1, uniqueRoles: false };
  }

  getList(siteId: string, idOrTitle: string): ListRecord | undefined {
    const r = this.stmt(
      'SELECT * FROM lists WHERE site_id = ? AND (id = ? COLLATE NOCASE OR display_name = ? OR name = ? COLLATE NOCASE) LIMIT 1',
    ).get(siteId, idOrTitle, idOrTitle, idOrTitle) as ListRow | undefined;
    return r && toList(r);
  }

  listLists(siteId: string): ListRecord[] {
    return (
      this.stmt('SELECT * FROM lists WHERE site_id = ? ORDER BY created, rowid').all(siteId) as ListRow[]
    ).map(toList);
  }

  setListUniqueRoles(listId: string, roles: Record<string, SiteRole> | null): void {
    this.tx(() => {
      this.stmt('DELETE FROM list_roles WHERE list_id = ?').run(listId);
      this.stmt('UPDATE lists SET unique_roles = ? WHERE id = ?').run(roles ? 1 : 0, listId);
      for (const [principal, role] of Object.entries(roles ?? {})) {
        this.stmt('INSERT INTO list_roles (list_id, principal, role) VALUES (?,?,?)').run(
          listId,
          principal,
          role,
        );
      }
    });
  }

  getListRoles(listId: string): Record<string, SiteRole> {
    const rows = this.stmt('SELECT principal, role FROM list_roles WHERE list_id = ?').all(listId) as Array<{
      principal: string;
      role: SiteRole;
    }>;
    return Object.fromEntries(rows.map((r) => [r.principal.toLowerCase(), r.role]));
  }

  private insertColumn(c: ColumnRecord): void {
    const pos = (
      this.stmt('SELECT COALESCE(MAX(position), 0) + 1 AS p FROM columns WHERE list_id = ?').get(
        c.listId,
      ) as {
        p: number;
      }
    ).p;
    this.stmt('INSERT INTO columns (id, list_id, name, position, definition) VALUES (?,?,?,?,?)').run(
      c.id,
      c.listId,
      c.name,
      pos,
      JSON.stringify(c),
    );
    this.indexColumn(c);
  }

  addColumn(column: ColumnRecord): ColumnRecord {
    this.tx(() => {
      this.insertColumn(column);
      this.stmt('UPDATE lists SET version = version + 1 WHERE id = ?').run(column.listId);
    });
    return column;
  }

  updateColumn(column: ColumnRecord): ColumnRecord {
    this.tx(() => {
      this.stmt('UPDATE columns SET definition = ? WHERE list_id = ? AND id = ?').run(
        JSON.stringify(column),
        column.listId,
        column.id,
      );
      this.indexColumn(column);
      this.stmt('UPDATE lists SET version = version + 1 WHERE id = ?').run(column.listId);
    });
    return column;
  }

  getColumns(listId: string): ColumnRecord[] {
    const rows = this.stmt('SELECT definition FROM columns WHERE list_id = ? ORDER BY position').all(
      listId,
    ) as Array<{
      definition: string;
    }>;
    return rows.map((r) => JSON.parse(r.definition) as ColumnRecord);
  }

  // Items

  countItems(listId: string): number {
    return (
      this.stmt('SELECT COUNT(*) AS n FROM items WHERE list_id = ? AND deleted = 0').get(listId) as {
        n: number;
      }
    ).n;
  }

  explainQuery(listId: string, q: ItemQuery): string[] {
    const { sql, params } = this.itemQuerySql(listId, q);
    const rows = this.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>;
    return rows.map((r) => r.detail);
  }

  /**
   * An indexed column gets a real SQLite expression index on its JSON value (issue 20: filters on indexed
   * columns must not scan). Text kinds compare NOCASE (sql-compiler.ts), so their index is NOCASE; multi-value
   * columns are matched through json_each and get none. `id` last: an equality filter then reads in the default
   * `ORDER BY id` without a sort, so SQLite prefers this index over the primary key.
   */
  private indexColumn(c: ColumnRecord): void {
    const multi =
      c.facet.allowMultipleSelection === true ||
      c.facet.allowMultipleValues === true ||
      (c.type === 'choice' && c.facet.displayAs === 'checkBoxes');
    const name = `ix_fieldv2_${createHash('sha1').update(`${c.listId}|${c.name.toLowerCase()}`).digest('hex').slice(0, 20)}`;
    if (!c.indexed || multi || c.type === 'hyperlinkOrPicture') {
      this.db.exec(`DROP INDEX IF EXISTS ${name}`);
      return;
    }
    const nocase = c.type === 'text' || c.type === 'choice' ? ' COLLATE NOCASE' : '';
    this.db.exec(
      `CREATE INDEX IF NOT EXISTS ${name} ON items (list_id, ${storedFieldSql(c.name)}${nocase}, id)`,
    );
  }

  queryItems(listId: string, q: ItemQuery): ItemRecord[] {
    const { sql, params } = this.itemQuerySql(listId, q);
    return (this.stmt(sql).all(...params) as ItemRow[]).map(toItem);
  }

  private itemQuerySql(listId: string, q: ItemQuery): { sql: string; params: SqlParam[] } {
    const where: string[] = ['list_id = ?', 'deleted = 0'];
    const whereParams: SqlParam[] = [listId];
    if (q.filter) {
      const f = compileFilter(q.filter, q.resolve);
      where.push(f.sql);
      whereParams.push(...f.params);
    }
    // ORDER BY parameters follow the WHERE ones in the SQL text, so they are collected apart.
    const orderParts: string[] = [];
    const orderParams: SqlParam[] = [];
    for (const term of q.orderBy ?? []) {
      const r = q.resolve({ scope: term.scope, name: term.name });
      orderParts.push(`${r.sql} ${term.desc ? 'DESC' : 'ASC'}`);
      orderParams.push(...r.params);
    }
    if (orderParts.length === 0 && q.afterId !== undefined) {
      where.push('id > ?');
      whereParams.push(q.afterId);
    }
    const order = [...orderParts, 'id ASC'].join(', ');
    const sql = `SELECT * FROM items WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ? OFFSET ?`;
    return { sql, params: [...whereParams, ...orderParams, q.limit, q.offset ?? 0] };
  }

  getItem(listId: string, id: number): ItemRecord | undefined {
    const r = this.stmt('SELECT * FROM items WHERE list_id = ? AND id = ? AND deleted = 0').get(
      listId,
      id,
    ) as ItemRow | undefined;
    return r && toItem(r);
  }

  private nextSeq(): number {
    const r = this.stmt(
      "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'change_seq' RETURNING value",
    ).get() as { value: string | number };
    return Number(r.value);
  }

  private touchList(listId: string, now: string): void {
    this.stmt('UPDATE lists SET modified = ? WHERE id = ?').run(now, listId);
  }

  private saveVersion(item: ItemRecord): void {
    this.stmt(
      'INSERT INTO item_versions (list_id, item_id, version, fields, modified, modified_by, editor_id) VALUES (?,?,?,?,?,?,?)',
    ).run(
      item.listId,
      item.id,
      item.version,
      JSON.stringify(item.fields),
      item.lastModifiedDateTime,
      JSON.stringify(item.lastModifiedBy),
      item.editorId,
    );
  }

  createItem(
    listId: string,
    input: { fields: FieldMap; identity: IdentitySet; uilId: number; now: string },
  ): ItemRecord {
    return this.tx(() => {
      const idRow = this.stmt(
        'UPDATE lists SET next_item_id = next_item_id + 1 WHERE id = ? RETURNING next_item_id - 1 AS id',
      ).get(listId) as { id: number };
      const item: ItemRecord = {
        listId,
        id: idRow.id,
        uniqueId: randomUUID(),
        version: 1,
        fields: input.fields,
        createdDateTime: input.now,
        lastModifiedDateTime: input.now,
        createdBy: input.identity,
        lastModifiedBy: input.identity,
        authorId: input.uilId,
        editorId: input.uilId,
        changeSeq: this.nextSeq(),
        deleted: false,
      };
      this.stmt(
        `INSERT INTO items (list_id, id, unique_id, version, fields, created, modified, created_by, modified_by,
          author_id, editor_id, change_seq) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
      ).run(
        listId,
        item.id,
        item.uniqueId,
        1,
        JSON.stringify(item.fields),
        input.now,
        input.now,
        JSON.stringify(input.identity),
        JSON.stringify(input.identity),
        input.uilId,
        input.uilId,
        item.changeSeq,
      );
      this.saveVersion(item);
      this.touchList(listId, input.now);
      return item;
    });
  }

  updateItemFields(
    listId: string,
    id: number,
    input: {
      set: FieldMap;
      clear: string[];
      identity: IdentitySet;
      uilId: number;
      now: string;
      check?: (current: ItemRecord) => void;
    },
  ): ItemRecord | undefined {
    return this.tx(() => {
      const current = this.getItem(listId, id);
      if (!current) return undefined;
      input.check?.(current);
      const fields: FieldMap = { ...current.fields, ...input.set };
      for (const k of input.clear) delete fields[k];
      const item: ItemRecord = {
        ...current,
        fields,
        version: current.version + 1,
        lastModifiedDateTime: input.now,
        lastModifiedBy: input.identity,
        editorId: input.uilId,
        changeSeq: this.nextSeq(),
      };
      this.stmt(
        `UPDATE items SET version = ?, fields = ?, modified = ?, modified_by = ?, editor_id = ?, change_seq = ?
          WHERE list_id = ? AND id = ?`,
      ).run(
        item.version,
        JSON.stringify(fields),
        input.now,
        JSON.stringify(input.identity),
        input.uilId,
        item.changeSeq,
        listId,
        id,
      );
      this.saveVersion(item);
      this.touchList(listId, input.now);
      return item;
    });
  }

  deleteItem(listId: string, id: number, now: string, check?: (current: ItemRecord) => void): boolean {
    return this.tx(() => {
      const current = this.getItem(listId, id);
      if (!current) return false;
      check?.(current);
      // A tombstone stays so delta can report the deletion.
      this.stmt(
        'UPDATE items SET deleted = 1, change_seq = ?, modified = ? WHERE list_id = ? AND id = ?',
      ).run(this.nextSeq(), now, listId, id);
      this.stmt('DELETE FROM item_versions WHERE list_id = ? AND item_id = ?').run(listId, id);
      this.touchList(listId, now);
      return true;
    });
  }

  getVersions(listId: string, id: number): ItemVersionRecord[] {
    const item = this.getItem(listId, id);
    if (!item) return [];
    const rows = this.stmt(
      'SELECT * FROM item_versions WHERE list_id = ? AND item_id = ? ORDER BY version DESC',
    ).all(listId, id) as Array<{
      version: number;
      fields: string;
      modified: string;
      modified_by: string;
      editor_id: number;
    }>;
    return rows.map((r) => ({
      version: r.version,
      fields: JSON.parse(r.fields) as FieldMap,
      lastModifiedDateTime: r.modified,
      lastModifiedBy: JSON.parse(r.modified_by) as IdentitySet,
      editorId: r.editor_id,
      createdDateTime: item.createdDateTime,
      authorId: item.authorId,
    }));
  }

  currentChangeSeq(): number {
    return Number(this.getMeta('change_seq') ?? '0');
  }

  changesSince(
    listId: string,
    fromSeq: number,
    toSeq: number,
    afterSeq: number,
    limit: number,
  ): ItemRecord[] {
    const rows = this.stmt(
      `SELECT * FROM items WHERE list_id = ? AND change_seq > ? AND change_seq <= ? AND change_seq > ?
        ORDER BY change_seq LIMIT ?`,
    ).all(listId, fromSeq, toSeq, afterSeq, limit) as ItemRow[];
    return rows.map(toItem);
  }

  // Directory

  createUser(u: DirectoryUser): DirectoryUser {
    this.tx(() =>
      this.stmt(
        `INSERT INTO users (id, upn, display_name, mail, preferred_language, office_location, country, job_title,
          department, given_name, surname, created) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
      ).run(
        u.id,
        u.userPrincipalName,
        u.displayName,
        u.mail,
        u.preferredLanguage,
        u.officeLocation,
        u.country,
        u.jobTitle,
        u.department,
        u.givenName,
        u.surname,
        u.createdDateTime,
      ),
    );
    return u;
  }

  getUser(idOrUpn: string): DirectoryUser | undefined {
    const r = this.stmt('SELECT * FROM users WHERE id = ? COLLATE NOCASE OR upn = ?').get(
      idOrUpn,
      idOrUpn,
    ) as UserRow | undefined;
    return r && toUser(r);
  }

  findUserByMail(mail: string): DirectoryUser | undefined {
    const r = this.stmt('SELECT * FROM users WHERE mail = ? COLLATE NOCASE LIMIT 1').get(mail) as
      UserRow | undefined;
    return r && toUser(r);
  }

  queryUsers(q: UserQuery): DirectoryUser[] {
    const where: string[] = ['1 = 1'];
    const params: SqlParam[] = [];
    if (q.filter) {
      const f = compileFilter(q.filter, (field) => {
        const col = USER_COLUMNS[field.name.toLowerCase()];
        if (field.scope !== 'entity' || !col) throw new UnknownUserPropertyError(field.name);
        return { sql: col, params: [], kind: 'text' };
      });
      where.push(f.sql);
      params.push(...f.params);
    }
    if (q.afterUpn !== undefined) {
      where.push('upn > ?');
      params.push(q.afterUpn);
    }
    const rows = this.stmt(`SELECT * FROM users WHERE ${where.join(' AND ')} ORDER BY upn LIMIT ?`).all(
      ...params,
      q.limit,
    ) as UserRow[];
    return rows.map(toUser);
  }

  // Apps and permissions

  registerApp(app: AppRegistration): AppRegistration {
    this.tx(() =>
      this.stmt(
        'INSERT OR REPLACE INTO apps (client_id, secret, display_name, roles, certificate) VALUES (?,?,?,?,?)',
      ).run(
        app.clientId,
        app.clientSecret,
        app.displayName,
        JSON.stringify(app.roles),
        app.certificatePem ?? null,
      ),
    );
    return app;
  }

  getApp(clientId: string): AppRegistration | undefined {
    const r = this.stmt('SELECT * FROM apps WHERE client_id = ?').get(clientId) as
      | { client_id: string; secret: string; display_name: string; roles: string; certificate: string | null }
      | undefined;
    if (!r) return undefined;
    const app: AppRegistration = {
      clientId: r.client_id,
      clientSecret: r.secret,
      displayName: r.display_name,
      roles: JSON.parse(r.roles) as string[],
    };
    if (r.certificate !== null) app.certificatePem = r.certificate;
    return app;
  }

  addSiteGrant(g: SiteGrant): SiteGrant {
    this.tx(() => {
      this.stmt('DELETE FROM site_grants WHERE site_id = ? AND app_id = ?').run(g.siteId, g.appId);
      this.stmt(
        'INSERT INTO site_grants (id, site_id, app_id, app_display_name, roles) VALUES (?,?,?,?,?)',
      ).run(g.id, g.siteId, g.appId, g.appDisplayName, JSON.stringify(g.roles));
    });
    return g;
  }

  getSiteGrants(siteId: string): SiteGrant[] {
    const rows = this.stmt('SELECT * FROM site_grants WHERE site_id = ?').all(siteId) as Array<{
      id: string;
      site_id: string;
      app_id: string;
      app_display_name: string;
      roles: string;
    }>;
    return rows.map((r) => ({
      id: r.id,
      siteId: r.site_id,
      appId: r.app_id,
      appDisplayName: r.app_display_name,
      roles: JSON.parse(r.roles) as string[],
    }));
  }

  setSiteRole(siteId: string, principal: string, role: SiteRole | null): void {
    this.tx(() => {
      this.stmt('DELETE FROM site_roles WHERE site_id = ? AND principal = ?').run(siteId, principal);
      if (role)
        this.stmt('INSERT INTO site_roles (site_id, principal, role) VALUES (?,?,?)').run(
          siteId,
          principal,
          role,
        );
    });
  }

  getSiteRole(siteId: string, principal: string): SiteRole | undefined {
    const r = this.stmt('SELECT role FROM site_roles WHERE site_id = ? AND principal = ?').get(
      siteId,
      principal,
    ) as { role: SiteRole } | undefined;
    return r?.role;
  }

  setGroupMembers(group: string, members: string[]): void {
    this.tx(() => {
      this.stmt('DELETE FROM group_members WHERE group_name = ?').run(group);
      for (const m of members)
        this.stmt('INSERT OR IGNORE INTO group_members (group_name, upn) VALUES (?,?)').run(group, m);
    });
  }

  getGroupsOf(upn: string): string[] {
    return (
      this.stmt('SELECT group_name FROM group_members WHERE upn = ?').all(upn) as Array<{
        group_name: string;
      }>
    ).map((r) => r.group_name.toLowerCase());
  }
}
