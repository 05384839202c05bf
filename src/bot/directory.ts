// Where the bot's people come from, in both modes: the governance site's User Information List (everyone
// the site knows: custodians named on records, role holders) joined with the GovernanceRoles list (focal
// points and their missions, officers). Both are read with the bot's own Sites.Selected identity: the bot
// never reads the directory (`/users`, `/me`). Who clicked a card is asked of the Bot Framework connector
// (src/bot/members.ts); a person's language is the locale Teams sent, stored with their conversation
// reference (src/bot/bot.ts), else the policy's default.
import { actorFor } from '../domain/roles';
import type { RoleAssignment } from '../domain/roles';
import type { Locale } from '../domain/schema';
import { createSiteUserDirectory, readRoleAssignments } from '../graph';
import type { GraphClient } from '../graph';
import type { BotPerson } from './people';

export interface GovernancePeopleOptions {
  /** The bot's own client: reads the governance site (its Sites.Selected grant suffices). */
  readonly client: GraphClient;
  readonly siteId: string;
  readonly missionTimeZones?: ReadonlyMap<string, string>;
  /** Everyone's language until Teams tells the bot theirs (the policy's `defaultLocale`). */
  readonly defaultLocale?: Locale;
}

interface Listed {
  readonly email: string;
  readonly displayName: string;
  readonly locale: Locale;
  readonly userId?: string;
  readonly active: boolean;
}

/**
 * People joined with their roles through the domain's `actorFor` (pure; exported for tests). Active role
 * holders the list does not show are added under their e-mail: the roles list is the authority on them.
 */
export const joinPeopleWithRoles = (
  listed: readonly Listed[],
  assignments: readonly RoleAssignment[],
  missionTimeZones?: ReadonlyMap<string, string>,
  defaultLocale: Locale = 'en',
): BotPerson[] => {
  const known = new Set(listed.map((p) => p.email));
  const holders: Listed[] = [
    ...new Set(assignments.filter((a) => a.active).map((a) => a.email.toLowerCase())),
  ]
    .filter((email) => !known.has(email))
    .map((email) => ({ email, displayName: email, locale: defaultLocale, active: true }));
  return [...listed, ...holders].map((p) => {
    const actor = actorFor(p.email, assignments);
    const focalPointOf = actor.roles.includes('focalPoint') ? [...actor.missions] : [];
    // The first mission a focal point answers for is their home mission (time zone, picker).
    const missionId = focalPointOf[0];
    const timeZone = missionId ? missionTimeZones?.get(missionId) : undefined;
    return {
      ...p,
      focalPointOf,
      officer: actor.roles.includes('officer'),
      ...(missionId ? { missionId } : {}),
      ...(timeZone ? { timeZone } : {}),
    } satisfies BotPerson;
  });
};

export async function loadGovernancePeople(options: GovernancePeopleOptions): Promise<BotPerson[]> {
  const [assignments, users] = await Promise.all([
    readRoleAssignments(options.client, options.siteId),
    createSiteUserDirectory(options.client, options.siteId).users(),
  ]);
  const locale = options.defaultLocale ?? 'en';
  const seen = new Set<string>();
  const listed: Listed[] = users.flatMap((u) => {
    if (!u.email || seen.has(u.email)) return [];
    seen.add(u.email);
    return [{ email: u.email, displayName: u.displayName || u.email, locale, active: true }];
  });
  return joinPeopleWithRoles(listed, assignments, options.missionTimeZones, locale);
}
