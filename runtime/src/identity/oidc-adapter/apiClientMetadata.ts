import type { Knex } from 'knex';
import type { Adapter, AdapterPayload } from 'oidc-provider';

/** How an api_client row is read. */
export interface ApiClientRow {
  client_id: string;
  name: string;
  client_secret_hash: string;
  scopes: string[] | string;
  created_at: Date;
  revoked_at: Date | null;
}

/** The scopes of an api_client row, whichever way the driver returned the jsonb column. */
export const scopesOf = (row: Pick<ApiClientRow, 'scopes'>): string[] =>
  typeof row.scopes === 'string' ? (JSON.parse(row.scopes) as string[]) : row.scopes;

/**
 * The Client model's storage: oidc-provider asks it for clients that are not in its static configuration, and
 * it answers with the registered, non-revoked third-party systems, allowed only the client-credentials grant
 * and their registered scopes. Registration goes through registerApiClient, never through the provider.
 */
export class ApiClientAdapter implements Adapter {
  constructor(private readonly knex: Knex) {}

  async find(id: string): Promise<AdapterPayload | undefined> {
    const row = (await this.knex('api_client').where({ client_id: id }).whereNull('revoked_at').first()) as
      ApiClientRow | undefined;
    if (!row) return undefined;
    return {
      client_id: row.client_id,
      client_name: row.name,
      // The stored hash; the provider compares it with the hash of what the client sends (see hashClientSecret).
      client_secret: row.client_secret_hash,
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: 'client_secret_basic',
      scope: scopesOf(row).join(' '),
    };
  }

  upsert(): Promise<void> {
    return Promise.reject(
      new Error('Expected api clients to be registered with registerApiClient, but the provider tried to store one.'),
    );
  }
  findByUid(): Promise<undefined> {
    return Promise.resolve(undefined);
  }
  findByUserCode(): Promise<undefined> {
    return Promise.resolve(undefined);
  }
  consume(): Promise<void> {
    return Promise.resolve();
  }
  destroy(): Promise<void> {
    return Promise.resolve();
  }
  revokeByGrantId(): Promise<void> {
    return Promise.resolve();
  }
}
