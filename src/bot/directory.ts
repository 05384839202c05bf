// Where the bot's people come from, in both modes: a person list (directory `/users`, which carries the
// Entra object id that Teams clicks are matched by, or else the site's User Information List) joined
// with the GovernanceRoles list (focal points and their missions, officers). Nothing embedded-only.
import type { User } from '@microsoft/microsoft-graph-types';
import { focalPointMissions, officerEmails } from '../domain/roles';
import type { RoleAssignment } from '../domain/roles';
import type { Locale } from '../domain/schema';
import { createSiteUserDirectory, GraphError, listUsers, readRoleAssignments } from '../graph';
import type { GraphClient } from '../graph';
import type { BotLogger } from './logger';
import { noopBotLogger } from './logger';
import type { BotPerson } from './people';

export interface GovernancePeopleOptions {
  /** Reads the governance site (the bot's Sites.Selected grant suffices). */
  readonly client: GraphClient;
  readonly siteId: string;
  /**
   * Reads `/users` (application User.Read.All in a tenant); defaults to `client`. When it is refused
   * (403, no consent), the site's User Information List is used instead: roles still work, but clicks
   * cannot be matched to a person (that list has no Entra object ids).
   */
  readonly directoryClient?: GraphClient;
  readonly missionTimeZones?: ReadonlyMap<string, string>;
  readonly logger?: BotLogger;
}

const localeOf = (language: string | null | undefined): Locale => {
  const lang = (language ?? '').slice(0, 2).toLowerCase();
  return lang === 'fr' || lang === 'es' || lang === 'ar' ? lang : 'en';
};

interface Listed {
  readonly email: string;
  readonly displayName: string;
  readonly locale: Locale;
  readonly userId?: string;
  readonly active: boolean;
}

const fromUsers = (users: readonly User[]): Listed[] =>
  users.flatMap((u) => {
    const email = (u.mail ?? u.userPrincipalName ?? '').toLowerCase();
    if (!email) return [];
    return [
      {
        email,
        displayName: u.displayName ?? email,
        locale: localeOf(u.preferredLanguage),
        ...(u.id ? { userId: u.id } : {}),
        active: u.accountEnabled !== false,
      },
    ];
  });

/** People joined with their roles (pure; exported for tests). */
export const joinPeopleWithRoles = (
  listed: readonly Listed[],
  assignments: readonly RoleAssignment[],
  missionTimeZones?: ReadonlyMap<string, string>,
): BotPerson[] => {
  const missions = focalPointMissions(assignments);
  const officers = officerEmails(assignments);
  return listed.map((p) => {
    const focalPointOf = missions.get(p.email) ?? [];
    // The first mission a focal point answers for is their home mission (time zone, picker).
    const missionId = focalPointOf[0];
    const timeZone = missionId ? missionTimeZones?.get(missionId) : undefined;
    return {
      ...p,
      focalPointOf,
      officer: officers.has(p.email),
      ...(missionId ? { missionId } : {}),
      ...(timeZone ? { timeZone } : {}),
    } satisfies BotPerson;
  });
};

export async function loadGovernancePeople(options: GovernancePeopleOptions): Promise<BotPerson[]> {
  const logger = options.logger ?? noopBotLogger;
  const assignments = await readRoleAssignments(options.client, options.siteId);
  let listed: Listed[];
  try {
    listed = fromUsers(await listUsers(options.directoryClient ?? options.client));
  } catch (error) {
    if (!(error instanceof GraphError) || (error.status !== 403 && error.status !== 401)) throw error;
    logger.warn('bot: /users refused; people from the site list, clicks cannot be matched to a person', {
      status: error.status,
    });
    const users = await createSiteUserDirectory(options.client, options.siteId).users();
    listed = users
      .filter((u) => u.email !== '')
      .map((u) => ({ email: u.email, displayName: u.displayName || u.email, locale: 'en', active: true }));
  }
  return joinPeopleWithRoles(listed, assignments, options.missionTimeZones);
}
