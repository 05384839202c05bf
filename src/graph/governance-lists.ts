// The governance unit's own lists (officers' AI verification decisions, scorecard snapshots, settings):
// provisioned like the registers, then read and written through register repositories. Who may write
// them is a SharePoint permission (unique list role assignments), set outside Graph v1.0: in a tenant by
// SharePoint REST (scripts/, see src/tab/views/governance/README.md), locally by localgraph's admin routes.
import type { FieldDef, Localized } from '../domain/schema/types';
import type { GraphClient } from './client';
import { provisionRegisters } from './provisioning';
import type { ChoiceCatalogue, ProvisionableSchema, ProvisionReport } from './provisioning';

/** What this module needs from a GovernanceListSchema (domain/governance/list-schema.ts). */
export interface GovernanceListDefinition extends ProvisionableSchema {
  readonly description: Localized;
  readonly fields: readonly FieldDef[];
  readonly writers: 'officers' | 'members';
}

export interface ProvisionGovernanceListsOptions {
  readonly client: GraphClient;
  readonly siteId: string;
  /** The registers the lists look up into (provisioning resolves lookups by schema id). */
  readonly registers: readonly ProvisionableSchema[];
  readonly lists: readonly GovernanceListDefinition[];
  readonly choices: ChoiceCatalogue;
  readonly dryRun?: boolean;
}

/** Idempotent: creates the lists (and any missing column); the registers are only looked up. */
export async function provisionGovernanceLists(
  options: ProvisionGovernanceListsOptions,
): Promise<ProvisionReport> {
  return provisionRegisters({
    client: options.client,
    siteId: options.siteId,
    schemas: [...options.registers, ...options.lists],
    choices: options.choices,
    ...(options.dryRun ? { dryRun: true } : {}),
  });
}

export type ListRole = 'owner' | 'member' | 'visitor';

/**
 * The unique role assignments an officers-only list gets: the officers' group contributes, the readers'
 * group (everyone on the site) reads. Lists that members write keep the site's permissions (undefined).
 */
export function governanceListRoles(
  list: Pick<GovernanceListDefinition, 'writers'>,
  groups: { readonly officers: string; readonly readers: string },
): Readonly<Record<string, ListRole>> | undefined {
  return list.writers === 'officers'
    ? { [groups.officers]: 'member', [groups.readers]: 'visitor' }
    : undefined;
}
