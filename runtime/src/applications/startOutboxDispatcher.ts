import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { EngineClient } from '../engine/EngineClient.js';
import { systemActor } from '../orgchart/Actor.js';
import { appendAudit } from '../orgchart/appendAudit.js';
import type { StartedInstanceFinder } from './StartedInstanceFinder.js';
import {
  startOutboxPoller,
  type ClaimedOutboxRow,
  type OutboxPoller,
  type OutboxTiming,
} from '../outbox/startOutboxPoller.js';

/** What the dispatcher needs. */
export interface OutboxDispatcherOptions extends OutboxTiming {
  readonly knex: Knex;
  readonly engine: Pick<EngineClient, 'createProcessInstance'>;
  readonly logger: Logger;
  /**
   * Finds an instance an earlier, unconfirmed attempt may have started; without one, such an attempt is
   * retried blindly (at-least-once). Use recordLogInstanceFinder with the embedded engine.
   */
  readonly finder?: StartedInstanceFinder | undefined;
}

/** A running dispatcher. */
export type OutboxDispatcher = OutboxPoller;

interface ClaimedRow extends ClaimedOutboxRow {
  readonly application_id: string;
  readonly payload: { bpmnProcessId: string; variables: Record<string, unknown> } | string;
}

/**
 * Starts the process of each registered application from the outbox: claims undispatched rows
 * (`for update skip locked`, so several runtimes can share the database) with a lease committed before the
 * engine is called, creates the instance through the Zeebe client, then stores its key on the application and
 * marks the row dispatched in one transaction. Failures are recorded and retried with back-off.
 *
 * Idempotency: a row claimed before (attempts > 1) may have started an instance that was never recorded (a
 * crash or a lost answer between the engine's commit and ours); before creating another, the dispatcher asks
 * the finder for an instance carrying the application's id and, if there is one, records that instead.
 */
export function startOutboxDispatcher(options: OutboxDispatcherOptions): OutboxDispatcher {
  const { knex, engine, finder } = options;
  const logger = options.logger.child({ component: 'outbox' });

  async function markDispatched(row: ClaimedRow, processInstanceKey: string, found: boolean): Promise<undefined> {
    await knex.transaction(async (trx) => {
      await trx('application')
        .where({ id: row.application_id })
        .update({ process_instance_key: processInstanceKey, status: 'in_progress' });
      await trx('application_outbox').where({ id: row.id }).update({ dispatched_at: trx.fn.now(), last_error: null });
      await appendAudit(trx, systemActor, {
        action: 'application.process_started',
        objectType: 'application',
        objectId: row.application_id,
        details: { processInstanceKey, ...(found ? { foundAfterUnconfirmedAttempt: true } : {}) },
      });
    });
    return undefined;
  }

  async function dispatch(row: ClaimedRow): Promise<string | undefined> {
    const payload =
      typeof row.payload === 'string'
        ? (JSON.parse(row.payload) as Exclude<ClaimedRow['payload'], string>)
        : row.payload;
    if (row.attempts > 1 && finder) {
      const key = await finder.find(row.application_id, payload.bpmnProcessId);
      if (key !== undefined) {
        logger.info(
          { applicationId: row.application_id, processInstanceKey: key },
          'instance found from an earlier attempt',
        );
        return markDispatched(row, key, true);
      }
    }
    const started = await engine.createProcessInstance({
      bpmnProcessId: payload.bpmnProcessId,
      variables: payload.variables,
    });
    if (!started.ok) return `${started.error.code}: ${started.error.message}`;
    return markDispatched(row, started.value.processInstanceKey, false);
  }

  return startOutboxPoller<ClaimedRow>({
    ...options,
    logger,
    table: 'application_outbox',
    columns: ['application_id', 'payload'],
    describe: (row) => ({ applicationId: row.application_id }),
    dispatch,
  });
}
