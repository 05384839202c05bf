// The demo people's roles as GovernanceRoles items: each focal point for their mission, each officer.
// Written into the governance site by the seed, so the bot and front ends read roles the same way in
// the embedded mode as in a tenant (where officers keep the list).
import type { RoleAssignment } from '../../domain/roles';
import type { DemoPerson } from './people';

export const demoRoleAssignments = (people: readonly DemoPerson[]): RoleAssignment[] =>
  people.flatMap((p): RoleAssignment[] => {
    if (p.persona === 'focalPoint')
      return [{ email: p.email, role: 'focalPoint', missions: [p.missionId], active: true }];
    if (p.persona === 'officer') return [{ email: p.email, role: 'officer', missions: [], active: true }];
    return [];
  });
