// The role assignments list: who is a focal point of which missions and who is a governance officer.
// Officers keep it (officers-only writes, everyone reads); the bot and the front ends read it and build
// actors with `actorFor` (domain/roles/assignments.ts). Officers are also the members of the SharePoint
// officers' group, which is what SharePoint enforces; this list is the app's source of mission scopes.
import { ASSIGNABLE_ROLES } from '../roles/assignments';
import type { AssignableRole, RoleAssignment } from '../roles/assignments';
import { t } from '../schema/localized';
import type { FieldDef, RecordValues } from '../schema/types';
import type { GovernanceListSchema } from './list-schema';

const fields: readonly FieldDef[] = [
  {
    name: 'Title',
    type: 'text',
    required: true,
    maxLength: 255,
    indexed: true,
    label: t('Assignment', 'Affectation', 'Asignación', 'التكليف'),
    help: t(
      'A short name, e.g. the person and role.',
      'Un nom court, par ex. la personne et le rôle.',
      'Un nombre corto, p. ej. la persona y el rol.',
      'اسم قصير، مثل الشخص والدور.',
    ),
  },
  {
    name: 'person',
    type: 'person',
    required: true,
    indexed: true,
    label: t('Person', 'Personne', 'Persona', 'الشخص'),
    help: t('Who holds the role.', 'Qui détient le rôle.', 'Quién tiene el rol.', 'من يشغل الدور.'),
  },
  {
    name: 'role',
    type: 'choice',
    required: true,
    indexed: true,
    choices: ASSIGNABLE_ROLES,
    choiceLabels: {
      focalPoint: t('Focal point', 'Point focal', 'Punto focal', 'جهة الاتصال'),
      officer: t(
        'Governance officer',
        'Responsable de la gouvernance',
        'Responsable de gobernanza',
        'مسؤول الحوكمة',
      ),
    },
    label: t('Role', 'Rôle', 'Rol', 'الدور'),
    help: t(
      'Focal point of missions, or governance officer.',
      'Point focal de missions, ou responsable de la gouvernance.',
      'Punto focal de misiones, o responsable de gobernanza.',
      'جهة اتصال لبعثات، أو مسؤول حوكمة.',
    ),
  },
  {
    name: 'missions',
    type: 'multiChoice',
    required: { field: 'role', oneOf: ['focalPoint'] },
    choiceSource: 'missions',
    label: t('Missions', 'Missions', 'Misiones', 'البعثات'),
    help: t(
      'The missions a focal point answers for.',
      'Les missions dont le point focal répond.',
      'Las misiones de las que responde el punto focal.',
      'البعثات التي تتولاها جهة الاتصال.',
    ),
  },
  {
    name: 'active',
    type: 'boolean',
    required: false,
    label: t('Active', 'Actif', 'Activo', 'نشط'),
    help: t(
      'Clear it to end the assignment and keep its history.',
      'Décochez pour mettre fin à l’affectation en gardant son historique.',
      'Desmárquelo para terminar la asignación y conservar su historial.',
      'ألغِ التحديد لإنهاء التكليف مع الاحتفاظ بسجله.',
    ),
  },
];

export const GOVERNANCE_ROLES: GovernanceListSchema = {
  id: 'governanceRoles',
  listName: 'GovernanceRoles',
  displayName: t('Governance roles', 'Rôles de gouvernance', 'Roles de gobernanza', 'أدوار الحوكمة'),
  description: t(
    'Focal points and their missions, and governance officers. Kept by the officers.',
    'Points focaux et leurs missions, et responsables de la gouvernance. Tenu par les responsables.',
    'Puntos focales y sus misiones, y responsables de gobernanza. Lo mantienen los responsables.',
    'جهات الاتصال وبعثاتها، ومسؤولو الحوكمة. يتولاه المسؤولون.',
  ),
  fields,
  writers: 'officers',
};

/** The demo seed's key for an assignment (officers name their own items freely). */
export const roleAssignmentKey = (a: Pick<RoleAssignment, 'email' | 'role'>): string =>
  `${a.role}/${a.email.toLowerCase()}`;

export const roleAssignmentValues = (a: RoleAssignment): RecordValues => ({
  Title: roleAssignmentKey(a),
  person: a.email.toLowerCase(),
  role: a.role,
  missions: [...a.missions],
  active: a.active,
});

const isRole = (v: unknown): v is AssignableRole =>
  typeof v === 'string' && (ASSIGNABLE_ROLES as readonly string[]).includes(v);

/**
 * Reads an item back; undefined when it names nobody or no known role (skipped, never thrown). An
 * empty `active` counts as active: an officer adding a row by hand in SharePoint may leave it blank.
 */
export const parseRoleAssignment = (values: RecordValues): RoleAssignment | undefined => {
  const person = values.person;
  const email = typeof person === 'string' ? person : Array.isArray(person) ? person[0] : undefined;
  if (typeof email !== 'string' || email.trim() === '' || !isRole(values.role)) return undefined;
  const missions = values.missions;
  return {
    email: email.trim().toLowerCase(),
    role: values.role,
    missions: Array.isArray(missions) ? missions.filter((m): m is string => typeof m === 'string') : [],
    active: values.active !== false,
  };
};

/** The active, parsed assignments of a list's items. */
export const roleAssignmentsFrom = (items: readonly { readonly values: RecordValues }[]): RoleAssignment[] =>
  items.flatMap((i) => {
    const a = parseRoleAssignment(i.values);
    return a ? [a] : [];
  });
