// SharePoint-audience tokens for SharePoint REST (ensureuser), app-only. SharePoint REST refuses app-only
// tokens obtained with a client secret ("Unsupported app only token."), so the app signs a client assertion
// with its certificate's private key (OAuth 2.0 client credentials with a certificate, RFC 7523):
// learn.microsoft.com/entra/identity-platform/certificate-credentials (claims aud, iss, sub, jti, nbf, exp;
// header x5t#S256 or x5t = the certificate's thumbprint) and
// learn.microsoft.com/sharepoint/dev/solution-guidance/security-apponly-azuread.
// The same flow against localgraph's /local/token in the embedded mode (its app registration holds the
// public key), so one code path serves both.
import { createHash, generateKeyPairSync, randomUUID, X509Certificate } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import type { FetchLike, SharePointRestOptions } from '../../graph';

export interface CertificateTokenOptions {
  /** `https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token`, or `{localgraph}/local/token`. */
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly privateKey: KeyObject;
  /** The certificate (PEM), for the `x5t#S256` header Entra uses to pick the key. */
  readonly certificatePem?: string;
  /** `https://{tenant}.sharepoint.com/.default` */
  readonly scope: string;
  readonly fetchImpl?: FetchLike;
}

/** Cached until a minute before expiry. The assertion lives 10 minutes and is used once. */
export function certificateTokenProvider(options: CertificateTokenOptions): () => Promise<string> {
  const fetchImpl = options.fetchImpl ?? fetch;
  const thumbprint = options.certificatePem
    ? createHash('sha256').update(new X509Certificate(options.certificatePem).raw).digest('base64url')
    : undefined;
  let cached: { token: string; expiresAt: number } | undefined;
  return async () => {
    if (cached && cached.expiresAt > Date.now()) return cached.token;
    const assertion = await new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', ...(thumbprint ? { 'x5t#S256': thumbprint } : {}) })
      .setIssuer(options.clientId)
      .setSubject(options.clientId)
      .setAudience(options.tokenUrl)
      .setJti(randomUUID())
      .setIssuedAt()
      .setNotBefore('0s')
      .setExpirationTime('10m')
      .sign(options.privateKey);
    const response = await fetchImpl(options.tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: options.clientId,
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: assertion,
        scope: options.scope,
        grant_type: 'client_credentials',
      }).toString(),
    });
    const body = (await response.json().catch(() => ({}))) as {
      access_token?: string;
      expires_in?: number;
      error_description?: string;
    };
    if (!response.ok || !body.access_token) {
      // The description names the failure (AADSTS code); the assertion and the key are never printed.
      throw new Error(
        `SharePoint token request failed (${response.status}): ${body.error_description ?? 'no detail'}`,
      );
    }
    cached = { token: body.access_token, expiresAt: Date.now() + ((body.expires_in ?? 3600) - 60) * 1000 };
    return cached.token;
  };
}

/** The embedded mode's app that calls SharePoint REST (a certificate app, as in a tenant). */
export const LOCAL_SHAREPOINT_APP_ID = 'governance-hub-sharepoint';

/**
 * SharePoint REST on the embedded site: registers (idempotently) a certificate app in localgraph with a key
 * pair made for this process, and returns the site's REST address and a token provider for it.
 */
export async function localSharePointRest(options: {
  readonly url: string;
  /** An admin token (localgraph's admin app) for POST /local/apps. */
  readonly getToken: () => Promise<string>;
  readonly hostname: string;
  /** Server-relative site path, e.g. `/sites/governance`. */
  readonly sitePath: string;
  readonly fetchImpl?: FetchLike;
}): Promise<SharePointRestOptions> {
  const fetchImpl = options.fetchImpl ?? fetch;
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const response = await fetchImpl(`${options.url}/local/apps`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await options.getToken()}` },
    body: JSON.stringify({
      client_id: LOCAL_SHAREPOINT_APP_ID,
      displayName: 'Governance Hub (SharePoint REST)',
      roles: ['Sites.FullControl.All'],
      certificatePem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    }),
  });
  if (!response.ok) throw new Error(`POST /local/apps failed with ${response.status}`);
  return {
    siteUrl: `${options.url}${options.sitePath.startsWith('/') ? '' : '/'}${options.sitePath}`,
    getToken: certificateTokenProvider({
      tokenUrl: `${options.url}/local/token`,
      clientId: LOCAL_SHAREPOINT_APP_ID,
      privateKey,
      scope: `https://${options.hostname}/.default`,
      fetchImpl,
    }),
    fetchImpl,
  };
}
