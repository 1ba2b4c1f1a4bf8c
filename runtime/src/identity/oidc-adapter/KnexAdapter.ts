import type { Knex } from 'knex';
import type { Adapter, AdapterPayload } from 'oidc-provider';

interface PayloadRow {
  payload: AdapterPayload;
  consumed_at: Date | string | null;
}

const epochSeconds = (at: Date | string) => Math.floor(new Date(at).getTime() / 1000);

/**
 * oidc-provider's storage for one model (Session, Grant, AuthorizationCode, Interaction, …) in the
 * oidc_payload table, so that sign-ins survive restarts and every runtime process sees the same ones.
 * Expired rows are treated as absent; {@link deleteExpiredOidcPayloads} removes them.
 */
export class KnexAdapter implements Adapter {
  constructor(
    private readonly knex: Knex,
    private readonly model: string,
  ) {}

  async upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
    const row = {
      model: this.model,
      id,
      payload: JSON.stringify(payload),
      grant_id: payload.grantId ?? null,
      user_code: payload.userCode ?? null,
      uid: payload.uid ?? null,
      expires_at: typeof expiresIn === 'number' ? new Date(Date.now() + expiresIn * 1000) : null,
      consumed_at: null,
    };
    await this.knex('oidc_payload').insert(row).onConflict(['model', 'id']).merge();
  }

  find(id: string): Promise<AdapterPayload | undefined> {
    return this.findWhere({ id });
  }

  findByUid(uid: string): Promise<AdapterPayload | undefined> {
    return this.findWhere({ uid });
  }

  findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    return this.findWhere({ user_code: userCode });
  }

  async consume(id: string): Promise<void> {
    await this.knex('oidc_payload').where({ model: this.model, id }).update({ consumed_at: new Date() });
  }

  async destroy(id: string): Promise<void> {
    await this.knex('oidc_payload').where({ model: this.model, id }).delete();
  }

  /** Removes everything issued under a grant, whatever its model (codes, access and refresh tokens). */
  async revokeByGrantId(grantId: string): Promise<void> {
    await this.knex('oidc_payload').where({ grant_id: grantId }).delete();
  }

  private async findWhere(where: Record<string, string>): Promise<AdapterPayload | undefined> {
    const row = (await this.knex('oidc_payload')
      .where({ model: this.model, ...where })
      .andWhere((q) => q.whereNull('expires_at').orWhere('expires_at', '>', new Date()))
      .first('payload', 'consumed_at')) as PayloadRow | undefined;
    if (!row) return undefined;
    const payload = typeof row.payload === 'string' ? (JSON.parse(row.payload) as AdapterPayload) : row.payload;
    return row.consumed_at ? { ...payload, consumed: epochSeconds(row.consumed_at) } : payload;
  }
}

/** Deletes the oidc_payload rows whose time is up; returns how many. Safe to run from any process at any time. */
export async function deleteExpiredOidcPayloads(knex: Knex, now = new Date()): Promise<number> {
  const deleted: unknown = await knex('oidc_payload').where('expires_at', '<=', now).delete();
  // PostgreSQL's driver answers with a count; knex-pglite with the raw result.
  return typeof deleted === 'number' ? deleted : Number((deleted as { rowCount?: number }).rowCount ?? 0);
}
