import type { Knex } from 'knex';
import type { Role } from '../orgchart/AppUser.js';
import { systemActor } from '../orgchart/Actor.js';
import { appendAudit } from '../orgchart/appendAudit.js';
import { hashPassword } from './hashPassword.js';

// The most privileged role decides a demo user's password; the README's "Demo accounts" lists them.
const PASSWORD_BY_ROLE: readonly (readonly [Role, string])[] = [
  ['admin', 'demo-admin'],
  ['analyst', 'demo-analyst'],
  ['manager', 'demo-manager'],
  ['head_of_unit', 'demo-head'],
  ['operator', 'demo-operator'],
  ['clerk', 'demo-clerk'],
  ['citizen', 'demo-citizen'],
];

/** The demo password of a user with these roles. */
export function demoPasswordFor(roles: readonly string[]): string {
  return (PASSWORD_BY_ROLE.find(([role]) => roles.includes(role)) ?? PASSWORD_BY_ROLE[5]!)[1];
}

/** Gives each named demo user without a password the demo password of their role, audited; returns how many it set. */
export async function setDemoPasswords(knex: Knex, usernames: readonly string[]): Promise<number> {
  const users = (await knex('app_user as u')
    .leftJoin('user_credential as c', 'c.user_id', 'u.id')
    .whereIn('u.username', usernames)
    .whereNull('c.user_id')
    .select('u.id')) as { id: string }[];
  if (users.length === 0) return 0;
  const roles = (await knex('user_role')
    .whereIn(
      'user_id',
      users.map((u) => u.id),
    )
    .select('user_id', 'role')) as { user_id: string; role: string }[];
  const rows = await Promise.all(
    users.map(async ({ id }) => ({
      user_id: id,
      password_hash: await hashPassword(demoPasswordFor(roles.filter((r) => r.user_id === id).map((r) => r.role))),
    })),
  );
  await knex.transaction(async (trx) => {
    const set = (await trx('user_credential').insert(rows).onConflict('user_id').ignore().returning('user_id')) as {
      user_id: string;
    }[];
    for (const { user_id: userId } of set)
      await appendAudit(trx, systemActor, {
        action: 'password.set',
        objectType: 'app_user',
        objectId: userId,
        details: { reason: 'demo account' },
      });
  });
  return rows.length;
}
