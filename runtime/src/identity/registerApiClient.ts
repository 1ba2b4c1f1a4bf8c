import { randomBytes, randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { Actor } from '../orgchart/Actor.js';
import { appendAudit } from '../orgchart/appendAudit.js';
import {
  API_SCOPES,
  failApiClient,
  hashClientSecret,
  isApiScope,
  type ApiClientResult,
  type ApiScope,
} from './ApiClient.js';

/** What a third-party system is registered with. */
export interface ApiClientRegistration {
  readonly name: string;
  readonly scopes: readonly string[];
}

/** A registered client's credentials: the secret is returned here once and never again. */
export interface ApiClientCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly scopes: readonly ApiScope[];
}

/**
 * Registers a third-party system for the client-credentials grant with some of {@link API_SCOPES}, and audits it
 * ('api_client.registered'). Only the hash of the secret is stored.
 */
export async function registerApiClient(
  knex: Knex,
  actor: Actor,
  input: ApiClientRegistration,
): Promise<ApiClientResult<ApiClientCredentials>> {
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (name.length === 0 || name.length > 200)
    return failApiClient('api_client_name_invalid', 'name', 'Give the system a name of 1 to 200 characters.');
  const unknown = input.scopes.filter((scope) => !isApiScope(scope));
  if (input.scopes.length === 0 || unknown.length > 0)
    return failApiClient(
      'api_client_scopes_invalid',
      'scopes',
      `Choose one or more of ${API_SCOPES.join(', ')}${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}.`,
    );
  const scopes = [...new Set(input.scopes as readonly ApiScope[])];
  const clientId = `api-${randomUUID()}`;
  const clientSecret = randomBytes(32).toString('base64url');
  await knex.transaction(async (trx) => {
    await trx('api_client').insert({
      client_id: clientId,
      name,
      client_secret_hash: hashClientSecret(clientSecret),
      scopes: JSON.stringify(scopes),
    });
    await appendAudit(trx, actor, {
      action: 'api_client.registered',
      objectType: 'api_client',
      objectId: clientId,
      details: { name, scopes },
    });
  });
  return { ok: true, value: { clientId, clientSecret, scopes } };
}
