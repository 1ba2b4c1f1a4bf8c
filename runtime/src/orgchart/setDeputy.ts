import type { Knex } from 'knex';
import type { Actor } from './Actor.js';
import { appendAudit } from './appendAudit.js';
import { fail, type OrgResult } from './OrgResult.js';

/** A date-bounded substitution: while absentUserId is away, deputyUserId sees and acts on their work. */
export interface DeputyArrangement {
  readonly absentUserId: string;
  readonly deputyUserId: string;
  /** First day, ISO yyyy-mm-dd, inclusive. */
  readonly fromDate: string;
  /** Last day, ISO yyyy-mm-dd, inclusive. */
  readonly toDate: string;
  readonly reason: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Names a deputy for an absent user over a date range and audits it. Fails when the dates are not ISO or
 * reversed, when a user deputises for themself, or when the range overlaps another arrangement for the same absent user.
 */
export async function setDeputy(
  knex: Knex,
  actor: Actor,
  input: DeputyArrangement,
): Promise<OrgResult<DeputyArrangement & { id: string }>> {
  for (const field of ['fromDate', 'toDate'] as const)
    if (!ISO_DATE.test(input[field]) || Number.isNaN(Date.parse(input[field])))
      return fail('deputy_dates_invalid', field, `${input[field]} is not a date in the form yyyy-mm-dd.`);
  if (input.fromDate > input.toDate)
    return fail(
      'deputy_dates_invalid',
      'toDate',
      `The last day ${input.toDate} is before the first ${input.fromDate}.`,
    );
  if (input.absentUserId === input.deputyUserId)
    return fail('deputy_self', 'deputyUserId', 'A user cannot be their own deputy.');
  return knex.transaction(async (trx) => {
    // Locking the absent user's row serializes arrangements for them, so the overlap check cannot race.
    const absent = await trx('app_user').where({ id: input.absentUserId }).forUpdate().first();
    if (!absent) return fail('user_not_found', 'absentUserId', `No user has id ${input.absentUserId}.`);
    if (!(await trx('app_user').where({ id: input.deputyUserId }).first()))
      return fail('user_not_found', 'deputyUserId', `No user has id ${input.deputyUserId}.`);
    const clash = (await trx('deputy')
      .where({ absent_user_id: input.absentUserId })
      .where('from_date', '<=', input.toDate)
      .where('to_date', '>=', input.fromDate)
      .select(trx.raw("to_char(from_date, 'YYYY-MM-DD') as from_date, to_char(to_date, 'YYYY-MM-DD') as to_date"))
      .first()) as { from_date: string; to_date: string } | undefined;
    if (clash)
      return fail(
        'deputy_overlap',
        'fromDate',
        `${absent.username} already has a deputy from ${clash.from_date} to ${clash.to_date}; choose dates outside that range.`,
      );
    const [row] = (await trx('deputy')
      .insert({
        absent_user_id: input.absentUserId,
        deputy_user_id: input.deputyUserId,
        from_date: input.fromDate,
        to_date: input.toDate,
        reason: input.reason,
      })
      .returning('id')) as { id: string | number }[];
    const id = String(row!.id);
    await appendAudit(trx, actor, { action: 'deputy.set', objectType: 'deputy', objectId: id, details: { ...input } });
    return { ok: true, value: { ...input, id } };
  });
}
