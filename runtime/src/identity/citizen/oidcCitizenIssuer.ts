import * as client from 'openid-client';
import { relyingParty, type RelyingPartyOptions } from '../relyingParty.js';
import { refuse, type CitizenIssuer } from './CitizenIssuer.js';

/**
 * An OpenID Connect provider as the citizens' issuer (a gov.gr broker, or Keycloak brokering TaxisNet):
 * discovery, authorization code with state, nonce and PKCE, and the claims of the ID token.
 */
export function oidcCitizenIssuer(options: RelyingPartyOptions): CitizenIssuer {
  const oidc = relyingParty(options);
  return {
    profile: 'oidc',

    async authorizationUrl(flow, redirectUri, language) {
      return client.buildAuthorizationUrl(await oidc(), {
        redirect_uri: redirectUri,
        scope: 'openid profile',
        code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
        code_challenge_method: 'S256',
        state: flow.state,
        nonce: flow.nonce,
        ui_locales: language,
      });
    },

    async completeSignIn(callbackUrl, flow) {
      try {
        const tokens = await client.authorizationCodeGrant(await oidc(), callbackUrl, {
          expectedState: flow.state,
          expectedNonce: flow.nonce,
          pkceCodeVerifier: flow.verifier,
          idTokenExpected: true,
        });
        return { ok: true, value: tokens.claims() ?? {} };
      } catch (error) {
        // The library's message names the failed check; it carries no token.
        return refuse('issuer_refused', error instanceof Error ? error.message : String(error));
      }
    },

    async logoutUrl(postLogoutRedirectUri) {
      const config = await oidc();
      return config.serverMetadata().end_session_endpoint
        ? client.buildEndSessionUrl(config, {
            client_id: options.clientId,
            post_logout_redirect_uri: postLogoutRedirectUri,
          }).href
        : undefined;
    },
  };
}
