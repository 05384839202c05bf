// An in-memory GovernanceServices for component tests and fixtures. It refuses officers-only writes with
// the same 403 the server sends, so the views' refusal paths can be tested without a server.
import { DEFAULT_HEALTH_CONTROLS } from '../../../../domain/health';
import type { HealthControls, ScorecardSnapshot } from '../../../../domain/health';
import type { SystemVersion, VerificationEntry } from '../../../../domain/governance';
import type { Actor } from '../../../../domain/roles';
import type { RecordValues, RegisterId } from '../../../../domain/schema/types';
import { GraphError } from '../../../../graph/errors';
import type { GovernanceData, GovernanceServices, GovRecord, ReminderReportRow } from './governance-services';

export interface MemoryGovernanceOptions {
  readonly actor: Actor;
  readonly data?: Partial<GovernanceData>;
  readonly snapshots?: readonly ScorecardSnapshot[];
  readonly controls?: HealthControls;
  readonly reminders?: readonly ReminderReportRow[];
  /** GovernanceSettings items by key. */
  readonly settings?: Readonly<Record<string, RecordValues>>;
  /** @defaultvalue () => new Date().toISOString() */
  readonly now?: () => string;
}

const forbidden = () =>
  new GraphError({ status: 403, code: 'accessDenied', message: 'Access denied.', body: undefined });

export const createMemoryGovernanceServices = (options: MemoryGovernanceOptions) => {
  const now = options.now ?? (() => new Date().toISOString());
  const isOfficer = options.actor.roles.includes('officer');
  const registers: Record<RegisterId, GovRecord[]> = {
    dataInventory: [...(options.data?.assets ?? [])],
    aiRegistry: [...(options.data?.systems ?? [])],
    riskRegister: [...(options.data?.risks ?? [])],
  };
  const decisions: VerificationEntry[] = [...(options.data?.decisions ?? [])];
  const versions = new Map<string, SystemVersion[]>();
  let snapshots = [...(options.snapshots ?? [])];
  let controls = options.controls ?? DEFAULT_HEALTH_CONTROLS;
  let nextId = 1000;
  let version = 1;

  const save = (register: RegisterId, record: GovRecord): GovRecord => {
    const list = registers[register];
    const i = list.findIndex((r) => r.id === record.id);
    if (i >= 0) list[i] = record;
    else list.push(record);
    if (register === 'aiRegistry') {
      const prior = versions.get(record.id) ?? [];
      const before = prior[0]?.values ?? {};
      const changed = Object.keys(record.values).filter(
        (k) => JSON.stringify(record.values[k] ?? null) !== JSON.stringify(before[k] ?? null),
      );
      versions.set(record.id, [
        {
          modifiedAt: record.modifiedAt,
          modifiedBy: record.modifiedBy,
          changedFields: changed,
          values: record.values,
        },
        ...prior,
      ]);
    }
    return record;
  };

  const services: GovernanceServices & {
    readonly state: typeof registers;
    readonly decisions: VerificationEntry[];
  } = {
    state: registers,
    decisions,
    me: { email: options.actor.email, displayName: options.actor.email },
    actor: options.actor,
    actorFor: () => options.actor,
    isOfficer,
    async load() {
      return {
        assets: [...registers.dataInventory],
        systems: [...registers.aiRegistry],
        risks: [...registers.riskRegister],
        decisions: [...decisions],
      };
    },
    async create(register, values) {
      return save(register, {
        id: String(nextId++),
        eTag: `"e,${version++}"`,
        values,
        createdAt: now(),
        modifiedAt: now(),
        modifiedBy: options.actor.email,
      });
    },
    async update(register, id, changes, eTag) {
      const current = registers[register].find((r) => r.id === id);
      if (!current)
        throw new GraphError({ status: 404, code: 'itemNotFound', message: 'Not found', body: undefined });
      if (current.eTag !== eTag)
        throw new GraphError({ status: 412, code: 'preconditionFailed', message: 'Stale', body: undefined });
      return save(register, {
        ...current,
        eTag: `"e,${version++}"`,
        values: { ...current.values, ...changes },
        modifiedAt: now(),
        modifiedBy: options.actor.email,
      });
    },
    async createMany(register, values) {
      const created: GovRecord[] = [];
      for (const v of values) created.push(await services.create(register, v));
      return { created, failed: [] };
    },
    async systemVersions(id) {
      return versions.get(id) ?? [];
    },
    async recordDecision(entry) {
      if (!isOfficer) throw forbidden();
      const saved = { ...entry, id: String(nextId++) };
      decisions.push(saved);
      return saved;
    },
    async listSnapshots() {
      return snapshots;
    },
    async saveSnapshot(snapshot) {
      snapshots = [
        ...snapshots.filter(
          (s) =>
            !(
              s.date === snapshot.date &&
              s.registerId === snapshot.registerId &&
              s.groupBy === snapshot.groupBy
            ),
        ),
        snapshot,
      ];
    },
    async loadHealthControls() {
      return controls;
    },
    async loadSetting(key: string) {
      return options.settings?.[key];
    },
    async saveHealthControls(next: HealthControls) {
      if (!isOfficer) throw forbidden();
      controls = next;
    },
    async reminderReport() {
      return options.reminders;
    },
    async resolvePeople() {
      return new Map<string, string>();
    },
  };
  return services;
};

export type MemoryGovernanceServices = ReturnType<typeof createMemoryGovernanceServices>;
export type { RecordValues };
