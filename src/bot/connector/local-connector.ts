// The embedded stand-in for the Bot Framework connector: receives what the bot sends
// (POST /v3/conversations/{id}/activities), opens 1:1 chats (POST /v3/conversations), names a chat's member
// (GET /v3/conversations/{id}/members/{memberId}: e-mail, UPN, object id, as Teams does), can throttle
// with 429 + Retry-After, and serves the local chat page, which posts the user's messages and card
// clicks back to the bot as the activities Teams would send.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CHAT_ASSETS,
  CHAT_CSP,
  chatFaviconSvg,
  chatPageCss,
  chatPageHtml,
  chatPageScript,
} from './chat-page';
import { isAllowedHost, readLimitedBody } from '../../web/guards';

export interface ConnectorUser {
  readonly userId: string;
  readonly displayName: string;
  readonly email: string;
  readonly locale?: string;
  readonly description?: string;
}

export interface StoredActivity {
  readonly id: string;
  readonly conversationId: string;
  readonly fromBot: boolean;
  readonly timestamp: string;
  activity: Record<string, unknown>;
}

export interface LocalConnectorOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. Settable later. */
  readonly botEndpoint?: string;
  readonly botId?: string;
  readonly tenantId?: string;
  /** People the chat page offers to sign in as. */
  readonly users?: () => Promise<readonly ConnectorUser[]>;
  readonly port?: number;
  readonly host?: string;
}

export interface LocalConnector {
  readonly url: string;
  setBotEndpoint(url: string): void;
  /** Answers the next `count` sends with 429 and `Retry-After: retryAfterSeconds`. */
  throttleNext(count: number, retryAfterSeconds: number): void;
  /** Answers the next `count` sends with this status (e.g. 403 for a removed app). */
  failNext(count: number, status: number): void;
  conversationOf(userId: string): string | undefined;
  activities(conversationId?: string): readonly StoredActivity[];
  /** Counts of 429s answered. */
  readonly stats: { throttled: number; received: number };
  /** Sends a message activity from the user to the bot, as Teams would. */
  userMessage(userId: string, text: string): Promise<void>;
  /** Simulates installing the app in personal scope (conversationUpdate + installationUpdate). */
  install(userId: string): Promise<string>;
  /** Posts an adaptiveCard/action invoke for a card in the chat and applies the refreshed card. */
  invoke(
    userId: string,
    activityId: string,
    action: { verb: string; data: Record<string, unknown> },
  ): Promise<InvokeResult>;
  close(): Promise<void>;
}

export interface InvokeResult {
  readonly status: number;
  readonly body: { statusCode?: number; type?: string; value?: unknown } | undefined;
}

const json = (
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
};

/**
 * What the bot may send, as Teams limits it: "The bot message size limit is 100 KB … If the bot message exceeds
 * the size limit, the bot receives a 413 status code (RequestEntityTooLarge), which contains the error code
 * MessageSizeTooBig" (learn.microsoft.com/microsoftteams/platform/bots/how-to/format-your-bot-messages).
 */
const MAX_ACTIVITY_BYTES = 100 * 1024;
/** The chat page's own API takes a message or a card click: a few KB. */
const MAX_CHAT_API_BYTES = 16 * 1024;

