import type { Knex } from 'knex';
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';

/** Who an access token speaks for: the client it was issued to, its scopes, and the user if there is one. */
export interface AccessTokenPrincipal {
  readonly clientId: string;
  readonly scopes: string[];
  readonly subject?: string;
}

/** Checks a bearer token; undefined for anything that is not a valid, current token of a live client. */
export type VerifyAccessToken = (token: string) => Promise<AccessTokenPrincipal | undefined>;

/** What the verifier trusts. */
export interface AccessTokenVerifierOptions {
  /** The issuer the tokens must name (the embedded provider's is the public URL plus /oidc). */
  readonly issuer: string;
  /** The resource the tokens must be for: the public URL plus /api. */
  readonly audience: string;
  /** Used to refuse tokens of revoked (or deleted) api clients. */
  readonly knex: Knex;
  /** The signing keys; by default the issuer's JWKS, fetched and cached by jose. */
  readonly keys?: JWTVerifyGetKey;
}

/**
 * Builds a verifier of the JWT access tokens the provider issues (RFC 9068: `typ` at+jwt): signature against the
 * issuer's keys, issuer, audience, expiry, and a client that is registered and not revoked. A bad token is an
 * expected input, so it never throws for one.
 */
export function createAccessTokenVerifier({
  issuer,
  audience,
  knex,
  keys,
}: AccessTokenVerifierOptions): VerifyAccessToken {
  const getKey = keys ?? createRemoteJWKSet(new URL(`${issuer}/jwks`));
  return async (token) => {
    let claims: Record<string, unknown>;
    try {
      ({ payload: claims } = await jwtVerify(token, getKey, {
        issuer,
        audience,
        typ: 'at+jwt',
        algorithms: ['RS256'],
        requiredClaims: ['exp', 'client_id'],
      }));
    } catch {
      // Malformed, expired, wrongly signed or for someone else: all the same to the caller.
      return undefined;
    }
    const clientId = claims.client_id;
    if (typeof clientId !== 'string') return undefined;
    const live = await knex('api_client').where({ client_id: clientId }).whereNull('revoked_at').first('client_id');
    if (!live) return undefined;
    const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ').filter(Boolean) : [];
    return {
      clientId,
      scopes,
      ...(typeof claims.sub === 'string' && claims.sub !== clientId ? { subject: claims.sub } : {}),
    };
  };
}
