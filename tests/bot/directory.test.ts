import { joinPeopleWithRoles } from '../../src/bot';
import { indexPeople } from '../../src/bot/people';
import type { RoleAssignment } from '../../src/domain/roles';

const assignments: RoleAssignment[] = [
  { email: 'carlos@example.org', role: 'focalPoint', missions: ['colombia'], active: true },
  { email: 'grace@example.org', role: 'officer', missions: [], active: true },
  { email: 'gone@example.org', role: 'focalPoint', missions: ['niger'], active: false },
];

describe('bot people from Graph', () => {
  it('joins directory users with GovernanceRoles, and matches a click by Entra object id', () => {
    const people = joinPeopleWithRoles(
      [
        { email: 'carlos@example.org', displayName: 'Carlos', locale: 'es', userId: 'oid-c', active: true },
        { email: 'grace@example.org', displayName: 'Grace', locale: 'en', userId: 'oid-g', active: true },
        { email: 'gone@example.org', displayName: 'Gone', locale: 'fr', userId: 'oid-x', active: true },
        { email: 'amina@example.org', displayName: 'Amina', locale: 'fr', userId: 'oid-a', active: true },
      ],
      assignments,
      new Map([['colombia', 'America/Bogota']]),
    );
    const index = indexPeople(people);
    expect(index.byUserId('oid-c')).toMatchObject({
      email: 'carlos@example.org',
      focalPointOf: ['colombia'],
      missionId: 'colombia',
      timeZone: 'America/Bogota',
      officer: false,
    });
    expect(index.byUserId('oid-g')).toMatchObject({ officer: true, focalPointOf: [] });
    expect(index.byUserId('oid-x')?.focalPointOf).toEqual([]);
    expect(index.byUserId('oid-a')).toMatchObject({ officer: false, focalPointOf: [] });
    expect(index.ofMission('colombia').map((p) => p.email)).toEqual(['carlos@example.org']);
  });
});
