// The reminder bot: a Teams SDK App with typed routes (install, conversation update, message commands,
// Universal Action clicks, typeahead search), the reminder run and its schedule. Everything outside
// (registers, people, ledger, queue, links) is injected; only cli/ wires real instances.
import { Cron } from 'croner';
import { App } from '@microsoft/teams.apps';
import type { Activity, SearchInvokeResponse } from '@microsoft/teams.api';
import type { RegisterId, RegisterSchema } from '../domain/schema';
import { choiceValuesOf } from '../domain/validation';
import type { RegisterRepository } from '../graph';
import { handleCardAction } from './actions/card-actions';
import { buildDigestCard, cardActionSchema, COMMANDS, PEOPLE_DATASET, tr } from './cards';
import type { CardContext } from './cards';
import { loadPlannerRecords } from './data';
import { NodeHttpAdapter } from './http-adapter';
import type { RunLedger } from './ledger';
import { toTeamsLogger, noopBotLogger } from './logger';
import type { BotLogger } from './logger';
import { indexPeople } from './people';
import type { BotPerson, PeopleIndex } from './people';
import { cachedMemberLookup, connectorMemberLookup, localeFromTeams } from './members';
import type { MemberLookup } from './members';
import { digestSize, localTime, planDigests } from './planner';
import type { Digest, PlannerRecord, ReminderPolicy } from './planner';
import type { SendQueue } from './queue';
import { planRun, runReminders } from './sending/reminder-run';
import type { ReminderRunOptions, RunSummary } from './sending/reminder-run';
import { teamsTransport } from './sending/transport';
import type { ProactiveTransport } from './sending/transport';
import type { AppInstaller } from './install/app-installer';
import { plainText } from './cards/text';
import { createOutcomePublisher } from './reporting/outcome-publisher';
import type { OutcomesTarget } from './reporting/outcome-publisher';

export interface TeamsOptions {
  /** The bot's app id; with `token`, enables proactive sends without Azure credentials. */
  readonly clientId?: string;
  readonly clientSecret?: string;
  /** The user-assigned managed identity's client id (= clientId) when the bot has no secret. */
  readonly managedIdentityClientId?: string;
  readonly tenantId?: string;
  /** Returns a bot token (embedded mode: a local, unsigned JWT). Never logged. */
  readonly token?: () => string | Promise<string>;
  /** Connector base URL for proactive messages (the local connector in the embedded mode). */
  readonly serviceUrl?: string;
  /** Embedded mode only: accept activities without a Bot Framework token. */
  readonly allowUnauthenticated?: boolean;
  /** Embedded mode only: the local connector can say whether a digest arrived (exactly-once after a crash). */
  readonly deliveryLookup?: boolean;
}

export interface ReminderBotOptions {
  readonly repositories: Readonly<Record<RegisterId, RegisterRepository>>;
  readonly schemas: Readonly<Record<RegisterId, RegisterSchema>>;
  readonly loadPeople: () => Promise<readonly BotPerson[]>;
  readonly ledger: RunLedger;
  readonly queue: SendQueue;
  readonly policy: ReminderPolicy;
  /** Deep link that opens a record in the tab. */
  readonly openUrl: (register: RegisterId, id: string) => string;
  readonly missionTimeZones?: ReadonlyMap<string, string>;
  readonly teams: TeamsOptions;
  readonly logger?: BotLogger;
  readonly now?: () => Date;
  /** Person pickers with a Data.Query dataset (Teams); static lists only otherwise. @defaultvalue true */
  readonly dynamicTypeahead?: boolean;
  readonly runOptions?: ReminderRunOptions;
  /**
   * Who an activity's sender is (e-mail), asked of the connector that sent it:
   * `GET {serviceUrl}/v3/conversations/{id}/members/{memberId}`. Defaults to the Teams SDK's members API.
   */
  readonly memberLookup?: MemberLookup;
  /** Replaces the Teams transport (tests, benches). */
  readonly transport?: ProactiveTransport;
  /**
   * Proactive installation: installs the bot's Teams app (through Graph) for people with something due who have
   * no conversation with it yet. Absent: only people who installed the app (or got it from an admin's setup
   * policy) are reached.
   */
  readonly installer?: AppInstaller;
  /**
   * The governance site's ReminderOutcomes list (or the site to find it on): each run and each click
   * publishes per-recipient outcomes there for the scorecard's reminder report. Absent: not published.
   */
  readonly outcomes?: OutcomesTarget;
}

