import { AI_VERIFICATIONS } from './ai-verifications';
import type { GovernanceListSchema } from './list-schema';
import { REMINDER_OUTCOMES } from './reminder-outcomes';
import { GOVERNANCE_ROLES } from './role-assignments';
import { GOVERNANCE_SETTINGS } from './settings';
import { SCORECARD_SNAPSHOTS } from './snapshots';

export const GOVERNANCE_LISTS: readonly GovernanceListSchema[] = [
  AI_VERIFICATIONS,
  SCORECARD_SNAPSHOTS,
  GOVERNANCE_SETTINGS,
  GOVERNANCE_ROLES,
  // Written by the reminder bot (its site-wide grant), read by the scorecard's reminder report.
  REMINDER_OUTCOMES,
];
