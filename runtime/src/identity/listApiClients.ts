import type { Knex } from 'knex';

/** A registered third-party system as admins see it: never its secret. */
export interface ApiClientSummary {
  readonly clientId: string;
  readonly name: string;
  readonly scopes: readonly string[];
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

/** Every registered third-party system, newest first, revoked ones included. */
export async function listApiClients(knex: Knex): Promise<ApiClientSummary[]> {
  const rows = (await knex('api_client')
    .orderBy('created_at', 'desc')
    .select('client_id', 'name', 'scopes', 'created_at', 'revoked_at')) as {
    client_id: string;
    name: string;
    scopes: string[] | string;
    created_at: Date;
    revoked_at: Date | null;
  }[];
  return rows.map((r) => ({
    clientId: r.client_id,
    name: r.name,
    scopes: typeof r.scopes === 'string' ? (JSON.parse(r.scopes) as string[]) : r.scopes,
    createdAt: new Date(r.created_at).toISOString(),
    revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
  }));
}
