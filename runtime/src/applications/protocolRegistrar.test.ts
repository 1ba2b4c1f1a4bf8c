import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { describe, expect, it } from 'vitest';
import { appendAudit } from '../orgchart/appendAudit.js';
import { loadDemoOrgChart } from '../orgchart/loadDemoOrgChart.js';
import { useOrgChartDatabase } from '../orgchart/useOrgChartDatabase.js';
import {
  createProtocolRegistrar,
  RegistrarStoppedError,
  type BatchReport,
  type ProtocolStamp,
  type Registration,
} from './protocolRegistrar.js';

describe('createProtocolRegistrar', () => {
  const fixture = useOrgChartDatabase();
  const knex = () => fixture.db.knex;
  const citizen = async () => {
    await loadDemoOrgChart(knex());
    return ((await knex()('app_user').where({ username: 'c.papanikolaou' }).first('id')) as { id: string }).id;
  };
  /** A registration that writes a minimal application with its audit entry, or fails when told to. */
  const registration = (
    citizenUserId: string,
    at: string,
    { fail, serviceId = 'test-service' }: { fail?: string; serviceId?: string } = {},
  ): Registration<ProtocolStamp> => ({
    now: () => new Date(at),
    async write(trx: Knex.Transaction, stamp) {
      const id = randomUUID();
      await trx('application').insert({
        id,
        service_id: serviceId,
        process_id: 'p',
        form_id: 'f',
        form_version: 1,
        data: '{}',
        citizen_user_id: citizenUserId,
        idempotency_key: id,
        protocol_year: stamp.number.year,
        protocol_sequence: stamp.number.sequence,
        protocol_number: stamp.number.text,
        registered_at: stamp.registeredAt,
        due_date: '2030-01-10',
        status: 'submitted',
      });
      await appendAudit(
        trx,
        { userId: citizenUserId, sourceIp: undefined },
        {
          action: 'application.submitted',
          objectType: 'application',
          objectId: id,
        },
      );
      if (fail) throw new Error(fail);
      return stamp;
    },
  });
  const counter = async (year: number) =>
    ((await knex()('protocol_counter').where({ year }).first('last_sequence')) as { last_sequence: number } | undefined)
      ?.last_sequence;
  const stored = async (year: number) =>
    (await knex()('application')
      .where({ protocol_year: year })
      .orderBy('protocol_sequence')
      .pluck('protocol_sequence')) as number[];

  it('should commit the others of a batch with consecutive numbers when one member fails', async () => {
    // given five registrations queued at once, the third of which fails after writing
    const citizenUserId = await citizen();
    const batches: BatchReport[] = [];
    const registrar = createProtocolRegistrar(knex(), { onBatch: (b) => batches.push(b) });
    const at = '2030-01-03T08:00:00Z';
    // when they are registered
    const settled = await Promise.allSettled(
      [0, 1, 2, 3, 4].map((i) =>
        registrar.register(registration(citizenUserId, at, i === 2 ? { fail: 'attachment not owned' } : {})),
      ),
    );
    await registrar.stop();
    // then they went as one batch, the failing one got its own error and the others numbers 1–4 without a gap
    expect(batches.map((b) => [b.size, b.registered, b.failed])).toEqual([[5, 4, false]]);
    expect(settled[2]).toEqual({ status: 'rejected', reason: new Error('attachment not owned') });
    const numbers = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value.number.text] : []));
    expect(numbers).toEqual(['ΕΙΣ-2030/000001', 'ΕΙΣ-2030/000002', 'ΕΙΣ-2030/000003', 'ΕΙΣ-2030/000004']);
    expect(await stored(2030)).toEqual([1, 2, 3, 4]);
    expect(await counter(2030)).toBe(4);
  });

  it('should reject every member and leave the counter unchanged when the database refuses the batch', async () => {
    // given a year with one registration, and a database that refuses to commit a `refused` application
    const citizenUserId = await citizen();
    const at = '2031-05-05T08:00:00Z';
    const registrar = createProtocolRegistrar(knex());
    await registrar.register(registration(citizenUserId, at));
    await knex().raw(`create function test_refuse_commit() returns trigger language plpgsql as $$
      begin raise exception 'refused at commit'; end $$`);
    await knex().raw(`create constraint trigger test_refuse_commit after insert on application
      deferrable initially deferred for each row when (new.service_id = 'refused')
      execute function test_refuse_commit()`);
    try {
      // when a batch holds it among others
      const settled = await Promise.allSettled([
        registrar.register(registration(citizenUserId, at)),
        registrar.register(registration(citizenUserId, at, { serviceId: 'refused' })),
        registrar.register(registration(citizenUserId, at, { fail: 'its own problem' })),
        registrar.register(registration(citizenUserId, at)),
      ]);
      // then every member is rejected with the database's error, and nothing of the batch was kept
      expect(settled.map((s) => s.status === 'rejected' && (s.reason as Error).message)).toEqual(
        Array(4).fill(expect.stringContaining('refused at commit')),
      );
      expect(await counter(2031)).toBe(1);
      expect(await stored(2031)).toEqual([1]);
    } finally {
      await knex().raw('drop trigger test_refuse_commit on application');
      await knex().raw('drop function test_refuse_commit()');
    }
    // and the next batch carries on from the same number
    const next = await registrar.register(registration(citizenUserId, at));
    expect(next.number.text).toBe('ΕΙΣ-2031/000002');
    await registrar.stop();
  });

  it('should settle the queued registrations when stopped, and refuse new ones', async () => {
    // given registrations queued behind one another
    const citizenUserId = await citizen();
    const registrar = createProtocolRegistrar(knex(), { maxBatchSize: 2 });
    const queued = Array.from({ length: 5 }, () =>
      registrar.register(registration(citizenUserId, '2032-02-02T08:00:00Z')),
    );
    // when the registrar is stopped at once
    await registrar.stop();
    // then every queued one was registered, and a new one is refused
    expect((await Promise.all(queued)).map((s) => s.number.sequence)).toEqual([1, 2, 3, 4, 5]);
    await expect(registrar.register(registration(citizenUserId, '2032-02-02T08:00:00Z'))).rejects.toBeInstanceOf(
      RegistrarStoppedError,
    );
  });

  it('should number a batch that crosses into a new year from 1, without a row for a year left unused', async () => {
    // given a batch whose clocks read the last minute of 2032 and the first of 2033 in Athens, and one that fails
    const citizenUserId = await citizen();
    const registrar = createProtocolRegistrar(knex());
    // when they are registered at once
    const settled = await Promise.allSettled([
      registrar.register(registration(citizenUserId, '2032-12-31T21:59:00Z')),
      registrar.register(registration(citizenUserId, '2032-12-31T22:00:00Z')),
      registrar.register(registration(citizenUserId, '2034-06-01T08:00:00Z', { fail: 'no' })),
    ]);
    await registrar.stop();
    // then each year has its own numbers, and 2034, which kept nothing, has no counter
    expect(settled.map((s) => s.status === 'fulfilled' && s.value.number.text)).toEqual([
      'ΕΙΣ-2032/000006',
      'ΕΙΣ-2033/000001',
      false,
    ]);
    expect(await counter(2034)).toBeUndefined();
  });
});
