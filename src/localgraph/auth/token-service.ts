// Local token issuer (emulates Entra ID): RS256 JWTs only, with a published JWKS, as Entra signs.
// - Graph tokens: v1.0 shape (iss https://sts.windows.net/{tid}/, aud https://graph.microsoft.com), which is what
//   Entra issues for Graph.
// - Tokens for the app's own API (the write service): v2.0 shape, because aad.manifest.json sets
//   accessTokenAcceptedVersion 2 — aud is the API's client id, iss is `{authority}/{tid}/v2.0`, scp the scope name
//   (https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference). The authority is this
//   emulator's own URL, so a local token can never pass for one of Entra's; the write service verifies both the
//   same way: discovery document → jwks_uri → jose jwtVerify with issuer, audience and RS256.
// Only RS256 is accepted and `exp` is required: alg none, HMAC, a missing or past exp are refused, as Entra's
// tokens are never HMAC-signed and always expire.
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { calculateJwkThumbprint, SignJWT, jwtVerify, errors as joseErrors, type JWK } from 'jose';
import { unauthenticated } from '../errors/graph-error-factory';
import { GRAPH_AUDIENCE } from '../http/wire';
import type { Principal } from '../context';

export const SIGNING_ALGORITHM = 'RS256';

export const DELEGATED_SCOPES = [
  'Sites.ReadWrite.All',
  'Sites.Manage.All',
  'User.Read',
  'User.ReadBasic.All',
  'openid',
  'profile',
  'email',
];

/** The client the local sign-in page stands for (the `azp`/`appid` of delegated tokens). */
export const LOCAL_CLIENT_ID = 'localgraph-client';

export interface TokenResult {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  ext_expires_in: number;
}

/** A new RSA private key (PKCS#8 PEM) for LocalGraphOptions.signingKey or the database's `signing_key`. */
export const generateSigningKeyPem = (): string =>
  generateKeyPairSync('rsa', { modulusLength: 2048 })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();

let ephemeralKey: string | undefined;
/**
 * One key per process for in-memory emulators (tests start hundreds; an RSA key costs ~0.3 s). Safe to share: each
 * emulator has its own random tenant id, so its issuer differs and it refuses the others' tokens.
 */
export const ephemeralSigningKeyPem = (): string => (ephemeralKey ??= generateSigningKeyPem());

export interface DirectoryUser {
  id: string;
  upn: string;
  displayName: string;
}

export class TokenService {
  private signInOrigins: ReadonlySet<string> | undefined;

  private constructor(
    private readonly privateKey: KeyObject,
    private readonly publicKey: KeyObject,
    /** The public half as a JWKS entry (kid = RFC 7638 thumbprint). */
    readonly publicJwk: Readonly<JWK>,
    readonly tenantId: string,
    private readonly lifetimeSeconds: number,
    private readonly baseUrl: () => string,
  ) {}

  /** From a PKCS#8 PEM private key (RSA). baseUrl: this emulator's URL, known once it listens. */
  static async create(options: {
    signingKeyPem: string;
    tenantId: string;
    lifetimeSeconds: number;
    baseUrl: () => string;
  }): Promise<TokenService> {
    const privateKey = createPrivateKey(options.signingKeyPem);
    if (privateKey.asymmetricKeyType !== 'rsa')
      throw new Error('localgraph: the signing key must be an RSA key');
    const publicKey = createPublicKey(privateKey);
    const { n, e } = publicKey.export({ format: 'jwk' });
    const jwk: JWK = { kty: 'RSA', n, e };
    const kid = await calculateJwkThumbprint(jwk, 'sha256');
    return new TokenService(
      privateKey,
      publicKey,
      Object.freeze({ ...jwk, use: 'sig', alg: SIGNING_ALGORITHM, kid }),
      options.tenantId,
      options.lifetimeSeconds,
      options.baseUrl,
    );
  }

  /** Issuer of Graph tokens (v1.0, as Entra issues them for Graph). */
  get issuer(): string {
    return `https://sts.windows.net/${this.tenantId}/`;
  }

  /** Issuer of tokens for the app's own API (v2.0); also the discovery document's `issuer`. */
  get apiIssuer(): string {
    return `${this.baseUrl()}/${this.tenantId}/v2.0`;
  }

  get jwksUri(): string {
    return `${this.baseUrl()}/${this.tenantId}/discovery/v2.0/keys`;
  }

  /**
   * Narrows the browser origins that may ask /local/token for a person's token (the web server's, once it
   * listens). Until set, any loopback origin may.
   */
  allowSignInOrigins(origins: readonly string[]): void {
    this.signInOrigins = new Set(origins.map((o) => o.toLowerCase()));
  }

  /** Whether a page of this origin may get a person's token (the caller has checked it is loopback). */
  signInOriginAllowed(origin: string): boolean {
    return this.signInOrigins === undefined || this.signInOrigins.has(origin.toLowerCase());
  }

