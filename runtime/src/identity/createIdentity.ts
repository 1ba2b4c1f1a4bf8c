import { randomBytes } from 'node:crypto';
import { Router } from 'express';
import { createLocalJWKSet } from 'jose';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { Config } from '../config/Config.js';
import { createAccessTokenVerifier, type VerifyAccessToken } from './accessTokens.js';
import { authRouter } from './authRouter.js';
import { createCitizenIssuer } from './citizen/createCitizenIssuer.js';
import { createEmbeddedProvider, OIDC_MOUNT_PATH, providerSigningKey } from './createEmbeddedProvider.js';
import { identitySecret } from './identitySecret.js';
import { interactionRouter } from './interactionRouter.js';
import { loginRateLimiter, type LoginRateLimiter } from './loginRateLimiter.js';
import { relyingParty } from './relyingParty.js';
import { totpRouter } from './totpRouter.js';

/** The client id under which the runtime is registered at the embedded provider. */
export const EMBEDDED_CLIENT_ID = 'polis-runtime';
/** Where the API lives under the public URL; it is also the audience of third-party access tokens. */
export const API_MOUNT_PATH = '/api';
const EIGHT_HOURS_MS = 8 * 3600 * 1000;

const randomSecret = () => randomBytes(32).toString('base64url');

/** What the rest of the runtime gets from identity. */
export interface Identity {
  /** The /auth routes, and with the embedded identity the provider at /oidc, its pages and /auth/totp. */
  readonly router: Router;
  /** Checks a third-party system's bearer token for the API; always undefined with an external issuer. */
  readonly verifyAccessToken: VerifyAccessToken;
}

/** Options of createIdentity; tests inject the limiter to control its clock. */
export interface IdentityOptions {
  readonly logger?: Logger;
  readonly sessionTtlMs?: number;
  readonly limiter?: LoginRateLimiter;
}

// The public parts of an RSA JWK: the private members must never reach a key set used for verifying.
const PUBLIC_RSA_MEMBERS = ['kty', 'n', 'e', 'kid', 'alg', 'use'] as const;

/**
 * Sign-on for the runtime: the relying party's /auth routes, and for the embedded identity also the OpenID
 * Provider at /oidc with its sign-in pages and the client-credentials grant for registered third-party systems.
 * With an external issuer the same relying party talks to it instead.
 */
export async function createIdentity(
  knex: Knex,
  config: Pick<Config, 'publicUrl' | 'identity'> & Partial<Pick<Config, 'citizenIdentity'>>,
  { logger, sessionTtlMs = EIGHT_HOURS_MS, limiter = loginRateLimiter(knex) }: IdentityOptions = {},
): Promise<Identity> {
  const router = Router();
  const { publicUrl, identity } = config;
  let rp: { issuer: string; clientId: string; clientSecret: string };
  let verifyAccessToken: VerifyAccessToken = () => Promise.resolve(undefined);
  if (identity.kind === 'embedded') {
    rp = {
      issuer: `${publicUrl}${OIDC_MOUNT_PATH}`,
      clientId: EMBEDDED_CLIENT_ID,
      clientSecret: await identitySecret(knex, 'oidc_client_secret', randomSecret),
    };
    const apiResource = `${publicUrl}${API_MOUNT_PATH}`;
    const provider = await createEmbeddedProvider(
      knex,
      rp.issuer,
      {
        clientId: rp.clientId,
        clientSecret: rp.clientSecret,
        redirectUri: `${publicUrl}/auth/callback`,
        postLogoutRedirectUri: `${publicUrl}/`,
      },
      { apiResource, logger },
    );
    // The provider is in this process: verify against its key directly rather than fetching its JWKS over HTTP.
    const signingKey = await providerSigningKey(knex);
    const publicKey = Object.fromEntries(PUBLIC_RSA_MEMBERS.map((k) => [k, signingKey[k]]));
    verifyAccessToken = createAccessTokenVerifier({
      issuer: rp.issuer,
      audience: apiResource,
      knex,
      keys: createLocalJWKSet({ keys: [publicKey] }),
    });
    router.use(interactionRouter(knex, provider, limiter));
    router.use(totpRouter(knex, limiter));
    router.use(OIDC_MOUNT_PATH, provider.callback());
  } else {
    rp = { issuer: identity.issuer, clientId: identity.clientId, clientSecret: identity.clientSecret };
  }
  router.use(
    authRouter({
      knex,
      publicUrl,
      clientId: rp.clientId,
      cookieSecret: await identitySecret(knex, 'rp_cookie_secret', randomSecret),
      sessionTtlMs,
      oidc: relyingParty(rp),
      citizen: createCitizenIssuer(config.citizenIdentity),
    }),
  );
  return { router, verifyAccessToken };
}
