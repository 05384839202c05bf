import { REGISTERS } from '../../src/domain/registers';
import { ACTIONS, ROLES, can, changedFieldsAllowed } from '../../src/domain/roles';
import type { Action, Actor, Role } from '../../src/domain/roles';
import { validAsset, validSystem } from './fixtures';

const inv = REGISTERS.dataInventory;
const ai = REGISTERS.aiRegistry;
const risk = REGISTERS.riskRegister;

const actor = (role: Role): Actor => ({
  email: role === 'custodian' ? 'omar.haddad@example.org' : `${role}@example.org`,
  roles: [role],
  missions: role === 'focalPoint' ? ['jordan'] : [],
});

// On the AI registry, for a record in Jordan whose custodian is Omar.
// Columns: own/in-mission record, someone else's record in another mission.
const Y = 'allowed';
const MATRIX: Record<Role, Record<Action, [string, string]>> = {
  reader: {
    read: [Y, Y],
    create: ['notPermitted', 'notPermitted'],
    update: ['notPermitted', 'notPermitted'],
    confirmReview: ['notPermitted', 'notPermitted'],
    delete: ['notPermitted', 'notPermitted'],
    submitForVerification: ['notPermitted', 'notPermitted'],
    verify: ['officerOnly', 'officerOnly'],
    requestChanges: ['officerOnly', 'officerOnly'],
    reassign: ['notPermitted', 'notPermitted'],
  },
  custodian: {
    read: [Y, Y],
    create: [Y, 'notOwnRecord'],
    update: [Y, 'notOwnRecord'],
    confirmReview: [Y, 'notOwnRecord'],
    delete: ['notPermitted', 'notPermitted'],
    submitForVerification: [Y, 'notOwnRecord'],
    verify: ['officerOnly', 'officerOnly'],
    requestChanges: ['officerOnly', 'officerOnly'],
    reassign: [Y, 'notOwnRecord'],
  },
  focalPoint: {
    read: [Y, Y],
    create: [Y, 'notOwnMission'],
    update: [Y, 'notOwnMission'],
    confirmReview: [Y, 'notOwnMission'],
    delete: [Y, 'notOwnMission'],
    submitForVerification: [Y, 'notOwnMission'],
    verify: ['officerOnly', 'officerOnly'],
    requestChanges: ['officerOnly', 'officerOnly'],
    reassign: [Y, 'notOwnMission'],
  },
  officer: Object.fromEntries(ACTIONS.map((a) => [a, [Y, Y]])) as Record<Action, [string, string]>,
};

const mine = validSystem; // Jordan, custodian omar.haddad
const theirs = { ...validSystem, mission: 'kenya', region: 'africa', custodian: 'x@example.org' };
const outcome = (d: ReturnType<typeof can>) => (d.allowed ? Y : d.reason);

describe('can: every role x every action', () => {
  const cases = ROLES.flatMap((role) => ACTIONS.map((action) => [role, action] as const));
  it.each(cases)('%s may %s', (role, action) => {
    const [own, other] = MATRIX[role][action];
    expect(outcome(can(actor(role), action, ai, mine))).toBe(own);
    expect(outcome(can(actor(role), action, ai, theirs))).toBe(other);
  });
});

describe('can: details', () => {
  it('lets an owner (not only the custodian) act on the record', () => {
    const owner: Actor = { email: 'lead@example.org', roles: ['custodian'], missions: [] };
    expect(can(owner, 'update', ai, mine)).toEqual({ allowed: true });
    const assetOwner: Actor = { email: 'OWNER@example.org', roles: ['custodian'], missions: [] };
    expect(can(assetOwner, 'update', inv, validAsset)).toEqual({ allowed: true });
  });

  it('answers "ever?" without a record', () => {
    expect(can(actor('custodian'), 'update', inv)).toEqual({ allowed: true });
    expect(can(actor('reader'), 'update', inv)).toEqual({ allowed: false, reason: 'notPermitted' });
  });

  it('accepts a DomainRecord', () => {
    expect(can(actor('custodian'), 'update', ai, { id: '4', values: mine })).toEqual({ allowed: true });
  });

  it('combines roles: the most generous wins', () => {
    const both: Actor = {
      email: 'omar.haddad@example.org',
      roles: ['reader', 'focalPoint'],
      missions: ['kenya'],
    };
    expect(can(both, 'delete', ai, theirs)).toEqual({ allowed: true });
    expect(can(both, 'delete', ai, mine)).toEqual({ allowed: false, reason: 'notOwnMission' });
  });

  it('refuses without a role, and verification on registers that have none', () => {
    expect(can({ email: 'a@x.org', roles: [], missions: [] }, 'read', inv)).toEqual({
      allowed: false,
      reason: 'noRole',
    });
    expect(can(actor('officer'), 'verify', risk)).toEqual({ allowed: false, reason: 'notApplicable' });
    expect(can(actor('officer'), 'submitForVerification', inv)).toEqual({
      allowed: false,
      reason: 'notApplicable',
    });
  });
});

describe('changedFieldsAllowed', () => {
  const custodian = actor('custodian');
  it.each<[string, Actor, Record<string, unknown>, string | true, string[]?]>([
    ['a custodian edits the purpose', custodian, { purpose: 'New purpose' }, true],
    [
      'a custodian sets verifiedBy',
      custodian,
      { verifiedBy: 'omar.haddad@example.org' },
      'officerOnlyField',
      ['verifiedBy'],
    ],
    [
      'a custodian sets Verified',
      custodian,
      { verificationStatus: 'Verified' },
      'officerOnlyField',
      ['verificationStatus'],
    ],
    ['a custodian submits', custodian, { verificationStatus: 'Submitted' }, true],
    ['unchanged officer field is fine', custodian, { verifiedOn: null }, true],
    [
      'an officer verifies',
      actor('officer'),
      { verificationStatus: 'Verified', verifiedBy: 'officer@example.org', verifiedOn: '2025-04-01' },
      true,
    ],
    ['a custodian hands over', custodian, { custodian: 'new@example.org' }, true],
    [
      'the owner cannot be changed by someone without reassign',
      { email: 'x@example.org', roles: ['custodian'], missions: [] },
      { businessOwner: 'x@example.org' },
      'reassignNotAllowed',
      ['businessOwner'],
    ],
  ])('%s', (...[, who, after, expected, fields]) => {
    // Rest parameters: jest would read a fifth declared parameter as a done callback.
    const r = changedFieldsAllowed(who, ai, mine, after as Record<string, never>);
    expect(r).toEqual(expected === true ? { allowed: true } : { allowed: false, reason: expected, fields });
  });
});
