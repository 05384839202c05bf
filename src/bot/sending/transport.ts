// How proactive messages leave the bot: through the Teams SDK's API client (Bot Framework connector
// protocol), to the real connector in a tenant or to the local connector in the embedded mode.
import type { App } from '@microsoft/teams.apps';
import { MessageActivity } from '@microsoft/teams.api';
import type { ChannelData } from '@microsoft/teams.api';
import type { IAdaptiveCard } from '@microsoft/teams.cards';
import type { ConversationRef } from '../ledger';

export interface SendOptions {
  /**
   * The same for every attempt to send one digest (its card id: run + recipient). Carried in the activity's
   * channelData so a channel that can look activities up (the local connector) can say whether it arrived.
   */
  readonly deliveryKey?: string;
}

export interface ProactiveTransport {
  sendCard(
    ref: ConversationRef,
    card: IAdaptiveCard,
    summary: string,
    options?: SendOptions,
  ): Promise<{ readonly id?: string }>;
  /**
   * Whether an activity with this delivery key already reached the conversation (its id), or undefined when it
   * did not; throws when it cannot tell. Absent where the channel cannot be asked: the Bot Framework connector
   * of a tenant has no such read, so an interrupted send is sent again there (see src/bot/README.md).
   */
  findDelivered?(ref: ConversationRef, deliveryKey: string): Promise<{ readonly id: string } | undefined>;
  /** Opens a 1:1 chat with the user; absent where the bot cannot create chats on its own. */
  createConversation?(user: {
    readonly userId: string;
    readonly tenantId?: string;
  }): Promise<ConversationRef>;
}

export const digestActivity = (
  card: IAdaptiveCard,
  summary: string,
  deliveryKey?: string,
): MessageActivity => {
  // The summary is what notifications show for a card-only message.
  const activity = new MessageActivity().addCard('adaptive', card).withSummary(summary);
  // An extra channelData property: channels that do not know it ignore it.
  if (deliveryKey) activity.withChannelData({ deliveryKey } as ChannelData);
  return activity;
};

/** The local connector's own lookup (not a Bot Framework route): GET .../activities?deliveryKey=. */
const lookupDelivered = async (
  ref: ConversationRef,
  deliveryKey: string,
): Promise<{ readonly id: string } | undefined> => {
  const url =
    `${ref.serviceUrl.replace(/\/+$/, '')}/v3/conversations/${encodeURIComponent(ref.conversationId)}` +
    `/activities?deliveryKey=${encodeURIComponent(deliveryKey)}`;
  const response = await fetch(url);
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`delivery lookup: HTTP ${response.status}`);
  const body = (await response.json()) as { id?: unknown };
  if (typeof body.id !== 'string') throw new Error('delivery lookup: no id in the answer');
  return { id: body.id };
};

/** The Teams SDK transport: the API client scoped to each conversation's service URL. */
export const teamsTransport = (
  app: App,
  options: {
    readonly tenantId?: string;
    /** Embedded mode only: the local connector answers delivery lookups. */
    readonly deliveryLookup?: boolean;
  } = {},
): ProactiveTransport => ({
  ...(options.deliveryLookup ? { findDelivered: lookupDelivered } : {}),
  async sendCard(ref, card, summary, sendOptions) {
    const api =
      ref.serviceUrl === app.api.serviceUrl ? app.api : app.api.clone({ serviceUrl: ref.serviceUrl });
    const activity = digestActivity(card, summary, sendOptions?.deliveryKey);
    activity.withFrom({ id: app.id ?? ref.botId ?? 'bot', role: 'bot' });
    const sent = await api.conversations.createActivity(ref.conversationId, activity.toInterface());
    return { id: sent?.id };
  },
  async createConversation(user) {
    const tenantId = user.tenantId ?? options.tenantId;
    const created = await app.api.conversations.create({
      members: [{ id: user.userId, name: '', role: 'user', aadObjectId: user.userId } as never],
      tenantId,
      channelData: tenantId ? { tenant: { id: tenantId } } : undefined,
    });
    return {
      userId: user.userId,
      conversationId: created.id,
      serviceUrl: app.api.serviceUrl,
      tenantId,
      botId: app.id,
    };
  },
});
