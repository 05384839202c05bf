// Which schema version each register list is at, recorded on the site itself: one GovernanceSettings item
// per list (`schemaVersion.<ListName>`, value `{"version":N}`). Not the list's description: Graph v1.0 can
// create a list with a description but has no call to change it later (the list resource lists no update
// method), while list items are written the way every other write is (the app's identity, Sites.Selected),
// read by anyone on the site, and kept in the list the governance unit already owns.
import { GOVERNANCE_SETTINGS } from '../../domain/governance';
import { REGISTERS, REGISTER_IDS } from '../../domain/registers';
import { createRegisterRepository, siteUserDirectory, upsertItemsByKey } from '../../graph';
import type { ProvisionReport } from '../../graph';
import type { GovernanceSite } from './governance-site';

export const schemaVersionKey = (listName: string): string => `schemaVersion.${listName}`;

const settingsRepository = (site: GovernanceSite, settingsListId: string) =>
  createRegisterRepository({
    client: site.client,
    siteId: site.siteId,
    listId: settingsListId,
    schema: GOVERNANCE_SETTINGS,
    people: siteUserDirectory(site.client, site.siteId),
  });

/** List name -> recorded version (lists with no record are absent: provisioned before versions were kept). */
export async function readSchemaVersions(
  site: GovernanceSite,
  settingsListId: string,
): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const prefix = schemaVersionKey('');
  for (const record of await settingsRepository(site, settingsListId).list()) {
    const key = record.values.Title;
    if (typeof key !== 'string' || !key.startsWith(prefix) || typeof record.values.value !== 'string')
      continue;
    try {
      const version = (JSON.parse(record.values.value) as { version?: unknown }).version;
      if (typeof version === 'number' && Number.isInteger(version)) out[key.slice(prefix.length)] = version;
    } catch {
      // Not ours to repair: the next record overwrites it.
    }
  }
  return out;
}

/**
 * Records the schema version of every register whose migration is complete (an interrupted or partial
 * one keeps the older record, so the next run is seen to have work left). Idempotent.
 */
export async function recordSchemaVersions(
  site: GovernanceSite,
  settingsListId: string,
  report: Pick<ProvisionReport, 'migrations'>,
): Promise<readonly string[]> {
  const incomplete = new Set(report.migrations.filter((m) => !m.complete).map((m) => m.list));
  const items = REGISTER_IDS.map((id) => REGISTERS[id])
    .filter((schema) => !incomplete.has(schema.listName))
    .map((schema) => ({
      key: schemaVersionKey(schema.listName),
      values: { value: JSON.stringify({ version: schema.version }) },
    }));
  const result = await upsertItemsByKey(settingsRepository(site, settingsListId), items);
  if (result.failed.length > 0) {
    throw new Error(`GovernanceSettings: schema versions not recorded (${result.failed[0]?.reason})`);
  }
  return items.map((item) => item.key);
}
