// Brings a list provisioned by an older schema version to the current one, driven by the schema's
// `migrations` (domain/schema/types.ts). Today's only kind of step moves a field to a new column: SharePoint
// cannot change a column's type, and Graph cannot write hyperlink columns (graph-lists.md §10), so a URL
// kept in a hyperlinkOrPicture column moves to a text column under a new name.
//
// Each step is decided from what the list holds now, never from a remembered position, so a run that was
// interrupted (a crash mid-copy) simply continues, and a second run finds nothing to do:
//   1. the old column's display name gets " (retired)" when the new column would share it (SharePoint keeps
//      display names unique in a list's forms);
//   2. the new column is added;
//   3. every item whose new column is empty gets the old value (If-Match: an item edited meanwhile is
//      re-read and retried; a value already in the new column is never overwritten);
//   4. once a fresh read shows every old value in the new column, the old column is HIDDEN, not deleted:
//      the values stay on the item as a rollback copy, nothing is lost if a later step turns out wrong,
//      and hiding is reversible in list settings while a delete is not. Hidden columns drop out of forms,
//      views and `$expand=fields` (graph-lists.md §3), so no reader sees two copies.
import type { ColumnDefinition } from '@microsoft/microsoft-graph-types';
import type { FieldDef, SchemaMigration } from '../domain/schema/types';
import { checkUrl } from '../domain/validation/urls';
import type { UrlPolicy } from '../domain/validation/urls';
import { executeBatch } from './batch';
import type { BatchRequest } from './batch';
import type { GraphClient } from './client';
import { addColumn, updateColumn } from './columns';
import { isConflictError } from './errors';
import { listItems } from './list-items';
import { listPath } from './lists';
import { hyperlinkUrl } from './mapping';

/** What the migration needs from a RegisterSchema. */
export interface MigratableSchema {
  readonly listName: string;
  readonly version?: number;
  readonly migrations?: readonly SchemaMigration[];
  readonly fields: readonly FieldDef[];
}

export type MigrationAction = 'renameRetired' | 'addColumn' | 'copyValues' | 'hideRetired';

export interface MigrationStep {
  readonly list: string;
  readonly action: MigrationAction;
  /** The column the step acts on (for copyValues: the new one). */
  readonly column: string;
  /** copyValues: items that get a value. */
  readonly items?: number;
  /** One line a person can read (the dry-run plan). */
  readonly description: string;
}

export interface ListMigrationReport {
  readonly list: string;
  readonly toVersion: number;
  /** Done, or (dry run) what would be done, in order. */
  readonly steps: readonly MigrationStep[];
  /** Items written by the copy. */
  readonly copied: number;
  /** Copied values that the URL policy would not accept as links (kept as text; an officer can fix them). */
  readonly notLinkable: number;
  /** false when some old values are not in the new column yet: the old column stays visible, run again. */
  readonly complete: boolean;
}

export interface MigrateListOptions {
  readonly client: GraphClient;
  readonly siteId: string;
  readonly listId: string;
  readonly schema: MigratableSchema;
  /** The list's columns, hidden ones included (listColumns with includeHidden). */
  readonly columns: readonly ColumnDefinition[];
  /** The columnDefinition of a field (provisioning's), for the columns to add. */
  readonly columnFor: (field: FieldDef) => ColumnDefinition;
  readonly dryRun?: boolean;
  /** For counting copied values that will not render as links. */
  readonly urlPolicy?: UrlPolicy;
  /** Rounds of copy after 412s (items edited while copying). @defaultvalue 3 */
  readonly maxRounds?: number;
}

const RETIRED_SUFFIX = ' (retired)';

interface Move {
  readonly from: ColumnDefinition;
  readonly to: FieldDef;
}

