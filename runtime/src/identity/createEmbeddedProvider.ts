import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type Provider from 'oidc-provider';
import type { Configuration, JWK, KoaContextWithOIDC } from 'oidc-provider';
import { html, layout } from '../http/html.js';
import { negotiateLanguage, translator } from '../i18n/index.js';
import { API_SCOPES, matchesClientSecret } from './ApiClient.js';
import { identitySecret } from './identitySecret.js';
import { ApiClientAdapter } from './oidc-adapter/apiClientMetadata.js';
import { KnexAdapter } from './oidc-adapter/KnexAdapter.js';

/** The relying party the embedded provider knows: the runtime itself. */
export interface EmbeddedClient {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUri: string;
  readonly postLogoutRedirectUri: string;
}

/** Where the embedded provider is mounted in the runtime's express app; its issuer is the public URL plus this. */
export const OIDC_MOUNT_PATH = '/oidc';

interface AppUserClaimsRow {
  id: string;
  username: string;
  display_name_el: string;
  email: string | null;
}

function page(
  ctx: KoaContextWithOIDC,
  render: (t: ReturnType<typeof translator>) => [string, ReturnType<typeof html>],
) {
  const language = negotiateLanguage(ctx.query.lang, ctx.headers.cookie, ctx.headers['accept-language']);
  const t = translator(language);
  const [title, content] = render(t);
  ctx.type = 'html';
  ctx.body = layout(t, language, title, ctx.path, content);
}

/**
 * Runs `action` with oidc-provider's console warnings (printed on import and construction, e.g. about Node 20
 * and the in-memory adapter) sent to the logger instead: the process's stderr is kept for one-line failures.
 */
async function quietly<T>(logger: Logger | undefined, action: () => Promise<T>): Promise<T> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => logger?.warn(args.map(String).join(' '));
  try {
    return await action();
  } finally {
    console.warn = warn;
  }
}

/** What else the embedded provider needs besides its own client. */
export interface EmbeddedProviderOptions {
  /** The one resource (RFC 8707) for which third-party systems get JWT access tokens: the public URL plus /api. */
  readonly apiResource: string;
  readonly logger?: Logger | undefined;
}

/** How long an access token of a third-party system lives, in seconds. */
export const API_ACCESS_TOKEN_TTL_SECONDS = 600;

/** The embedded provider's RSA signing key, generated once and kept in identity_secret (private parts included). */
export function providerSigningKey(knex: Knex): Promise<JWK> {
  return identitySecret<JWK>(knex, 'oidc_signing_key', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    return { ...(privateKey.export({ format: 'jwk' }) as JWK), kid: randomUUID(), use: 'sig', alg: 'RS256' };
  });
}

/**
 * Creates the embedded OpenID Provider: one confidential client (the runtime; authorization code with PKCE S256),
 * accounts from app_user, its RSA signing key and cookie keys generated once and kept in identity_secret; and
 * for the registered third-party systems of api_client, the client-credentials grant with JWT access tokens for
 * the API. Grants, codes, sessions and interactions are kept in oidc_payload, so they survive restarts and are
 * shared by every runtime process.
 */
