// Who holds which role, as data: the assignments officers keep in the governance site's GovernanceRoles
// list (focal points and their missions, officers). Custodianship is not assigned: it follows from the
// records a person is named on. `actorFor` turns both into the Actor that `can(...)` checks.
import { REGISTERS, REGISTER_IDS } from '../registers';
import type { RecordValues } from '../schema/types';
import type { Actor, Role } from './roles';

/** The roles the list assigns (custodian is derived, reader is the default). */
export const ASSIGNABLE_ROLES = ['focalPoint', 'officer'] as const;
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];

export interface RoleAssignment {
  /** Lower-case e-mail (UPN). */
  readonly email: string;
  readonly role: AssignableRole;
  /** Mission ids (focal points); officers act on every mission, so theirs are informative only. */
  readonly missions: readonly string[];
  /** Inactive assignments are kept for the record but grant nothing. */
  readonly active: boolean;
}

// Every register's owner fields (custodian, owner, business owner): naming someone there makes them
// the record's custodian in the roles' sense.
const OWNER_FIELDS: readonly string[] = [...new Set(REGISTER_IDS.flatMap((id) => REGISTERS[id].ownerFields))];

const names = (values: RecordValues, email: string): boolean =>
  OWNER_FIELDS.some((f) => {
    const v = values[f];
    if (typeof v === 'string') return v.toLowerCase() === email;
    return Array.isArray(v) && v.some((x: string) => x.toLowerCase() === email);
  });

/**
 * The Actor for `email`: officer and focal-point roles (with their missions) from the active
 * assignments; custodian when any of `records` names the person in an owner field; reader when none
 * of these holds. Without `records` custodianship is not derived (pass the records the question is
 * about, e.g. the one being edited, or all records to know whether the person is a custodian at all).
 */
export const actorFor = (
  email: string,
  assignments: readonly RoleAssignment[],
  records?: Iterable<RecordValues | { readonly values: RecordValues }>,
): Actor => {
  const who = email.trim().toLowerCase();
  const mine = assignments.filter((a) => a.active && a.email.toLowerCase() === who);
  const roles: Role[] = [];
  if (records) {
    for (const r of records) {
      const values = 'values' in r && isValues(r.values) ? r.values : (r as RecordValues);
      if (names(values, who)) {
        roles.push('custodian');
        break;
      }
    }
  }
  const missions = [...new Set(mine.filter((a) => a.role === 'focalPoint').flatMap((a) => a.missions))];
  if (missions.length > 0) roles.push('focalPoint');
  if (mine.some((a) => a.role === 'officer')) roles.push('officer');
  if (roles.length === 0) roles.push('reader');
  return { email: who, roles, missions };
};

const isValues = (v: unknown): v is RecordValues => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Missions each person is focal point of (active assignments), by lower-case e-mail. */
export const focalPointMissions = (assignments: readonly RoleAssignment[]): ReadonlyMap<string, string[]> => {
  const out = new Map<string, string[]>();
  for (const a of assignments) {
    if (!a.active || a.role !== 'focalPoint') continue;
    const key = a.email.toLowerCase();
    out.set(key, [...new Set([...(out.get(key) ?? []), ...a.missions])]);
  }
  return out;
};

/** Lower-case e-mails of the active officers. */
export const officerEmails = (assignments: readonly RoleAssignment[]): ReadonlySet<string> =>
  new Set(assignments.filter((a) => a.active && a.role === 'officer').map((a) => a.email.toLowerCase()));