export interface ReminderBot {
  readonly app: App;
  readonly adapter: NodeHttpAdapter;
  readonly transport: ProactiveTransport;
  /** Starts the HTTP endpoint (POST /api/messages); returns its base URL. */
  listen(port: number, host?: string): Promise<string>;
  stop(): Promise<void>;
  runNow(options?: ReminderRunOptions): Promise<RunSummary>;
  planNow(): ReturnType<typeof planRun>;
  /** Resolves when outcome publishes started by clicks are done. */
  outcomesIdle(): Promise<void>;
  /**
   * Runs on a cron pattern in the policy's time zone (REMINDER_SCHEDULE, hourly: every person is planned at
   * their own local send time); returns a stop function. `runAtStart` also runs once at once: the catch-up
   * of a run missed while the process was down, or interrupted (the ledger resumes its unsent digests).
   */
  schedule(
    pattern: string,
    onResult?: (summary: RunSummary | Error) => void,
    options?: { readonly runAtStart?: boolean },
  ): () => void;
}

/**
 * Every hour on the hour. A person is planned by the first run at or after the policy's send time in their own
 * zone, so zones with a half-hour or 45-minute offset (Kathmandu, India) get theirs within the hour after it.
 */
export const REMINDER_SCHEDULE = '0 * * * *';

const COMMAND_OF = new Map<string, 'status' | 'help'>(
  (Object.entries(COMMANDS) as ['status' | 'help', readonly string[]][]).flatMap(([cmd, words]) =>
    words.map((w) => [w, cmd] as [string, 'status' | 'help']),
  ),
);

