// The storage contract of localgraph, named after the domain. The SQLite store implements it; handlers only see this.
import type { FilterNode } from '../odata/ast';
import type { OrderByTerm } from '../odata/query-options';
import type { FieldResolver } from '../odata/sql-compiler';

export interface IdentitySet {
  user?: { id?: string; displayName: string; email?: string };
  application?: { id: string; displayName: string };
}

export interface SiteRecord {
  id: string;
  hostname: string;
  /** Server-relative path below /sites/, '' for the root site. */
  path: string;
  displayName: string;
  description: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
}

export interface ListRecord {
  id: string;
  siteId: string;
  name: string;
  displayName: string;
  description: string;
  template: string;
  hidden: boolean;
  system: boolean;
  createdDateTime: string;
  lastModifiedDateTime: string;
  createdBy: IdentitySet | null;
  version: number;
  uniqueRoles: boolean;
}

export type ColumnType =
  | 'text'
  | 'choice'
  | 'dateTime'
  | 'number'
  | 'currency'
  | 'boolean'
  | 'personOrGroup'
  | 'lookup'
  | 'hyperlinkOrPicture';

export interface ColumnRecord {
  id: string;
  listId: string;
  name: string;
  displayName: string;
  description: string;
  required: boolean;
  indexed: boolean;
  hidden: boolean;
  readOnly: boolean;
  enforceUniqueValues: boolean;
  type: ColumnType;
  /** The type facet as Graph returns it, e.g. { choices: [...], allowTextEntry: false }. */
  facet: Record<string, unknown>;
  defaultValue?: string;
  columnGroup: string;
}

export interface HyperlinkValue {
  Url: string;
  Description: string;
}

/** Stored field values keyed by column name; person/lookup hold UIL/item ids. */
export type StoredValue = string | number | boolean | number[] | string[] | HyperlinkValue;
export type FieldMap = Record<string, StoredValue>;

export interface ItemRecord {
  listId: string;
  id: number;
  uniqueId: string;
  version: number;
  fields: FieldMap;
  createdDateTime: string;
  lastModifiedDateTime: string;
  createdBy: IdentitySet;
  lastModifiedBy: IdentitySet;
  authorId: number;
  editorId: number;
  changeSeq: number;
  deleted: boolean;
}

export interface ItemVersionRecord {
  version: number;
  fields: FieldMap;
  lastModifiedDateTime: string;
  lastModifiedBy: IdentitySet;
  editorId: number;
  createdDateTime: string;
  authorId: number;
}

export interface ItemQuery {
  filter?: FilterNode;
  /** Maps `fields/X` to a SQL template; built by the handler from the list's columns. */
  resolve: FieldResolver;
  orderBy?: OrderByTerm[];
  /** Keyset paging on id (default order). */
  afterId?: number;
  /** Offset paging (explicit $orderby). */
  offset?: number;
  limit: number;
}

export interface DirectoryUser {
  id: string;
  userPrincipalName: string;
  displayName: string;
  mail: string | null;
  preferredLanguage: string | null;
  officeLocation: string | null;
  country: string | null;
  jobTitle: string | null;
  department: string | null;
  givenName: string | null;
  surname: string | null;
  createdDateTime: string;
}

export interface UserQuery {
  filter?: FilterNode;
  afterUpn?: string;
  limit: number;
}

export interface AppRegistration {
  clientId: string;
  clientSecret: string;
  displayName: string;
  roles: string[];
  /** Public certificate or key (PEM) for client assertions; SharePoint REST takes only certificate app tokens. */
  certificatePem?: string;
}

export interface SiteGrant {
  id: string;
  siteId: string;
  roles: string[];
  appId: string;
  appDisplayName: string;
}

export type SiteRole = 'owner' | 'member' | 'visitor';

export interface ChangeEntry {
  item: ItemRecord;
}

/**
 * The SQL expression of a stored field. Column names are `[A-Za-z_][A-Za-z0-9_]*` (column-definitions.ts), so the
 * path is inlined: a bound path would keep SQLite from matching the column's expression index.
 */
export function storedFieldSql(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`invalid stored field name '${name}'`);
  return `json_extract(fields, '$."${name}"')`;
}

export interface ListStore {
  close(): void;
  getMeta(key: string): string | undefined;
  setMeta(key: string, value: string): void;

  createSite(site: SiteRecord): SiteRecord;
  getSiteById(id: string): SiteRecord | undefined;
  getSiteByPath(hostname: string, path: string): SiteRecord | undefined;
  listSites(): SiteRecord[];

  createList(list: Omit<ListRecord, 'version' | 'uniqueRoles'>, columns: ColumnRecord[]): ListRecord;
  getList(siteId: string, idOrTitle: string): ListRecord | undefined;
  listLists(siteId: string): ListRecord[];
  setListUniqueRoles(listId: string, roles: Record<string, SiteRole> | null): void;
  getListRoles(listId: string): Record<string, SiteRole>;

  addColumn(column: ColumnRecord): ColumnRecord;
  getColumns(listId: string): ColumnRecord[];
  updateColumn(column: ColumnRecord): ColumnRecord;

  queryItems(listId: string, query: ItemQuery): ItemRecord[];
  /** Live (not deleted) items of a list: decides the list view threshold. */
  countItems(listId: string): number;
  /** SQLite's plan for a query (tests prove indexed filters use an index). */
  explainQuery(listId: string, query: ItemQuery): string[];
  getItem(listId: string, id: number): ItemRecord | undefined;
  createItem(
    listId: string,
    input: { fields: FieldMap; identity: IdentitySet; uilId: number; now: string },
  ): ItemRecord;
  /** Applies a partial update in one transaction; `check` runs against the current row and may throw (412). */
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
  ): ItemRecord | undefined;
  deleteItem(listId: string, id: number, now: string, check?: (current: ItemRecord) => void): boolean;
  getVersions(listId: string, id: number): ItemVersionRecord[];
  currentChangeSeq(): number;
  /** Changed (or deleted) items with fromSeq < changeSeq <= toSeq, ordered by changeSeq. */
  changesSince(listId: string, fromSeq: number, toSeq: number, afterSeq: number, limit: number): ItemRecord[];

  createUser(user: DirectoryUser): DirectoryUser;
  getUser(idOrUpn: string): DirectoryUser | undefined;
  findUserByMail(mail: string): DirectoryUser | undefined;
  queryUsers(query: UserQuery): DirectoryUser[];

  registerApp(app: AppRegistration): AppRegistration;
  getApp(clientId: string): AppRegistration | undefined;

  addSiteGrant(grant: SiteGrant): SiteGrant;
  getSiteGrants(siteId: string): SiteGrant[];

  setSiteRole(siteId: string, principal: string, role: SiteRole | null): void;
  getSiteRole(siteId: string, principal: string): SiteRole | undefined;

  setGroupMembers(group: string, members: string[]): void;
  getGroupsOf(upn: string): string[];
}
