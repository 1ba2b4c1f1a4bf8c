import type { Knex } from 'knex';
import type { StartedInstanceFinder } from './StartedInstanceFinder.js';

/**
 * Finds started instances in the embedded engine's record log (same database): the VARIABLE CREATED record of
 * `applicationId` at an instance's root scope, written in the same transaction as the instance itself. With a
 * Zeebe cluster the same question is answered from the exported records (the projection consumers read), not
 * from this table. The scan is not indexed; the dispatcher asks only for attempts whose outcome is unknown.
 */
export function recordLogInstanceFinder(knex: Knex): StartedInstanceFinder {
  return {
    async find(applicationId, bpmnProcessId) {
      const row = (await knex('engine_record')
        .where({ value_type: 'VARIABLE', intent: 'CREATED' })
        .whereRaw("value->>'name' = 'applicationId'")
        .whereRaw("value->>'value' = ?", [JSON.stringify(applicationId)])
        .whereRaw("value->>'bpmnProcessId' = ?", [bpmnProcessId])
        .whereRaw("value->>'scopeKey' = value->>'processInstanceKey'")
        .orderBy('position')
        .first(knex.raw('process_instance_key::text as key'))) as { key: string } | undefined;
      return row?.key;
    },
  };
}
