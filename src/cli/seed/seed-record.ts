// The generator's output record: domain values plus links to other generated records by key, which
// the writer turns into item ids once the targets exist.
import type { RecordValues, RegisterId } from '../../domain/schema/types';
import type { HealthIntent } from './health-mix';

export interface SeedRecord {
  /** Stable key inside the data set, e.g. 'asset-0042'. */
  readonly key: string;
  readonly register: RegisterId;
  /** The health state this record was generated to show. */
  readonly intent: HealthIntent;
  /** Domain values, without lookup fields (see links). */
  readonly values: RecordValues;
  /** Lookup field name -> keys of the generated records it points at. */
  readonly links: Readonly<Record<string, readonly string[]>>;
}
