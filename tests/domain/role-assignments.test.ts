import {
  GOVERNANCE_LISTS,
  GOVERNANCE_ROLES,
  actorFor,
  can,
  parseRoleAssignment,
  roleAssignmentValues,
  roleAssignmentsFrom,
  REGISTERS,
} from '../../src/domain';
import type { RoleAssignment } from '../../src/domain';

const assignments: RoleAssignment[] = [
  { email: 'carlos@example.org', role: 'focalPoint', missions: ['colombia'], active: true },
  { email: 'Carlos@example.org', role: 'focalPoint', missions: ['mexico', 'colombia'], active: true },
  { email: 'grace@example.org', role: 'officer', missions: [], active: true },
  { email: 'old@example.org', role: 'officer', missions: [], active: false },
];

describe('GovernanceRoles list', () => {
  it('is an officers-only governance list with missions from the catalogue', () => {
    expect(GOVERNANCE_LISTS).toContain(GOVERNANCE_ROLES);
    expect(GOVERNANCE_ROLES.writers).toBe('officers');
    const missions = GOVERNANCE_ROLES.fields.find((f) => f.name === 'missions');
    expect(missions).toMatchObject({ type: 'multiChoice', choiceSource: 'missions' });
    expect(GOVERNANCE_ROLES.fields.find((f) => f.name === 'person')?.type).toBe('person');
  });

  it('round-trips an assignment and skips items that name nobody or no role', () => {
    const a = assignments[0] as RoleAssignment;
    expect(parseRoleAssignment(roleAssignmentValues(a))).toEqual(a);
    expect(parseRoleAssignment({ person: null, role: 'officer' })).toBeUndefined();
    expect(parseRoleAssignment({ person: 'x@example.org', role: 'custodian' })).toBeUndefined();
    // A row typed by hand with `active` left blank counts as active.
    expect(parseRoleAssignment({ person: 'X@Example.org', role: 'officer', active: null })).toEqual({
      email: 'x@example.org',
      role: 'officer',
      missions: [],
      active: true,
    });
    expect(
      roleAssignmentsFrom([{ values: { role: 'officer' } }, { values: roleAssignmentValues(a) }]),
    ).toHaveLength(1);
  });
});

describe('actorFor', () => {
  it('gives focal points the union of their missions, case-insensitively', () => {
    expect(actorFor('CARLOS@example.org', assignments)).toEqual({
      email: 'carlos@example.org',
      roles: ['focalPoint'],
      missions: ['colombia', 'mexico'],
    });
  });

  it('makes officers from active assignments only, and everyone else a reader', () => {
    expect(actorFor('grace@example.org', assignments).roles).toEqual(['officer']);
    expect(actorFor('old@example.org', assignments).roles).toEqual(['reader']);
    expect(actorFor('nobody@example.org', []).roles).toEqual(['reader']);
  });

  it('derives custodian from the records that name the person in an owner field', () => {
    const record = { title: 'Case files', custodian: ['amina@example.org'], mission: 'senegal' };
    const amina = actorFor('amina@example.org', assignments, [{ values: record }]);
    expect(amina.roles).toEqual(['custodian']);
    expect(can(amina, 'update', REGISTERS.dataInventory, record).allowed).toBe(true);
    expect(actorFor('amina@example.org', assignments, [{ owner: 'someone@example.org' }]).roles).toEqual([
      'reader',
    ]);
    const risk = actorFor('carlos@example.org', assignments, [{ owner: 'Carlos@example.org' }]);
    expect(risk.roles).toEqual(['custodian', 'focalPoint']);
  });

  it('lets a focal point act on their missions only', () => {
    const carlos = actorFor('carlos@example.org', assignments);
    expect(can(carlos, 'update', REGISTERS.dataInventory, { mission: 'mexico' }).allowed).toBe(true);
    expect(can(carlos, 'update', REGISTERS.dataInventory, { mission: 'senegal' })).toEqual({
      allowed: false,
      reason: 'notOwnMission',
    });
  });
});
