import type { Knex } from 'knex';
import { apiError, defineApiRoute, type ApiReply, type ApiRoute } from '../../http/ApiRoute.js';
import type { ApiClientResult } from '../../identity/ApiClient.js';
import { listApiClients } from '../../identity/listApiClients.js';
import { registerApiClient } from '../../identity/registerApiClient.js';
import { revokeApiClient } from '../../identity/revokeApiClient.js';
import { hasRole } from '../../policies/Policy.js';
import { apiClientCredentialsSchema, apiClientSchema, clientIdParams, registerApiClientBody } from './schema.js';

const admin = hasRole('admin');

function failure(result: Extract<ApiClientResult<unknown>, { ok: false }>, part: 'body' | 'params'): ApiReply {
  const { id, field, message } = result.error;
  return apiError(id === 'api_client_not_found' ? 404 : 400, id, message, `${part}.${field}`);
}

/** Third-party systems: admins register them (the secret is shown once), list them and revoke them. */
export function apiClientRoutes({ knex }: { knex: Knex }): ApiRoute[] {
  return [
    defineApiRoute({
      method: 'get',
      path: '/api-clients',
      operationId: 'listApiClients',
      summary: 'The registered third-party systems',
      tag: 'api-clients',
      policy: admin,
      responses: {
        200: {
          description: 'Every client, newest first.',
          schema: { type: 'object', properties: { clients: { type: 'array', items: apiClientSchema } } },
        },
      },
      async handle() {
        return { status: 200, json: { clients: await listApiClients(knex) } };
      },
    }),
    defineApiRoute<{ name: string; scopes: string[] }>({
      method: 'post',
      path: '/api-clients',
      operationId: 'registerApiClient',
      summary: 'Register a third-party system for the client-credentials grant',
      tag: 'api-clients',
      policy: admin,
      body: registerApiClientBody,
      responses: { 201: { description: 'Its credentials, shown only here.', schema: apiClientCredentialsSchema } },
      async handle({ body, actor }) {
        const result = await registerApiClient(knex, actor, body);
        return result.ok ? { status: 201, json: result.value } : failure(result, 'body');
      },
    }),
    defineApiRoute<undefined, Record<string, never>, { clientId: string }>({
      method: 'post',
      path: '/api-clients/:clientId/revoke',
      operationId: 'revokeApiClient',
      summary: 'Revoke a third-party system: no new tokens, and the ones it holds stop working',
      tag: 'api-clients',
      policy: admin,
      params: clientIdParams,
      responses: {
        200: {
          description: 'Revoked (again, if it already was).',
          schema: { type: 'object', properties: { clientId: { type: 'string' }, revokedAt: { type: 'string' } } },
        },
      },
      async handle({ params, actor }) {
        const result = await revokeApiClient(knex, actor, params.clientId);
        return result.ok
          ? { status: 200, json: { clientId: result.value.clientId, revokedAt: result.value.revokedAt.toISOString() } }
          : failure(result, 'params');
      },
    }),
  ];
}
