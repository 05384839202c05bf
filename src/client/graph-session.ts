// One Graph session per signed-in person: one Graph client, the governance site's id, the site's people
// directory and one repository per list, shared by every view of a front end (the tab's records views and its
// governance views; the task pane's registers). Everything is a call into src/graph: no URL is built here.
import {
  createGraphClient,
  createRegisterRepository,
  findList,
  getSiteByPath,
  siteUserDirectory,
  type FetchLike,
  type GraphClient,
  type GraphLogger,
  type RegisterRepository,
  type RepositorySchema,
  type RetryOptions,
  type SiteUserDirectory,
} from '../graph';
import type { RuntimeConfig } from './runtime-config';

export interface GraphSession {
  readonly client: GraphClient;
  /** The governance site's id (read once; a failure is retried on the next call). */
  siteId(): Promise<string>;
  /** The site's people (User Information List), cached by src/graph. */
  people(): Promise<SiteUserDirectory>;
  /**
   * The repository of a register or governance list, one per list name. Rejects with an Error whose `status`
   * is 404 when the list does not exist on the site (a failure is retried on the next call).
   */
  repository(schema: RepositorySchema): Promise<RegisterRepository>;
}

export interface GraphSessionOptions {
  readonly config: Pick<RuntimeConfig, 'graphBaseUrl' | 'siteHostname' | 'sitePath'>;
  /** The signed-in person's token (AuthProvider.getToken). */
  readonly getToken: () => Promise<string>;
  /** @defaultvalue src/graph's no-op logger */
  readonly logger?: GraphLogger;
  /** @defaultvalue src/graph's retry defaults */
  readonly retry?: Partial<RetryOptions>;
  /** @defaultvalue the global fetch */
  readonly fetchImpl?: FetchLike;
}

/** Builds the session; nothing is sent until the first call. */
export const createGraphSession = ({
  config,
  getToken,
  logger,
  retry,
  fetchImpl,
}: GraphSessionOptions): GraphSession => {
  const client = createGraphClient({ baseUrl: config.graphBaseUrl, getToken, logger, retry, fetchImpl });

  let site: Promise<string> | undefined;
  const siteId = (): Promise<string> => {
    if (!site) {
      const pending = getSiteByPath(client, config.siteHostname, config.sitePath).then((s) => String(s.id));
      pending.catch(() => {
        if (site === pending) site = undefined;
      });
      site = pending;
    }
    return site;
  };

  const repositories = new Map<string, Promise<RegisterRepository>>();
  const repository = (schema: RepositorySchema): Promise<RegisterRepository> => {
    let repo = repositories.get(schema.listName);
    if (!repo) {
      repo = siteId().then(async (id) => {
        const list = await findList(client, id, schema.listName);
        if (!list?.id)
          throw Object.assign(new Error(`The ${schema.listName} list does not exist`), { status: 404 });
        return createRegisterRepository({
          client,
          siteId: id,
          listId: String(list.id),
          schema,
          people: siteUserDirectory(client, id),
        });
      });
      repo.catch(() => repositories.delete(schema.listName));
      repositories.set(schema.listName, repo);
    }
    return repo;
  };

  return {
    client,
    siteId,
    people: async () => siteUserDirectory(client, await siteId()),
    repository,
  };
};