export const createReminderBot = (options: ReminderBotOptions): ReminderBot => {
  const logger = options.logger ?? noopBotLogger;
  const now = options.now ?? (() => new Date());
  const { ledger, policy } = options;
  const adapter = new NodeHttpAdapter();
  const app = new App({
    clientId: options.teams.clientId,
    clientSecret: options.teams.clientSecret,
    ...(options.teams.managedIdentityClientId
      ? { managedIdentityClientId: options.teams.managedIdentityClientId }
      : {}),
    tenantId: options.teams.tenantId,
    token: options.teams.token ? async () => (await options.teams.token?.()) ?? '' : undefined,
    serviceUrl: options.teams.serviceUrl,
    dangerouslyAllowUnauthenticatedRequests: options.teams.allowUnauthenticated === true,
    httpServerAdapter: adapter,
    logger: toTeamsLogger(logger),
  });
  const transport =
    options.transport ??
    teamsTransport(app, {
      tenantId: options.teams.tenantId,
      deliveryLookup: options.teams.deliveryLookup === true,
    });

  const memberOf = cachedMemberLookup(options.memberLookup ?? connectorMemberLookup(app));

  // People change rarely; a short cache keeps clicks fast. Each person gets what Teams told the bot about
  // them (stored with their conversation reference): their Entra object id and their client's language.
  let peopleCache: { at: number; index: PeopleIndex } | undefined;
  const people = async (): Promise<PeopleIndex> => {
    if (peopleCache && Date.now() - peopleCache.at < 30_000) return peopleCache.index;
    const index = indexPeople(
      (await options.loadPeople()).map((person) => {
        const ref = ledger.conversationFor({ email: person.email });
        if (!ref) return person;
        const userId = person.userId ?? ref.userId;
        return {
          ...person,
          locale: localeFromTeams(ref.locale) ?? person.locale,
          ...(userId ? { userId } : {}),
        };
      }),
    );
    peopleCache = { at: Date.now(), index };
    return index;
  };

  /**
   * The person behind an activity: the connector names the member (e-mail), the bot's people (the site's
   * users joined with GovernanceRoles) give their roles. Unknown to the connector: undefined.
   */
  /**
   * The connector to ask about an activity. An authenticated activity's serviceUrl is vouched for by its Bot
   * Framework token (the SDK checks the token's serviceurl claim); an unauthenticated one (embedded mode) could
   * name any server, which would then say who the sender is: only the configured local connector is asked.
   */
  const connectorOf = (activity: Activity): string =>
    options.teams.allowUnauthenticated === true
      ? (options.teams.serviceUrl ?? '')
      : (activity.serviceUrl ?? options.teams.serviceUrl ?? '');

  const senderOf = async (activity: Activity): Promise<BotPerson | undefined> => {
    const conversationId = activity.conversation?.id;
    const memberId = activity.from?.id || activity.from?.aadObjectId;
    if (!conversationId || !memberId) return undefined;
    let member;
    try {
      member = await memberOf({
        serviceUrl: connectorOf(activity),
        conversationId,
        memberId,
      });
    } catch (error) {
      logger.warn('bot: conversation member lookup failed', { error: (error as Error).message });
      return undefined;
    }
    if (!member) return undefined;
    const known = (await people()).byEmail(member.email);
    const locale = localeFromTeams(activity.locale) ?? known?.locale ?? policy.defaultLocale;
    // Someone the site does not list yet is still themselves: a custodian by their records, nothing more.
    return known
      ? { ...known, locale }
      : {
          email: member.email,
          displayName: member.displayName,
          locale,
          focalPointOf: [],
          officer: false,
          active: true,
          ...(member.aadObjectId ? { userId: member.aadObjectId } : {}),
        };
  };

  const publisher = options.outcomes
    ? createOutcomePublisher({
        ledger,
        target: options.outcomes,
        missionOf: async (email) => (await people()).byEmail(email)?.missionId,
        logger,
      })
    : undefined;

  const cardContext = (index: PeopleIndex): CardContext => ({
    schemaOf: (register) => options.schemas[register],
    openUrl: options.openUrl,
    reassignChoices: (mission) =>
      index.ofMission(mission).map((p) => ({ title: p.displayName, value: p.email })),
    displayNameOf: (email) => index.byEmail(email)?.displayName ?? email,
    snoozeDays: policy.snoozeDays,
    maxItemsPerCard: policy.maxItemsPerCard,
    dynamicTypeahead: options.dynamicTypeahead ?? true,
    choicesOf: (field) => choiceValuesOf(field),
    // Resolved when a card is built (sent or refreshed): the locale Teams last reported for the person.
    localeOf: (email) => localeFromTeams(ledger.conversationFor({ email })?.locale),
  });

  const loadInputs = async () => {
    const [records, index] = await Promise.all([
      loadPlannerRecords(options.repositories, options.schemas, policy),
      people(),
    ]);
    return { records, people: index.all };
  };

  let cachedIndexForRender: PeopleIndex | undefined;
  const runDeps = () => ({
    ledger,
    queue: options.queue,
    transport,
    policy,
    loadInputs: async () => {
      const inputs = await loadInputs();
      cachedIndexForRender = await people();
      return inputs;
    },
    missionTimeZones: options.missionTimeZones,
    renderDigest: (row: { cardId: string; digest: Digest }) => {
      const index = cachedIndexForRender ?? indexPeople([]);
      const context = cardContext(index);
      const card = buildDigestCard(
        { cardId: row.cardId, digest: row.digest, outcomes: ledger.outcomes(row.cardId) },
        context,
      );
      // The language is the one Teams reports for the person now, not the one known when the digest was planned.
      const summary = tr(context.localeOf?.(row.digest.recipient) ?? row.digest.locale, 'greeting', {
        name: row.digest.displayName,
        count: digestSize(row.digest),
      });
      return { card, summary };
    },
    ...(options.installer
      ? {
          reach: {
            installer: options.installer,
            serviceUrl: options.teams.serviceUrl ?? app.api.serviceUrl,
            ...(options.teams.clientId ? { botId: options.teams.clientId } : {}),
          },
        }
      : {}),
    logger,
    now,
  });

  /**
   * Stores the conversation reference of a 1:1 chat so that proactive digests can reach the person, with
   * their e-mail (from the connector's member lookup) and the locale their Teams client sent.
   */
  const remember = async (activity: Activity): Promise<BotPerson | undefined> => {
    const sender = await senderOf(activity);
    const userId = activity.from?.aadObjectId ?? sender?.userId;
    if (!userId || activity.conversation?.conversationType !== 'personal') return sender;
    const before = ledger.conversationFor({ userId });
    const locale = activity.locale ?? undefined;
    ledger.saveConversation({
      userId,
      email: sender?.email,
      conversationId: activity.conversation.id,
      serviceUrl: connectorOf(activity),
      tenantId: activity.conversation.tenantId ?? options.teams.tenantId,
      botId: activity.recipient?.id,
      ...(locale ? { locale } : {}),
    });
    // A new reference or language shows in the next plan at once.
    if (!before || before.email !== sender?.email || (locale && before.locale !== locale))
      peopleCache = undefined;
    return sender;
  };

  app.on('install.add', async ({ activity, send }) => {
    const person = await remember(activity);
    // One welcome per conversation: reinstalling, or opening the chat again, says nothing new.
    if (!ledger.markWelcomed(activity.conversation.id)) return;
    await send(tr(localeFromTeams(activity.locale) ?? person?.locale ?? policy.defaultLocale, 'welcome'));
  });

  app.on('conversationUpdate', async ({ activity }) => {
    // Installing the app in personal scope adds the bot to the chat: that is when the reference is known.
    if (activity.membersAdded?.length) await remember(activity);
  });

  app.on('message', async ({ activity, send }) => {
    const person = await remember(activity);
    const index = await people();
    const locale = person?.locale ?? localeFromTeams(activity.locale) ?? policy.defaultLocale;
    const word = (activity.text ?? '')
      .replace(/<[^>]*>/g, '')
      .trim()
      .toLowerCase();
    const command = COMMAND_OF.get(word);
    if (command === 'help') {
      await send(tr(locale, 'help'));
      return;
    }
    if (command !== 'status') {
      await send(tr(locale, 'unknownCommand'));
      return;
    }
    if (!person) {
      await send(tr(locale, 'notInDirectory'));
      return;
    }
    const records: PlannerRecord[] = await loadPlannerRecords(options.repositories, options.schemas, policy);
    const mine = records.filter((r) => r.custodian === person.email);
    if (mine.length === 0) {
      await send(tr(locale, 'statusNone'));
      return;
    }
    const today = localTime(now(), policy.timeZone).date;
    const history = ledger.history();
    const snoozed = mine.filter((r) => {
      const until = history.get(r.key)?.snoozedUntil;
      return until !== undefined && until > today;
    }).length;
    const stale = mine.filter((r) => r.reviewDueOn === null || r.reviewDueOn <= today).length;
    const incomplete = mine.filter((r) => r.missingFields.length > 0).length;
    const fresh = mine.filter(
      (r) => r.reviewDueOn !== null && r.reviewDueOn > today && r.missingFields.length === 0,
    ).length;
    const snoozedLines = mine.flatMap((r) => {
      const until = history.get(r.key)?.snoozedUntil;
      return until !== undefined && until > today
        ? [tr(locale, 'statusSnoozedUntil', { title: plainText(r.title), date: until })]
        : [];
    });
    await send(
      [
        tr(locale, 'statusSummary', { total: mine.length, fresh, stale, incomplete, snoozed }),
        ...snoozedLines,
      ].join('\n'),
    );
    // The same card as a digest, for the records that need something now: snoozed records stay off it; no
    // cadence, no quiet hours.
    const snoozes = new Map(
      [...history].flatMap(([key, h]) =>
        h.snoozedUntil
          ? [
              [
                key,
                {
                  recordKey: key,
                  unanswered: h.unanswered,
                  snoozedUntil: h.snoozedUntil,
                  consecutiveSnoozes: h.consecutiveSnoozes,
                },
              ] as const,
            ]
          : [],
      ),
    );
    const plan = planDigests(
      { records: mine, people: [{ ...person, timeZone: 'UTC' }], history: snoozes, now: now() },
      { ...policy, quietDays: [], workingHours: { start: '00:00', end: '23:59' }, sendAt: '00:00' },
    );
    const digest = plan.digests[0];
    if (digest && digestSize(digest) > 0) {
      const personal: Digest = { ...digest, timeZone: person.timeZone ?? digest.timeZone };
      const cardId = ledger.saveAdHocCard(person.email, personal);
      const card = buildDigestCard({ cardId, digest: personal, outcomes: {} }, cardContext(index));
      await send({
        type: 'message',
        attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
      });
    }
  });

  app.on('card.action', async ({ activity }) => {
    const response = await handleCardAction(
      {
        ledger,
        repositories: options.repositories,
        schemas: options.schemas,
        people,
        cardContext,
        policy,
        now,
        logger,
        defaultLocale: localeFromTeams(activity.locale) ?? policy.defaultLocale,
      },
      { clicker: await senderOf(activity), data: activity.value.action.data },
    );
    // The report learns who acted; in the background, so the card answers at once.
    const parsed = cardActionSchema.safeParse(activity.value.action.data);
    if (publisher && parsed.success) void publisher.publishCard(parsed.data.card);
    return response;
  });

  // Dynamic typeahead for the person pickers (Input.ChoiceSet with a Data.Query dataset).
  app.on('card.search', async ({ activity }) => {
    const value = activity.value as { dataset?: string; queryText?: string; queryOptions?: { top?: number } };
    const results =
      value.dataset === PEOPLE_DATASET
        ? (await people())
            .search(value.queryText ?? '', Math.min(25, value.queryOptions?.top ?? 15))
            .map((p) => ({ title: p.displayName, value: p.email }))
        : [];
    return {
      statusCode: 200,
      type: 'application/vnd.microsoft.search.searchResponse',
      value: { results },
    } satisfies SearchInvokeResponse;
  });

  let running: Promise<RunSummary> | undefined;
  const runNow = (runOptions: ReminderRunOptions = {}) => {
    // One run at a time per process; across processes the ledger's lease decides.
    running ??= runReminders(runDeps(), { ...options.runOptions, ...runOptions })
      .then(async (summary) => {
        // A run that stood down publishes nothing: the worker holding the lease will.
        if (publisher && summary.outcome !== 'stoodDown') await publisher.publishRun(summary.runId);
        return summary;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };

  const jobs: Cron[] = [];
  return {
    app,
    adapter,
    transport,
    async listen(port, host = '127.0.0.1') {
      await app.initialize();
      return adapter.listen(port, host);
    },
    async stop() {
      for (const job of jobs) job.stop();
      await adapter.stop();
    },
    runNow,
    outcomesIdle: async () => {
      await publisher?.idle();
    },
    planNow: () => planRun(runDeps()),
    schedule(pattern, onResult, scheduleOptions = {}) {
      const tick = async () => {
        try {
          onResult?.(await runNow());
        } catch (error) {
          logger.error('scheduled reminder run failed', { error: (error as Error).message });
          onResult?.(error as Error);
        }
      };
      // protect: a run still going when the next hour starts is not started twice in this process.
      const job = new Cron(pattern, { timezone: policy.timeZone, protect: true }, tick);
      jobs.push(job);
      if (scheduleOptions.runAtStart) void tick();
      return () => job.stop();
    },
  };
};
