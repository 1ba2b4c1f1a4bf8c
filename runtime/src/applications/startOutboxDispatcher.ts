import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { EngineClient } from '../engine/EngineClient.js';
import { systemActor } from '../orgchart/Actor.js';
import { appendAudit } from '../orgchart/appendAudit.js';
import type { StartedInstanceFinder } from './StartedInstanceFinder.js';

/** What the dispatcher needs. */
export interface OutboxDispatcherOptions {
  readonly knex: Knex;
  readonly engine: Pick<EngineClient, 'createProcessInstance'>;
  readonly logger: Logger;
  /**
   * Finds an instance an earlier, unconfirmed attempt may have started; without one, such an attempt is
   * retried blindly (at-least-once). Use recordLogInstanceFinder with the embedded engine.
   */
  readonly finder?: StartedInstanceFinder | undefined;
  /** How often to look for new rows when idle (default 250 ms). */
  readonly pollIntervalMs?: number;
  /** Rows claimed at once (default 20). */
  readonly batchSize?: number;
  /**
   * How long a claim keeps other dispatchers off a row (default 120 s): longer than any engine call can take,
   * so a slow call is not overtaken by a second dispatcher's attempt.
   */
  readonly leaseMs?: number;
  /** The wait before retry n (1, 2, …) after a failure (default 1 s doubling up to 5 min). */
  readonly backoffMs?: (attempt: number) => number;
  /** Whether to poll on a timer (default true); tests pass false and call dispatchOnce. */
  readonly poll?: boolean;
}

/** A running dispatcher. */
export interface OutboxDispatcher {
  /** Claims and dispatches one batch now; resolves to the number of rows it dispatched or failed. */
  dispatchOnce(): Promise<number>;
  /** Stops polling and waits for the batch in hand to finish. */
  stop(): Promise<void>;
}

interface ClaimedRow {
  id: string;
  application_id: string;
  payload: { bpmnProcessId: string; variables: Record<string, unknown> } | string;
  attempts: number;
}

const defaultBackoff = (attempt: number) => Math.min(1_000 * 2 ** (attempt - 1), 300_000);

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
  const pollIntervalMs = options.pollIntervalMs ?? 250;
  const batchSize = options.batchSize ?? 20;
  const leaseMs = options.leaseMs ?? 120_000;
  const backoffMs = options.backoffMs ?? defaultBackoff;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;

  async function claim(): Promise<ClaimedRow[]> {
    const result = (await knex.raw(
      `update application_outbox set attempts = attempts + 1,
         available_at = now() + (?::float8 * interval '1 millisecond')
       where id in (select id from application_outbox
                    where dispatched_at is null and available_at <= now()
                    order by id limit ? for update skip locked)
       returning id, application_id, payload, attempts`,
      [leaseMs, batchSize],
    )) as { rows: ClaimedRow[] };
    return result.rows;
  }

  async function markDispatched(row: ClaimedRow, processInstanceKey: string, found: boolean): Promise<void> {
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
  }

  async function fail(row: ClaimedRow, error: string): Promise<void> {
    const waitMs = backoffMs(row.attempts);
    logger.warn(
      { applicationId: row.application_id, attempts: row.attempts, error, retryInMs: waitMs },
      'start failed',
    );
    await knex('application_outbox')
      .where({ id: row.id })
      .update({
        last_error: error.slice(0, 2000),
        available_at: knex.raw("now() + (?::float8 * interval '1 millisecond')", [waitMs]),
      });
  }

  async function dispatch(row: ClaimedRow): Promise<void> {
    const payload =
      typeof row.payload === 'string'
        ? (JSON.parse(row.payload) as Exclude<ClaimedRow['payload'], string>)
        : row.payload;
    try {
      if (row.attempts > 1 && finder) {
        const key = await finder.find(row.application_id, payload.bpmnProcessId);
        if (key !== undefined) {
          logger.info(
            { applicationId: row.application_id, processInstanceKey: key },
            'instance found from an earlier attempt',
          );
          return await markDispatched(row, key, true);
        }
      }
      const started = await engine.createProcessInstance({
        bpmnProcessId: payload.bpmnProcessId,
        variables: payload.variables,
      });
      if (!started.ok) return await fail(row, `${started.error.code}: ${started.error.message}`);
      await markDispatched(row, started.value.processInstanceKey, false);
    } catch (error) {
      logger.error({ err: error, applicationId: row.application_id }, 'outbox dispatch error');
      await fail(row, error instanceof Error ? error.message : String(error)).catch(() => undefined);
    }
  }

  async function dispatchOnce(): Promise<number> {
    const rows = await claim();
    for (const row of rows) await dispatch(row);
    return rows.length;
  }

  function schedule(delayMs: number): void {
    if (stopped) return;
    timer = setTimeout(() => {
      running = dispatchOnce().catch((error: unknown) => {
        logger.error({ err: error }, 'outbox claim failed');
        return 0;
      });
      void running.then((count) => schedule(count >= batchSize ? 0 : pollIntervalMs));
    }, delayMs);
  }
  if (options.poll ?? true) schedule(0);

  return {
    dispatchOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
