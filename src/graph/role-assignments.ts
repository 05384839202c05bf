// The governance site's GovernanceRoles list through Graph: read by the bot and the front ends (anyone
// who can read the site), written by officers and by the demo seed. Items that name nobody or no known
// role are skipped, so a half-filled row an officer is still typing never breaks a reader.
import {
  GOVERNANCE_ROLES,
  roleAssignmentKey,
  roleAssignmentsFrom,
  roleAssignmentValues,
} from '../domain/governance';
import type { RoleAssignment } from '../domain/roles';
import type { GraphClient } from './client';
import { findList } from './lists';
import { createRegisterRepository } from './register-repository';
import type { RegisterRepository } from './register-repository';
import { upsertItemsByKey } from './upsert-items';
import type { UpsertItemsResult } from './upsert-items';
import { siteUserDirectory } from './users';

/** A repository on the list, or undefined when it is not provisioned yet. */
export async function openRoleAssignments(
  client: GraphClient,
  siteId: string,
): Promise<RegisterRepository | undefined> {
  const list = await findList(client, siteId, GOVERNANCE_ROLES.listName);
  if (!list?.id) return undefined;
  return createRegisterRepository({
    client,
    siteId,
    listId: list.id,
    schema: GOVERNANCE_ROLES,
    people: siteUserDirectory(client, siteId),
  });
}

/** Every assignment on the list (inactive ones included, `actorFor` ignores them); [] when missing. */
export async function readRoleAssignments(client: GraphClient, siteId: string): Promise<RoleAssignment[]> {
  const repository = await openRoleAssignments(client, siteId);
  return repository ? roleAssignmentsFrom(await repository.list()) : [];
}

/** Idempotent: one item per person and role (keyed by Title), updated in place when it changed. */
export async function writeRoleAssignments(
  repository: RegisterRepository,
  assignments: readonly RoleAssignment[],
): Promise<UpsertItemsResult> {
  return upsertItemsByKey(
    repository,
    assignments.map((a) => ({ key: roleAssignmentKey(a), values: roleAssignmentValues(a) })),
  );
}
