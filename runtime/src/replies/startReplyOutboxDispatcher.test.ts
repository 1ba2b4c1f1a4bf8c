import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@polis/engine';
import { startOutboxDispatcher } from '../applications/startOutboxDispatcher.js';
import { submitApplication } from '../applications/submitApplication.js';
import { testSubmissionDependencies } from '../applications/testSubmissionDependencies.js';
import { connectEngine, type EngineConnection } from '../engine/connectEngine.js';
import type { EngineClient } from '../engine/EngineClient.js';
import { loadDemoOrgChart } from '../orgchart/loadDemoOrgChart.js';
import { expectEveryChangeAudited, openAuditedTestDatabase } from '../orgchart/useOrgChartDatabase.js';
import type { ServiceDefinition } from '../procedures/serviceDefinitionSchema.js';
import { waitFor } from '../procedures/useProcedureEngine.js';
import { applicationStatusProjection } from '../projections/applicationStatusProjection.js';
import { startProjection } from '../projections/startProjection.js';
import { startReplyOutboxDispatcher } from './startReplyOutboxDispatcher.js';
import { listApplications } from '../applications/listApplications.js';
import { replyStateOf } from './replyStateOf.js';
import { submitReply } from './submitReply.js';

// A process that waits for the citizen's reply, then at a service task nobody works on.
const WAITING = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d_wait" targetNamespace="http://polis.example/bpmn">
  <bpmn:process id="residence-certificate" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:intermediateCatchEvent id="replied"><bpmn:messageEventDefinition messageRef="m" /></bpmn:intermediateCatchEvent>
    <bpmn:serviceTask id="after"><bpmn:extensionElements><zeebe:taskDefinition type="nobody" /></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="replied" />
    <bpmn:sequenceFlow id="f1" sourceRef="replied" targetRef="after" />
  </bpmn:process>
  <bpmn:message id="m" name="citizen-reply">
    <bpmn:extensionElements><zeebe:subscription correlationKey="=applicationId" /></bpmn:extensionElements>
  </bpmn:message>