/** Brings one list up to its schema's version (see the file comment). Idempotent and resumable. */
export async function migrateList(options: MigrateListOptions): Promise<ListMigrationReport> {
  const { client, siteId, listId, schema } = options;
  const dryRun = options.dryRun === true;
  const steps: MigrationStep[] = [];
  const byName = new Map(options.columns.map((c) => [c.name ?? '', c] as const));
  const fieldByName = new Map(schema.fields.map((f) => [f.name, f] as const));
  const moves: Move[] = [];
  for (const migration of schema.migrations ?? []) {
    for (const moved of migration.movedFields) {
      const from = byName.get(moved.from);
      const to = fieldByName.get(moved.to);
      if (!to) throw new Error(`${schema.listName}: migration target ${moved.to} is not a field`);
      // Absent: the list was created at a later version. Hidden: retired by an earlier run.
      if (from?.id && from.hidden !== true) moves.push({ from, to });
    }
  }
  const report = (copied: number, notLinkable: number, complete: boolean): ListMigrationReport => ({
    list: schema.listName,
    toVersion: schema.version ?? 1,
    steps,
    copied,
    notLinkable,
    complete,
  });
  if (moves.length === 0) return report(0, 0, true);

  for (const { from, to } of moves) {
    if (from.displayName === to.label.en) {
      const displayName = `${to.label.en}${RETIRED_SUFFIX}`;
      steps.push({
        list: schema.listName,
        action: 'renameRetired',
        column: String(from.name),
        description: `rename column ${from.name} to "${displayName}" (frees its display name)`,
      });
      if (!dryRun) await updateColumn(client, siteId, listId, String(from.id), { displayName });
    }
    if (!byName.has(to.name)) {
      steps.push({
        list: schema.listName,
        action: 'addColumn',
        column: to.name,
        description: `add column ${to.name} (${to.multiple ? 'multi-line text' : 'text'})`,
      });
      if (!dryRun) await addColumn(client, siteId, listId, options.columnFor(to));
    }
  }

  const pending = async () => {
    const select = moves.flatMap((m) => [String(m.from.name), m.to.name]);
    // No filter or sort: paging by ID stays within the list view threshold on any list size.
    const items = await listItems(client, siteId, listId, { select, top: 1000 });
    return items.flatMap((item) => {
      const fields = item.fields ?? {};
      const changes: Record<string, string> = {};
      for (const { from, to } of moves) {
        const old = hyperlinkUrl(fields[String(from.name)]);
        if (old !== null && hyperlinkUrl(fields[to.name]) === null) changes[to.name] = old;
      }
      const eTag = item.eTag ?? item['@odata.etag'];
      return Object.keys(changes).length > 0 ? [{ id: String(item.id), eTag, changes }] : [];
    });
  };

  let todo = await pending();
  const notLinkableIn = (list: typeof todo) =>
    list.reduce(
      (n, item) =>
        n + Object.values(item.changes).filter((url) => !checkUrl(url, options.urlPolicy).ok).length,
      0,
    );
  const notLinkable = notLinkableIn(todo);
  steps.push({
    list: schema.listName,
    action: 'copyValues',
    column: moves.map((m) => m.to.name).join(', '),
    items: todo.length,
    description: `copy ${todo.length} item value(s) from ${moves.map((m) => `${m.from.name} -> ${m.to.name}`).join(', ')}`,
  });
  const hideStep = (from: ColumnDefinition): MigrationStep => ({
    list: schema.listName,
    action: 'hideRetired',
    column: String(from.name),
    description: `hide retired column ${from.name} (its values stay on the items)`,
  });
  if (dryRun) {
    for (const { from } of moves) steps.push(hideStep(from));
    return report(0, notLinkable, false);
  }

  let copied = 0;
  const rounds = Math.max(1, options.maxRounds ?? 3);
  for (let round = 0; round < rounds && todo.length > 0; round++) {
    const itemsUrl = `${listPath(siteId, listId)}/items`;
    const requests: BatchRequest[] = todo.map((item, i) => ({
      id: String(i + 1),
      method: 'PATCH',
      url: `${itemsUrl}/${encodeURIComponent(item.id)}/fields`,
      ...(item.eTag ? { headers: { 'If-Match': item.eTag } } : {}),
      body: item.changes,
    }));
    const responses = await executeBatch(client, requests);
    for (const response of responses) {
      if (!response.error) copied++;
      else if (!isConflictError(response.error)) throw response.error;
    }
    // A fresh read decides what is left (412s: someone edited the item; it is retried on its new eTag).
    todo = await pending();
  }
  if (todo.length > 0) return report(copied, notLinkable, false);
  for (const { from } of moves) {
    steps.push(hideStep(from));
    await updateColumn(client, siteId, listId, String(from.id), { hidden: true });
  }
  return report(copied, notLinkable, true);
}
