import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@polis/engine';
import { createTestDatabase } from '@polis/engine/testing';
import { engineMigrations } from '@polis/engine';
import { runtimeMigrations } from '../store/runtimeMigrations.js';
import type { RecordSource, StreamRecord } from './RecordSource.js';
import { projectionPosition, startProjection, type ProjectionHandler } from './startProjection.js';

/** An in-memory record stream: records appended by the test, announced to subscribers. */
function memorySource() {
  const records: StreamRecord[] = [];
  const listeners = new Set<() => void>();
  const source: RecordSource = {
    async read(_trx, after, limit) {
      return records.filter((r) => BigInt(r.position) > BigInt(after)).slice(0, limit);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    source,
    append(n: number) {
      for (let i = 0; i < n; i++) {
        const position = String(records.length + 1);
        records.push({
          position,
          key: position,
          timestamp: Date.now(),
          recordType: 'EVENT',
          valueType: 'JOB',
          intent: 'CREATED',
          processInstanceKey: null,
          value: {},
        });
      }
      for (const listener of listeners) listener();
    },
  };
}

describe('startProjection', () => {
  let db: Database;
  let knex: Knex;
  beforeAll(async () => {
    db = await createTestDatabase([engineMigrations, runtimeMigrations]);
    knex = db.knex;
    // What the projections under test write: a record applied twice would break the primary key.
    await knex.schema.createTable('seen_record', (t) => {
      t.text('projection').notNullable();
      t.bigInteger('position').notNullable();
      t.primary(['projection', 'position']);
    });
  });
  afterAll(async () => {
    await db?.close();
  });

  const seen = async (projection: string) =>
    ((await knex('seen_record').where({ projection }).orderBy('position').pluck('position')) as string[]).map(Number);
  const recording =
    (projection: string, failAt?: { position: number; times: number }): ProjectionHandler =>
    async (trx, records) => {
      for (const r of records) {
        await trx('seen_record').insert({ projection, position: r.position });
        if (failAt && Number(r.position) === failAt.position && failAt.times-- > 0)
          throw new Error(`handler failed at ${r.position}`);
      }
    };

  it('should apply every record once, a batch and its checkpoint at a time', async () => {
    // given five records and batches of two
    const stream = memorySource();
    stream.append(5);
    const projection = startProjection({
      name: 'five',
      knex,
      handle: recording('five'),
      source: stream.source,
      batchSize: 2,
      poll: false,
    });
    // when it catches up, twice
    const applied = await projection.catchUp();
    const again = await projection.catchUp();
    // then each record was applied once and the checkpoint is at the last
    expect(applied).toBe(5);
    expect(again).toBe(0);
    expect(await seen('five')).toEqual([1, 2, 3, 4, 5]);
    expect(await projectionPosition(knex, 'five')).toBe('5');
    await projection.stop();
  });

  it('should leave the checkpoint where it was when the handler fails, and apply the batch whole on the next try', async () => {
    // given a handler that fails once in the middle of the second batch
    const stream = memorySource();
    stream.append(5);
    const projection = startProjection({
      name: 'failing',
      knex,
      handle: recording('failing', { position: 3, times: 1 }),
      source: stream.source,
      batchSize: 2,
      poll: false,
    });
    // when it catches up
    await expect(projection.catchUp()).rejects.toThrow('handler failed at 3');
    // then the first batch stands, and nothing of the failed batch was kept
    expect(await projectionPosition(knex, 'failing')).toBe('2');
    expect(await seen('failing')).toEqual([1, 2]);
    // when it tries again, then the rest is applied once
    expect(await projection.catchUp()).toBe(3);
    expect(await seen('failing')).toEqual([1, 2, 3, 4, 5]);
    expect(await projectionPosition(knex, 'failing')).toBe('5');
    await projection.stop();
  });

  it('should resume after a restart from its stored checkpoint', async () => {
    // given a projection that applied three records and was stopped
    const stream = memorySource();
    stream.append(3);
    const first = startProjection({
      name: 'restart',
      knex,
      handle: recording('restart'),
      source: stream.source,
      poll: false,
    });
    await first.catchUp();
    await first.stop();
    stream.append(2);
    // when a new one with the same name starts
    const second = startProjection({
      name: 'restart',
      knex,
      handle: recording('restart'),
      source: stream.source,
      poll: false,
    });
    const applied = await second.catchUp();
    // then it applies only the records after the checkpoint
    expect(applied).toBe(2);
    expect(await seen('restart')).toEqual([1, 2, 3, 4, 5]);
    await second.stop();
  });

  it('should be woken by the source instead of waiting for its next poll, and stop after the batch in hand', async () => {
    // given a polling projection with a long poll interval, past its first (empty) pass
    const stream = memorySource();
    const projection = startProjection({
      name: 'woken',
      knex,
      handle: recording('woken'),
      source: stream.source,
      pollIntervalMs: 60_000,
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    // when records arrive and the source announces them
    const started = Date.now();
    stream.append(2);
    for (let i = 0; i < 100 && (await seen('woken')).length < 2; i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    // then they are applied well before the poll interval
    expect(await seen('woken')).toEqual([1, 2]);
    expect(Date.now() - started).toBeLessThan(5_000);
    await projection.stop();
  });
});
