// The public surface of graph/: the only code that talks to Microsoft Graph (or localgraph).
export {
  createGraphClient,
  newClientRequestId,
  normalizeBaseUrl,
  segment,
  toRelativePath,
  withQuery,
  GRAPH_VERSION,
} from './client';
export type {
  FetchLike,
  GraphClient,
  GraphClientOptions,
  GraphResponse,
  HttpMethod,
  QueryValue,
  RequestOptions,
  RetryOptions,
} from './client';
export {
  ConflictError,
  GraphError,
  getHeader,
  isConflictError,
  isGraphError,
  parseRetryAfter,
  toGraphError,
} from './errors';
export type { GraphErrorInit, HeaderSource } from './errors';
export { noopLogger } from './logger';
export type { GraphLogger } from './logger';
export { odataComparison, odataLiteral, odataString } from './odata';
export type { ComparisonOperator, ODataPrimitive } from './odata';
export { getAllPages } from './paging';
export type { AllPages, GetAllPagesOptions, Page, PageProgress } from './paging';
export { batched, executeBatch, MAX_BATCH_REQUESTS } from './batch';
export type { BatchedClient, BatchOptions, BatchRequest, BatchResponse } from './batch';
export {
  fieldSelect,
  fieldsToRecord,
  fieldsToValues,
  hyperlinkUrl,
  itemToRecord,
  MappingError,
  readKey,
  UnknownPersonError,
  valuesToFields,
} from './mapping';
export type { GraphFields, GraphListItem, PersonResolver } from './mapping';
export { getSite, getSiteByPath, sitePath } from './sites';
export { createList, findList, getList, listLists, listPath } from './lists';
export type { CreateListInput, CreateListResult } from './lists';
export { addColumn, listColumns, updateColumn } from './columns';
export {
  createItem,
  deleteItem,
  expandFields,
  getItem,
  itemsDelta,
  listItems,
  listItemVersions,
  PREFER_NON_INDEXED,
  updateItemFields,
} from './list-items';
export type { DeltaPage, ListItemsQuery, ListItemVersion } from './list-items';
export {
  createSiteUserDirectory,
  createUser,
  ensureSiteUser,
  membershipLogonName,
  getMe,
  getUser,
  listUsers,
  searchUsers,
  siteUserDirectory,
  USER_INFORMATION_LIST,
  USER_SELECT,
} from './users';
export type {
  NewUser,
  SharePointRestOptions,
  SiteUser,
  SiteUserDirectory,
  SiteUserDirectoryOptions,
} from './users';
export { columnDefinition, provisioningOrder, provisionRegisters } from './provisioning';
export { migrateList } from './migration';
export type {
  ListMigrationReport,
  MigratableSchema,
  MigrateListOptions,
  MigrationAction,
  MigrationStep,
} from './migration';
export type { ChoiceCatalogue, ProvisionableSchema, ProvisionOptions, ProvisionReport } from './provisioning';
export { createRegisterRepository } from './register-repository';
export type {
  BatchOperation,
  BatchOperationResult,
  DeltaResult,
  FilterCondition,
  HistoryEntry,
  ListRecordsOptions,
  OrderBy,
  RegisterRepository,
  RegisterRepositoryOptions,
  RepositorySchema,
} from './register-repository';
export { upsertItemsByKey } from './upsert-items';
export type { UpsertItem, UpsertItemsOptions, UpsertItemsResult } from './upsert-items';
export { governanceListRoles, provisionGovernanceLists } from './governance-lists';
export type { GovernanceListDefinition, ListRole, ProvisionGovernanceListsOptions } from './governance-lists';
export { openRoleAssignments, readRoleAssignments, writeRoleAssignments } from './role-assignments';
export { createWriteThroughRepository } from './write-through-repository';
export type { WriteSender, WriteThroughOptions } from './write-through-repository';
export { isWritableList, MAX_WRITE_BODY_BYTES, MAX_WRITE_OPERATIONS, WRITABLE_LISTS } from './write-protocol';
export type {
  WritableList,
  WriteEnvelopeError,
  WriteOperation,
  WriteRequest,
  WriteResponse,
  WriteResult,
} from './write-protocol';
