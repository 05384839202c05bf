// A person as the bot knows them: the planner's view plus the Entra object id that Teams activities carry.
import type { Actor, Role } from '../domain/roles';
import type { PlannerPerson } from './planner';

export interface BotPerson extends PlannerPerson {
  /** Entra object id (activity.from.aadObjectId); absent for people not in the directory. */
  readonly userId?: string;
}

/** The domain's view of the person, for `can(actor, action, schema, record)`. */
export const actorOf = (person: BotPerson): Actor => {
  const roles: Role[] = ['custodian'];
  if (person.focalPointOf.length > 0) roles.push('focalPoint');
  if (person.officer) roles.push('officer');
  return { email: person.email, roles, missions: person.focalPointOf };
};

export interface PeopleIndex {
  readonly all: readonly BotPerson[];
  byEmail(email: string): BotPerson | undefined;
  byUserId(userId: string): BotPerson | undefined;
  /** Active people of a mission (custodians, focal points), for the reassign picker. */
  ofMission(mission: string | null): readonly BotPerson[];
  search(text: string, limit: number): readonly BotPerson[];
}

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export const indexPeople = (people: readonly BotPerson[]): PeopleIndex => {
  const byEmail = new Map(people.map((p) => [p.email.toLowerCase(), p]));
  const byUserId = new Map(people.filter((p) => p.userId).map((p) => [p.userId as string, p]));
  const active = people.filter((p) => p.active);
  return {
    all: people,
    byEmail: (email) => byEmail.get(email.toLowerCase()),
    byUserId: (userId) => byUserId.get(userId),
    ofMission: (mission) =>
      active
        .filter((p) => mission !== null && (p.missionId === mission || p.focalPointOf.includes(mission)))
        .sort((a, b) => a.displayName.localeCompare(b.displayName)),
    search: (text, limit) => {
      const q = fold(text.trim());
      if (!q) return active.slice(0, limit);
      return active
        .filter(
          (p) =>
            fold(p.displayName)
              .split(/\s+/)
              .some((w) => w.startsWith(q)) ||
            fold(p.displayName).startsWith(q) ||
            p.email.startsWith(q),
        )
        .slice(0, limit);
    },
  };
};
