// The redirect URI of sign-in popups (registered as a SPA redirect URI in aad.manifest.json). msal-browser v5 no
// longer reads the popup's URL from the opener: the page the identity provider redirects to must broadcast the
// response itself (@azure/msal-browser/redirect-bridge, "broadcastResponseToMainFrame").
import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';

broadcastResponseToMainFrame().catch((error: unknown) => {
  document.body.textContent = `Sign-in could not be completed: ${(error as Error).message}. Close this window and try again.`;
});
