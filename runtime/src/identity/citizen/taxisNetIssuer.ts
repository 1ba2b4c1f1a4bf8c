import * as client from 'openid-client';
import type { CitizenIdentity } from '../../config/Config.js';
import { refuse, type CitizenIssuer, type CitizenResult } from './CitizenIssuer.js';
import { parseTaxisNetUserInfo } from './parseTaxisNetUserInfo.js';

/** The TaxisNet settings of the configuration. */
export type TaxisNetSettings = Omit<Extract<CitizenIdentity, { kind: 'taxisnet' }>, 'kind'>;

const TIMEOUT_MS = 10_000;
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function call(url: string, init: RequestInit): Promise<CitizenResult<Response>> {
  try {
    return {
      ok: true,
      value: await fetch(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(TIMEOUT_MS) }),
    };
  } catch (error) {
    return refuse('issuer_unreachable', `${new URL(url).host}: ${message(error)}`);
  }
}

/** The `error` of an OAuth error answer, if it is one; the rest of the body is not logged. */
async function oauthError(response: Response): Promise<string> {
  const body = (await response.json().catch(() => undefined)) as { error?: unknown } | undefined;
  return typeof body?.error === 'string' ? ` (${body.error.slice(0, 100)})` : '';
}

/**
 * The GSIS TaxisNet OAuth 2.0 service as the citizens' issuer: authorization code with state (and PKCE
 * unless turned off), the code redeemed with the client secret in the body, then the XML userinfo. TaxisNet
 * issues no ID token, so there is no nonce; the person is who the userinfo, fetched with the token, says.
 */
export function taxisNetIssuer(settings: TaxisNetSettings): CitizenIssuer {
  return {
    profile: 'taxisnet',

    async authorizationUrl(flow, redirectUri) {
      const url = new URL(settings.authorizationUrl);
      url.searchParams.set('client_id', settings.clientId);
      url.searchParams.set('redirect_uri', redirectUri);
      url.searchParams.set('response_type', 'code');
      url.searchParams.set('scope', 'read');
      url.searchParams.set('state', flow.state);
      if (settings.pkce) {
        url.searchParams.set('code_challenge', await client.calculatePKCECodeChallenge(flow.verifier));
        url.searchParams.set('code_challenge_method', 'S256');
      }
      return url;
    },

    async completeSignIn(callbackUrl, flow, redirectUri) {
      const params = callbackUrl.searchParams;
      const error = params.get('error');
      if (error !== null) return refuse('issuer_refused', `TaxisNet answered error=${error.slice(0, 100)}`);
      if (params.get('state') !== flow.state) return refuse('state_mismatch', 'the state is not the flow cookie’s');
      const code = params.get('code');
      if (!code) return refuse('code_missing', 'the callback carries no code');

      const form = new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
        client_id: settings.clientId,
        client_secret: settings.clientSecret,
      });
      if (settings.pkce) form.set('code_verifier', flow.verifier);
      const token = await call(settings.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form,
      });
      if (!token.ok) return token;
      if (!token.value.ok) {
        return refuse(
          'issuer_refused',
          `the token endpoint answered ${token.value.status}${await oauthError(token.value)}`,
        );
      }
      const { access_token: accessToken } = (await token.value.json().catch(() => ({}))) as { access_token?: unknown };
      if (typeof accessToken !== 'string' || accessToken === '') {
        return refuse('issuer_refused', 'the token endpoint answered without an access_token');
      }

      const userinfo = await call(settings.userinfoUrl, {
        headers: { authorization: `Bearer ${accessToken}`, accept: 'application/xml, text/xml' },
      });
      if (!userinfo.ok) return userinfo;
      if (!userinfo.value.ok)
        return refuse('issuer_refused', `the userinfo endpoint answered ${userinfo.value.status}`);
      return parseTaxisNetUserInfo(await userinfo.value.text());
    },

    // GSIS shows its own "signed out" page; it takes no post-logout redirect.
    logoutUrl: () => Promise.resolve(settings.logoutUrl.replace('{clientId}', encodeURIComponent(settings.clientId))),
  };
}
