import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { Role } from '../orgchart/AppUser.js';
import { athensToday } from '../orgchart/athensToday.js';

/** The signed-in user a session belongs to, with their roles, as routes see it in `res.locals.user`. */
export interface SessionUser {
  readonly id: string;
  readonly username: string;
  readonly displayNameEl: string;
  readonly displayNameEn: string;
  readonly kind: 'staff' | 'citizen';
  readonly roles: readonly { readonly role: Role; readonly orgUnitId: string | null }[];
  /** The colleagues this user deputises for today (Athens time): their work is this user's too. */
  readonly actingFor: readonly { readonly userId: string; readonly username: string }[];
}

/** The cookie that carries the runtime's session token. */
export const SESSION_COOKIE = 'polis_session';

/** The SHA-256 of a session token: the session's id in the database, and what CSRF tokens are bound to. */
export const sessionDigest = (token: string): string => createHash('sha256').update(token).digest('hex');
const digest = sessionDigest;

/** Creates a session for a user; returns the 256-bit token for the cookie (only its hash is stored). */
export async function createSession(knex: Knex, userId: string, ttlMs: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  await knex('session').insert({
    id: digest(token),
    user_id: userId,
    created_at: now,
    last_seen_at: now,
    expires_at: new Date(now.getTime() + ttlMs),
  });
  return token;
}

/** Deletes the session a token names, if any. */
export async function deleteSession(knex: Knex, token: string): Promise<void> {
  await knex('session')
    .where({ id: digest(token) })
    .delete();
}

/**
 * The user of a live session, or undefined when the token names no session, an expired one (which is then
 * deleted) or one of a deactivated user. Records when the session was last seen, at most once a minute.
 */
export async function findSessionUser(knex: Knex, token: string): Promise<SessionUser | undefined> {
  const id = digest(token);
  const row = (await knex('session as s')
    .join('app_user as u', 'u.id', 's.user_id')
    .where('s.id', id)
    .first(
      's.expires_at',
      's.last_seen_at',
      'u.id',
      'u.username',
      'u.display_name_el',
      'u.display_name_en',
      'u.kind',
      'u.active',
    )) as
    | {
        expires_at: Date;
        last_seen_at: Date;
        id: string;
        username: string;
        display_name_el: string;
        display_name_en: string;
        kind: 'staff' | 'citizen';
        active: boolean;
      }
    | undefined;
  if (!row) return undefined;
  const now = Date.now();
  if (new Date(row.expires_at).getTime() <= now || !row.active) {
    await knex('session').where({ id }).delete();
    return undefined;
  }
  if (now - new Date(row.last_seen_at).getTime() > 60_000)
    await knex('session')
      .where({ id })
      .update({ last_seen_at: new Date(now) });
  const roles = (await knex('user_role').where({ user_id: row.id }).select('role', 'org_unit_id')) as {
    role: Role;
    org_unit_id: string | null;
  }[];
  const actingFor = (await knex('deputy as d')
    .join('app_user as u', 'u.id', 'd.absent_user_id')
    .where('d.deputy_user_id', row.id)
    .where('d.from_date', '<=', athensToday())
    .where('d.to_date', '>=', athensToday())
    .orderBy('u.username')
    .select('u.id', 'u.username')) as { id: string; username: string }[];
  return {
    id: row.id,
    username: row.username,
    displayNameEl: row.display_name_el,
    displayNameEn: row.display_name_en,
    kind: row.kind,
    roles: roles.map((r) => ({ role: r.role, orgUnitId: r.org_unit_id })),
    actingFor: actingFor.map((a) => ({ userId: a.id, username: a.username })),
  };
}
