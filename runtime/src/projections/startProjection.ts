import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { delay } from '../engine/JobWorker.js';
import { engineRecordSource } from './engineRecordSource.js';
import type { RecordSource, StreamRecord } from './RecordSource.js';

/**
 * Applies one batch of records inside the projection's transaction. It must be idempotent (applying a record a
 * second time changes nothing) and use only `trx`; throwing rolls the batch back, the checkpoint with it.
 */
export type ProjectionHandler = (trx: Knex.Transaction, records: readonly StreamRecord[]) => Promise<void>;

/** What a projection is and where it reads. */
export interface ProjectionOptions {
  /** Its checkpoint's name: one checkpoint per projection, kept across restarts. */
  readonly name: string;
  readonly knex: Knex;
  readonly handle: ProjectionHandler;
  /** The record stream; the embedded engine's log by default. */
  readonly source?: RecordSource;
  readonly logger?: Logger;
  /** Records applied per transaction (default 500). */
  readonly batchSize?: number;
  /** How often to look for new records when idle (default 250 ms); a source that can announce records wakes it sooner. */
  readonly pollIntervalMs?: number;
  /** The wait after a failed batch before it is tried again (default 2 s). */
  readonly retryDelayMs?: number;
  /** Whether to poll on a timer (default true); tests pass false and call catchUp. */
  readonly poll?: boolean;
}

/** A running projection. */
export interface Projection {
  readonly name: string;
  /** Applies batches until it has read every record there is now; resolves to how many it applied. */
  catchUp(): Promise<number>;
  /** Looks for new records now instead of at the next poll. */
  wake(): void;
  /** Stops polling and waits for the batch in hand to commit or roll back. */
  stop(): Promise<void>;
}

/** The position a projection has applied up to ('0' before its first batch). */
export async function projectionPosition(knex: Knex | Knex.Transaction, name: string): Promise<string> {
  const row = (await knex('projection_checkpoint').where({ name }).first(knex.raw('position::text as position'))) as
    { position: string } | undefined;
  return row?.position ?? '0';
}

/**
 * Starts a projection of the engine's record stream: reads the records after its stored checkpoint in batches and
 * applies each batch and advances the checkpoint in one transaction, so that a crash replays nothing twice and loses
 * nothing. The checkpoint row is locked for the batch (`for update skip locked`): with two runtime processes, one
 * applies a batch while the other moves on. A failed batch is logged and tried again after a pause.
 */
export function startProjection(options: ProjectionOptions): Projection {
  const { name, knex, handle } = options;
  const source = options.source ?? engineRecordSource();
  const batchSize = options.batchSize ?? 500;
  const pollIntervalMs = options.pollIntervalMs ?? 250;
  const retryDelayMs = options.retryDelayMs ?? 2_000;
  const logger = options.logger?.child({ projection: name });
  let stopped = false;
  let running: Promise<number> | undefined;
  let wakeUp: (() => void) | undefined;

  /** Applies one batch; resolves to the number of records applied (0: nothing new, or another process has it). */
  async function applyBatch(): Promise<number> {
    return knex.transaction(async (trx) => {
      await trx('projection_checkpoint').insert({ name, position: 0 }).onConflict('name').ignore();
      const checkpoint = (await trx('projection_checkpoint')
        .where({ name })
        .forUpdate()
        .skipLocked()
        .first(trx.raw('position::text as position'))) as { position: string } | undefined;
      if (!checkpoint) return 0;
      const records = await source.read(trx, checkpoint.position, batchSize);
      if (records.length === 0) return 0;
      await handle(trx, records);
      await trx('projection_checkpoint')
        .where({ name })
        .update({ position: records[records.length - 1]!.position, updated_at: trx.fn.now() });
      return records.length;
    });
  }

  async function catchUpOnce(): Promise<number> {
    let total = 0;
    for (;;) {
      const applied = await applyBatch();
      total += applied;
      if (applied < batchSize || stopped) return total;
    }
  }

  function catchUp(): Promise<number> {
    // One batch at a time per process: a second caller waits for the running pass, then runs its own.
    const next = (running ?? Promise.resolve(0)).catch(() => 0).then(() => catchUpOnce());
    running = next;
    return next;
  }

  async function loop(): Promise<void> {
    while (!stopped) {
      let wait = pollIntervalMs;
      try {
        await catchUp();
      } catch (error) {
        logger?.error({ err: error }, 'projection batch failed; the checkpoint stays where it was');
        wait = retryDelayMs;
      }
      if (stopped) return;
      await Promise.race([delay(wait), new Promise<void>((resolve) => (wakeUp = resolve))]);
      wakeUp = undefined;
    }
  }

  const wake = () => wakeUp?.();
  const unsubscribe = options.poll === false ? undefined : source.subscribe?.(wake);
  const looping = options.poll === false ? Promise.resolve() : loop();

  return {
    name,
    catchUp,
    wake,
    async stop() {
      stopped = true;
      unsubscribe?.();
      wake();
      await looping;
      await running?.catch(() => undefined);
    },
  };
}
