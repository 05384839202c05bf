// A RegisterRepository whose reads go to Graph with the person's own token and whose writes go to the write
// service (over HTTP from the front ends, in-process from the bot). Callers keep the same interface: create,
// update, remove and applyBatch answer as the Graph repository does (ConflictError carrying the server's
// version on 412, GraphError with the status and code otherwise), with the service's localised message.
import type { DomainRecord, FieldValue } from '../domain/schema/types';
import { ConflictError, GraphError } from './errors';
import type { BatchOperation, BatchOperationResult, RegisterRepository } from './register-repository';
import { MAX_WRITE_OPERATIONS } from './write-protocol';
import type { WriteOperation, WriteResult } from './write-protocol';

/** Sends one request of operations to the service; resolves with one result per operation, in order. */
export type WriteSender = (operations: readonly WriteOperation[]) => Promise<readonly WriteResult[]>;

export interface WriteThroughOptions {
  /** What reads go through (the person's Graph repository). */
  readonly reads: RegisterRepository;
  readonly send: WriteSender;
  /** The register's client-key field, when it has one (a create's `clientKey` is taken from it). */
  readonly clientKeyField?: string;
}

const toError = (result: Extract<WriteResult, { ok: false }>): GraphError => {
  const init = {
    status: result.status,
    code: result.code,
    message: result.message,
    body: { error: { code: result.code, message: result.message, fields: result.fields ?? [] } },
  };
  return result.status === 412 ? new ConflictError<DomainRecord>(init, result.current) : new GraphError(init);
};

const toWire = (op: BatchOperation, clientKeyField: string | undefined): WriteOperation => {
  if (op.kind === 'create') {
    const key = clientKeyField ? op.values[clientKeyField] : undefined;
    return {
      key: op.key,
      kind: 'create',
      values: op.values,
      ...(typeof key === 'string' && key !== '' ? { clientKey: key } : {}),
    };
  }
  if (op.kind === 'update')
    return { key: op.key, kind: 'update', id: op.id, eTag: op.eTag, values: op.changes };
  return { key: op.key, kind: 'delete', id: op.id, eTag: op.eTag };
};

export function createWriteThroughRepository(options: WriteThroughOptions): RegisterRepository {
  const { reads, send, clientKeyField } = options;

  const one = async (op: WriteOperation): Promise<Extract<WriteResult, { ok: true }>> => {
    const [result] = await send([op]);
    if (!result)
      throw new GraphError({ status: 0, code: 'missingResult', message: 'No answer for the write' });
    if (!result.ok) throw toError(result);
    return result;
  };
  const recordOf = async (result: Extract<WriteResult, { ok: true }>): Promise<DomainRecord> =>
    result.record ?? (await reads.get(result.id));

  return {
    list: (listOptions) => reads.list(listOptions),
    get: (id) => reads.get(id),
    delta: (deltaLink) => reads.delta(deltaLink),
    versions: (id) => reads.versions(id),

    async create(values: Readonly<Record<string, FieldValue>>) {
      return recordOf(await one(toWire({ key: 'create', kind: 'create', values }, clientKeyField)));
    },
    async update(id, changes, eTag) {
      if (!eTag) throw new RangeError('update needs the eTag the record was read with');
      return recordOf(await one({ key: 'update', kind: 'update', id, eTag, values: changes }));
    },
    async remove(id, eTag) {
      if (!eTag) throw new RangeError('remove needs the eTag the record was read with');
      await one({ key: 'delete', kind: 'delete', id, eTag });
    },

    async applyBatch(operations, batchOptions = {}) {
      const results: BatchOperationResult[] = [];
      for (let start = 0; start < operations.length; start += MAX_WRITE_OPERATIONS) {
        const chunk = operations.slice(start, start + MAX_WRITE_OPERATIONS);
        let answers: readonly WriteResult[];
        try {
          answers = await send(chunk.map((op) => toWire(op, clientKeyField)));
        } catch (error) {
          // The request as a whole failed: this chunk may or may not have been applied, later ones were not sent.
          const failure =
            error instanceof GraphError
              ? error
              : new GraphError({ status: 0, code: 'writeServiceUnreachable', message: String(error) });
          for (const [i, op] of operations.slice(start).entries()) {
            const notSent = new GraphError({
              status: 0,
              code: 'notSent',
              message: `Not sent: an earlier request failed (${failure.code})`,
            });
            results.push({ key: op.key, status: 'rejected', error: i < chunk.length ? failure : notSent });
          }
          return results;
        }
        const byKey = new Map(answers.map((a) => [a.key, a]));
        for (const op of chunk) {
          const answer = byKey.get(op.key);
          if (!answer) {
            const error = new GraphError({
              status: 0,
              code: 'missingResult',
              message: 'No answer for this row',
            });
            results.push({ key: op.key, status: 'rejected', error });
          } else if (answer.ok) {
            results.push({
              key: op.key,
              status: 'saved',
              id: answer.id,
              ...(answer.eTag !== undefined ? { eTag: answer.eTag } : {}),
              ...(answer.record ? { record: answer.record } : {}),
            });
          } else {
            const error = toError(answer);
            results.push(
              error instanceof ConflictError
                ? { key: op.key, status: 'conflict', error: error as ConflictError<DomainRecord> }
                : { key: op.key, status: 'rejected', error },
            );
          }
        }
        batchOptions.onProgress?.(Math.min(start + chunk.length, operations.length), operations.length);
      }
      return results;
    },
  };
}
