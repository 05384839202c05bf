// The Office dialog's page (the sign-in fallback of the task pane where nested app authentication is missing):
// a full-page redirect sign-in, then the tokens the pane asked for, sent back with Office.context.ui.messageParent.
import { scopeKey, msalConfiguration, type DialogSignInMessage } from '../../client/auth';
import { authorityOf, loadRuntimeConfig } from '../../client/runtime-config';

interface OfficeDialogGlobal {
  onReady(): Promise<unknown>;
  context: { ui: { messageParent(message: string): void } };
}

const PENDING_KEY = 'governanceHub.dialog.request';

const send = async (message: DialogSignInMessage): Promise<void> => {
  const office = (globalThis as unknown as { Office?: OfficeDialogGlobal }).Office;
  if (!office) throw new Error('office.js is not loaded');
  await office.onReady();
  office.context.ui.messageParent(JSON.stringify(message));
};

const run = async (): Promise<void> => {
  const config = await loadRuntimeConfig();
  if (!config.clientId) throw new Error('config.json has no clientId');
  const msal = await import('@azure/msal-browser');
  const app = await msal.createStandardPublicClientApplication(
    msalConfiguration({
      clientId: config.clientId,
      authority: authorityOf(config),
      knownAuthorities: config.knownAuthorities,
      redirectUri: `${location.origin}/auth/dialog.html`,
    }),
  );
  const result = await app.handleRedirectPromise();
  if (!result) {
    // First visit: remember what the pane asked for (the query is gone after the round trip), then sign in.
    const query = new URLSearchParams(location.search);
    const scopeSets = JSON.parse(query.get('scopes') ?? '[]') as string[][];
    const first = Array.isArray(scopeSets) ? scopeSets[0] : undefined;
    if (!first) throw new Error('No scopes were asked for');
    sessionStorage.setItem(PENDING_KEY, JSON.stringify(scopeSets));
    await app.loginRedirect({ scopes: first, loginHint: query.get('loginHint') ?? undefined });
    return;
  }
  const scopeSets = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? '[]') as string[][];
  sessionStorage.removeItem(PENDING_KEY);
  const tokens: Record<string, { accessToken: string; expiresOn: number }> = {};
  for (const scopes of scopeSets) {
    // Each further resource from the refresh token the sign-in left (a fetch, no iframe).
    const token = await app.acquireTokenSilent({
      scopes,
      account: result.account,
      cacheLookupPolicy: msal.CacheLookupPolicy.AccessTokenAndRefreshToken,
    });
    tokens[scopeKey(scopes)] = {
      accessToken: token.accessToken,
      expiresOn: token.expiresOn?.getTime() ?? Date.now() + 3_600_000,
    };
  }
  await send({
    ok: true,
    account: { username: result.account.username, name: result.account.name },
    tokens,
  });
};

run().catch(async (error: unknown) => {
  const message = (error as Error).message;
  const status = document.getElementById('status');
  if (status) status.textContent = `Sign-in could not be completed: ${message}`;
  await send({ ok: false, error: message }).catch(() => undefined);
});
