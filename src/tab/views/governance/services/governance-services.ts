// What the governance views need from the outside world, as one interface. The Graph implementation
// (graph-governance-services.ts) goes through src/graph; component tests pass the in-memory one.
import type { HealthControls } from '../../../../domain/health';
import type { ScorecardSnapshot } from '../../../../domain/health';
import type { ReminderOutcome, SystemVersion, VerificationEntry } from '../../../../domain/governance';
import type { Actor } from '../../../../domain/roles';
import type { DomainRecord, RecordValues, RegisterId } from '../../../../domain/schema/types';

export type GovRecord = DomainRecord & { readonly id: string };

export interface GovernanceData {
  readonly assets: readonly GovRecord[];
  readonly systems: readonly GovRecord[];
  readonly risks: readonly GovRecord[];
  readonly decisions: readonly VerificationEntry[];
}

export interface BatchCreateResult {
  readonly created: readonly GovRecord[];
  readonly failed: readonly { readonly index: number; readonly error: unknown }[];
}

/** One item of the bot's ReminderOutcomes list (per run and recipient); the view groups them. */
export type ReminderReportRow = ReminderOutcome;

export interface GovernanceServices {
  readonly me: { readonly email: string; readonly displayName: string };
  /** Officer and focal-point roles (GovernanceRoles), or reader; custodianship is per record (actorFor). */
  readonly actor: Actor;
  /** The actor for one record: `actor`, plus custodian when the record names the person in an owner field. */
  actorFor(record?: RecordValues | { readonly values: RecordValues }): Actor;
  readonly isOfficer: boolean;
  /** The three registers and the officers' decisions, all pages. */
  load(signal?: AbortSignal): Promise<GovernanceData>;
  create(register: RegisterId, values: RecordValues): Promise<GovRecord>;
  /** If-Match = eTag; 412 rejects with graph's ConflictError. */
  update(register: RegisterId, id: string, changes: RecordValues, eTag: string): Promise<GovRecord>;
  /** Many new items in $batch requests (an assessment's findings). */
  createMany(register: RegisterId, values: readonly RecordValues[]): Promise<BatchCreateResult>;
  /** Versions of an AI system, newest first. */
  systemVersions(id: string): Promise<readonly SystemVersion[]>;
  /** Writes an officer's decision. The server refuses (403) anyone outside the officers' group. */
  recordDecision(entry: VerificationEntry, systemTitle: string): Promise<VerificationEntry>;
  listSnapshots(): Promise<readonly ScorecardSnapshot[]>;
  saveSnapshot(snapshot: ScorecardSnapshot): Promise<void>;
  loadHealthControls(): Promise<HealthControls>;
  /** One GovernanceSettings item by key (verification policy, AI Act timeline); undefined when absent. */
  loadSetting(key: string): Promise<RecordValues | undefined>;
  /** Officers only (server-enforced). */
  saveHealthControls(controls: HealthControls): Promise<void>;
  /** The bot's per-recipient outcomes (ReminderOutcomes list); undefined when the list does not exist. */
  reminderReport(): Promise<readonly ReminderReportRow[] | undefined>;
  /** Display names for e-mails; unknown ones are left out. */
  resolvePeople(emails: readonly string[]): Promise<ReadonlyMap<string, string>>;
}
