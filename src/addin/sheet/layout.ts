// The sheet's columns, derived from the register's schema: one visible column per field (localised header,
// dropdown for choices, date and number formats, people as e-mail), a first "Action" column to mark a row for
// deletion, and hidden, locked columns for the client key, the item id and the eTag.
import type { Mission } from '../../domain/reference/missions';
import { MISSIONS, REGIONS } from '../../domain/reference/missions';
import { LOCALES } from '../../domain/schema/types';
import type { FieldDef, Locale, RegisterSchema } from '../../domain/schema/types';
import type { ColumnSetup, TableSetup } from '../excel/workbook-port';
import { TEXT_FORMAT } from '../excel/workbook-port';
import { CLIENT_KEY_FIELD } from './client-key';
import { actionLabels, booleanLabels } from './labels';

export const DATE_FORMAT = 'yyyy-mm-dd';

export type LayoutColumn =
  | { readonly kind: 'action'; readonly setup: ColumnSetup }
  | {
      readonly kind: 'field';
      readonly field: FieldDef;
      readonly editable: boolean;
      readonly setup: ColumnSetup;
    }
  | { readonly kind: 'clientKey' | 'id' | 'eTag'; readonly setup: ColumnSetup };

export interface SheetLayout {
  readonly register: RegisterSchema;
  readonly locale: Locale;
  readonly columns: readonly LayoutColumn[];
  readonly actionCol: number;
  readonly clientKeyCol: number;
  readonly idCol: number;
  readonly eTagCol: number;
  /** Field name -> column index. */
  readonly fieldCols: ReadonlyMap<string, number>;
  readonly missions: readonly Mission[];
}

export interface LayoutOptions {
  readonly locale: Locale;
  /** Fields the user may change; the others are shown but locked. @defaultvalue not system, not officerOnly */
  readonly canEdit?: (field: FieldDef) => boolean;
  /** @defaultvalue MISSIONS */
  readonly missions?: readonly Mission[];
}

/** The table's name for a register (Excel table names: letters, digits, underscores). */
export const tableNameOf = (schema: RegisterSchema): string =>
  `GH_${schema.listName.replace(/[^A-Za-z0-9_]/g, '_')}`;

/** Localised labels of a choice field, in the order of its stored values. */
export const choiceLabelsOf = (field: FieldDef, locale: Locale, missions: readonly Mission[]): string[] => {
  if (field.choiceSource === 'missions') return missions.map((m) => m.name[locale]);
  if (field.choiceSource === 'regions') return REGIONS.map((r) => r.name[locale]);
  return (field.choices ?? []).map((c) => field.choiceLabels?.[c]?.[locale] ?? c);
};

const widthOf = (field: FieldDef): number => {
  switch (field.type) {
    case 'note':
      return 220;
    case 'date':
    case 'number':
    case 'boolean':
      return 80;
    case 'person':
    case 'url':
      return 170;
    default:
      return field.name === 'Title' ? 180 : 120;
  }
};

const setupOf = (field: FieldDef, locale: Locale, missions: readonly Mission[]): ColumnSetup => {
  const header = `${field.label[locale]}${field.required === true ? ' *' : ''}`;
  const base = { header, width: widthOf(field), prompt: field.help[locale] };
  switch (field.type) {
    case 'date':
      return { ...base, numberFormat: DATE_FORMAT };
    case 'number':
      return { ...base, numberFormat: field.integer ? '0' : 'General' };
    case 'boolean':
      return { ...base, numberFormat: TEXT_FORMAT, listValidation: [...booleanLabels(locale)] };
    case 'choice':
      return { ...base, numberFormat: TEXT_FORMAT, listValidation: choiceLabelsOf(field, locale, missions) };
    default:
      // Text columns are formatted as Text: what SharePoint holds (or a person types) never becomes a formula.
      return { ...base, numberFormat: TEXT_FORMAT };
  }
};

const defaultCanEdit = (field: FieldDef): boolean => !field.system && !field.officerOnly;

export const buildLayout = (register: RegisterSchema, options: LayoutOptions): SheetLayout => {
  const { locale } = options;
  const missions = options.missions ?? MISSIONS;
  const canEdit = options.canEdit ?? defaultCanEdit;
  const fields = register.fields.filter((f) => f.name !== CLIENT_KEY_FIELD);
  const columns: LayoutColumn[] = [
    {
      kind: 'action',
      setup: {
        header: actionLabels(locale).header,
        numberFormat: TEXT_FORMAT,
        listValidation: [actionLabels(locale).delete],
        width: 70,
        prompt: actionLabels(locale).prompt,
      },
    },
    ...fields.map((field): LayoutColumn => {
      const editable = canEdit(field);
      const setup = setupOf(field, locale, missions);
      return { kind: 'field', field, editable, setup: editable ? setup : { ...setup, locked: true } };
    }),
    { kind: 'clientKey', setup: { header: '_key', numberFormat: TEXT_FORMAT, hidden: true } },
    { kind: 'id', setup: { header: '_id', numberFormat: TEXT_FORMAT, hidden: true } },
    { kind: 'eTag', setup: { header: '_eTag', numberFormat: TEXT_FORMAT, hidden: true } },
  ];
  const fieldCols = new Map<string, number>();
  columns.forEach((c, i) => {
    if (c.kind === 'field') fieldCols.set(c.field.name, i);
  });
  const indexOf = (kind: LayoutColumn['kind']) => columns.findIndex((c) => c.kind === kind);
  return {
    register,
    locale,
    columns,
    actionCol: indexOf('action'),
    clientKeyCol: indexOf('clientKey'),
    idCol: indexOf('id'),
    eTagCol: indexOf('eTag'),
    fieldCols,
    missions,
  };
};

export const tableSetupOf = (layout: SheetLayout, sheetName: string): TableSetup => ({
  sheetName,
  tableName: tableNameOf(layout.register),
  columns: layout.columns.map((c) => c.setup),
  protect: true,
  // Excel's API has no right-to-left sheet: Arabic headers read right to left, the body follows each cell's text.
  headerReadingOrder: layout.locale === 'ar' ? 'RightToLeft' : 'Context',
});

/** True when the headers in the workbook are the ones this layout writes (in any of our languages). */
export const headersMatch = (layout: SheetLayout, headers: readonly string[]): boolean =>
  headers.length === layout.columns.length &&
  LOCALES.some((locale) =>
    buildLayout(layout.register, { locale, missions: layout.missions }).columns.every(
      (c, i) => c.setup.header === headers[i],
    ),
  );
