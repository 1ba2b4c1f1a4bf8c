import type { Knex } from 'knex';
import type { Actor } from './Actor.js';
import { toAppUser, type AppUserRow } from './AppUser.js';
import { appendAudit } from './appendAudit.js';
import { fail, type OrgResult } from './OrgResult.js';
import { summarizeUsers, type UserSummary } from './UserSummary.js';

/** The fields of a user an admin may change; username, kind and ΑΦΜ identify a person and stay. */
export interface UserChanges {
  readonly displayNameEl?: string;
  readonly displayNameEn?: string;
  readonly email?: string | null;
  /** False deactivates the user: their sessions stop working and they cannot sign in. */
  readonly active?: boolean;
}

/** Changes a user's names, email or active flag and audits the before/after; fails on an unknown user. */
export async function updateUser(
  knex: Knex,
  actor: Actor,
  userId: string,
  changes: UserChanges,
): Promise<OrgResult<UserSummary>> {
  return knex.transaction(async (trx) => {
    const before = (await trx('app_user').where({ id: userId }).forUpdate().first()) as AppUserRow | undefined;
    if (!before) return fail('user_not_found', 'userId', `No user has id ${userId}.`);
    const [row] = (await trx('app_user')
      .where({ id: userId })
      .update({
        display_name_el: changes.displayNameEl ?? before.display_name_el,
        display_name_en: changes.displayNameEn ?? before.display_name_en,
        email: changes.email === undefined ? before.email : changes.email,
        active: changes.active ?? before.active,
        updated_at: trx.fn.now(),
      })
      .returning('*')) as AppUserRow[];
    await appendAudit(trx, actor, {
      action: 'user.updated',
      objectType: 'app_user',
      objectId: userId,
      details: { before: toAppUser(before), after: toAppUser(row!) },
    });
    const [summary] = await summarizeUsers(trx, [row!]);
    return { ok: true, value: summary! };
  });
}
