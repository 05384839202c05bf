// Idempotent provisioning of the register lists from the domain schemas: create a missing list with all its
// columns, or add only the columns an existing list lacks. Safe to run on every start.
import type { ColumnDefinition } from '@microsoft/microsoft-graph-types';
import type { FieldDef, Localized, SchemaMigration } from '../domain/schema/types';
import type { UrlPolicy } from '../domain/validation/urls';
import type { GraphClient } from './client';
import { addColumn, listColumns, updateColumn } from './columns';
import { createList, findList } from './lists';
import { migrateList } from './migration';
import type { ListMigrationReport } from './migration';

/** What provisioning needs from a RegisterSchema (domain/schema/types.ts). */
export interface ProvisionableSchema {
  readonly id: string;
  /** URL-safe list name; also the list's title, so a later run finds it by title. */
  readonly listName: string;
  readonly displayName: Localized;
  readonly description?: Localized;
  readonly fields: readonly FieldDef[];
  /** The schema version; lists provisioned by an older one are migrated (migration.ts). */
  readonly version?: number;
  readonly migrations?: readonly SchemaMigration[];
}

export interface ChoiceCatalogue {
  missions: readonly string[];
  regions: readonly string[];
}

export interface ProvisionReport {
  /** listNames created by this run. */
  created: string[];
  /** Columns added to lists that already existed. */
  addedColumns: { list: string; columns: string[] }[];
  /** Existing columns made indexed because their FieldDef says so (e.g. the built-in Title). */
  indexedColumns: { list: string; columns: string[] }[];
  /** listNames that already had every column (and index). */
  unchanged: string[];
  /** Schema id -> list id. */
  listIds: Record<string, string>;
  /** Lists brought from an older schema version (only those with something to do). */
  migrations: ListMigrationReport[];
  /** true: nothing was written; the report says what a real run would do. */
  dryRun: boolean;
}

export interface ProvisionOptions {
  client: GraphClient;
  siteId: string;
  schemas: readonly ProvisionableSchema[];
  choices: ChoiceCatalogue;
  /** Plan only: read the site, write nothing. */
  dryRun?: boolean;
  /** The organisation's URL schemes, to report migrated values that will not render as links. */
  urlPolicy?: UrlPolicy;
}

/** The built-in column of genericList lists. */
const BUILT_IN = new Set(['Title']);

/** FieldDef -> columnDefinition. Lookups need the target list's id (provisioned first). */
export function columnDefinition(
  field: FieldDef,
  context: { choices: ChoiceCatalogue; listIdFor: (registerId: string) => string | undefined },
): ColumnDefinition {
  const base: ColumnDefinition = {
    name: field.name,
    displayName: field.label.en,
    description: field.help.en.slice(0, 255),
    required: field.required === true,
    // Multi-line text cannot be indexed in SharePoint.
    indexed: field.indexed === true && field.type !== 'note' && !(field.type === 'url' && field.multiple),
  };
  const choices = () => {
    const list = field.choiceSource ? context.choices[field.choiceSource] : (field.choices ?? []);
    return [...list];
  };
  switch (field.type) {
    case 'text':
      return {
        ...base,
        text: { allowMultipleLines: false, maxLength: Math.min(field.maxLength ?? 255, 255) },
      };
    case 'note':
      return { ...base, text: { allowMultipleLines: true, textType: 'plain', linesForEditing: 6 } };
    case 'choice':
      return { ...base, choice: { choices: choices(), displayAs: 'dropDownMenu', allowTextEntry: false } };
    case 'multiChoice':
      return { ...base, choice: { choices: choices(), displayAs: 'checkBoxes', allowTextEntry: false } };
    case 'date':
      return { ...base, dateTime: { format: 'dateOnly', displayAs: 'default' } };
    case 'number':
      return {
        ...base,
        number: {
          decimalPlaces: 'automatic',
          displayAs: 'number',
          ...(field.min !== undefined ? { minimum: field.min } : {}),
          ...(field.max !== undefined ? { maximum: field.max } : {}),
        },
      };
    case 'boolean':
      return { ...base, boolean: {} };
    case 'person':
      return {
        ...base,
        personOrGroup: { allowMultipleSelection: field.multiple === true, chooseFromType: 'peopleOnly' },
      };
    case 'lookup': {
      const listId = field.lookupRegister ? context.listIdFor(field.lookupRegister) : undefined;
      if (!listId)
        throw new Error(`${field.name}: the lookup target '${field.lookupRegister}' is not provisioned`);
      return {
        ...base,
        lookup: { listId, columnName: 'Title', allowMultipleValues: field.multiple === true },
      };
    }
    case 'url':
      // Never hyperlinkOrPicture: Graph cannot write such a column (graph-lists.md §10).
      return field.multiple
        ? { ...base, text: { allowMultipleLines: true, textType: 'plain', linesForEditing: 4 } }
        : { ...base, text: { allowMultipleLines: false, maxLength: Math.min(field.maxLength ?? 255, 255) } };
  }
}

