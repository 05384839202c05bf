// Tenant mode inside Teams or Office: nested app authentication (NAA). The host brokers the token for our app
// registration; no redirect page is needed. msal-browser is loaded lazily, only in this mode.
import type { AccountInfo, IPublicClientApplication } from '@azure/msal-browser';
import { GRAPH_SCOPES } from '../runtime-config';
import { AuthRequiredError, type AuthProvider, type SignedInUser } from './auth-provider';

export interface NaaAuthOptions {
  readonly clientId: string;
  /** @defaultvalue 'organizations' */
  readonly tenantId?: string;
  /** From the Teams context (user.loginHint), so the silent call picks the right account. */
  readonly loginHint?: string;
}

const toUser = (account: AccountInfo): SignedInUser => ({
  upn: account.username.toLowerCase(),
  displayName: account.name ?? account.username,
});

export const createNaaAuthProvider = (options: NaaAuthOptions): AuthProvider => {
  let pcaPromise: Promise<IPublicClientApplication> | undefined;
  const scopes = [...GRAPH_SCOPES];

  const pca = (): Promise<IPublicClientApplication> => {
    pcaPromise ??= import('@azure/msal-browser').then((msal) =>
      msal.createNestablePublicClientApplication({
        auth: {
          clientId: options.clientId,
          authority: `https://login.microsoftonline.com/${options.tenantId ?? 'organizations'}`,
        },
      }),
    );
    return pcaPromise;
  };

  const acquire = async (interactive: boolean): Promise<{ token: string; account: AccountInfo }> => {
    const app = await pca();
    const account = app.getActiveAccount() ?? app.getAllAccounts()[0];
    try {
      // Without a cached account, ssoSilent with the Teams login hint lets the host broker the sign-in.
      const result = account
        ? await app.acquireTokenSilent({ scopes, account })
        : await app.ssoSilent({ scopes, loginHint: options.loginHint });
      if (result.account) app.setActiveAccount(result.account);
      return { token: result.accessToken, account: result.account };
    } catch (error) {
      const msal = await import('@azure/msal-browser');
      if (!interactive || !(error instanceof msal.InteractionRequiredAuthError)) {
        if (!interactive) throw new AuthRequiredError((error as Error).message);
        throw error;
      }
      const result = await app.acquireTokenPopup({ scopes, loginHint: options.loginHint });
      app.setActiveAccount(result.account);
      return { token: result.accessToken, account: result.account };
    }
  };

  return {
    mode: 'tenant',
    async restore() {
      try {
        return toUser((await acquire(false)).account);
      } catch {
        return undefined;
      }
    },
    async signIn() {
      return toUser((await acquire(true)).account);
    },
    async getToken() {
      return (await acquire(false)).token;
    },
    async signOut() {
      // Inside Teams or Office the session belongs to the host; forgetting the account is all we may do.
      const app = await pca();
      app.setActiveAccount(null);
    },
  };
};
