// Local token issuer (emulates Entra ID): HS256 JWTs with Graph's audience.
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { unauthenticated } from '../errors/graph-error-factory';
import { GRAPH_AUDIENCE } from '../http/wire';
import type { Principal } from '../context';

export const DELEGATED_SCOPES = [
  'Sites.ReadWrite.All',
  'Sites.Manage.All',
  'User.Read',
  'User.ReadBasic.All',
  'openid',
  'profile',
  'email',
];

export interface TokenResult {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  ext_expires_in: number;
}

export class TokenService {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    readonly tenantId: string,
    private readonly lifetimeSeconds: number,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  get issuer(): string {
    return `https://sts.windows.net/${this.tenantId}/`;
  }

  private async sign(claims: Record<string, unknown>, subject: string): Promise<TokenResult> {
    const token = await new SignJWT({ ...claims, tid: this.tenantId, ver: '1.0' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(this.issuer)
      .setAudience(GRAPH_AUDIENCE)
      .setSubject(subject)
      .setIssuedAt()
      .setNotBefore('0s')
      .setExpirationTime(`${this.lifetimeSeconds}s`)
      .sign(this.key);
    return {
      access_token: token,
      token_type: 'Bearer',
      expires_in: this.lifetimeSeconds,
      ext_expires_in: this.lifetimeSeconds,
    };
  }

  issueDelegated(user: { id: string; upn: string; displayName: string }): Promise<TokenResult> {
    return this.sign(
      {
        oid: user.id,
        upn: user.upn,
        unique_name: user.upn,
        name: user.displayName,
        scp: DELEGATED_SCOPES.join(' '),
        appid: 'localgraph-client',
        idtyp: 'user',
      },
      user.id,
    );
  }

  issueAppOnly(app: {
    clientId: string;
    displayName: string;
    roles: readonly string[];
  }): Promise<TokenResult> {
    return this.sign(
      {
        oid: app.clientId,
        appid: app.clientId,
        app_displayname: app.displayName,
        roles: [...app.roles],
        idtyp: 'app',
      },
      app.clientId,
    );
  }

  /** Verifies a bearer token; throws Graph's 401 with its usual messages. */
  async verify(authorization: string | undefined): Promise<Principal> {
    if (!authorization || !/^Bearer\s+\S/i.test(authorization))
      throw unauthenticated('Access token is empty.');
    const token = authorization.replace(/^Bearer\s+/i, '').trim();
    if (token.split('.').length !== 3)
      throw unauthenticated('IDX14100: JWT is not well formed, there are no dots (.).');
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: this.issuer, audience: GRAPH_AUDIENCE });
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
    } catch (e) {
      if (e instanceof joseErrors.JWTExpired)
        throw unauthenticated('Lifetime validation failed, the token is expired.');
      if (e instanceof joseErrors.JWTClaimValidationFailed) {
        if (e.claim === 'aud') throw unauthenticated('Access token validation failure. Invalid audience.');
        if (e.claim === 'iss') throw unauthenticated('Access token validation failure. Invalid issuer.');
        throw unauthenticated('Access token validation failure.');
      }
      throw unauthenticated('Access token validation failure. Invalid signature.');
    }
  }
}
