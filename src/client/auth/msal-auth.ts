// Tenant mode: Microsoft Entra ID through msal-browser, on every host the manifests claim.
//
//  1. Nested app authentication (NAA) where the host brokers tokens (new Teams, Outlook, Office with the
//     NestedAppAuth 1.1 requirement set): the host signs the person in; ssoSilent with the login hint is the
//     documented first call ("Enable SSO in an Office Add-in using nested app authentication", learn.microsoft.com
//     office/dev/add-ins/develop/enable-nested-app-authentication-in-your-add-in).
//  2. Everywhere else (a browser after "open in browser", Teams web without NAA, Office perpetual) the standard
//     client. There, ssoSilent would load login.microsoftonline.com in a hidden iframe, which the app's CSP
//     (frame-src 'self') blocks and third-party cookie rules break anyway: it is never called. Silent renewal
//     uses the cached refresh token (a fetch to the token endpoint); any silent failure means "sign in again".
//     Interactive sign-in is a popup whose redirect URI is the redirect bridge page (msal-browser v5 needs one:
//     /auth/redirect.html runs broadcastResponseToMainFrame), or, in Office hosts, the Office dialog API —
//     the fallback Microsoft's NAA guidance names for add-ins ("Authenticate with the Office dialog API").
import type {
  AccountInfo,
  AuthenticationResult,
  Configuration,
  IPublicClientApplication,
} from '@azure/msal-browser';
import type * as Msal from '@azure/msal-browser';
import { GRAPH_SCOPES } from '../runtime-config';
import { AuthRequiredError, type AuthProvider, type SignedInUser } from './auth-provider';
import type { OfficeDialogPort } from './office-dialog';

/** Where the page runs: decides the interactive fallback when NAA is not available. */
export type AuthHost = 'teams' | 'office' | 'browser';

export interface MsalAuthOptions {
  readonly clientId: string;
  /** e.g. https://login.microsoftonline.com/{tenant-id}; a test passes its own OpenID Connect server. */
  readonly authority: string;
  /**
   * Authorities that are not Entra ID's (a test's OpenID Connect server): msal-browser then skips Entra's instance
   * discovery and speaks plain OIDC.
   */
  readonly knownAuthorities?: readonly string[];
  /** Absolute URL of the redirect bridge page (…/auth/redirect.html), registered as a SPA redirect URI. */
  readonly redirectUri: string;
  /** The app API's scope (api://…/access_as_user) for getApiToken. */
  readonly apiScope?: string;
  /** From the host (Teams context user.loginHint, Office's), so the right account is picked. */
  readonly loginHint?: string;
  readonly host: AuthHost;
  /**
   * Whether the host brokers tokens: teams-js nestedAppAuth.isNAAChannelRecommended() in Teams,
   * Office.context.requirements.isSetSupported('NestedAppAuth', '1.1') in Office, false in a browser.
   */
  readonly naaSupported: boolean;
  /** Office hosts without NAA: opens the sign-in page in an Office dialog. */
  readonly officeDialog?: OfficeDialogPort;
  /** For tests: the msal-browser module (loaded lazily otherwise, so the local mode never downloads it). */
  readonly loadMsal?: () => Promise<typeof Msal>;
}

/** A token handed over by the Office dialog page (the pane has no MSAL cache of its own then). */
interface DialogToken {
  readonly accessToken: string;
  /** Epoch milliseconds. */
  readonly expiresOn: number;
}

/** What /auth/dialog.html sends back with Office.context.ui.messageParent. */
export interface DialogSignInMessage {
  readonly ok: boolean;
  readonly error?: string;
  readonly account?: { readonly username: string; readonly name?: string };
  /** Keyed by the space-joined scopes of each request. */
  readonly tokens?: Readonly<Record<string, DialogToken>>;
}

const EARLY_RENEW_MS = 60_000;

const toUser = (account: { username: string; name?: string }): SignedInUser => ({
  upn: account.username.toLowerCase(),
  displayName: account.name ?? account.username,
});

/** The msal-browser configuration shared by the pages (the pane, the tab, the dialog page). */
export const msalConfiguration = (
  options: Pick<MsalAuthOptions, 'clientId' | 'authority' | 'knownAuthorities' | 'redirectUri'>,
): Configuration => ({
  auth: {
    clientId: options.clientId,
    authority: options.authority,
    redirectUri: options.redirectUri,
    ...(options.knownAuthorities?.length ? { knownAuthorities: [...options.knownAuthorities] } : {}),
  },
  // sessionStorage: the cache ends with the tab, and another site's script on a shared origin cannot read it.
  cache: { cacheLocation: 'sessionStorage' },
});

export const scopeKey = (scopes: readonly string[]): string => [...scopes].sort().join(' ');

