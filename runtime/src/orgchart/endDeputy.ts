import type { Knex } from 'knex';
import type { Actor } from './Actor.js';
import { appendAudit } from './appendAudit.js';
import { athensToday } from './athensToday.js';
import { deputiesOf, selectDeputies, type Deputy } from './Deputy.js';
import { fail, type OrgResult } from './OrgResult.js';

/** What ending an arrangement did: the arrangement before, and after (null when it was deleted). */
export interface EndedDeputy {
  readonly before: Deputy;
  readonly after: Deputy | null;
}

const dayBefore = (isoDate: string) =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * Ends a deputy arrangement from today (Athens) and audits it as deputy.ended with before/after. One that has
 * not started before today is deleted; one that started earlier is cut short to end yesterday, so the days
 * the deputy did act stay on record. Fails on an unknown arrangement or one that ended before today.
 */
export async function endDeputy(
  knex: Knex,
  actor: Actor,
  deputyId: string,
  today: string = athensToday(),
): Promise<OrgResult<EndedDeputy>> {
  return knex.transaction(async (trx) => {
    const [before] = /^[1-9]\d{0,17}$/.test(deputyId)
      ? await deputiesOf(selectDeputies(trx).where('d.id', deputyId).forUpdate())
      : [];
    if (!before) return fail('deputy_not_found', 'deputyId', `No deputy arrangement has id ${deputyId}.`);
    if (before.toDate < today)
      return fail(
        'deputy_already_ended',
        'deputyId',
        `The arrangement ended on ${before.toDate}; past arrangements stay on record as they were.`,
      );
    let after: Deputy | null = null;
    if (before.fromDate >= today) await trx('deputy').where({ id: deputyId }).delete();
    else {
      after = { ...before, toDate: dayBefore(today) };
      await trx('deputy').where({ id: deputyId }).update({ to_date: after.toDate });
    }
    await appendAudit(trx, actor, {
      action: 'deputy.ended',
      objectType: 'deputy',
      objectId: deputyId,
      details: { before, after },
    });
    return { ok: true, value: { before, after } };
  });
}
