// Who may do what, as data. SharePoint permissions enforce the coarse part in a tenant; these rules
// are what the bot checks before it writes on someone's behalf, and what the UI mirrors.
import { findField } from '../registers/lookup';
import type { FieldValue, RecordValues, RegisterSchema } from '../schema/types';

export const ROLES = ['custodian', 'focalPoint', 'officer', 'reader'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  'read',
  'create',
  'update',
  'confirmReview',
  'delete',
  'submitForVerification',
  'verify',
  'requestChanges',
  'reassign',
] as const;
export type Action = (typeof ACTIONS)[number];

export interface Actor {
  /** Lower-case email (UPN). */
  readonly email: string;
  readonly roles: readonly Role[];
  /** Mission ids the actor is focal point of. */
  readonly missions: readonly string[];
}

/**
 * 'any': every record; 'own': records where the actor is in one of the schema's owner fields
 * (custodian or owner); 'mission': records of a mission the actor is focal point of; 'none'.
 */
export type Scope = 'any' | 'own' | 'mission' | 'none';

export const PERMISSIONS: Readonly<Record<Role, Readonly<Record<Action, Scope>>>> = {
  reader: {
    read: 'any',
    create: 'none',
    update: 'none',
    confirmReview: 'none',
    delete: 'none',
    submitForVerification: 'none',
    verify: 'none',
    requestChanges: 'none',
    reassign: 'none',
  },
  custodian: {
    read: 'any',
    create: 'own',
    update: 'own',
    confirmReview: 'own',
    // Deleting a record loses its history; a custodian asks the focal point instead.
    delete: 'none',
    submitForVerification: 'own',
    verify: 'none',
    requestChanges: 'none',
    // Handing a record over to a successor.
    reassign: 'own',
  },
  focalPoint: {
    read: 'any',
    create: 'mission',
    update: 'mission',
    confirmReview: 'mission',
    delete: 'mission',
    submitForVerification: 'mission',
    verify: 'none',
    requestChanges: 'none',
    reassign: 'mission',
  },
  officer: {
    read: 'any',
    create: 'any',
    update: 'any',
    confirmReview: 'any',
    delete: 'any',
    submitForVerification: 'any',
    verify: 'any',
    requestChanges: 'any',
    reassign: 'any',
  },
};

/** Actions that only make sense for a register with a verification workflow (the AI registry). */
export const VERIFICATION_ACTIONS: readonly Action[] = ['submitForVerification', 'verify', 'requestChanges'];

export type RefusalCode =
  | 'noRole'
  | 'notPermitted'
  | 'officerOnly'
  | 'notOwnRecord'
  | 'notOwnMission'
  | 'notApplicable'
  | 'officerOnlyField'
  | 'reassignNotAllowed';

export type Decision = { readonly allowed: true } | { readonly allowed: false; readonly reason: RefusalCode };

const ALLOWED: Decision = { allowed: true };
const refuse = (reason: RefusalCode): Decision => ({ allowed: false, reason });

const emailsIn = (v: FieldValue | undefined): string[] =>
  typeof v === 'string' ? [v.toLowerCase()] : Array.isArray(v) ? v.map((x: string) => x.toLowerCase()) : [];

export const isOwnRecord = (actor: Actor, schema: RegisterSchema, values: RecordValues): boolean =>
  schema.ownerFields.some((f) => emailsIn(values[f]).includes(actor.email.toLowerCase()));

export const isOwnMission = (actor: Actor, schema: RegisterSchema, values: RecordValues): boolean => {
  const m = values[schema.missionField];
  return typeof m === 'string' && actor.missions.includes(m);
};

/**
 * Whether the actor may perform the action on the record. Without a record, the question is whether
 * the actor may ever do it (e.g. to show a "New" button); scoped rules are then checked on the record.
 * For 'create', the record is the proposed values.
 */
export const can = (
  actor: Actor,
  action: Action,
  schema: RegisterSchema,
  record?: RecordValues | { readonly values: RecordValues },
): Decision => {
  if (VERIFICATION_ACTIONS.includes(action) && !schema.verificationField) return refuse('notApplicable');
  if (actor.roles.length === 0) return refuse('noRole');
  const scopes = actor.roles.map((r) => PERMISSIONS[r][action]);
  if (scopes.every((s) => s === 'none'))
    return refuse(action === 'verify' || action === 'requestChanges' ? 'officerOnly' : 'notPermitted');
  if (scopes.includes('any') || record === undefined) return ALLOWED;
  const values: RecordValues =
    'values' in record &&
    typeof record.values === 'object' &&
    record.values !== null &&
    !Array.isArray(record.values)
      ? (record.values as RecordValues)
      : (record as RecordValues);
  if (scopes.includes('own') && isOwnRecord(actor, schema, values)) return ALLOWED;
  if (scopes.includes('mission') && isOwnMission(actor, schema, values)) return ALLOWED;
  return refuse(scopes.includes('mission') ? 'notOwnMission' : 'notOwnRecord');
};

const same = (a: FieldValue | undefined, b: FieldValue | undefined): boolean => {
  const norm = (v: FieldValue | undefined) =>
    v === undefined || (Array.isArray(v) && v.length === 0) ? null : v;
  const x = norm(a);
  const y = norm(b);
  if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((v, i) => v === y[i]);
  return x === y;
};

export const changedFields = (schema: RegisterSchema, before: RecordValues, after: RecordValues): string[] =>
  schema.fields.map((f) => f.name).filter((n) => n in after && !same(before[n], after[n]));

export type FieldsDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly reason: RefusalCode; readonly fields: readonly string[] };

/**
 * Whether an update from `before` to `after` (only the fields present in `after` are compared) stays
 * within what the actor may change: officer-only fields and officer-only choice values (the 'Verified'
 * state) are for officers; changing an owner field is a reassignment and needs that right.
 */
export const changedFieldsAllowed = (
  actor: Actor,
  schema: RegisterSchema,
  before: RecordValues,
  after: RecordValues,
): FieldsDecision => {
  const changed = changedFields(schema, before, after);
  const officer = actor.roles.includes('officer');
  if (!officer) {
    const forbidden = changed.filter((name) => {
      const f = findField(schema, name);
      const v = after[name];
      return f?.officerOnly || (typeof v === 'string' && f?.officerOnlyChoices?.includes(v));
    });
    if (forbidden.length > 0) return { allowed: false, reason: 'officerOnlyField', fields: forbidden };
  }
  const reassigned = changed.filter((n) => schema.ownerFields.includes(n));
  if (reassigned.length > 0 && !can(actor, 'reassign', schema, before).allowed)
    return { allowed: false, reason: 'reassignNotAllowed', fields: reassigned };
  return { allowed: true };
};
