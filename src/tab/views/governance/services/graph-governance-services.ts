// GovernanceServices over src/graph, through the tab's Graph session (src/client/graph-session: one client and
// one repository per register and per governance list). No URL is built here either.
import {
  AI_VERIFICATIONS,
  GOVERNANCE_SETTINGS,
  REMINDER_OUTCOMES,
  SCORECARD_SNAPSHOTS,
  SETTING_KEYS,
} from '../../../../domain/governance';
import {
  entryFromRecord,
  entryValues,
  healthControlsFrom,
  healthControlsValues,
  parseReminderOutcome,
  parseSnapshot,
  snapshotTitle,
  snapshotValues,
} from '../../../../domain/governance';
import type { GovernanceListSchema } from '../../../../domain/governance';
import { REGISTERS } from '../../../../domain/registers';
import type { Actor } from '../../../../domain/roles';
import type { RecordValues, RegisterId } from '../../../../domain/schema/types';
import type { GraphSession } from '../../../../client/graph-session';
import type { GovernanceServices, GovRecord } from './governance-services';

export interface GraphGovernanceServicesOptions {
  /** The signed-in person's Graph session (the tab's, TabServices.session). */
  readonly session: GraphSession;
  readonly me: { readonly email: string; readonly displayName: string };
  readonly actor: Actor;
  /** The actor for one record (TabServices.actorFor). @defaultvalue always `actor` */
  readonly actorFor?: (record?: RecordValues | { readonly values: RecordValues }) => Actor;
}

const PAGE_SIZE = 500;
const withId = (r: { id?: string }): GovRecord => ({ ...r, id: String(r.id ?? '') }) as GovRecord;

export const createGraphGovernanceServices = (
  options: GraphGovernanceServicesOptions,
): GovernanceServices => {
  const { session } = options;
  const register = (id: RegisterId) => session.repository(REGISTERS[id]);
  const list = (schema: GovernanceListSchema) => session.repository(schema);

  return {
    me: options.me,
    actor: options.actor,
    actorFor: options.actorFor ?? (() => options.actor),
    isOfficer: options.actor.roles.includes('officer'),

    async load() {
      const [assets, systems, risks, decisions] = await Promise.all([
        register('dataInventory').then((r) => r.list({ top: PAGE_SIZE })),
        register('aiRegistry').then((r) => r.list({ top: PAGE_SIZE })),
        register('riskRegister').then((r) => r.list({ top: PAGE_SIZE })),
        list(AI_VERIFICATIONS).then((r) => r.list({ top: PAGE_SIZE })),
      ]);
      return {
        assets: assets.map(withId),
        systems: systems.map(withId),
        risks: risks.map(withId),
        decisions: decisions.flatMap((d) => entryFromRecord(d) ?? []),
      };
    },

    async create(registerId, values) {
      return withId(await (await register(registerId)).create(values));
    },

    async update(registerId, id, changes, eTag) {
      return withId(await (await register(registerId)).update(id, changes, eTag));
    },

    async createMany(registerId, values) {
      const results = await (
        await register(registerId)
      ).applyBatch(values.map((v, i) => ({ key: String(i), kind: 'create' as const, values: v })));
      const created: GovRecord[] = [];
      const failed: { index: number; error: unknown }[] = [];
      results.forEach((r, index) => {
        if (r.status === 'saved' && r.record) created.push(withId(r.record));
        else if (r.status !== 'saved') failed.push({ index, error: r.error });
      });
      return { created, failed };
    },

    async systemVersions(id) {
      const versions = await (await register('aiRegistry')).versions(id);
      return versions.map((v) => ({
        modifiedAt: v.modifiedAt,
        modifiedBy: v.modifiedBy,
        changedFields: v.changedFields,
        values: v.values,
      }));
    },

    async recordDecision(entry, systemTitle) {
      const saved = await (await list(AI_VERIFICATIONS)).create(entryValues(entry, systemTitle));
      return entryFromRecord(saved) ?? entry;
    },

    async listSnapshots() {
      const items = await (await list(SCORECARD_SNAPSHOTS)).list({ top: PAGE_SIZE });
      return items.flatMap((i) => parseSnapshot(i.values) ?? []);
    },

    async saveSnapshot(snapshot) {
      const r = await list(SCORECARD_SNAPSHOTS);
      const title = snapshotTitle(snapshot.date, snapshot.registerId, snapshot.groupBy);
      const existing = await r.list({ filter: [{ field: 'Title', op: 'eq', value: title }] });
      const current = existing[0];
      if (current?.id && current.eTag) await r.update(current.id, snapshotValues(snapshot), current.eTag);
      else await r.create(snapshotValues(snapshot));
    },

    async loadHealthControls() {
      const items = await (
        await list(GOVERNANCE_SETTINGS)
      ).list({ filter: [{ field: 'Title', op: 'eq', value: SETTING_KEYS.healthControls }] });
      return healthControlsFrom(items[0]?.values);
    },

    async loadSetting(key) {
      const items = await (
        await list(GOVERNANCE_SETTINGS)
      ).list({ filter: [{ field: 'Title', op: 'eq', value: key }] });
      return items[0]?.values;
    },

    async saveHealthControls(controls) {
      const r = await list(GOVERNANCE_SETTINGS);
      const items = await r.list({
        filter: [{ field: 'Title', op: 'eq', value: SETTING_KEYS.healthControls }],
      });
      const current = items[0];
      if (current?.id && current.eTag)
        await r.update(current.id, healthControlsValues(controls), current.eTag);
      else await r.create(healthControlsValues(controls));
    },

    async reminderReport() {
      // Published by the bot (src/bot/reporting); a site without the list has no report yet.
      const r = await list(REMINDER_OUTCOMES).catch((e: unknown) => {
        if ((e as { status?: number }).status === 404) return undefined;
        throw e;
      });
      const items = r ? await r.list({ top: PAGE_SIZE }) : undefined;
      return items?.flatMap((i) => parseReminderOutcome(i.values) ?? []);
    },

    async resolvePeople(emails) {
      const users = await (await session.people()).users();
      const wanted = new Set(emails.map((e) => e.toLowerCase()));
      return new Map(
        users
          .filter((u) => u.email && wanted.has(u.email.toLowerCase()))
          .map((u) => [String(u.email).toLowerCase(), u.displayName] as const),
      );
    },
  };
};