  private async sign(
    claims: Record<string, unknown>,
    token: { subject: string; issuer: string; audience: string },
  ): Promise<TokenResult> {
    const jwt = await new SignJWT(claims)
      .setProtectedHeader({ alg: SIGNING_ALGORITHM, typ: 'JWT', kid: this.publicJwk.kid })
      .setIssuer(token.issuer)
      .setAudience(token.audience)
      .setSubject(token.subject)
      .setIssuedAt()
      .setNotBefore('0s')
      .setExpirationTime(`${this.lifetimeSeconds}s`)
      .sign(this.privateKey);
    return {
      access_token: jwt,
      token_type: 'Bearer',
      expires_in: this.lifetimeSeconds,
      ext_expires_in: this.lifetimeSeconds,
    };
  }

  /** `audience`: Graph by default; `https://{hostname}` for a SharePoint REST token (see handlers/sharepoint-rest.ts). */
  issueDelegated(user: DirectoryUser, audience: string = GRAPH_AUDIENCE): Promise<TokenResult> {
    return this.sign(
      {
        oid: user.id,
        upn: user.upn,
        unique_name: user.upn,
        name: user.displayName,
        scp: DELEGATED_SCOPES.join(' '),
        appid: LOCAL_CLIENT_ID,
        idtyp: 'user',
        tid: this.tenantId,
        ver: '1.0',
      },
      { subject: user.id, issuer: this.issuer, audience },
    );
  }

  /** A person's token for the app's own API (v2.0 access token: aud = the API's client id). */
  issueForApi(user: DirectoryUser, api: { clientId: string; scope: string }): Promise<TokenResult> {
    return this.sign(
      {
        oid: user.id,
        preferred_username: user.upn,
        name: user.displayName,
        scp: api.scope,
        azp: LOCAL_CLIENT_ID,
        azpacr: '0',
        tid: this.tenantId,
        ver: '2.0',
      },
      { subject: user.id, issuer: this.apiIssuer, audience: api.clientId },
    );
  }

  /**
   * `credential` becomes Entra's v1 `appidacr` claim ("1" client secret, "2" certificate): SharePoint REST refuses
   * app-only tokens with "1" (see handlers/sharepoint-rest.ts).
   */
  issueAppOnly(
    app: { clientId: string; displayName: string; roles: readonly string[] },
    options: { audience?: string; credential?: 'secret' | 'certificate' } = {},
  ): Promise<TokenResult> {
    return this.sign(
      {
        oid: app.clientId,
        appid: app.clientId,
        app_displayname: app.displayName,
        roles: [...app.roles],
        idtyp: 'app',
        appidacr: options.credential === 'certificate' ? '2' : '1',
        tid: this.tenantId,
        ver: '1.0',
      },
      { subject: app.clientId, issuer: this.issuer, audience: options.audience ?? GRAPH_AUDIENCE },
    );
  }

  /** Verifies a Graph bearer token; throws Graph's 401 with its usual messages. */
  async verify(
    authorization: string | undefined,
    audiences: readonly string[] = [GRAPH_AUDIENCE],
  ): Promise<Principal> {
    if (!authorization || !/^Bearer\s+\S/i.test(authorization))
      throw unauthenticated('Access token is empty.');
    const token = authorization.replace(/^Bearer\s+/i, '').trim();
    if (token.split('.').length !== 3)
      throw unauthenticated('IDX14100: JWT is not well formed, there are no dots (.).');
    let payload: Awaited<ReturnType<typeof jwtVerify>>['payload'];
    try {
      ({ payload } = await jwtVerify(token, this.publicKey, {
        issuer: this.issuer,
        audience: [...audiences],
        algorithms: [SIGNING_ALGORITHM],
        requiredClaims: ['exp'],
      }));
    } catch (e) {
      throw unauthenticated(rejection(e));
    }
    const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
    if (payload.idtyp === 'app') {
      const roles = Array.isArray(payload.roles)
        ? payload.roles.filter((r): r is string => typeof r === 'string')
        : [];
      const appId = str(payload.appid) ?? '';
      return {
        kind: 'app',
        id: appId,
        appId,
        displayName: str(payload.app_displayname) ?? appId,
        roles,
        scopes: [],
        appCredential: payload.appidacr === '2' ? 'certificate' : 'secret',
      };
    }
    return {
      kind: 'user',
      id: str(payload.oid) ?? '',
      upn: str(payload.upn),
      displayName: str(payload.name) ?? '',
      appId: str(payload.appid) ?? '',
      roles: [],
      scopes: (str(payload.scp) ?? '').split(' ').filter(Boolean),
    };
  }
}

/** Graph's 401 message for a token jose refused (Microsoft.IdentityModel's wording where Graph uses it). */
function rejection(e: unknown): string {
  if (e instanceof joseErrors.JWTExpired) return 'Lifetime validation failed, the token is expired.';
  if (e instanceof joseErrors.JWTClaimValidationFailed) {
    if (e.claim === 'aud') return 'Access token validation failure. Invalid audience.';
    if (e.claim === 'iss') return 'Access token validation failure. Invalid issuer.';
    if (e.claim === 'exp')
      return 'IDX10225: Lifetime validation failed. The token is missing an Expiration Time.';
    return 'Access token validation failure.';
  }
  return 'Access token validation failure. Invalid signature.';
}
