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
