// The signed-in person's roles as the domain knows them, mirrored for the front ends only (SharePoint enforces
// them). In the embedded mode the demo persona of /config.json says it; elsewhere the roles are not known here.
import type { Actor, Role } from '../domain/roles';
import type { SignedInUser } from './auth';
import type { DemoPersona } from './runtime-config';

const KNOWN_ROLES: readonly Role[] = ['custodian', 'focalPoint', 'officer', 'reader'];

/** The persona's roles, or undefined when the person is not a demo persona with a known role. */
export const personaActor = (
  personas: readonly DemoPersona[] | undefined,
  user: Pick<SignedInUser, 'upn'>,
): Actor | undefined => {
  const upn = user.upn.toLowerCase();
  const persona = personas?.find((p) => p.upn.toLowerCase() === upn);
  if (!persona || !(KNOWN_ROLES as readonly string[]).includes(persona.role)) return undefined;
  const role = persona.role as Role;
  return {
    email: upn,
    roles: [role],
    missions: persona.mission && role === 'focalPoint' ? [persona.mission] : [],
  };
};
