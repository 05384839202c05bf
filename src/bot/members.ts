// Who is behind an activity, asked of the channel rather than of the directory: the Bot Framework connector
// answers `GET {serviceUrl}/v3/conversations/{conversationId}/members/{memberId}` with the member's e-mail,
// userPrincipalName and Entra object id (Teams; the local connector in the embedded mode). The bot needs no
// Graph directory permission for it (its Graph identity has Sites.Selected only).
import type { App } from '@microsoft/teams.apps';
import type { Locale } from '../domain/schema';

export interface ConversationMember {
  /** Lower-case e-mail (or userPrincipalName when Teams has no e-mail). */
  readonly email: string;
  readonly displayName: string;
  readonly aadObjectId?: string;
}

export interface MemberQuery {
  readonly serviceUrl: string;
  readonly conversationId: string;
  /** activity.from.id (`29:…`) or the Entra object id. */
  readonly memberId: string;
}

/** Returns the member, or undefined when the connector does not know them (404); throws on other failures. */
export type MemberLookup = (query: MemberQuery) => Promise<ConversationMember | undefined>;

const statusOf = (error: unknown): number | undefined => {
  const e = error as { response?: { status?: unknown }; status?: unknown; statusCode?: unknown };
  const status = e?.response?.status ?? e?.status ?? e?.statusCode;
  return typeof status === 'number' ? status : undefined;
};

/** The Teams SDK's conversations members API (`getMemberById`), against each conversation's service URL. */
export const connectorMemberLookup =
  (app: App): MemberLookup =>
  async ({ serviceUrl, conversationId, memberId }) => {
    const api = !serviceUrl || serviceUrl === app.api.serviceUrl ? app.api : app.api.clone({ serviceUrl });
    try {
      // Ids are passed as the SDK passes them for its other conversation calls (Teams ids are URL-safe).
      const member = await api.conversations.getMemberById(conversationId, memberId);
      const email = (member.email ?? member.userPrincipalName ?? '').trim().toLowerCase();
      if (!email) return undefined;
      return {
        email,
        displayName: member.name || email,
        ...(member.aadObjectId ? { aadObjectId: member.aadObjectId } : {}),
      };
    } catch (error) {
      const status = statusOf(error);
      if (status === 404 || status === 400) return undefined;
      throw error;
    }
  };

/**
 * Member lookups cached per conversation (a 1:1 chat has one person; their e-mail does not change while it
 * lives). Only answers are cached: unknown members and failures are asked again next time.
 */
export const cachedMemberLookup = (lookup: MemberLookup, ttlMs = 3_600_000): MemberLookup => {
  const cache = new Map<string, { at: number; members: Map<string, ConversationMember> }>();
  return async (query) => {
    const entry = cache.get(query.conversationId);
    const hit = entry && Date.now() - entry.at < ttlMs ? entry.members.get(query.memberId) : undefined;
    if (hit) return hit;
    const member = await lookup(query);
    if (member) {
      const current = cache.get(query.conversationId);
      const fresh =
        current && Date.now() - current.at < ttlMs
          ? current
          : { at: Date.now(), members: new Map<string, ConversationMember>() };
      fresh.members.set(query.memberId, member);
      cache.set(query.conversationId, fresh);
    }
    return member;
  };
};

/** `fr-FR` → `fr`; languages without a translation → undefined. */
export const localeFromTeams = (locale: string | null | undefined): Locale | undefined => {
  const lang = (locale ?? '').slice(0, 2).toLowerCase();
  return lang === 'en' || lang === 'fr' || lang === 'es' || lang === 'ar' ? lang : undefined;
};
