import type { Knex } from 'knex';
import { whoActsFor } from '../orgchart/whoActsFor.js';

/** Someone to escalate to: the head of a unit, or a colleague who deputises for that head on the day. */
export interface EscalationRecipient {
  readonly userId: string;
  readonly username: string;
  /** The unit whose work is late (as named), and the unit whose head this is (itself, or one above it). */
  readonly unitCode: string;
  readonly unitName: { readonly el: string; readonly en: string };
  /** Set for a deputy: the username of the head they act for. */
  readonly actingFor?: string;
}

interface UnitRow {
  id: string;
  code: string;
  name_el: string;
  name_en: string;
  parent_id: string | null;
  head_user_id: string | null;
}

/**
 * The heads of the units with these codes (for a unit without a head, the head of the nearest unit above it), and
 * whoever deputises for each of them on the day (yyyy-mm-dd), each person once. Codes that are not units (a role
 * as a candidate group) are skipped.
 */
export async function headsOfUnits(
  knex: Knex | Knex.Transaction,
  codes: readonly string[],
  date: string,
): Promise<EscalationRecipient[]> {
  const out = new Map<string, EscalationRecipient>();
  for (const code of new Set(codes)) {
    const unit = (await knex('org_unit').where({ code }).first()) as UnitRow | undefined;
    if (!unit) continue;
    let at: UnitRow | undefined = unit;
    const visited = new Set<string>();
    while (at && !at.head_user_id && at.parent_id && !visited.has(at.id)) {
      visited.add(at.id);
      at = (await knex('org_unit').where({ id: at.parent_id }).first()) as UnitRow | undefined;
    }
    if (!at?.head_user_id) continue;
    const head = (await knex('app_user').where({ id: at.head_user_id, active: true }).first('id', 'username')) as
      { id: string; username: string } | undefined;
    const about = { unitCode: unit.code, unitName: { el: unit.name_el, en: unit.name_en } };
    if (head && !out.has(head.id)) out.set(head.id, { userId: head.id, username: head.username, ...about });
    for (const deputy of await whoActsFor(knex as Knex, at.head_user_id, date))
      if (deputy.active && !out.has(deputy.id))
        out.set(deputy.id, {
          userId: deputy.id,
          username: deputy.username,
          ...about,
          actingFor: head?.username ?? at.head_user_id,
        });
  }
  return [...out.values()];
}
