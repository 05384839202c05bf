// Writes the generated demo data through src/graph (users via POST /users, records via the register
// repositories' $batch), never into the emulator's database: the same path a tenant would take.
import type { RegisterId } from '../../domain/schema/types';
import type { FieldValue, RecordValues } from '../../domain/schema/types';
import { REGISTERS } from '../../domain/registers';
import { createUser, ensureSiteUser, listUsers } from '../../graph';
import type { BatchOperation, SharePointRestOptions } from '../../graph';
import type { DemoData, DemoPerson } from '../seed';
import { validateSeedRecord } from '../seed';
import type { GovernanceSite, Registers } from './governance-site';

/** Lookup targets first: risks point at AI systems, which point at data assets. */
export const WRITE_ORDER: readonly RegisterId[] = ['dataInventory', 'aiRegistry', 'riskRegister'];

export interface UsersReport {
  readonly created: number;
  readonly existing: number;
}

/** Creates the demo people that the directory does not have yet (matched by UPN). */
export async function ensureDemoUsers(
  site: GovernanceSite,
  people: readonly DemoPerson[],
  options: { concurrency?: number } = {},
): Promise<UsersReport> {
  const existing = new Set(
    (await listUsers(site.client)).map((u) => (u.userPrincipalName ?? u.mail ?? '').toLowerCase()),
  );
  const missing = people.filter((p) => !existing.has(p.email));
  const concurrency = options.concurrency ?? 8;
  for (let i = 0; i < missing.length; i += concurrency) {
    await Promise.all(
      missing.slice(i, i + concurrency).map((p) =>
        createUser(site.client, {
          displayName: p.displayName,
          userPrincipalName: p.email,
          mail: p.email,
          preferredLanguage: p.preferredLanguage,
          jobTitle: p.jobTitle,
          department: p.department,
        }),
      ),
    );
  }
  return { created: missing.length, existing: people.length - missing.length };
}

/** Everyone the demo records name in a person column (lower-case emails). */
export function peopleInPersonColumns(data: DemoData): string[] {
  const emails = new Set<string>();
  for (const [register, records] of Object.entries(data.records) as [
    RegisterId,
    DemoData['records'][RegisterId],
  ][]) {
    const personFields = REGISTERS[register].fields.filter((f) => f.type === 'person');
    for (const record of records) {
      for (const field of personFields) {
        const value = record.values[field.name];
        for (const email of Array.isArray(value) ? value : [value]) {
          if (typeof email === 'string' && email !== '') emails.add(email.toLowerCase());
        }
      }
    }
  }
  return [...emails].sort();
}

/**
 * Makes sure each person is on the site before their name is written into a person column: a site lists
 * only people who visited it or were ensured (graph-lists.md §7), and the demo people never visited.
 * Idempotent (ensureuser returns the existing entry). Throws on the first person the directory lacks.
 */
export async function ensureOnSite(
  rest: SharePointRestOptions,
  emails: readonly string[],
  options: { concurrency?: number } = {},
): Promise<number> {
  const concurrency = options.concurrency ?? 8;
  for (let i = 0; i < emails.length; i += concurrency) {
    await Promise.all(
      emails.slice(i, i + concurrency).map(async (email) => {
        if (!(await ensureSiteUser(rest, email)))
          throw new Error(`ensureuser: ${email} is not in the directory`);
      }),
    );
  }
  return emails.length;
}

export interface RegisterWriteReport {
  readonly register: RegisterId;
  readonly created: number;
  /** Records generated to miss required answers (written anyway: they show up as incomplete). */
  readonly withGaps: number;
  readonly rejected: readonly { key: string; message: string }[];
}

const isBlank = (v: FieldValue | undefined) =>
  v === null || v === undefined || (Array.isArray(v) && v.length === 0);

/** Drops empty values: a new item simply has no value there. */
function withoutBlanks(values: RecordValues): Record<string, FieldValue> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => !isBlank(v)));
}

export class SeedValidationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `Generated demo data failed domain validation (a generator bug):\n  ${problems.slice(0, 20).join('\n  ')}`,
    );
    this.name = 'SeedValidationError';
  }
}

/** Validates every record with the domain validator, then creates them register by register in $batch calls. */
export async function writeDemoRecords(
  registers: Registers,
  data: DemoData,
  options: { onProgress?: (register: RegisterId, done: number, total: number) => void } = {},
): Promise<RegisterWriteReport[]> {
  const idOfKey = new Map<string, string>();
  const idOf = (key: string): string => {
    const id = idOfKey.get(key);
    if (id === undefined) throw new Error(`demo record ${key} is linked before it was written`);
    return id;
  };
  const reports: RegisterWriteReport[] = [];
  for (const register of WRITE_ORDER) {
    const records = data.records[register];
    const problems: string[] = [];
    let withGaps = 0;
    const operations: BatchOperation[] = records.map((record) => {
      const result = validateSeedRecord(record, idOf);
      for (const issue of result.unexpected) problems.push(`${record.key} ${issue.field}: ${issue.code}`);
      if (result.expected.length > 0) withGaps++;
      return { key: record.key, kind: 'create', values: withoutBlanks(result.values) };
    });
    if (problems.length > 0) throw new SeedValidationError(problems);

    const results = await registers.repositories[register].applyBatch(operations, {
      onProgress: (done, total) => options.onProgress?.(register, done, total),
    });
    const rejected: { key: string; message: string }[] = [];
    for (const result of results) {
      if (result.status === 'saved') idOfKey.set(result.key, result.id);
      else rejected.push({ key: result.key, message: result.error.message });
    }
    reports.push({ register, created: records.length - rejected.length, withGaps, rejected });
  }
  return reports;
}

/** Deletes every item of the three registers (risks first, so no lookup points at a deleted item). */
export async function clearRegisters(registers: Registers): Promise<Record<RegisterId, number>> {
  const removed: Record<RegisterId, number> = { dataInventory: 0, aiRegistry: 0, riskRegister: 0 };
  for (const register of [...WRITE_ORDER].reverse()) {
    const repository = registers.repositories[register];
    const records = await repository.list({ top: 1000 });
    const results = await repository.applyBatch(
      records.map((r) => ({ key: String(r.id), kind: 'delete', id: String(r.id), eTag: String(r.eTag) })),
    );
    removed[register] = results.filter((r) => r.status === 'saved').length;
  }
  return removed;
}
