// Every generated record goes through the domain validator before it is written. Records generated
// to be incomplete may miss required answers (that is their point); anything else is a generator bug.
import { REGISTERS } from '../../domain/registers';
import type { FieldValue, RecordValues } from '../../domain/schema/types';
import { validateRecord } from '../../domain/validation';
import type { FieldIssue } from '../../domain/validation';
import type { SeedRecord } from './seed-record';

/** The record's values with its links resolved to item ids (single lookups take the first). */
export function resolvedValues(record: SeedRecord, idOf: (key: string) => string): RecordValues {
  const schema = REGISTERS[record.register];
  const values: Record<string, FieldValue> = { ...record.values };
  for (const [field, keys] of Object.entries(record.links)) {
    const def = schema.fields.find((f) => f.name === field);
    const ids = keys.map(idOf);
    values[field] = def?.multiple ? ids : (ids[0] ?? null);
  }
  return values;
}

export interface SeedValidation {
  /** Normalised values to write (what the validator returned, or the input when only gaps were found). */
  readonly values: RecordValues;
  /** Issues the record's intent allows (required answers left out of incomplete records). */
  readonly expected: readonly FieldIssue[];
  /** Anything else: a bug in the generator. */
  readonly unexpected: readonly FieldIssue[];
}

export function validateSeedRecord(record: SeedRecord, idOf: (key: string) => string): SeedValidation {
  const values = resolvedValues(record, idOf);
  const result = validateRecord(REGISTERS[record.register], values);
  if (result.ok) return { values: { ...values, ...result.value }, expected: [], unexpected: [] };
  const gapsAllowed = record.intent === 'incomplete' || record.intent === 'noCustodian';
  const expected = result.issues.filter((i) => gapsAllowed && i.code === 'required');
  const unexpected = result.issues.filter((i) => !expected.includes(i));
  return { values, expected, unexpected };
}

/** Placeholder ids for validation before anything is written: 'asset-0042' -> '42'. */
export const ordinalId = (key: string): string => String(Number(key.replace(/^\D+-/, '')));
