import { randomBytes } from 'node:crypto';
import { Router } from 'express';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { Config } from '../config/Config.js';
import { authRouter } from './authRouter.js';
import { createEmbeddedProvider, OIDC_MOUNT_PATH } from './createEmbeddedProvider.js';
import { identitySecret } from './identitySecret.js';
import { interactionRouter } from './interactionRouter.js';
import { relyingParty } from './relyingParty.js';

/** The client id under which the runtime is registered at the embedded provider. */
export const EMBEDDED_CLIENT_ID = 'polis-runtime';
const EIGHT_HOURS_MS = 8 * 3600 * 1000;

const randomSecret = () => randomBytes(32).toString('base64url');

/**
 * Sign-on for the runtime: the relying party's /auth routes, and for the embedded identity also the OpenID
 * Provider at /oidc with its sign-in pages. With an external issuer the same relying party talks to it instead.
 */
export async function createIdentity(
  knex: Knex,
  config: Pick<Config, 'publicUrl' | 'identity'>,
  { logger, sessionTtlMs = EIGHT_HOURS_MS }: { logger?: Logger; sessionTtlMs?: number } = {},
): Promise<Router> {
  const router = Router();
  const { publicUrl, identity } = config;
  let rp: { issuer: string; clientId: string; clientSecret: string };
  if (identity.kind === 'embedded') {
    rp = {
      issuer: `${publicUrl}${OIDC_MOUNT_PATH}`,
      clientId: EMBEDDED_CLIENT_ID,
      clientSecret: await identitySecret(knex, 'oidc_client_secret', randomSecret),
    };
    const provider = await createEmbeddedProvider(
      knex,
      rp.issuer,
      {
        clientId: rp.clientId,
        clientSecret: rp.clientSecret,
        redirectUri: `${publicUrl}/auth/callback`,
        postLogoutRedirectUri: `${publicUrl}/`,
      },
      logger,
    );
    router.use(interactionRouter(knex, provider));
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
    }),
  );
  return router;
}
