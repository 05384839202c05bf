// How proactive messages leave the bot: through the Teams SDK's API client (Bot Framework connector
// protocol), to the real connector in a tenant or to the local connector in the embedded mode.
import type { App } from '@microsoft/teams.apps';
import { MessageActivity } from '@microsoft/teams.api';
import type { IAdaptiveCard } from '@microsoft/teams.cards';
import type { ConversationRef } from '../ledger';

export interface ProactiveTransport {
  sendCard(ref: ConversationRef, card: IAdaptiveCard, summary: string): Promise<{ readonly id?: string }>;
  /** Opens a 1:1 chat with the user; absent where the bot cannot create chats on its own. */
  createConversation?(user: {
    readonly userId: string;
    readonly tenantId?: string;
  }): Promise<ConversationRef>;
}

export const digestActivity = (card: IAdaptiveCard, summary: string): MessageActivity =>
  // The summary is what notifications show for a card-only message.
  new MessageActivity().addCard('adaptive', card).withSummary(summary);

/** The Teams SDK transport: the API client scoped to each conversation's service URL. */
export const teamsTransport = (
  app: App,
  options: { readonly tenantId?: string } = {},
): ProactiveTransport => ({
  async sendCard(ref, card, summary) {
    const api =
      ref.serviceUrl === app.api.serviceUrl ? app.api : app.api.clone({ serviceUrl: ref.serviceUrl });
    const activity = digestActivity(card, summary);
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
