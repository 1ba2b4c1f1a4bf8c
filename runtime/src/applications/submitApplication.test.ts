import { describe, expect, it } from 'vitest';
import { loadDemoOrgChart } from '../orgchart/loadDemoOrgChart.js';
import { useOrgChartDatabase } from '../orgchart/useOrgChartDatabase.js';
import { createProtocolRegistrar } from './protocolRegistrar.js';
import { submitApplication, type SubmissionDependencies } from './submitApplication.js';
import { testSubmissionDependencies } from './testSubmissionDependencies.js';

describe('submitApplication', () => {
  const fixture = useOrgChartDatabase();
  const knex = () => fixture.db.knex;
  let keys = 0;
  const citizen = async (username = 'c.papanikolaou') => {
    await loadDemoOrgChart(knex());
    return ((await knex()('app_user').where({ username }).first('id')) as { id: string }).id;
  };
  const submit = async (
    deps: SubmissionDependencies,
    { data = { fullName: 'Ελένη Παπανικολάου' } as unknown, key = `key-${++keys}-abcdefgh`, user = '' } = {},
  ) => {
    const citizenUserId = user || (await citizen());
    return submitApplication(
      knex(),
      { userId: citizenUserId, sourceIp: '127.0.0.1' },
      { serviceId: 'residence-certificate', data, idempotencyKey: key, citizenUserId },
      deps,
    );
  };
  const count = async (table: string) => Number(((await knex()(table).count('* as n')) as { n: string }[])[0]!.n);
  const counters = () => knex()('protocol_counter').orderBy('year').select('year', 'last_sequence');
  const at = (iso: string) => testSubmissionDependencies({ now: () => new Date(iso) });

  it('should number a year’s applications without gaps, give back the number of a rolled-back one and restart at 1 in a new year', async () => {
    // given submissions in March 2026 (Athens time 10:42 is 08:42 UTC before summer time)
    const march = at('2026-03-14T08:42:00Z');
    const first = await submit(march);
    const second = await submit(march);
    // when one fails after taking its number (the calendar throws inside the transaction)
    const failing = testSubmissionDependencies({
      now: () => new Date('2026-03-14T08:43:00Z'),
      addWorkingDays: () => {
        throw new Error('calendar unavailable');
      },
    });
    await expect(submit(failing)).rejects.toThrow('calendar unavailable');
    const third = await submit(march);
    // and one is registered at 00:30 on 1 January in Athens (still 31 December in UTC)
    const newYear = await submit(at('2026-12-31T22:30:00Z'));
    // then the numbers follow each other, the failed one left no gap, and the new year starts again at 1
    expect([first, second, third, newYear].map((r) => r.ok && r.value.protocolNumber)).toEqual([
      'ΕΙΣ-2026/000001',
      'ΕΙΣ-2026/000002',
      'ΕΙΣ-2026/000003',
      'ΕΙΣ-2027/000001',
    ]);
    expect(first.ok && first.value.registeredAtText).toBe('14-03-2026 10:42');
    expect(first.ok && first.value.dueDate).toBe('2026-03-20');
    expect(newYear.ok && newYear.value.registeredAtText).toBe('01-01-2027 00:30');
    expect(await counters()).toEqual([
      { year: 2026, last_sequence: 3 },
      { year: 2027, last_sequence: 1 },
    ]);
  });

  it('should store the exact form version, the cleaned data and an outbox row with the process variables, audited', async () => {
    // when a citizen submits with a field the form does not know
    const result = await submit(at('2026-03-16T09:00:00Z'), { data: { fullName: 'Ελένη', year: 2025, extra: 'x' } });
    // then
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const { applicationId, protocolNumber } = result.value;
    const row = (await knex()('application').where({ id: applicationId }).first()) as Record<string, unknown>;
    expect(row).toMatchObject({
      form_id: 'residence-form',
      form_version: 3,
      data: { fullName: 'Ελένη', year: 2025 },
      status: 'submitted',
      protocol_number: protocolNumber,
      owner_unit_id: ((await knex()('org_unit').where({ code: 'DD.DHM' }).first('id')) as { id: string }).id,
    });
    const outbox = (await knex()('application_outbox').where({ application_id: applicationId }).first()) as {
      kind: string;
      payload: { bpmnProcessId: string; variables: Record<string, unknown> };
      dispatched_at: Date | null;
    };
    expect(outbox.kind).toBe('start_process');
    expect(outbox.dispatched_at).toBeNull();
    expect(outbox.payload).toEqual({
      bpmnProcessId: 'residence-certificate',
      variables: {
        fullName: 'Ελένη',
        year: 2025,
        applicationId,
        protocolNumber,
        serviceId: 'residence-certificate',
        applicantUserId: row.citizen_user_id,
        registeredAt: '2026-03-16T09:00:00.000Z',
        dueDate: '2026-03-23T15:00:00+02:00',
      },
    });
    expect(await knex()('audit_entry').where({ object_id: applicationId }).pluck('action')).toEqual([
      'application.submitted',
    ]);
  });

  it('should give the process a deadline in working days by the submitted value, expiring when offices close', async () => {
    // given a service whose urgent requests take 2 working days and the rest 5, filed on Friday 13 March 2026
    const friday = at('2026-03-13T09:00:00Z');
    // when an urgent and an ordinary request are submitted
    const urgent = await submit(friday, { data: { fullName: 'Ελένη', category: 'urgent' } });
    const ordinary = await submit(friday, { data: { fullName: 'Ελένη', category: 'other' } });
    // then the urgent one is due on Tuesday and the other on the next Friday, at 15:00 Athens time for the engine
    expect([urgent, ordinary].map((r) => r.ok && r.value.dueDate)).toEqual(['2026-03-17', '2026-03-20']);
    const dueOf = async (result: typeof urgent) => {
      const id = result.ok ? result.value.applicationId : '';
      const row = (await knex()('application_outbox').where({ application_id: id }).first('payload')) as {
        payload: { variables: { dueDate: string } };
      };
      return row.payload.variables.dueDate;
    };
    expect([await dueOf(urgent), await dueOf(ordinary)]).toEqual([
      '2026-03-17T15:00:00+02:00',
      '2026-03-20T15:00:00+02:00',
    ]);
  });

  it('should create one application for a repeated idempotency key, sequential or concurrent', async () => {
    const deps = at('2026-04-01T08:00:00Z');
    const before = await count('application');
    // when the same request is sent twice, then five times at once
    const once = await submit(deps, { key: 'double-click-0001' });
    const again = await submit(deps, { key: 'double-click-0001' });
    const burst = await Promise.all(Array.from({ length: 5 }, () => submit(deps, { key: 'retry-storm-0001' })));
    // then each key made one application, and the repeats answered it
    expect(once.ok && once.created).toBe(true);
    expect(again).toEqual({ ...once, created: false });
    const ids = new Set(burst.map((r) => r.ok && r.value.applicationId));
    expect(ids.size).toBe(1);
    expect(burst.filter((r) => r.ok && r.created)).toHaveLength(1);
    expect((await count('application')) - before).toBe(2);
    // and no number was lost to the conflicts
    const numbers = (await knex()('application')
      .where({ protocol_year: 2026 })
      .orderBy('protocol_sequence')
      .pluck('protocol_sequence')) as number[];
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });

  it('should write nothing when the data is invalid or an attachment is not the citizen’s', async () => {
    // given another citizen's attachment
    const other = await citizen('c.economou');
    const [foreign] = (await knex().transaction(async (trx) => {
      const rows = await trx('attachment')
        .insert({
          sha256: 'a'.repeat(64),
          size: 3,
          media_type: 'application/pdf',
          original_name: 'x.pdf',
          uploaded_by: other,
        })
        .returning('id');
      await trx('audit_entry').insert({
        action: 'attachment.uploaded',
        object_type: 'attachment',
        object_id: rows[0].id,
        details: '{}',
      });
      return rows;
    })) as { id: string }[];
    const before = {
      applications: await count('application'),
      outbox: await count('application_outbox'),
      audit: await count('audit_entry'),
      counters: await counters(),
    };
    // when the full name is missing, and when the citizen names the other's attachment
    const deps = at('2026-05-04T08:00:00Z');
    const invalid = await submit(deps, { data: { year: 2025 } });
    const stolen = await submit(deps, {
      data: { fullName: 'Ελένη', documents: [{ attachmentId: foreign!.id }, 'not-an-id'] },
    });
    // then both answer field errors, and nothing was written
    expect(invalid).toEqual({
      ok: false,
      error: expect.objectContaining({
        id: 'invalid_submission',
        errors: [
          expect.objectContaining({ field: 'fullName', message: expect.objectContaining({ el: expect.any(String) }) }),
        ],
      }),
    });
    expect(stolen.ok || (stolen.error.id === 'invalid_submission' && stolen.error.errors.map((e) => e.field))).toEqual([
      'documents',
      'documents',
    ]);
    expect({
      applications: await count('application'),
      outbox: await count('application_outbox'),
      audit: await count('audit_entry'),
      counters: await counters(),
    }).toEqual(before);
  });

  it('should refuse an unknown service', async () => {
    const citizenUserId = await citizen();
    const result = await submitApplication(
      knex(),
      { userId: citizenUserId, sourceIp: undefined },
      { serviceId: 'no-such-service', data: {}, idempotencyKey: 'unknown-service-1', citizenUserId },
      testSubmissionDependencies(),
    );
    expect(result.ok || result.error.id).toBe('service_not_found');
  });
  it('should give 50 concurrent submissions gap-free numbers in the order of their registration times', async () => {
    // given a registrar and a clock that runs from 1 June 2026
    const registrar = createProtocolRegistrar(knex());
    const started = performance.now();
    const deps = testSubmissionDependencies({
      registrar,
      now: () => new Date(Date.parse('2026-06-01T08:00:00Z') + (performance.now() - started)),
    });
    const citizenUserId = await citizen();
    // when 50 citizens submit at once
    const results = await Promise.all(Array.from({ length: 50 }, () => submit(deps, { user: citizenUserId })));
    await registrar.stop();
    // then all are registered, the year's numbers have no gap, and later numbers never show earlier times
    const receipts = results.map((r) => (r.ok ? r.value : undefined)).filter((r) => r !== undefined);
    expect(receipts).toHaveLength(50);
    const year = (await knex()('application')
      .where({ protocol_year: 2026 })
      .orderBy('protocol_sequence')
      .select('id', 'protocol_sequence', 'registered_at')) as {
      id: string;
      protocol_sequence: number;
      registered_at: Date;
    }[];
    expect(year.map((r) => r.protocol_sequence)).toEqual(year.map((_, i) => i + 1));
    const ours = receipts.sort((a, b) => a.protocolNumber.localeCompare(b.protocolNumber));
    const times = ours.map((r) => r.registeredAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const stored = new Map(year.map((r) => [r.id, new Date(r.registered_at).getTime()]));
    expect(ours.map((r) => stored.get(r.applicationId))).toEqual(times);
  });

  it('should create one application per key and give back the numbers of failed members in a busy registrar', async () => {
    // given a registrar, another citizen's attachment, and a clock in July 2026
    const registrar = createProtocolRegistrar(knex());
    const deps = testSubmissionDependencies({ registrar, now: () => new Date('2026-07-01T08:00:00Z') });
    const other = await citizen('c.economou');
    const [foreign] = (await knex().transaction(async (trx) => {
      const rows = await trx('attachment')
        .insert({
          sha256: 'b'.repeat(64),
          size: 3,
          media_type: 'application/pdf',
          original_name: 'y.pdf',
          uploaded_by: other,
        })
        .returning('id');
      await trx('audit_entry').insert({
        action: 'attachment.uploaded',
        object_type: 'attachment',
        object_id: rows[0].id,
        details: '{}',
      });
      return rows;
    })) as { id: string }[];
    const before = await count('application');
    // when, at once, five requests carry the same key, three name the foreign attachment and ten are ordinary
    const same = Array.from({ length: 5 }, () => submit(deps, { key: 'busy-registrar-0001' }));
    const stolen = Array.from({ length: 3 }, () =>
      submit(deps, { data: { fullName: 'Ελένη', documents: [{ attachmentId: foreign!.id }] } }),
    );
    const ordinary = Array.from({ length: 10 }, () => submit(deps));
    const [sameResults, stolenResults, ordinaryResults] = await Promise.all(
      [same, stolen, ordinary].map((p) => Promise.all(p)),
    );
    await registrar.stop();
    // then the key made one application, the foreign attachment none, and the year's numbers have no gap
    expect(new Set(sameResults!.map((r) => r.ok && r.value.applicationId)).size).toBe(1);
    expect(sameResults!.filter((r) => r.ok && r.created)).toHaveLength(1);
    expect(stolenResults!.map((r) => r.ok || r.error.id)).toEqual(Array(3).fill('invalid_submission'));
    expect(ordinaryResults!.every((r) => r.ok && r.created)).toBe(true);
    expect((await count('application')) - before).toBe(11);
    const numbers = (await knex()('application')
      .where({ protocol_year: 2026 })
      .orderBy('protocol_sequence')
      .pluck('protocol_sequence')) as number[];
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(await counters()).toContainEqual({ year: 2026, last_sequence: numbers.length });
  });
});
