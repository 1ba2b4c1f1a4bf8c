import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useOrgChartDatabase } from '../orgchart/useOrgChartDatabase.js';
import { createAccessTokenVerifier } from './accessTokens.js';
import { registerApiClient } from './registerApiClient.js';
import { revokeApiClient } from './revokeApiClient.js';
import { startSignOnServer } from './signOnHarness.js';

const fixture = useOrgChartDatabase();
let server: Awaited<ReturnType<typeof startSignOnServer>>;
const actor = { userId: undefined, sourceIp: '192.0.2.1' };

beforeAll(async () => {
  server = await startSignOnServer(fixture.db.knex);
});
afterAll(() => server?.close());

async function register(scopes: string[]) {
  const result = await registerApiClient(fixture.db.knex, actor, { name: 'Σύστημα μισθοδοσίας', scopes });
  if (!result.ok) throw new Error(`Expected the client to be registered, but ${result.error.message}`);
  return result.value;
}

/** Asks the provider's token endpoint for a client-credentials token, as a third-party system does. */
function requestToken(clientId: string, clientSecret: string, scope: string) {
  return fetch(`${server.baseUrl}/oidc/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope }),
  });
}

async function tokenFor(clientId: string, clientSecret: string, scope: string): Promise<string> {
  const response = await requestToken(clientId, clientSecret, scope);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { access_token: string; token_type: string; expires_in: number };
  expect(body.token_type).toBe('Bearer');
  return body.access_token;
}

describe('api clients and the client-credentials grant', () => {
  it('should issue a registered client a JWT access token for the API that the verifier accepts with its scopes', async () => {
    // given a registered client
    const { clientId, clientSecret } = await register(['orgchart:read', 'tasks:read']);
    // when it asks for a token with one of its scopes
    const token = await tokenFor(clientId, clientSecret, 'orgchart:read');
    // then the token is a JWT for the API, and the verifier knows the client and its scope
    expect(token.split('.')).toHaveLength(3);
    expect(await server.verifyAccessToken(token)).toEqual({ clientId, scopes: ['orgchart:read'] });
    // and only the hash of the secret is stored, and the registration is audited
    const row = await fixture.db.knex('api_client').where({ client_id: clientId }).first();
    expect(row.client_secret_hash).toMatch(/^sha256\$[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(clientSecret);
    const audit = await fixture.db.knex('audit_entry').where({ action: 'api_client.registered', object_id: clientId });
    expect(audit).toHaveLength(1);
  });

  it('should refuse a scope the client was not registered for, and a wrong secret', async () => {
    // given
    const { clientId, clientSecret } = await register(['metrics:read']);
    // when
    const unregistered = await requestToken(clientId, clientSecret, 'audit:read');
    const wrongSecret = await requestToken(clientId, 'not-the-secret', 'metrics:read');
    // then
    expect(unregistered.status).toBe(400);
    expect(((await unregistered.json()) as { error: string }).error).toBe('invalid_scope');
    expect(wrongSecret.status).toBe(401);
    expect(((await wrongSecret.json()) as { error: string }).error).toBe('invalid_client');
  });

  it('should refuse to register unknown scopes or no scopes, as values', async () => {
    // when
    const unknown = await registerApiClient(fixture.db.knex, actor, { name: 'x', scopes: ['orgchart:read', 'root'] });
    const none = await registerApiClient(fixture.db.knex, actor, { name: 'x', scopes: [] });
    // then
    expect(unknown).toMatchObject({ ok: false, error: { id: 'api_client_scopes_invalid', field: 'scopes' } });
    expect(none).toMatchObject({ ok: false, error: { id: 'api_client_scopes_invalid' } });
  });

  it('should reject the tokens of a revoked client and give it no new ones', async () => {
    // given a client holding a token
    const { clientId, clientSecret } = await register(['applications:read']);
    const token = await tokenFor(clientId, clientSecret, 'applications:read');
    // when it is revoked
    const revoked = await revokeApiClient(fixture.db.knex, actor, clientId);
    // then its token is rejected, it gets no new one, and the revocation is audited
    expect(revoked.ok).toBe(true);
    expect(await server.verifyAccessToken(token)).toBeUndefined();
    expect((await requestToken(clientId, clientSecret, 'applications:read')).status).toBe(401);
    expect(
      await fixture.db.knex('audit_entry').where({ action: 'api_client.revoked', object_id: clientId }),
    ).toHaveLength(1);
    expect(await revokeApiClient(fixture.db.knex, actor, 'api-unknown')).toMatchObject({
      ok: false,
      error: { id: 'api_client_not_found' },
    });
  });

  it('should reject a token for another audience, one signed by another key, and garbage, and accept via the JWKS', async () => {
    // given a valid token, and verifiers that fetch the issuer's JWKS over HTTP
    const { clientId, clientSecret } = await register(['tasks:read']);
    const token = await tokenFor(clientId, clientSecret, 'tasks:read');
    const issuer = `${server.baseUrl}/oidc`;
    const knex = fixture.db.knex;
    const forApi = createAccessTokenVerifier({ issuer, audience: `${server.baseUrl}/api`, knex });
    const forOther = createAccessTokenVerifier({ issuer, audience: 'https://elsewhere.example/api', knex });
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const forged = await new SignJWT({ client_id: clientId, scope: 'tasks:read' })
      .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: 'forged' })
      .setIssuer(issuer)
      .setAudience(`${server.baseUrl}/api`)
      .setSubject(clientId)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    // when / then
    expect(await forApi(token)).toEqual({ clientId, scopes: ['tasks:read'] });
    expect(await forOther(token)).toBeUndefined();
    expect(await forApi(forged)).toBeUndefined();
    expect(await server.verifyAccessToken(forged)).toBeUndefined();
    expect(await server.verifyAccessToken('not.a.jwt')).toBeUndefined();
    expect(await server.verifyAccessToken('')).toBeUndefined();
  });
});
