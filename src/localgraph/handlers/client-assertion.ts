// Entra's client credentials with a certificate (RFC 7523 client assertion), the only app-only credential that
// SharePoint REST accepts: "SharePoint Online REST/CSOM app-only access needs a certificate; a client secret
// token is refused with 'Unsupported app only token.'" (learn.microsoft.com/sharepoint/dev/solution-guidance/
// security-apponly-azuread, FAQ "Can I use other means besides certificates"; SharePoint/sp-dev-docs#8480, #8713).
// Assertion rules follow learn.microsoft.com/entra/identity-platform/certificate-credentials: a JWT signed with
// the certificate's private key, iss = sub = client id, aud = the token endpoint, exp, jti.
import { importSPKI, importX509, jwtVerify, type KeyLike } from 'jose';

export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const ALGORITHMS = ['RS256', 'PS256'];

/** The public key of a registered certificate (PEM certificate or SPKI public key), or an error text. */
export async function certificateKey(pem: string): Promise<KeyLike> {
  const text = pem.trim();
  return text.includes('BEGIN CERTIFICATE') ? importX509(text, 'RS256') : importSPKI(text, 'RS256');
}

/**
 * Verifies a client assertion for `clientId`; returns undefined when valid, else Entra's AADSTS text.
 * `audiences`: the local token endpoint and Entra's own for the tenant.
 */
export async function clientAssertionError(
  assertion: string,
  clientId: string,
  certificatePem: string | undefined,
  audiences: string[],
): Promise<string | undefined> {
  if (!certificatePem) {
    return `AADSTS700027: The certificate with identifier used to sign the client assertion is not registered on application ${clientId}.`;
  }
  try {
    const key = await certificateKey(certificatePem);
    await jwtVerify(assertion, key, {
      issuer: clientId,
      subject: clientId,
      audience: audiences,
      algorithms: ALGORITHMS,
      requiredClaims: ['exp', 'jti'],
    });
    return undefined;
  } catch (e) {
    const why = e instanceof Error ? e.message.slice(0, 200) : 'invalid';
    return `AADSTS700027: Client assertion failed signature validation or its claims are not valid (${why}).`;
  }
}