/** Lookup targets first; throws on a cycle. */
export function provisioningOrder<T extends ProvisionableSchema>(schemas: readonly T[]): T[] {
  const byId = new Map(schemas.map((schema) => [schema.id, schema]));
  const ordered: T[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (schema: T) => {
    if (state.get(schema.id) === 'done') return;
    if (state.get(schema.id) === 'visiting') throw new Error(`Lookup cycle through ${schema.id}`);
    state.set(schema.id, 'visiting');
    for (const field of schema.fields) {
      const target =
        field.type === 'lookup' && field.lookupRegister ? byId.get(field.lookupRegister) : undefined;
      if (target && target !== schema) visit(target);
    }
    state.set(schema.id, 'done');
    ordered.push(schema);
  };
  schemas.forEach(visit);
  return ordered;
}

/** Stands in for the id of a list a dry run would create (lookups into it can still be planned). */
const PLANNED_LIST_ID = '(new list)';

export async function provisionRegisters(options: ProvisionOptions): Promise<ProvisionReport> {
  const { client, siteId } = options;
  const dryRun = options.dryRun === true;
  const report: ProvisionReport = {
    created: [],
    addedColumns: [],
    indexedColumns: [],
    unchanged: [],
    listIds: {},
    migrations: [],
    dryRun,
  };
  const context = { choices: options.choices, listIdFor: (id: string) => report.listIds[id] };

  for (const schema of provisioningOrder(options.schemas)) {
    const columns = schema.fields
      .filter((field) => !BUILT_IN.has(field.name))
      .map((field) => columnDefinition(field, context));
    const existing = await findList(client, siteId, schema.listName);
    let created = false;
    if (!existing && dryRun) {
      report.listIds[schema.id] = PLANNED_LIST_ID;
      report.created.push(schema.listName);
      continue;
    }
    if (!existing) {
      const result = await createList(client, siteId, {
        displayName: schema.listName,
        description: schema.description?.en ?? schema.displayName.en,
        columns,
      });
      report.listIds[schema.id] = String(result.list.id);
      created = result.created;
      if (created) report.created.push(schema.listName);
    } else {
      report.listIds[schema.id] = String(existing.id);
    }
    const listId = report.listIds[schema.id] as string;
    const readColumns = async () =>
      new Map(
        (await listColumns(client, siteId, listId, { includeHidden: true })).map(
          (column) => [column.name ?? '', column] as const,
        ),
      );
    let present = await readColumns();
    // A list from an older schema version first moves its values (this adds the columns it moves them to).
    if (!created && schema.migrations?.length) {
      const migration = await migrateList({
        client,
        siteId,
        listId,
        schema,
        columns: [...present.values()],
        columnFor: (field) => columnDefinition(field, context),
        dryRun,
        ...(options.urlPolicy ? { urlPolicy: options.urlPolicy } : {}),
      });
      if (migration.steps.length > 0) {
        report.migrations.push(migration);
        if (!dryRun) present = await readColumns();
        else
          for (const step of migration.steps) if (step.action === 'addColumn') present.set(step.column, {});
      }
    }
    // The list was there (or appeared concurrently): add what it lacks.
    const missing = columns.filter((column) => !present.has(column.name ?? ''));
    if (!dryRun) for (const column of missing) await addColumn(client, siteId, listId, column);
    if (missing.length > 0) {
      report.addedColumns.push({
        list: schema.listName,
        columns: missing.map((column) => column.name ?? ''),
      });
    }
    // Built-in columns (Title) and columns from an older schema may lack the index the FieldDef asks for.
    const toIndex = schema.fields.filter((field) => {
      const column = present.get(field.name);
      return field.indexed && column?.id && column.indexed !== true && field.type !== 'note';
    });
    if (!dryRun) {
      for (const field of toIndex) {
        await updateColumn(client, siteId, listId, String(present.get(field.name)?.id), { indexed: true });
      }
    }
    if (toIndex.length > 0) {
      report.indexedColumns.push({ list: schema.listName, columns: toIndex.map((field) => field.name) });
    }
    const migrated = report.migrations.some((m) => m.list === schema.listName);
    if (!created && missing.length === 0 && toIndex.length === 0 && !migrated) {
      report.unchanged.push(schema.listName);
    }
  }
  return report;
}
