import type { Knex } from 'knex';
import type { Actor } from '../orgchart/Actor.js';
import { appendAudit } from '../orgchart/appendAudit.js';
import { generateTotpSecret, verifyTotp } from './totp.js';

/** The roles that may protect their account with a one-time code; of them, admin must. */
export const TOTP_ROLES = ['admin', 'analyst'] as const;

/** What a user must do after a correct password: nothing more, enrol (admins without a code), or type a code. */
export type SecondFactor = 'none' | 'enrol' | 'code';

interface TotpRow {
  secret: string;
  confirmed_at: Date | null;
  last_used_step: string | number | null;
}

const rolesOf = async (knex: Knex, userId: string) =>
  ((await knex('user_role').where({ user_id: userId }).distinct('role')) as { role: string }[]).map((r) => r.role);

/** Whether a user holds a role that may enrol a one-time code. */
export async function mayEnrolTotp(knex: Knex, userId: string): Promise<boolean> {
  const roles = await rolesOf(knex, userId);
  return TOTP_ROLES.some((role) => roles.includes(role));
}

/** Which second factor the sign-in of a user who typed the right password needs. */
export async function secondFactorFor(knex: Knex, userId: string): Promise<SecondFactor> {
  const row = (await knex('user_totp').where({ user_id: userId }).whereNotNull('confirmed_at').first('user_id')) as
    { user_id: string } | undefined;
  if (row) return 'code';
  return (await rolesOf(knex, userId)).includes('admin') ? 'enrol' : 'none';
}

/**
 * The secret of an enrolment a signed-in user started at /auth/totp and has not confirmed yet, creating one the
 * first time; undefined when the user is enrolled already.
 */
export async function pendingTotpSecret(knex: Knex, actor: Actor, userId: string): Promise<string | undefined> {
  const row = (await knex('user_totp').where({ user_id: userId }).first()) as TotpRow | undefined;
  if (row?.confirmed_at) return undefined;
  if (row) return row.secret;
  return knex.transaction(async (trx) => {
    const inserted = (await trx('user_totp')
      .insert({ user_id: userId, secret: generateTotpSecret() })
      .onConflict('user_id')
      .ignore()
      .returning('user_id')) as unknown[];
    if (inserted.length > 0)
      await appendAudit(trx, actor, { action: 'totp.enrolment_started', objectType: 'app_user', objectId: userId });
    const stored = (await trx('user_totp').where({ user_id: userId }).first()) as TotpRow;
    return stored.confirmed_at ? undefined : stored.secret;
  });
}

/**
 * Confirms an enrolment with the first code the user's app shows: stores the secret as confirmed with that code's
 * time step (so the same code cannot sign in) and audits 'totp.enrolled' in the same transaction. False when the
 * code does not match the secret.
 */
export async function confirmTotpEnrolment(
  knex: Knex,
  actor: Actor,
  { userId, secret, code, now = new Date() }: { userId: string; secret: string; code: string; now?: Date },
): Promise<boolean> {
  const verified = verifyTotp(secret, code, now);
  if (!verified.valid) return false;
  await knex.transaction(async (trx) => {
    const row = { user_id: userId, secret, confirmed_at: now, last_used_step: verified.step };
    await trx('user_totp').insert(row).onConflict('user_id').merge();
    await appendAudit(trx, actor, { action: 'totp.enrolled', objectType: 'app_user', objectId: userId });
  });
  return true;
}

/**
 * Checks a code of an enrolled user and records its time step, audited as 'totp.used' (a sign-in with a second
 * factor); a code already used (or an earlier one) is refused, also when two requests race with the same code.
 */
export async function checkTotpCode(
  knex: Knex,
  actor: Actor,
  { userId, code, now = new Date() }: { userId: string; code: string; now?: Date },
): Promise<boolean> {
  const row = (await knex('user_totp').where({ user_id: userId }).whereNotNull('confirmed_at').first()) as
    TotpRow | undefined;
  if (!row) return false;
  const lastUsedStep = row.last_used_step === null ? null : Number(row.last_used_step);
  const verified = verifyTotp(row.secret, code, now, { lastUsedStep });
  if (!verified.valid) return false;
  // Only one request can move the step forward: the loser of a race updates nothing and is refused.
  return knex.transaction(async (trx) => {
    const updated = await trx('user_totp')
      .where({ user_id: userId })
      .andWhere((q) => q.whereNull('last_used_step').orWhere('last_used_step', '<', verified.step))
      .update({ last_used_step: verified.step });
    if (updated !== 1) return false;
    await appendAudit(trx, actor, { action: 'totp.used', objectType: 'app_user', objectId: userId });
    return true;
  });
}
