// Lists the governance unit keeps beside the three registers (officers' decisions, scorecard snapshots,
// settings). They are not registers (no custodian, no review cycle), so they have a smaller schema shape
// that provisioning and the register repository accept as it is.
import type { FieldDef, Localized } from '../schema/types';

export interface GovernanceListSchema {
  /** Provisioning key (also used for lookups into it). */
  readonly id: string;
  /** URL-safe list name, also its title. */
  readonly listName: string;
  readonly displayName: Localized;
  readonly description: Localized;
  readonly fields: readonly FieldDef[];
  /**
   * Who may write items. 'officers': unique list permissions, the governance officers' group writes
   * and everyone else reads (SharePoint enforces it, localgraph emulates it).
   */
  readonly writers: 'officers' | 'members';
}

/** The SharePoint group whose members are governance officers (same name in a tenant and in localgraph). */
export const OFFICERS_GROUP = 'Governance officers';
/** The group of everyone who may read the governance site (SharePoint's "Visitors"/"Members" groups). */
export const SITE_READERS_GROUP = 'Governance Hub readers';
