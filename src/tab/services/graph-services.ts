// TabServices over src/graph: the signed-in person's Graph session (src/client: one client, the site, one
// repository per register), shared with the governance views. The tab never builds a Graph URL; everything here
// is a call into src/graph.
import { loadActorSource } from '../../client/actor';
import { createGraphSession } from '../../client/graph-session';
import { isConflictError, searchUsers, type GraphLogger, type RegisterRepository } from '../../graph';
import { can } from '../../domain/roles';
import { REGISTERS } from '../../domain/registers';
import type { DomainRecord, RegisterId } from '../../domain/schema/types';
import type { AuthProvider, SignedInUser } from '../../client/auth';
import type { RuntimeConfig } from '../../client/runtime-config';
import type { Person, RecordOption, RetryNotice, TabRecord, TabServices } from './tab-services';

export interface GraphTabServicesOptions {
  readonly config: RuntimeConfig;
  readonly auth: AuthProvider;
  readonly user: SignedInUser;
}

const ALL_REGISTERS: readonly RegisterId[] = ['dataInventory', 'aiRegistry', 'riskRegister'];
/** "My records": the registers where a person is named custodian. */
const CUSTODIAN_REGISTERS: readonly RegisterId[] = ['dataInventory', 'aiRegistry'];
const PAGE_SIZE = 500;
/** How many items a lookup search offers. */
const LOOKUP_RESULTS = 10;
/**
 * Page size of a lookup search. src/graph's list follows every page, so a broad prefix on a big list costs one
 * request per 100 matches; one page covers the usual case.
 */
const LOOKUP_PAGE = 100;

const withId = (register: RegisterId, record: TabRecord['record'] | { id?: string }): TabRecord =>
  ({ register, record: { ...record, id: String(record.id ?? '') } }) as TabRecord;

