// The shape of a register's schema. Everything else (provisioning, validation, forms, Excel columns,
// staleness rules) is derived from values of these types, so a field is added in one place.

export const LOCALES = ['en', 'fr', 'es', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];
export type Localized = Readonly<Record<Locale, string>>;

export const FIELD_TYPES = [
  'text',
  'note',
  'choice',
  'multiChoice',
  'date',
  'number',
  'boolean',
  'person',
  'lookup',
  'url',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export type RegisterId = 'dataInventory' | 'aiRegistry' | 'riskRegister';

/**
 * A field is required only when another field of the same record has one of the given values.
 * For a multiChoice field the rule holds when any selected value is in `oneOf`.
 */
export interface RequiredWhen {
  readonly field: string;
  readonly oneOf: readonly (string | boolean)[];
}

/** Holds when the other field has a value at all (e.g. special categories selected). */
export interface FilledCondition {
  readonly field: string;
  readonly filled: true;
}

/** A small data rule over one field of a record, used by review-cycle defaults. */
export type Condition = RequiredWhen | FilledCondition;

export interface FieldDef {
  /** SharePoint internal column name: ASCII letters and digits, at most 32 characters. */
  readonly name: string;
  readonly type: FieldType;
  readonly required: boolean | RequiredWhen;
  /** person, lookup and url fields may hold several values. */
  readonly multiple?: boolean;
  /** Stored values, stable and in English, as SharePoint keeps them. */
  readonly choices?: readonly string[];
  /** Choices that come from the reference catalogue (configuration) instead of the schema. */
  readonly choiceSource?: 'missions' | 'regions';
  readonly lookupRegister?: RegisterId;
  readonly min?: number;
  readonly max?: number;
  readonly maxLength?: number;
  /** Provisioned as an indexed column, so it can be filtered and sorted without the Prefer header. */
  readonly indexed?: boolean;
  /** Only governance officers may set it. */
  readonly officerOnly?: boolean;
  /** Set by the system (never typed in by a user). */
  readonly system?: boolean;
  /** number fields: whole numbers only. */
  readonly integer?: boolean;
  /** note fields whose text is JSON (e.g. the recorded triage answers). */
  readonly format?: 'json';
  /** Choice values only governance officers may set (e.g. the 'Verified' state). */
  readonly officerOnlyChoices?: readonly string[];
  readonly label: Localized;
  readonly help: Localized;
  readonly choiceLabels?: Readonly<Record<string, Localized>>;
}

export type FieldValue = string | number | boolean | readonly string[] | null;
export type RecordValues = Readonly<Record<string, FieldValue>>;

export interface DomainRecord {
  readonly id?: string;
  readonly eTag?: string;
  readonly values: RecordValues;
  readonly createdAt?: string;
  readonly modifiedAt?: string;
  /** Email of the person who last changed it. */
  readonly modifiedBy?: string;
}

/** Review cycles, as stored in the reviewCycle choice column, with their length in months. */
export const REVIEW_CYCLES = ['Quarterly', 'Semi-annual', 'Annual'] as const;
export type ReviewCycle = (typeof REVIEW_CYCLES)[number];
export const REVIEW_CYCLE_MONTHS: Readonly<Record<ReviewCycle, number>> = {
  Quarterly: 3,
  'Semi-annual': 6,
  Annual: 12,
};

/**
 * How a record's default review cycle is derived: the first rule with any matching condition wins,
 * otherwise the fallback. A value in the record's own cycle field overrides the default.
 */
export interface ReviewCycleRule {
  readonly cycleField: string;
  readonly defaults: readonly { readonly cycle: ReviewCycle; readonly whenAny: readonly Condition[] }[];
  readonly fallback: ReviewCycle;
}

/**
 * A field whose values moved to another column when the schema reached `version`. SharePoint cannot change a
 * column's type, so the new column has a new name; `from` is how the old column stored its values.
 */
export interface MovedField {
  /** The old column's internal name. */
  readonly from: string;
  /** The field (in `fields`) that holds the values now. */
  readonly to: string;
  /** hyperlink: a hyperlinkOrPicture column (`{Url, Description}`), which Graph can read but never write. */
  readonly fromShape: 'hyperlink';
}

/** What changed at one schema version, for the provisioning migration. */
export interface SchemaMigration {
  readonly version: number;
  readonly movedFields: readonly MovedField[];
}

export interface RegisterSchema {
  readonly id: RegisterId;
  /** URL-safe list name, as provisioned in SharePoint. */
  readonly listName: string;
  readonly displayName: Localized;
  readonly description: Localized;
  /** Bumped when fields change in a way stored items must be migrated for. */
  readonly version: number;
  /** How a site provisioned by an older version is brought to this one, oldest first. */
  readonly migrations?: readonly SchemaMigration[];
  readonly fields: readonly FieldDef[];
  /** The person field naming who keeps the record (the custodian role acts on these records). */
  readonly custodianField: string;
  /** Person fields that must be set and active for the record to count as owned (custodian included). */
  readonly ownerFields: readonly string[];
  readonly missionField: string;
  readonly regionField?: string;
  readonly domainField?: string;
  /** Fields that must be filled for the record to count as classified. */
  readonly classificationFields: readonly string[];
  readonly lastReviewedField: string;
  readonly lastReviewedByField?: string;
  readonly reviewCycle: ReviewCycleRule;
  /** The verification workflow's status field, for registers that have one. */
  readonly verificationField?: string;
}
