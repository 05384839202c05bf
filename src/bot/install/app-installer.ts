// Proactive installation: the bot installs its own Teams app for a person who has not installed it, then asks
// Graph for the 1:1 chat between them and the app, whose id is the conversation the digest is sent to.
// [doc: learn.microsoft.com/microsoftteams/platform/graph-api/proactive-bots-and-messages/graph-proactive-bots-and-messages]
//   - install: POST /users/{id}/teamwork/installedApps {"teamsApp@odata.bind": ".../appCatalogs/teamsApps/{id}"}
//     → 201 Created, no body [doc: graph/api/userteamwork-post-installedapps]; already installed → 409 Conflict
//     [obs: microsoftgraph/microsoft-graph-docs-contrib#3686, the same route family for teams];
//   - find it: GET /users/{id}/teamwork/installedApps?$expand=teamsApp&$filter=teamsApp/id eq '{id}'
//     [doc: graph/api/userteamwork-list-installedapps];
//   - the chat: GET /users/{id}/teamwork/installedApps/{installation-id}/chat → 200 {"id": "19:…"}
//     [doc: graph/api/userscopeteamsappinstallation-get-chat].
// Permission: the application permission TeamsAppInstallation.ReadWriteSelfForUser.All (the app can install
// only itself), which also covers the list and chat reads. Only people with something due are installed for.
import type { GraphClient } from '../../graph';
import { isGraphError, odataString } from '../../graph';

export interface InstalledChat {
  readonly installationId: string;
  /** The 1:1 chat between the person and the app: the conversation id for proactive messages. */
  readonly chatId: string;
  /** False when the app was already installed (409). */
  readonly installedNow: boolean;
}

export interface AppInstaller {
  /** Installs the app for the person when needed and returns the 1:1 chat. Throws when Graph refuses. */
  install(userId: string): Promise<InstalledChat>;
}

export interface GraphAppInstallerOptions {
  /** The bot's own Graph client (application permission TeamsAppInstallation.ReadWriteSelfForUser.All). */
  readonly client: GraphClient;
  /** The app's id in the organisation's app catalog (not the manifest id). */
  readonly teamsAppId: string;
}

export const graphAppInstaller = (options: GraphAppInstallerOptions): AppInstaller => {
  const { client, teamsAppId } = options;
  const base = (userId: string) => `/users/${encodeURIComponent(userId)}/teamwork/installedApps`;
  return {
    async install(userId) {
      let installedNow = true;
      try {
        await client.request('POST', base(userId), {
          body: {
            'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${encodeURIComponent(teamsAppId)}`,
          },
        });
      } catch (error) {
        // Already installed (by the person, an admin's setup policy, or an earlier run): find it.
        if (!isGraphError(error) || error.status !== 409) throw error;
        installedNow = false;
      }
      const listed = await client.request<{ value?: { id?: string }[] }>('GET', base(userId), {
        query: {
          $expand: 'teamsApp',
          $filter: `teamsApp/id eq ${odataString(teamsAppId)}`,
        },
      });
      const installationId = listed.body?.value?.[0]?.id;
      if (!installationId) throw new Error('the app installation was not found after installing it');
      const chat = await client.request<{ id?: string }>(
        'GET',
        `${base(userId)}/${encodeURIComponent(installationId)}/chat`,
      );
      if (!chat.body?.id) throw new Error('Graph returned no chat for the app installation');
      return { installationId, chatId: chat.body.id, installedNow };
    },
  };
};