/** A request the connector refuses: answered with this status and Bot Framework's error shape. */
class Refused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The body as a JSON object; too large → 413, not JSON or not an object → 400 (never a 500). */
const readJson = async (req: http.IncomingMessage, limit: number): Promise<Record<string, unknown>> => {
  const raw = await readLimitedBody(req, limit);
  if (raw === undefined)
    throw new Refused(
      413,
      'MessageSizeTooBig',
      `The request content length exceeded limit of ${limit} bytes.`,
    );
  const text = raw.toString('utf8');
  if (!text) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Refused(400, 'BadSyntax', 'The body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Refused(400, 'BadArgument', 'The body must be a JSON object.');
  return value as Record<string, unknown>;
};

// The renderer's script and stylesheet, read once from node_modules (never from a CDN).
const vendored = new Map<string, string>();
const vendor = (file: string): string => {
  let text = vendored.get(file);
  if (text === undefined) {
    text = readFileSync(require.resolve(`adaptivecards/dist/${file}`), 'utf8');
    vendored.set(file, text);
  }
  return text;
};

/** The chat page and its assets: path -> content type and body. */
const CHAT_FILES: ReadonlyMap<string, { type: string; body: () => string }> = new Map([
  ['/chat', { type: 'text/html', body: () => chatPageHtml }],
  [CHAT_ASSETS.html, { type: 'text/html', body: () => chatPageHtml }],
  [CHAT_ASSETS.css, { type: 'text/css', body: () => chatPageCss }],
  [CHAT_ASSETS.js, { type: 'text/javascript', body: () => chatPageScript }],
  [CHAT_ASSETS.icon, { type: 'image/svg+xml', body: () => chatFaviconSvg }],
  [CHAT_ASSETS.adaptiveCardsJs, { type: 'text/javascript', body: () => vendor('adaptivecards.min.js') }],
  [CHAT_ASSETS.adaptiveCardsCss, { type: 'text/css', body: () => vendor('adaptivecards.css') }],
]);

export const startLocalConnector = async (options: LocalConnectorOptions = {}): Promise<LocalConnector> => {
  let botEndpoint = options.botEndpoint ?? '';
  const botId = options.botId ?? 'governance-hub-bot';
  const tenantId = options.tenantId ?? 'local-tenant';
  const conversations = new Map<string, string>(); // userId -> conversationId
  const members = new Map<string, string>(); // conversationId -> userId
  const store: StoredActivity[] = [];
  const stats = { throttled: 0, received: 0 };
  let throttle = { count: 0, retryAfter: 1 };
  let failures = { count: 0, status: 500 };
  let url = '';

  const conversationFor = (userId: string): string => {
    let id = conversations.get(userId);
    if (!id) {
      id = `a:${randomUUID()}`;
      conversations.set(userId, id);
      members.set(id, userId);
    }
    return id;
  };

  /**
   * The chat a send goes to. Teams creates a person's 1:1 chat with the bot when the app is installed for them
   * (Graph proactive installation: localgraph answers its id, `19:{botId}_{userId}@unq.gbl.spaces`), so a send to
   * such an id for a directory user is accepted; it lands in that person's one chat (an existing one if they
   * opened the chat page first). Unknown ids stay 404.
   */
  const resolveConversation = async (conversationId: string): Promise<string | undefined> => {
    if (members.has(conversationId))
      return conversations.get(members.get(conversationId) ?? '') ?? conversationId;
    if (conversationId.startsWith('a:')) return conversationId;
    const m = /^19:([^_]+)_(.+)@unq\.gbl\.spaces$/.exec(conversationId);
    if (!m || m[1] !== botId) return undefined;
    const userId = m[2] ?? '';
    if (!(await options.users?.())?.some((u) => u.userId === userId)) return undefined;
    members.set(conversationId, userId);
    if (!conversations.has(userId)) {
      conversations.set(userId, conversationId);
      return conversationId;
    }
    return conversations.get(userId);
  };

  const userAccount = async (userId: string) => {
    const user = (await options.users?.())?.find((u) => u.userId === userId);
    return {
      id: `29:${userId}`,
      aadObjectId: userId,
      name: user?.displayName ?? userId,
      locale: user?.locale,
    };
  };

  const toBot = async (activity: Record<string, unknown>): Promise<InvokeResult> => {
    if (!botEndpoint) throw new Error('local connector: no bot endpoint');
    const response = await fetch(botEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as InvokeResult['body']) : undefined };
  };

  const baseActivity = async (userId: string, type: string) => {
    const from = await userAccount(userId);
    return {
      id: randomUUID(),
      type,
      channelId: 'msteams',
      serviceUrl: url,
      timestamp: new Date().toISOString(),
      locale: from.locale ?? 'en-US',
      from,
      recipient: { id: botId, name: 'Governance Hub' },
      conversation: { id: conversationFor(userId), conversationType: 'personal', tenantId },
      channelData: { tenant: { id: tenantId } },
    };
  };

  const record = (
    conversationId: string,
    fromBot: boolean,
    activity: Record<string, unknown>,
  ): StoredActivity => {
    const stored: StoredActivity = {
      id: typeof activity.id === 'string' && !fromBot ? activity.id : `act-${store.length + 1}`,
      conversationId,
      fromBot,
      timestamp: new Date().toISOString(),
      activity,
    };
    store.push(stored);
    return stored;
  };

  const connector: Omit<LocalConnector, 'url'> = {
    setBotEndpoint: (endpoint) => {
      botEndpoint = endpoint;
    },
    throttleNext: (count, retryAfterSeconds) => {
      throttle = { count, retryAfter: retryAfterSeconds };
    },
    failNext: (count, status) => {
      failures = { count, status };
    },
    conversationOf: (userId) => conversations.get(userId),
    activities: (conversationId) =>
      store.filter((a) => !conversationId || a.conversationId === conversationId),
    stats,
    async userMessage(userId, text) {
      const activity = { ...(await baseActivity(userId, 'message')), text, textFormat: 'plain' };
      record(activity.conversation.id, false, activity);
      await toBot(activity);
    },
    async install(userId) {
      const base = await baseActivity(userId, 'conversationUpdate');
      await toBot({ ...base, membersAdded: [{ id: botId }] });
      await toBot({ ...(await baseActivity(userId, 'installationUpdate')), action: 'add' });
      return base.conversation.id;
    },
    async invoke(userId, activityId, action) {
      const activity = {
        ...(await baseActivity(userId, 'invoke')),
        name: 'adaptiveCard/action',
        replyToId: activityId,
        value: {
          action: { type: 'Action.Execute', verb: action.verb, data: action.data },
          trigger: 'manual',
        },
      };
      const result = await toBot(activity);
      const value = result.body?.value;
      // Like Teams: a card in the invoke response replaces the card in the chat.
      if (result.body?.type === 'application/vnd.microsoft.card.adaptive' && value) {
        const target = store.find((a) => a.id === activityId);
        if (target)
          target.activity = {
            ...target.activity,
            attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: value }],
          };
      }
      return result;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const route = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    // Loopback names only: the chat page and the connector routes act as any demo person (no sign-in), so a page
    // on another name resolving to 127.0.0.1 (DNS rebinding) must not reach them.
    if (!isAllowedHost(req.headers.host))
      throw new Refused(421, 'MisdirectedRequest', 'This connector answers localhost only.');
    const u = new URL(req.url ?? '/', 'http://local');
    const parts = u.pathname
      .split('/')
      .filter(Boolean)
      .map((part) => {
        try {
          return decodeURIComponent(part);
        } catch {
          throw new Refused(400, 'BadArgument', 'The path is not valid percent-encoding.');
        }
      });
    const method = req.method ?? 'GET';

    // --- Bot Framework connector routes (what the Teams SDK calls) ---
    if (method === 'POST' && parts[0] === 'v3' && parts[1] === 'conversations' && parts.length === 2) {
      const body = await readJson(req, MAX_ACTIVITY_BYTES);
      const member = Array.isArray(body.members)
        ? (body.members[0] as { id?: string; aadObjectId?: string })
        : undefined;
      const userId = member?.aadObjectId ?? member?.id?.replace(/^29:/, '');
      if (!userId)
        return json(res, 400, { error: { code: 'BadArgument', message: 'members[0] is required' } });
      return json(res, 201, { id: conversationFor(userId), serviceUrl: url });
    }
    // GET .../members/{memberId} (and .../members): who is in a 1:1 chat, as Teams answers it (TeamsChannelAccount
    // with email, userPrincipalName, aadObjectId). The member id is `29:{oid}` (activity.from.id) or the object id.
    if (
      method === 'GET' &&
      parts[0] === 'v3' &&
      parts[1] === 'conversations' &&
      parts[2] &&
      parts[3] === 'members'
    ) {
      const userId = members.get(parts[2]);
      const user = userId ? (await options.users?.())?.find((x) => x.userId === userId) : undefined;
      const account = user && {
        id: `29:${user.userId}`,
        name: user.displayName,
        aadObjectId: user.userId,
        email: user.email,
        userPrincipalName: user.email,
        tenantId,
        userRole: 'user',
      };
      if (parts.length === 4)
        return json(
          res,
          account ? 200 : 404,
          account
            ? [account]
            : { error: { code: 'ConversationNotFound', message: 'Conversation not found' } },
        );
      const asked = parts[4]?.replace(/^29:/, '');
      if (account && parts.length === 5 && asked === user.userId) return json(res, 200, account);
      return json(res, 404, {
        error: { code: 'MemberNotFound', message: 'The member is not in this conversation' },
      });
    }
    if (parts[0] === 'v3' && parts[1] === 'conversations' && parts[3] === 'activities' && parts[2]) {
      const conversationId = (await resolveConversation(parts[2])) ?? parts[2];
      if (method === 'POST') {
        stats.received += 1;
        if (throttle.count > 0) {
          throttle.count -= 1;
          stats.throttled += 1;
          return json(
            res,
            429,
            { error: { code: 'Throttled', message: 'Too many requests' } },
            { 'retry-after': String(throttle.retryAfter) },
          );
        }
        if (failures.count > 0) {
          failures.count -= 1;
          return json(res, failures.status, {
            error: { code: 'Failed', message: `Injected ${failures.status}` },
          });
        }
        if (!members.has(conversationId) && !conversationId.startsWith('a:')) {
          return json(res, 404, {
            error: { code: 'ConversationNotFound', message: 'Conversation not found' },
          });
        }
        const body = await readJson(req, MAX_ACTIVITY_BYTES);
        const stored = record(conversationId, true, body);
        return json(res, 201, { id: stored.id });
      }
      // Not a Bot Framework route: lets the bot ask whether a digest with this delivery key arrived, so a send
      // interrupted by a crash is resolved instead of sent twice (src/bot/README.md, "Delivery guarantee").
      if (method === 'GET' && !parts[4] && u.searchParams.has('deliveryKey')) {
        const key = u.searchParams.get('deliveryKey');
        const found = store.find(
          (a) =>
            a.fromBot &&
            a.conversationId === conversationId &&
            (a.activity.channelData as { deliveryKey?: unknown } | undefined)?.deliveryKey === key,
        );
        return found
          ? json(res, 200, { id: found.id })
          : json(res, 404, { error: { code: 'NotFound', message: 'No activity with this delivery key' } });
      }
      if (method === 'PUT' && parts[4]) {
        const body = await readJson(req, MAX_ACTIVITY_BYTES);
        const target = store.find((a) => a.id === parts[4]);
        if (target) target.activity = body;
        return json(res, 200, { id: parts[4] });
      }
    }

    // --- The local chat page and its API ---
    const file = method === 'GET' ? CHAT_FILES.get(u.pathname) : undefined;
    if (file) {
      res
        .writeHead(200, {
          'content-type': `${file.type}; charset=utf-8`,
          'cache-control': 'no-store',
          'content-security-policy': CHAT_CSP,
          'x-content-type-options': 'nosniff',
          'referrer-policy': 'no-referrer',
        })
        .end(file.body());
      return;
    }
    if (method === 'GET' && u.pathname === '/chat/api/people') {
      return json(res, 200, (await options.users?.()) ?? []);
    }
    if (parts[0] === 'chat' && parts[1] === 'api' && parts[2] === 'users' && parts[3]) {
      const userId = parts[3];
      if (method === 'GET' && parts[4] === 'activities') {
        const cid = conversations.get(userId);
        return json(res, 200, cid ? connector.activities(cid) : []);
      }
      if (method === 'POST' && parts[4] === 'install')
        return json(res, 200, { conversationId: await connector.install(userId) });
      if (method === 'POST' && parts[4] === 'messages') {
        const body = await readJson(req, MAX_CHAT_API_BYTES);
        await connector.userMessage(userId, String(body.text ?? ''));
        return json(res, 200, {});
      }
      if (method === 'POST' && parts[4] === 'invoke') {
        const body = await readJson(req, MAX_CHAT_API_BYTES);
        const result = await connector.invoke(userId, String(body.activityId ?? ''), {
          verb: String(body.verb ?? ''),
          data: (body.data ?? {}) as Record<string, unknown>,
        });
        return json(res, 200, result);
      }
    }
    json(res, 404, { error: { code: 'NotFound', message: u.pathname } });
  };

  const server = http.createServer((req, res) => {
    route(req, res).catch((error: Error) => {
      if (res.headersSent) return void res.destroy();
      if (error instanceof Refused)
        return json(res, error.status, { error: { code: error.code, message: error.message } });
      // The bot behind it failed (a chat page message or click): the connector is a gateway here.
      json(res, 502, { error: { code: 'BotUnreachable', message: error.message.slice(0, 200) } });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  url = `http://${options.host ?? '127.0.0.1'}:${(server.address() as AddressInfo).port}`;
  return { ...connector, url };
};
