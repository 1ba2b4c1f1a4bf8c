import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@polis/engine';
import { connectEngine, type EngineConnection } from '../engine/connectEngine.js';
import type { EngineClient } from '../engine/EngineClient.js';
import { loadDemoOrgChart } from '../orgchart/loadDemoOrgChart.js';
import { expectEveryChangeAudited, openAuditedTestDatabase } from '../orgchart/useOrgChartDatabase.js';
import { recordLogInstanceFinder } from './recordLogInstanceFinder.js';
import { startOutboxDispatcher } from './startOutboxDispatcher.js';
import { submitApplication } from './submitApplication.js';
import { testSubmissionDependencies } from './testSubmissionDependencies.js';

// A process that waits at a service task nobody works on: its instance stays active.
const TINY = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d_tiny" targetNamespace="http://polis.example/bpmn">
  <bpmn:process id="residence-certificate" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:serviceTask id="check"><bpmn:extensionElements><zeebe:taskDefinition type="nobody" /></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="check" />
    <bpmn:sequenceFlow id="f1" sourceRef="check" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

describe('the outbox dispatcher on the embedded engine', () => {
  const fixture = {} as { db: Database; connection: EngineConnection; engine: EngineClient; citizenId: string };
  const logger = pino({ level: 'silent' });
  let keys = 0;

  beforeAll(async () => {
    fixture.db = await openAuditedTestDatabase();
    await loadDemoOrgChart(fixture.db.knex);
    fixture.connection = await connectEngine({ engine: { kind: 'embedded', gatewayPort: 0 } }, logger, fixture.db);
    fixture.engine = fixture.connection.client;
    const deployed = await fixture.engine.deploy([{ name: 'residence-certificate.bpmn', content: TINY }]);
    if (!deployed.ok) throw new Error(deployed.error.message);
    fixture.citizenId = (
      (await fixture.db.knex('app_user').where({ username: 'c.papanikolaou' }).first('id')) as { id: string }
    ).id;
  });
  afterAll(async () => {
    await fixture.connection?.close(5_000);
    if (!fixture.db) return;
    try {
      await expectEveryChangeAudited(fixture.db);
    } finally {
      await fixture.db.close();
    }
  });

  const submit = async (processId?: string) => {
    const result = await submitApplication(
      fixture.db.knex,
      { userId: fixture.citizenId, sourceIp: undefined },
      {
        serviceId: 'residence-certificate',
        data: { fullName: 'Ελένη' },
        idempotencyKey: `dispatch-${++keys}-key`,
        citizenUserId: fixture.citizenId,
      },
      testSubmissionDependencies(processId ? { processId } : {}),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value.applicationId;
  };
  /** The instances whose applicationId variable names this application, from the engine's record log. */
  const instancesOf = async (applicationId: string) =>
    (await fixture.db
      .knex('engine_record')
      .where({ value_type: 'VARIABLE', intent: 'CREATED' })
      .whereRaw("value->>'name' = 'applicationId' and value->>'value' = ?", [JSON.stringify(applicationId)])
      .select(fixture.db.knex.raw('process_instance_key::text as key'))
      .then((rows: { key: string }[]) => rows.map((r) => r.key))) as string[];
  const application = (id: string) =>
    fixture.db
      .knex('application')
      .where({ id })
      .first('status', fixture.db.knex.raw('process_instance_key::text as key')) as Promise<{
      status: string;
      key: string;
    }>;
  const outbox = (id: string) =>
    fixture.db.knex('application_outbox').where({ application_id: id }).first() as Promise<{
      attempts: number;
      last_error: string | null;
      dispatched_at: Date | null;
      available_at: Date;
    }>;

  it('should start exactly one instance per application and record its key', async () => {
    // given three registered applications
    const ids = [await submit(), await submit(), await submit()];
    const dispatcher = startOutboxDispatcher({ knex: fixture.db.knex, engine: fixture.engine, logger, poll: false });
    // when the dispatcher runs, and runs again
    expect(await dispatcher.dispatchOnce()).toBe(3);
    expect(await dispatcher.dispatchOnce()).toBe(0);
    await dispatcher.stop();
    // then each application has one instance, carrying its variables, and its key is on the application
    for (const id of ids) {
      const instances = await instancesOf(id);
      expect(instances).toHaveLength(1);
      expect(await application(id)).toEqual({ status: 'in_progress', key: instances[0] });
      expect(await outbox(id)).toMatchObject({ attempts: 1, last_error: null, dispatched_at: expect.any(Date) });
    }
  });

  it('should not start a second instance after a crash between creating the instance and marking the row', async () => {
    // given an application whose first attempt created the instance, then died before recording it
    const id = await submit();
    const crashing = {
      async createProcessInstance(request: Parameters<EngineClient['createProcessInstance']>[0]) {
        await fixture.engine.createProcessInstance(request);
        throw new Error('simulated crash after the instance was created');
      },
    };
    const first = startOutboxDispatcher({ knex: fixture.db.knex, engine: crashing, logger, poll: false });
    await first.dispatchOnce();
    await first.stop();
    expect(await outbox(id)).toMatchObject({
      attempts: 1,
      dispatched_at: null,
      last_error: expect.stringContaining('crash'),
    });
    expect(await instancesOf(id)).toHaveLength(1);
    // when a dispatcher (after the lease or back-off has passed) takes the row up again
    await fixture.db
      .knex('application_outbox')
      .where({ application_id: id })
      .update({ available_at: new Date(0) });
    const second = startOutboxDispatcher({
      knex: fixture.db.knex,
      engine: fixture.engine,
      logger,
      finder: recordLogInstanceFinder(fixture.db.knex),
      poll: false,
    });
    await second.dispatchOnce();
    await second.stop();
    // then it found the first instance and recorded it, instead of starting another
    const instances = await instancesOf(id);
    expect(instances).toHaveLength(1);
    expect(await application(id)).toEqual({ status: 'in_progress', key: instances[0] });
    expect(await outbox(id)).toMatchObject({ attempts: 2, dispatched_at: expect.any(Date) });
  });

  it('should record a refusal and retry it later with back-off', async () => {
    // given an application of a process that is not deployed
    const id = await submit('not-deployed');
    const dispatcher = startOutboxDispatcher({
      knex: fixture.db.knex,
      engine: fixture.engine,
      logger,
      poll: false,
      backoffMs: () => 60_000,
    });
    // when the dispatcher tries it
    await dispatcher.dispatchOnce();
    // then the error is recorded, the row waits, and a second run leaves it alone
    const row = await outbox(id);
    expect(row).toMatchObject({ attempts: 1, dispatched_at: null, last_error: expect.stringContaining('NOT_FOUND') });
    expect(new Date(row.available_at).getTime()).toBeGreaterThan(Date.now() + 30_000);
    expect(await dispatcher.dispatchOnce()).toBe(0);
    await dispatcher.stop();
    expect(await application(id)).toEqual({ status: 'submitted', key: null });
  });

  it('should dispatch on its own when polling, and stop gracefully', async () => {
    const id = await submit();
    const dispatcher = startOutboxDispatcher({
      knex: fixture.db.knex,
      engine: fixture.engine,
      logger,
      pollIntervalMs: 20,
    });
    const deadline = Date.now() + 10_000;
    while ((await application(id)).key === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    await dispatcher.stop();
    expect(await instancesOf(id)).toHaveLength(1);
  });
});