export const createGraphTabServices = async ({
  config,
  auth,
  user,
}: GraphTabServicesOptions): Promise<TabServices> => {
  const retryListeners = new Set<(notice: RetryNotice) => void>();
  const logger: GraphLogger = {
    debug: () => undefined,
    warn: (message, context) => {
      if (message !== 'graph retrying' || !context) return;
      const status = Number(context.status);
      const retryAfterSeconds = Number(context.retryAfter ?? 0) || 1;
      const notice: RetryNotice = { status, retryAfterSeconds, at: Date.now() };
      retryListeners.forEach((listener) => listener(notice));
    },
  };
  const session = createGraphSession({
    config,
    getToken: () => auth.getToken(),
    logger,
    retry: { maxRetries: 4, maxDelaySeconds: 30 },
  });
  const { client } = session;
  // Read the site and the person's roles now (GovernanceRoles, with the person's own token, the same in both
  // modes), so a wrong configuration shows before the first view.
  const [people, roles] = await Promise.all([session.people(), loadActorSource(session, user)]);
  const repository = (register: RegisterId): Promise<RegisterRepository> =>
    session.repository(REGISTERS[register]);

  // Officer and focal-point roles; custodianship is per record (actorFor below, canEdit).
  const actor = roles.actor();
  const directory = new Map<string, Person>();
  /** Lookup titles by register, then id: filled by searches, reads and resolveTitles. */
  const titles = new Map<RegisterId, Map<string, string>>();
  const titlesOf = (register: RegisterId): Map<string, string> => {
    let map = titles.get(register);
    if (!map) titles.set(register, (map = new Map()));
    return map;
  };
  const optionOf = (register: RegisterId, record: DomainRecord): RecordOption | undefined => {
    const id = String(record.id ?? '');
    if (id === '') return undefined;
    const title = typeof record.values.Title === 'string' && record.values.Title ? record.values.Title : id;
    titlesOf(register).set(id, title);
    return { id, title };
  };

  return {
    me: user,
    session,
    actor,
    assignments: roles.assignments,
    actorFor: (record) => roles.actor(record ? [record] : undefined),
    isOfficer: actor.roles.includes('officer'),

    async listMine() {
      const lists = await Promise.all(
        CUSTODIAN_REGISTERS.map(async (register) => {
          const schema = REGISTERS[register];
          const records = await (
            await repository(register)
          ).list({ filter: [{ field: schema.custodianField, op: 'eq', value: user.upn }], top: PAGE_SIZE });
          return records.map((record) => withId(register, record));
        }),
      );
      return lists.flat();
    },

    async listAll(onProgress) {
      const loaded = new Map<RegisterId, number>();
      const report = (): void => onProgress?.({ loaded: [...loaded.values()].reduce((a, b) => a + b, 0) });
      const lists = await Promise.all(
        ALL_REGISTERS.map(async (register) => {
          const records = await (
            await repository(register)
          ).list({
            top: PAGE_SIZE,
            onProgress: (progress) => {
              loaded.set(register, progress.total);
              report();
            },
          });
          return records.map((record) => withId(register, record));
        }),
      );
      return lists.flat();
    },

    async getRecord(ref) {
      return withId(ref.register, await (await repository(ref.register)).get(ref.id));
    },

    async saveRecord(ref, changes, eTag) {
      try {
        return withId(ref.register, await (await repository(ref.register)).update(ref.id, changes, eTag));
      } catch (error) {
        // Hand the conflict dialog the server's record in the tab's own shape.
        if (isConflictError(error) && error.current) {
          throw error.withCurrent(withId(ref.register, error.current as TabRecord['record']));
        }
        throw error;
      }
    },

    async confirmRecords(items, today) {
      const byRegister = new Map<RegisterId, (typeof items)[number][]>();
      for (const item of items)
        byRegister.set(item.ref.register, [...(byRegister.get(item.ref.register) ?? []), item]);
      const outcomes = await Promise.all(
        [...byRegister].map(async ([register, group]) => {
          const schema = REGISTERS[register];
          const changes = {
            [schema.lastReviewedField]: today,
            ...(schema.lastReviewedByField ? { [schema.lastReviewedByField]: user.upn } : {}),
          };
          const results = await (
            await repository(register)
          ).applyBatch(
            group.map((item) => ({
              key: item.ref.id,
              kind: 'update',
              id: item.ref.id,
              eTag: item.eTag,
              changes,
            })),
          );
          return results.map((result, i) => {
            const ref = (group[i] as (typeof items)[number]).ref;
            return result.status === 'saved' && result.record
              ? { ref, ok: true, updated: withId(register, { ...result.record, id: ref.id }) }
              : {
                  ref,
                  ok: result.status === 'saved',
                  error: result.status === 'saved' ? undefined : result.error,
                };
          });
        }),
      );
      return outcomes.flat();
    },

    async history(ref) {
      const versions = await (await repository(ref.register)).versions(ref.id);
      return versions.map((v) => ({
        version: v.version,
        modifiedAt: v.modifiedAt ?? '',
        modifiedBy: v.modifiedBy,
        modifiedByName: v.modifiedByName,
        changedFields: v.changedFields,
        values: v.values,
      }));
    },

    async searchPeople(query) {
      const users = await searchUsers(client, query.trim(), 8);
      return users
        .map((u) => ({
          email: String(u.mail ?? u.userPrincipalName ?? '').toLowerCase(),
          displayName: u.displayName ?? String(u.mail ?? ''),
          jobTitle: u.jobTitle ?? undefined,
        }))
        .filter((p) => p.email !== '')
        .map((p) => {
          directory.set(p.email, p);
          return p;
        });
    },

    async resolvePeople(emails) {
      const missing = emails.filter((e) => !directory.has(e));
      if (missing.length > 0) {
        for (const u of await people.users()) {
          if (u.email && !directory.has(u.email))
            directory.set(u.email, { email: u.email, displayName: u.displayName });
        }
      }
      return new Map(
        emails.flatMap((e) => (directory.has(e) ? [[e, directory.get(e) as Person] as const] : [])),
      );
    },

    async searchRecords(register, query) {
      const text = query.trim();
      if (text === '') return [];
      // Title is indexed; src/graph quotes the literal (startswith(fields/Title,'O''Brien')).
      const records = await (
        await repository(register)
      ).list({ filter: [{ field: 'Title', op: 'startsWith', value: text }], top: LOOKUP_PAGE });
      return records
        .map((record) => optionOf(register, record))
        .filter((option): option is RecordOption => option !== undefined)
        .sort((a, b) => a.title.localeCompare(b.title))
        .slice(0, LOOKUP_RESULTS);
    },

    async resolveTitles(register, ids) {
      const known = titlesOf(register);
      const missing = [...new Set(ids)].filter((id) => id !== '' && !known.has(id));
      if (missing.length > 0) {
        const repo = await repository(register);
        // One GET per unknown id: a record has a handful of lookups; a deleted or hidden item is left out.
        await Promise.all(
          missing.map((id) =>
            repo.get(id).then(
              (record) => optionOf(register, { ...record, id: record.id ?? id }),
              () => undefined,
            ),
          ),
        );
      }
      return new Map(ids.flatMap((id) => (known.has(id) ? [[id, known.get(id) as string] as const] : [])));
    },

    canEdit(entry) {
      return can(roles.actor([entry.record]), 'update', REGISTERS[entry.register], entry.record).allowed;
    },

    onRetry(listener) {
      retryListeners.add(listener);
      return () => retryListeners.delete(listener);
    },
  };
};
