export {
  ROLES,
  ACTIONS,
  PERMISSIONS,
  VERIFICATION_ACTIONS,
  can,
  isOwnRecord,
  isOwnMission,
  changedFields,
  changedFieldsAllowed,
} from './roles';
export type { Role, Action, Actor, Scope, RefusalCode, Decision, FieldsDecision } from './roles';
export { ASSIGNABLE_ROLES, actorFor, focalPointMissions, officerEmails } from './assignments';
export type { AssignableRole, RoleAssignment } from './assignments';
