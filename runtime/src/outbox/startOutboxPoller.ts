import type { Knex } from 'knex';
import type { Logger } from 'pino';

/** How an outbox is polled: the settings every dispatcher over an outbox table takes. */
export interface OutboxTiming {
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

/** A row claimed from an outbox table: its id, how many times it was claimed, and the columns asked for. */
export interface ClaimedOutboxRow {
  readonly id: string;
  readonly attempts: number;
}

/** One outbox table and what to do with each of its rows. */
export interface OutboxPollerOptions<Row extends ClaimedOutboxRow> extends OutboxTiming {
  readonly knex: Knex;
  readonly logger: Logger;
  /** The outbox table: columns id, attempts, available_at, dispatched_at, last_error, and those `columns` name. */
  readonly table: string;
  /** The other columns a claimed row carries. */
  readonly columns: readonly string[];
  /** What logs say of a row, e.g. `{ applicationId }`. */
  readonly describe: (row: Row) => Record<string, unknown>;
  /**
   * Delivers one row and marks it dispatched; resolves to why it could not (recorded on the row, which is retried
   * after the back-off), or undefined. Throwing counts as a failure too.
   */
  readonly dispatch: (row: Row) => Promise<string | undefined>;
}

/** A running outbox dispatcher. */
export interface OutboxPoller {
  /** Claims and dispatches one batch now; resolves to the number of rows it dispatched or failed. */
  dispatchOnce(): Promise<number>;
  /** Stops polling and waits for the batch in hand to finish. */
  stop(): Promise<void>;
}

const defaultBackoff = (attempt: number) => Math.min(1_000 * 2 ** (attempt - 1), 300_000);
const COLUMN = /^[a-z_][a-z0-9_]*$/;

/**
 * Polls an outbox table: claims undispatched rows (`for update skip locked`, so several runtimes can share the
 * database) with a lease committed before anything is delivered, delivers them one by one, and records a failure
 * on its row with an exponential back-off before the row is claimed again.
 */
export function startOutboxPoller<Row extends ClaimedOutboxRow>(options: OutboxPollerOptions<Row>): OutboxPoller {
  const { knex, logger, table, describe } = options;
  for (const name of [table, ...options.columns])
    if (!COLUMN.test(name)) throw new Error(`Expected an outbox table or column name, but got '${name}'`);
  const pollIntervalMs = options.pollIntervalMs ?? 250;
  const batchSize = options.batchSize ?? 20;
  const leaseMs = options.leaseMs ?? 120_000;
  const backoffMs = options.backoffMs ?? defaultBackoff;
  const returning = ['id', 'attempts', ...options.columns].join(', ');
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;

  async function claim(): Promise<Row[]> {
    const result = (await knex.raw(
      `update ${table} set attempts = attempts + 1,
         available_at = now() + (?::float8 * interval '1 millisecond')
       where id in (select id from ${table}
                    where dispatched_at is null and available_at <= now()
                    order by id limit ? for update skip locked)
       returning ${returning}`,
      [leaseMs, batchSize],
    )) as { rows: Row[] };
    return result.rows;
  }

  async function fail(row: Row, error: string): Promise<void> {
    const waitMs = backoffMs(row.attempts);
    logger.warn({ ...describe(row), attempts: row.attempts, error, retryInMs: waitMs }, 'dispatch failed');
    await knex(table)
      .where({ id: row.id })
      .update({
        last_error: error.slice(0, 2000),
        available_at: knex.raw("now() + (?::float8 * interval '1 millisecond')", [waitMs]),
      });
  }

  async function deliver(row: Row): Promise<void> {
    try {
      const failure = await options.dispatch(row);
      if (failure !== undefined) await fail(row, failure);
    } catch (error) {
      logger.error({ err: error, ...describe(row) }, 'outbox dispatch error');
      await fail(row, error instanceof Error ? error.message : String(error)).catch(() => undefined);
    }
  }

  async function dispatchOnce(): Promise<number> {
    const rows = await claim();
    for (const row of rows) await deliver(row);
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
