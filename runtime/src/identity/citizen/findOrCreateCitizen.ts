import type { Knex } from 'knex';
import type { Actor } from '../../orgchart/Actor.js';
import { createUser } from '../../orgchart/createUser.js';
import { grantRole } from '../../orgchart/grantRole.js';
import { refuse, type CitizenResult } from './CitizenIssuer.js';
import type { CitizenClaims } from './mapCitizenClaims.js';

/** The username of a citizen account created at first sign-in: `taxis:` and the ΑΦΜ. */
export const citizenUsername = (taxId: string) => `taxis:${taxId}`;

interface Holder {
  id: string;
  kind: 'staff' | 'citizen';
  active: boolean;
}

const holderOf = async (knex: Knex, taxId: string) =>
  (await knex('app_user').where({ tax_id: taxId }).first('id', 'kind', 'active')) as Holder | undefined;

function accept(holder: Holder): CitizenResult<{ userId: string; created: boolean }> {
  // A staff member's ΑΦΜ never opens a citizen session: staff sign in at the staff issuer, with their roles.
  if (holder.kind !== 'citizen') return refuse('staff_tax_id', `the ΑΦΜ belongs to staff user ${holder.id}`);
  if (!holder.active) return refuse('citizen_inactive', `citizen ${holder.id} is deactivated`);
  return { ok: true, value: { userId: holder.id, created: false } };
}

/**
 * The citizen account with this ΑΦΜ, created on first sign-in (kind citizen, role citizen) through the
 * audited org chart commands. `actor` is the system with the request's address: the account does not exist
 * yet to act for itself, and Polis creates it on the issuer's word.
 */
export async function findOrCreateCitizen(
  knex: Knex,
  actor: Actor,
  claims: CitizenClaims,
): Promise<CitizenResult<{ userId: string; created: boolean }>> {
  const holder = await holderOf(knex, claims.taxId);
  if (holder) return accept(holder);
  const displayName = `${claims.givenName} ${claims.familyName}`;
  const created = await knex.transaction(async (trx) => {
    const user = await createUser(trx, actor, {
      username: citizenUsername(claims.taxId),
      displayNameEl: displayName,
      displayNameEn: displayName,
      kind: 'citizen',
      taxId: claims.taxId,
    });
    if (!user.ok) return user;
    const granted = await grantRole(trx, actor, { userId: user.value.id, role: 'citizen', orgUnitId: null });
    if (!granted.ok) throw new Error(`Expected to grant the citizen role, but ${granted.error.message}`);
    return user;
  });
  if (created.ok) return { ok: true, value: { userId: created.value.id, created: true } };
  // A first sign-in in another tab may have created the account meanwhile.
  const raced = await holderOf(knex, claims.taxId);
  if (raced) return accept(raced);
  return refuse('citizen_not_created', `the citizen account was not created: ${created.error.id}`);
}