export const createMsalAuthProvider = (options: MsalAuthOptions): AuthProvider => {
  const loadMsal = options.loadMsal ?? (() => import('@azure/msal-browser'));
  const graphScopes = [...GRAPH_SCOPES];
  let pcaPromise: Promise<IPublicClientApplication> | undefined;
  // Office dialog fallback: the tokens the dialog handed over, and who signed in there.
  let dialogTokens: Record<string, DialogToken> = {};
  let dialogAccount: SignedInUser | undefined;

  const pca = (): Promise<IPublicClientApplication> => {
    pcaPromise ??= loadMsal().then((msal) =>
      options.naaSupported
        ? msal.createNestablePublicClientApplication(msalConfiguration(options))
        : msal.createStandardPublicClientApplication(msalConfiguration(options)),
    );
    return pcaPromise;
  };

  const remember = (app: IPublicClientApplication, result: AuthenticationResult): void => {
    if (result.account) app.setActiveAccount(result.account);
  };

  const silent = async (
    app: IPublicClientApplication,
    scopes: string[],
  ): Promise<AuthenticationResult | undefined> => {
    const account: AccountInfo | undefined = app.getActiveAccount() ?? app.getAllAccounts()[0] ?? undefined;
    try {
      if (options.naaSupported)
        return account
          ? await app.acquireTokenSilent({ scopes, account })
          : await app.ssoSilent({ scopes, loginHint: options.loginHint });
      if (!account) return undefined;
      // The standard client: cache, then the refresh token; never the hidden-iframe renewal the CSP blocks
      // (it would only time out after seconds).
      const { CacheLookupPolicy } = await loadMsal();
      return await app.acquireTokenSilent({
        scopes,
        account,
        cacheLookupPolicy: CacheLookupPolicy.AccessTokenAndRefreshToken,
      });
    } catch {
      // Interaction required, an expired refresh token, a revoked session: all mean "sign in again".
      return undefined;
    }
  };

  const viaOfficeDialog = async (scopeSets: string[][]): Promise<SignedInUser> => {
    if (!options.officeDialog) throw new Error('The Office dialog is not available in this host');
    const url = new URL(options.redirectUri);
    url.pathname = url.pathname.replace(/[^/]*$/, 'dialog.html');
    url.search = new URLSearchParams({
      scopes: JSON.stringify(scopeSets),
      ...(options.loginHint ? { loginHint: options.loginHint } : {}),
    }).toString();
    const raw = await options.officeDialog.open(url.toString());
    let message: DialogSignInMessage;
    try {
      message = JSON.parse(raw) as DialogSignInMessage;
    } catch {
      throw new Error('The sign-in dialog answered with something that is not a sign-in result');
    }
    if (!message.ok || !message.account || !message.tokens)
      throw new Error(message.error ?? 'Sign-in was not completed');
    dialogTokens = { ...message.tokens };
    dialogAccount = toUser(message.account);
    return dialogAccount;
  };

  const usesOfficeDialog = (): boolean => options.host === 'office' && !options.naaSupported;

  const token = async (scopes: string[]): Promise<string> => {
    if (usesOfficeDialog()) {
      const held = dialogTokens[scopeKey(scopes)];
      if (held && held.expiresOn - EARLY_RENEW_MS > Date.now()) return held.accessToken;
      // The pane cannot renew on its own: the person signs in again through the dialog (the shell asks).
      throw new AuthRequiredError('The session ended: sign in again');
    }
    const app = await pca();
    const result = await silent(app, scopes);
    if (!result) throw new AuthRequiredError();
    remember(app, result);
    return result.accessToken;
  };

  const apiScopes = (): string[] => {
    if (!options.apiScope) throw new Error('No API scope is configured (config.json apiScope)');
    return [options.apiScope];
  };

  return {
    mode: 'tenant',
    async restore() {
      if (usesOfficeDialog()) return dialogAccount;
      const app = await pca();
      const result = await silent(app, graphScopes);
      if (!result?.account) return undefined;
      remember(app, result);
      return toUser(result.account);
    },
    async signIn() {
      if (usesOfficeDialog())
        return viaOfficeDialog(options.apiScope ? [graphScopes, apiScopes()] : [graphScopes]);
      const app = await pca();
      const quiet = await silent(app, graphScopes);
      const result =
        quiet ??
        (await app.acquireTokenPopup({
          scopes: graphScopes,
          loginHint: options.loginHint,
          redirectUri: options.redirectUri,
        }));
      remember(app, result);
      if (!result.account) throw new Error('Sign-in returned no account');
      return toUser(result.account);
    },
    getToken: () => token(graphScopes),
    getApiToken: () => token(apiScopes()),
    async signOut() {
      dialogTokens = {};
      dialogAccount = undefined;
      // Inside Teams or Office the session belongs to the host; forgetting the account is all we may do.
      const app = await pca();
      app.setActiveAccount(null);
    },
  };
};
