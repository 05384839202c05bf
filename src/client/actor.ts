// The signed-in person's roles as the domain knows them, mirrored for the front ends only (SharePoint enforces
// them). The same in both modes: after sign-in, the governance site's GovernanceRoles list is read with the
// person's own token (everyone may read it) and `actorFor` (domain/roles) turns the active assignments, plus the
// records a question is about, into the Actor that `can(...)` checks. Officers and focal points (with their
// missions) come from the list; custodian from the records naming the person in an owner field; reader otherwise.
import { actorFor, type Actor, type RoleAssignment } from '../domain/roles';
import type { RecordValues } from '../domain/schema/types';
import { getMe, readRoleAssignments } from '../graph';
import type { SignedInUser } from './auth';
import type { GraphSession } from './graph-session';

/** A record as the front ends hold it: its values, or an item carrying them. */
export type ActorRecord = RecordValues | { readonly values: RecordValues };

export interface ActorSource {
  /** The lower-case e-mail the assignments are matched on (Graph's /me mail, else the UPN). */
  readonly email: string;
  /** Every assignment read from GovernanceRoles (inactive ones grant nothing). */
  readonly assignments: readonly RoleAssignment[];
  /**
   * The person's actor: officer and focal-point roles from the assignments; custodian when one of `records`
   * names the person (pass the record being edited, or the loaded register items); reader otherwise.
   */
  actor(records?: Iterable<ActorRecord>): Actor;
}

/** An ActorSource over assignments already read (tests, or a front end that read them itself). */
export const actorSource = (email: string, assignments: readonly RoleAssignment[]): ActorSource => {
  const who = email.trim().toLowerCase();
  return {
    email: who,
    assignments,
    actor: (records) => actorFor(who, assignments, records),
  };
};

/**
 * Reads the person's mail (/me) and the GovernanceRoles list through their Graph session. A missing list means
 * no assignments (everyone is a reader or a custodian); other failures reject, so the front end shows them.
 */
export const loadActorSource = async (
  session: Pick<GraphSession, 'client' | 'siteId'>,
  user: Pick<SignedInUser, 'upn'>,
): Promise<ActorSource> => {
  const [me, assignments] = await Promise.all([
    // The directory's mail, when it differs from the UPN; the UPN when /me cannot be read.
    getMe(session.client).catch(() => undefined),
    session.siteId().then((siteId) => readRoleAssignments(session.client, siteId)),
  ]);
  const mail = typeof me?.mail === 'string' && me.mail.trim() !== '' ? me.mail : undefined;
  return actorSource(mail ?? me?.userPrincipalName ?? user.upn, assignments);
};