export async function createEmbeddedProvider(
  knex: Knex,
  issuer: string,
  client: EmbeddedClient,
  { apiResource, logger }: EmbeddedProviderOptions,
): Promise<Provider> {
  const { default: OidcProvider, errors } = await quietly(logger, () => import('oidc-provider'));
  const signingKey = await providerSigningKey(knex);
  const cookieKey = await identitySecret(knex, 'oidc_cookie_key', () => randomBytes(32).toString('base64url'));
  const secure = new URL(issuer).protocol === 'https:';

  const configuration: Configuration = {
    adapter: (model) => (model === 'Client' ? new ApiClientAdapter(knex) : new KnexAdapter(knex, model)),
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: [client.redirectUri],
        post_logout_redirect_uris: [client.postLogoutRedirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: {
      keys: [cookieKey],
      long: { sameSite: 'lax', httpOnly: true, secure },
      short: { sameSite: 'lax', httpOnly: true, secure },
    },
    pkce: { required: () => true },
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'], email: ['email'] },
    scopes: ['openid', 'offline_access', ...API_SCOPES],
    // The runtime reads who signed in from the ID token; it does not call the userinfo endpoint.
    conformIdTokenClaims: false,
    ttl: {
      Session: 8 * 3600,
      Grant: 8 * 3600,
      Interaction: 600,
      AuthorizationCode: 60,
      IdToken: 600,
      AccessToken: 600,
      ClientCredentials: API_ACCESS_TOKEN_TTL_SECONDS,
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // Third-party systems need not name the API: it is the only resource there is.
        defaultResource: (_ctx, target, oneOf) =>
          oneOf ?? (target.grantTypes?.includes('client_credentials') ? apiResource : undefined),
        useGrantedResource: () => false,
        getResourceServerInfo: (_ctx, resource, target) => {
          if (resource !== apiResource || !target.grantTypes?.includes('client_credentials'))
            throw new errors.InvalidTarget();
          return {
            // The client's own scopes are enforced by the provider against its registered `scope`.
            scope: API_SCOPES.join(' '),
            audience: apiResource,
            accessTokenFormat: 'jwt',
            accessTokenTTL: API_ACCESS_TOKEN_TTL_SECONDS,
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) =>
          page(ctx, (t) => [
            t('signOut.title'),
            html`<h1>${t('signOut.title')}</h1>
              <p class="intro">${t('signOut.body')}</p>
              ${{ html: form }}
              <p>
                <button type="submit" form="op.logoutForm" name="logout" value="yes">${t('signOut.confirm')}</button>
                <button type="submit" form="op.logoutForm">${t('signOut.cancel')}</button>
              </p>`,
          ]),
        postLogoutSuccessSource: (ctx) =>
          page(ctx, (t) => [
            t('signOut.title'),
            html`<h1>${t('signOut.title')}</h1>
              <p class="intro">${t('signOut.done')}</p>`,
          ]),
      },
    },
    interactions: { url: (_ctx, interaction) => `${OIDC_MOUNT_PATH}/interaction/${interaction.uid}` },
    renderError: (ctx) =>
      page(ctx, (t) => [
        t('identityError.title'),
        html`<h1>${t('identityError.title')}</h1>
          <p class="intro">${t('identityError.body')}</p>
          <p><a href="/">${t('notFound.home')}</a></p>`,
      ]),
    async findAccount(_ctx, sub) {
      const row = (await knex('app_user').where({ id: sub, active: true }).first()) as AppUserClaimsRow | undefined;
      if (!row) return undefined;
      return {
        accountId: row.id,
        claims: () => ({
          sub: row.id,
          name: row.display_name_el,
          preferred_username: row.username,
          ...(row.email ? { email: row.email } : {}),
        }),
      };
    },
    // Every client is the municipality's own: consent is implied, so the grant is made without asking.
    async loadExistingGrant(ctx) {
      const { oidc } = ctx;
      const clientId = oidc.client!.clientId;
      const grantId = oidc.result?.consent?.grantId ?? oidc.session!.grantIdFor(clientId);
      const existing = grantId ? await oidc.provider.Grant.find(grantId) : undefined;
      if (existing) return existing;
      const grant = new oidc.provider.Grant({ clientId, accountId: oidc.session!.accountId! });
      grant.addOIDCScope('openid profile email');
      await grant.save();
      return grant;
    },
  };
  const provider = await quietly(logger, async () => new OidcProvider(issuer, configuration));
  // api_client keeps only a hash of each secret (docs/decisions/0005): compare hashes for those clients.
  const compareClientSecret = provider.Client.prototype.compareClientSecret;
  provider.Client.prototype.compareClientSecret = function (this: InstanceType<Provider['Client']>, actual: string) {
    return this.clientSecret?.startsWith('sha256$')
      ? matchesClientSecret(this.clientSecret, actual)
      : compareClientSecret.call(this, actual);
  };
  // Behind express with `trust proxy`: honour X-Forwarded-* from the same trusted hops.
  provider.proxy = true;
  return provider;
}