</bpmn:definitions>`;

// The test catalogue's form (residence-form) answers the reply.
const SERVICES = [
  { processId: 'residence-certificate', messageForms: [{ messageName: 'citizen-reply', formId: 'residence-form' }] },
] as unknown as ServiceDefinition[];

describe('storing replies and the reply outbox dispatcher, on the embedded engine', () => {
  const fixture = {} as { db: Database; connection: EngineConnection; engine: EngineClient; citizenId: string };
  const logger = pino({ level: 'silent' });
  let keys = 0;

  beforeAll(async () => {
    fixture.db = await openAuditedTestDatabase();
    await loadDemoOrgChart(fixture.db.knex);
    fixture.connection = await connectEngine({ engine: { kind: 'embedded', gatewayPort: 0 } }, logger, fixture.db);
    fixture.engine = fixture.connection.client;
    const deployed = await fixture.engine.deploy([{ name: 'residence-certificate.bpmn', content: WAITING }]);
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

  /** An application whose process waits for citizen-reply, and the citizen's stored reply to it. */
  async function storedReply(): Promise<{ applicationId: string; replyId: string }> {
    const actor = { userId: fixture.citizenId, sourceIp: undefined };
    const deps = testSubmissionDependencies();
    const submitted = await submitApplication(
      fixture.db.knex,
      actor,
      {
        serviceId: 'residence-certificate',
        data: { fullName: 'Ελένη' },
        idempotencyKey: `reply-app-${++keys}`,
        citizenUserId: fixture.citizenId,
      },
      deps,
    );
    if (!submitted.ok) throw new Error(JSON.stringify(submitted.error));
    const { applicationId } = submitted.value;
    const starts = startOutboxDispatcher({ knex: fixture.db.knex, engine: fixture.engine, logger, poll: false });
    await starts.dispatchOnce();
    await starts.stop();
    // The application view learns that the process waits for the reply from the record stream.
    const status = startProjection({
      name: 'application-status',
      knex: fixture.db.knex,
      handle: applicationStatusProjection(SERVICES),
      poll: false,
    });
    await status.catchUp();
    await status.stop();
    const submission = {
      applicationId,
      messageName: 'citizen-reply',
      data: { fullName: 'Ελένη Π.' },
      idempotencyKey: `reply-${keys}-key`,
      citizenUserId: fixture.citizenId,
    };
    const reply = await waitFor(async () => {
      const result = await submitReply(fixture.db.knex, actor, submission, {
        validator: deps.validator,
        services: SERVICES,
      });
      return result.ok ? result.value : undefined;
    });
    return { applicationId, replyId: reply.replyId };
  }

  const messagesWithId = async (replyId: string) =>
    (await fixture.db
      .knex('engine_record')
      .where({ value_type: 'MESSAGE', intent: 'PUBLISHED' })
      .whereRaw("value->>'messageId' = ?", [replyId])) as unknown[];
  const correlations = async (applicationId: string) =>
    (await fixture.db
      .knex('engine_record')
      .where({ value_type: 'PROCESS_MESSAGE_SUBSCRIPTION', intent: 'CORRELATED' })
      .whereRaw("value->>'correlationKey' = ?", [applicationId])) as unknown[];
  const outbox = (replyId: string) =>
    fixture.db.knex('reply_outbox').where({ reply_id: replyId }).first() as Promise<{
      attempts: number;
      last_error: string | null;
      dispatched_at: Date | null;
      available_at: Date;
    }>;

  it('should publish each reply once, with its id as the message id, and record it as published', async () => {
    // given a stored reply
    const { applicationId, replyId } = await storedReply();
    const dispatcher = startReplyOutboxDispatcher({
      knex: fixture.db.knex,
      engine: fixture.engine,
      logger,
      poll: false,
    });
    // when the dispatcher runs twice
    expect(await dispatcher.dispatchOnce()).toBe(1);
    expect(await dispatcher.dispatchOnce()).toBe(0);
    await dispatcher.stop();
    // then the process received it, and the reply is marked published
    expect(await messagesWithId(replyId)).toHaveLength(1);
    expect(await correlations(applicationId)).toHaveLength(1);
    expect(await outbox(replyId)).toMatchObject({ attempts: 1, dispatched_at: expect.any(Date), last_error: null });
    expect(await fixture.db.knex('application_reply').where({ id: replyId }).first('published_at')).toEqual({
      published_at: expect.any(Date),
    });
  });

  it('should not deliver a reply twice when the answer to a publication was lost', async () => {
    // given a reply whose first publication reached the engine, but whose answer never came back
    const { applicationId, replyId } = await storedReply();
    const losing = {
      async publishMessage(request: Parameters<EngineClient['publishMessage']>[0]) {
        await fixture.engine.publishMessage(request);
        throw new Error('simulated crash after the message was published');
      },
    };
    const first = startReplyOutboxDispatcher({ knex: fixture.db.knex, engine: losing, logger, poll: false });
    await first.dispatchOnce();
    await first.stop();
    expect(await outbox(replyId)).toMatchObject({ attempts: 1, dispatched_at: null, last_error: expect.any(String) });
    // when a dispatcher takes the row up again
    await fixture.db
      .knex('reply_outbox')
      .where({ reply_id: replyId })
      .update({ available_at: new Date(0) });
    const second = startReplyOutboxDispatcher({ knex: fixture.db.knex, engine: fixture.engine, logger, poll: false });
    await second.dispatchOnce();
    await second.stop();
    // then the engine refused the duplicate, the reply counts as published, and the process got it once
    expect(await messagesWithId(replyId)).toHaveLength(1);
    expect(await correlations(applicationId)).toHaveLength(1);
    expect(await outbox(replyId)).toMatchObject({ attempts: 2, dispatched_at: expect.any(Date) });
    const audit = (await fixture.db
      .knex('audit_entry')
      .where({ object_id: applicationId, action: 'application.reply_published' })
      .first('details')) as { details: Record<string, unknown> };
    expect(audit.details).toMatchObject({ replyId, publishedByAnEarlierAttempt: true });
  });

  it('should refuse a second reply to the same request while the first waits to be published', async () => {
    // given a stored reply the process has not received yet (its application still shows the request)
    const { applicationId, replyId } = await storedReply();
    const [view] = await listApplications(fixture.db.knex, { applicationId }, 1);
    expect(view?.awaitingReply).toMatchObject({ messageName: 'citizen-reply' });
    // when the citizen sends another reply with a new key
    const second = await submitReply(
      fixture.db.knex,
      { userId: fixture.citizenId, sourceIp: undefined },
      {
        applicationId,
        messageName: 'citizen-reply',
        data: { fullName: 'Ελένη Παπ.' },
        idempotencyKey: `second-${keys}-key`,
        citizenUserId: fixture.citizenId,
      },
      { validator: testSubmissionDependencies().validator, services: SERVICES },
    );
    // then it is refused, and the reply state no longer offers the request
    expect(second).toMatchObject({ ok: false, error: { id: 'reply_not_awaited' } });
    const state = await replyStateOf(fixture.db.knex, view!);
    expect(state.awaitingReply).toBeNull();
    expect(state.replies.map((r) => r.replyId)).toEqual([replyId]);
    expect(await fixture.db.knex('application_reply').where({ application_id: applicationId })).toHaveLength(1);
  });

  it('should record an engine outage and retry later with back-off', async () => {
    // given a stored reply and an engine that cannot be reached
    const { replyId } = await storedReply();
    const down = {
      async publishMessage() {
        return { ok: false as const, error: { code: 'UNAVAILABLE', message: 'no gateway' } };
      },
    };
    const dispatcher = startReplyOutboxDispatcher({
      knex: fixture.db.knex,
      engine: down,
      logger,
      poll: false,
      backoffMs: () => 60_000,
    });
    // when the dispatcher tries it
    await dispatcher.dispatchOnce();
    // then the error is kept, the row waits, and the reply is not published
    const row = await outbox(replyId);
    expect(row).toMatchObject({ attempts: 1, dispatched_at: null, last_error: 'UNAVAILABLE: no gateway' });
    expect(new Date(row.available_at).getTime()).toBeGreaterThan(Date.now() + 30_000);
    expect(await dispatcher.dispatchOnce()).toBe(0);
    await dispatcher.stop();
    expect(await fixture.db.knex('application_reply').where({ id: replyId }).first('published_at')).toEqual({
      published_at: null,
    });
  });
});
