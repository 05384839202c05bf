// The Teams SDK validates inbound Bot Framework tokens with jwks-rsa, which pulls an ESM-only jose that jest's
// CommonJS runtime cannot load. This stand-in answers getSigningKey from keys a test registers for a JWKS URI
// (registerJwks), as jwks-rsa would from the fetched JWKS: a kid it has is the key's public PEM; anything else is
// an error, so a token signed with another key is refused. Nothing is fetched from the internet.
import { createPublicKey, type JsonWebKey } from 'node:crypto';

type Jwk = JsonWebKey & { kid?: string };
const registered = new Map<string, readonly Jwk[]>();

/** Keys the stub serves for a JWKS URI (e.g. https://login.botframework.com/v1/.well-known/keys). */
export const registerJwks = (jwksUri: string, keys: readonly Jwk[]): void => {
  registered.set(jwksUri, keys);
};

export class JwksClient {
  constructor(private readonly options: { jwksUri?: string } = {}) {}

  getSigningKey(
    kid: string | undefined,
    callback?: (error: Error | null, key?: { getPublicKey(): string }) => void,
  ): Promise<{ getPublicKey(): string }> {
    const jwk = (registered.get(this.options.jwksUri ?? '') ?? []).find((k) => k.kid === kid);
    const result = jwk
      ? Promise.resolve({
          getPublicKey: () =>
            createPublicKey({ key: jwk, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString(),
        })
      : Promise.reject(
          new Error(`jwks stub: no key '${kid ?? ''}' for ${this.options.jwksUri ?? '(no uri)'}`),
        );
    if (callback)
      result.then(
        (key) => callback(null, key),
        (error: Error) => callback(error),
      );
    return result;
  }
}
export default (options?: { jwksUri?: string }): JwksClient => new JwksClient(options);
