// Idempotent publishing into a list keyed by one indexed text field (the reminder bot's outcomes: one
// item per run and recipient). Existing items of the scope are read once, then one $batch creates the
// missing ones and updates (If-Match) the ones that changed; unchanged items are not written. A 412 (the
// item changed in between) is retried on a fresh read, so a re-run updates and never duplicates.
import type { FieldValue } from '../domain/schema/types';
import type { BatchOperation, FilterCondition, RegisterRepository } from './register-repository';
import { sameFieldValue } from '../domain/schema/conditions';

export interface UpsertItem {
  /** The key field's value (unique within the list). */
  readonly key: string;
  readonly values: Readonly<Record<string, FieldValue>>;
}

export interface UpsertItemsOptions {
  /** The indexed text field holding each item's key. @defaultvalue 'Title' */
  readonly keyField?: string;
  /** Narrows the read of existing items (indexed fields), e.g. the run id. */
  readonly scope?: readonly FilterCondition[];
  /** Rounds of re-reading after conflicts. @defaultvalue 2 */
  readonly maxRounds?: number;
}

export interface UpsertItemsResult {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Keys that could not be written, with Graph's reason. */
  readonly failed: readonly { readonly key: string; readonly reason: string }[];
}

export async function upsertItemsByKey(
  repository: RegisterRepository,
  items: readonly UpsertItem[],
  options: UpsertItemsOptions = {},
): Promise<UpsertItemsResult> {
  const keyField = options.keyField ?? 'Title';
  const maxRounds = Math.max(1, options.maxRounds ?? 2);
  // The last item per key wins: a caller's duplicate must not create two items.
  let pending = new Map(items.map((i) => [i.key, i]));
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  let failed: { key: string; reason: string }[] = [];

  for (let round = 0; round < maxRounds && pending.size > 0; round += 1) {
    const keys = [...pending.keys()];
    // One key: filter on it; several: read the scope (a run's outcomes) and match locally.
    const filter: FilterCondition[] =
      keys.length === 1
        ? [...(options.scope ?? []), { field: keyField, op: 'eq', value: keys[0] as string }]
        : [...(options.scope ?? [])];
    const existing = new Map<string, { id: string; eTag: string; values: Record<string, FieldValue> }>();
    for (const r of await repository.list({ filter })) {
      const key = r.values[keyField];
      if (typeof key !== 'string' || !pending.has(key) || !r.id || !r.eTag || existing.has(key)) continue;
      existing.set(key, { id: r.id, eTag: r.eTag, values: { ...r.values } });
    }
    const operations: BatchOperation[] = [];
    for (const item of pending.values()) {
      const current = existing.get(item.key);
      const values = { ...item.values, [keyField]: item.key };
      if (!current) {
        operations.push({ key: item.key, kind: 'create', values });
        continue;
      }
      const changes = Object.fromEntries(
        Object.entries(values).filter(([name, v]) => !sameFieldValue(current.values[name], v)),
      );
      if (Object.keys(changes).length === 0) unchanged += 1;
      else operations.push({ key: item.key, kind: 'update', id: current.id, eTag: current.eTag, changes });
    }
    const results = operations.length > 0 ? await repository.applyBatch(operations) : [];
    const retry = new Map<string, UpsertItem>();
    failed = [];
    for (const [index, result] of results.entries()) {
      const op = operations[index] as BatchOperation;
      if (result.status === 'saved') {
        if (op.kind === 'create') created += 1;
        else updated += 1;
      } else if (result.status === 'conflict' || result.error.status === 0) {
        // Changed meanwhile, or unanswered (maybe applied): read again and decide again, never a blind create.
        retry.set(op.key, pending.get(op.key) as UpsertItem);
        failed.push({ key: op.key, reason: result.error.message });
      } else {
        failed.push({ key: op.key, reason: result.error.message });
      }
    }
    pending = retry;
  }
  return { created, updated, unchanged, failed };
}
