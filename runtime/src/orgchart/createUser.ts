import type { Knex } from 'knex';
import type { Actor } from './Actor.js';
import { toAppUser, type AppUser, type AppUserRow } from './AppUser.js';
import { appendAudit } from './appendAudit.js';
import { isValidTaxId } from './isValidTaxId.js';
import { fail, type OrgResult } from './OrgResult.js';

/** What a new user needs. */
export interface NewUser {
  readonly username: string;
  readonly displayNameEl: string;
  readonly displayNameEn: string;
  readonly email?: string | null;
  readonly kind: 'staff' | 'citizen';
  readonly taxId?: string | null;
  readonly active?: boolean;
}

/** Creates a staff member or citizen and audits it; fails on a taken username or an invalid or taken ΑΦΜ. */
export async function createUser(knex: Knex, actor: Actor, input: NewUser): Promise<OrgResult<AppUser>> {
  if (input.taxId != null && !isValidTaxId(input.taxId))
    return fail(
      'tax_id_invalid',
      'taxId',
      `${input.taxId} is not a valid ΑΦΜ: expected 9 digits with a valid check digit.`,
    );
  return knex.transaction(async (trx) => {
    if (await trx('app_user').where({ username: input.username }).first())
      return fail('username_taken', 'username', `The username ${input.username} is taken.`);
    if (input.taxId != null && (await trx('app_user').where({ tax_id: input.taxId }).first()))
      return fail('tax_id_taken', 'taxId', `Another user already has the ΑΦΜ ${input.taxId}.`);
    const [row] = (await trx('app_user')
      .insert({
        username: input.username,
        display_name_el: input.displayNameEl,
        display_name_en: input.displayNameEn,
        email: input.email ?? null,
        kind: input.kind,
        tax_id: input.taxId ?? null,
        active: input.active ?? true,
      })
      .returning('*')) as AppUserRow[];
    const user = toAppUser(row!);
    await appendAudit(trx, actor, {
      action: 'user.created',
      objectType: 'app_user',
      objectId: user.id,
      details: { username: user.username, kind: user.kind },
    });
    return { ok: true, value: user };
  });
}
