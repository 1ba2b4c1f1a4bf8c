import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceCatalogOf } from '../../applications/serviceCatalogOf.js';
import { startOutboxDispatcher, type OutboxDispatcher } from '../../applications/startOutboxDispatcher.js';
import { fileAttachmentStore } from '../../attachments/fileAttachmentStore.js';
import { addWorkingDays } from '../../calendar/workingDays.js';
import { connectEngine, type EngineConnection } from '../../engine/connectEngine.js';
import type { EngineClient } from '../../engine/EngineClient.js';
import { formLibraryValidator } from '../../forms/formLibraryValidator.js';
import { loadFormsFromDirectory } from '../../forms/loadFormsFromDirectory.js';
import { useTestApp, type PersonaClient } from '../../http/useTestApp.js';
import { DEADLINE_JOB_TYPE, deadlineWorker } from '../../procedures/deadlineWorker.js';
import { deployProcessDefinitions } from '../../procedures/deployProcessDefinitions.js';
import { loadServiceDefinitions } from '../../procedures/loadServiceDefinitions.js';
import { shippedDir } from '../../procedures/shippedDir.js';
import { waitFor } from '../../procedures/useProcedureEngine.js';
import { applicationStatusProjection } from '../../projections/applicationStatusProjection.js';
import { engineRecordSource } from '../../projections/engineRecordSource.js';
import { startProjection, type Projection } from '../../projections/startProjection.js';
import { startReplyOutboxDispatcher, type ReplyOutboxDispatcher } from '../../replies/startReplyOutboxDispatcher.js';
import { startUserTaskWorker, type UserTaskWorker } from '../../tasks/startUserTaskWorker.js';
import { userTaskNames } from '../../tasks/userTaskNames.js';

// ajv-formats is CommonJS: its default export is the function under NodeNext.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('citizens answering requests for more information, over the embedded engine', () => {
  const engine = {} as {
    connection: EngineConnection;
    tasks: UserTaskWorker;
    starts: OutboxDispatcher;
    replies: ReplyOutboxDispatcher;
    status: Projection;
  };
  const client = new Proxy({} as EngineClient, {
    get: (_target, key: keyof EngineClient) => {
      const value = engine.connection.client[key];
      return typeof value === 'function' ? value.bind(engine.connection.client) : value;
    },
  });
  const services = loadServiceDefinitions(shippedDir('process-definitions'));
  let catalog: ReturnType<typeof serviceCatalogOf> | undefined;
  const app = useTestApp({
    dependencies: (db) => ({
      attachments: { store: fileAttachmentStore(mkdtempSync(join(tmpdir(), 'polis-replies-'))), maxBytes: 10_000_000 },
      submissions: {
        catalog: { find: (id) => catalog?.find(id) },
        validator: formLibraryValidator(db.knex),
        addWorkingDays: (date, n) => addWorkingDays(date, n),
      },
      tasks: { engine: client },
    }),
  });

  beforeAll(async () => {
    const logger = pino({ level: 'silent' });
    const knex = app.db.knex;
    catalog = serviceCatalogOf(await services);
    expect((await loadFormsFromDirectory(knex, shippedDir('forms'))).failures).toEqual([]);
    engine.connection = await connectEngine({ engine: { kind: 'embedded', gatewayPort: 0 } }, logger, app.db);
    const deployed = await deployProcessDefinitions(
      engine.connection.client,
      shippedDir('process-definitions'),
      logger,
    );
    expect(deployed.failed).toEqual([]);
    engine.connection.client.registerWorker({ type: DEADLINE_JOB_TYPE, handler: deadlineWorker() });
    for (const type of ['polis:document', 'polis:notify', 'polis:escalate'])
      engine.connection.client.registerWorker({ type, handler: () => ({}) });
    engine.tasks = startUserTaskWorker({
      knex,
      engine: engine.connection.client,
      logger,
      elementName: await userTaskNames(shippedDir('process-definitions')),
      pollMs: 200,
    });
    engine.starts = startOutboxDispatcher({ knex, engine: client, logger, pollIntervalMs: 100 });
    engine.replies = startReplyOutboxDispatcher({ knex, engine: client, logger, pollIntervalMs: 100 });
    engine.status = startProjection({
      name: 'application-status',
      knex,
      handle: applicationStatusProjection(await services),
      source: engineRecordSource(engine.connection.onRecords),
      pollIntervalMs: 100,
    });
  });
  afterAll(async () => {
    await engine.status?.stop();
    await engine.replies?.stop();
    await engine.starts?.stop();
    await engine.tasks?.stop(2_000);
    await engine.connection?.close(5_000);
  });

  let keys = 0;
  const key = (name: string) => `${name}-${++keys}-0000`;

  async function upload(citizen: PersonaClient, name: string): Promise<string> {
    const uploaded = await citizen.request('POST', '/api/v1/attachments', PDF, {
      'content-type': 'application/pdf',
      'x-filename': encodeURIComponent(name),
    });
    expect(uploaded.status).toBe(201);
    return uploaded.json.attachmentId as string;
  }

  /** Applies for a residence certificate as the demo citizen; answers the application id once its task is open. */
  async function apply(citizen: PersonaClient): Promise<{ applicationId: string; taskId: string }> {
    const proof = await upload(citizen, 'ΔΕΗ.pdf');
    const submitted = await citizen.request(
      'POST',
      '/api/v1/applications',
      {
        serviceId: 'residence-certificate',
        data: {
          lastName: 'Παπανικολάου',
          firstName: 'Χρήστος',
          afm: '094259216',
          phone: '6912345678',
          email: 'c.papanikolaou@example.gr',
          street: 'Βασ. Σοφίας',
          streetNumber: '12',
          postalCode: '15124',
          years: '2025, 2026',
          proofType: 'utility-bill',
          proof: [{ id: proof, name: 'ΔΕΗ.pdf', size: PDF.length, type: 'application/pdf' }],
        },
      },
      { 'idempotency-key': key('apply') },
    );
    expect(submitted.status).toBe(201);
    const applicationId = submitted.json.applicationId as string;
    return { applicationId, taskId: await openTask(applicationId) };
  }

  const openTask = (applicationId: string) =>
    waitFor(async () => {
      const row = (await app.db.knex('task').where({ application_id: applicationId, status: 'open' }).first('id')) as
        { id: string } | undefined;
      return row?.id;
    });

  /** The clerk asks the citizen for more information; resolves once the citizen is asked. */
  async function askForMore(applicationId: string, taskId: string): Promise<PersonaClient> {
    const clerk = await app.as('clerk');
    const completed = await clerk.request('POST', `/api/v1/tasks/${taskId}/complete`, {
      data: { decision: 'more-info', infoRequest: 'Στείλτε λογαριασμό του 2025.' },
    });
    expect(completed.status).toBe(200);
    const citizen = await app.as('citizen');
    await waitFor(async () => {
      const state = await citizen.request('GET', `/api/v1/applications/${applicationId}/replies`);
      return state.json.awaitingReply ? true : undefined;
    });
    return clerk;
  }

  it('should take the citizen’s reply once, pass it to the process and show it to the clerk', async () => {
    // given an application whose clerk asked for more information
    const citizen = await app.as('citizen');
    const { applicationId, taskId } = await apply(citizen);
    const before = await citizen.request('GET', `/api/v1/applications/${applicationId}/replies`);
    const clerk = await askForMore(applicationId, taskId);
    const asked = await citizen.request('GET', `/api/v1/applications/${applicationId}/replies`);
    // when the citizen replies with a document, twice with the same key (a double click)
    const bill = await upload(citizen, 'ΕΥΔΑΠ-2025.pdf');
    const reply = {
      messageName: 'citizen-reply',
      data: {
        replyText: 'Επισυνάπτω λογαριασμό ΕΥΔΑΠ του 2025.',
        replyDocuments: [{ id: bill, name: 'ΕΥΔΑΠ-2025.pdf', size: PDF.length, type: 'application/pdf' }],
      },
      idempotencyKey: key('reply'),
    };
    const path = `/api/v1/applications/${applicationId}/replies`;
    const [first, second] = await Promise.all([
      citizen.request('POST', path, reply),
      citizen.request('POST', path, reply),
    ]);
    // then one reply is stored and both answers name it
    expect(before.json).toEqual({ awaitingReply: null, replies: [] });
    expect(asked.json.awaitingReply).toEqual({
      messageName: 'citizen-reply',
      formId: 'residence-certificate-reply',
      since: expect.stringMatching(/^\d{4}-/),
    });
    expect([first.status, second.status].sort()).toEqual([200, 201]);
    expect(first.json.reply.replyId).toBe(second.json.reply.replyId);
    expect(await app.db.knex('application_reply').where({ application_id: applicationId })).toHaveLength(1);
    // and the process moves on: the check task opens again with the reply's data
    const again = await waitFor(async () => {
      const row = (await app.db
        .knex('task')
        .where({ application_id: applicationId, status: 'open' })
        .whereNot({ id: taskId })
        .first('id', 'variables')) as { id: string; variables: Record<string, unknown> } | undefined;
      return row;
    });
    expect(again.variables).toMatchObject({
      replyText: 'Επισυνάπτω λογαριασμό ΕΥΔΑΠ του 2025.',
      replyId: first.json.reply.replyId,
    });
    // and the clerk sees the reply with its document, which they may download
    const seen = await clerk.request('GET', path);
    expect(seen.status).toBe(200);
    expect(seen.json).toMatchObject({
      awaitingReply: null,
      replies: [
        {
          replyId: first.json.reply.replyId,
          messageName: 'citizen-reply',
          formId: 'residence-certificate-reply',
          submittedAt: expect.any(String),
          publishedAt: expect.any(String),
          data: { replyText: 'Επισυνάπτω λογαριασμό ΕΥΔΑΠ του 2025.' },
          attachments: [{ id: bill, originalName: 'ΕΥΔΑΠ-2025.pdf', mediaType: 'application/pdf' }],
        },
      ],
    });
    expect((await clerk.request('GET', `/api/v1/attachments/${bill}`)).status).toBe(200);
    // and the answers match the schemas the OpenAPI document publishes
    const document = (await clerk.request('GET', '/api/v1/openapi.json')).json;
    const schemaOf = (path: string, method: string, status: string) =>
      addFormats(new Ajv2020({ strict: false })).compile(
        document.paths[path][method].responses[status].content['application/json'].schema,
      );
    const stateSchema = schemaOf('/applications/{applicationId}/replies', 'get', '200');
    expect(stateSchema(seen.json), JSON.stringify(stateSchema.errors)).toBe(true);
    const storedSchema = schemaOf('/applications/{applicationId}/replies', 'post', '201');
    expect(storedSchema(first.json), JSON.stringify(storedSchema.errors)).toBe(true);
    // and in the application itself, where the reply's file is not taken for one of the application's
    const application = await clerk.request('GET', `/api/v1/applications/${applicationId}`);
    expect(application.json.replies).toEqual(seen.json.replies);
    expect(application.json.attachments.map((a: { originalName: string }) => a.originalName)).toEqual(['ΔΕΗ.pdf']);
    const applicationSchema = schemaOf('/applications/{applicationId}', 'get', '200');
    expect(applicationSchema(application.json), JSON.stringify(applicationSchema.errors)).toBe(true);
    // and a second reply to the same request is refused
    const late = await citizen.request('POST', path, { ...reply, idempotencyKey: key('late') });
    expect(late.status).toBe(409);
    expect(late.json.error).toMatchObject({ id: 'reply_not_awaited', field: 'body.messageName' });
    const audit = await app.db
      .knex('audit_entry')
      .where({ object_id: applicationId })
      .whereIn('action', ['application.reply_submitted', 'application.reply_published'])
      .orderBy('id')
      .pluck('action');
    expect(audit).toEqual(['application.reply_submitted', 'application.reply_published']);
  });

  it('should refuse a reply before it is asked for, an invalid one naming its fields, and other people’s', async () => {
    // given an application whose check is still open
    const citizen = await app.as('citizen');
    const { applicationId, taskId } = await apply(citizen);
    const path = `/api/v1/applications/${applicationId}/replies`;
    const valid = { messageName: 'citizen-reply', data: { replyText: 'Ορίστε.' } };
    // when the citizen replies unasked
    const unasked = await citizen.request('POST', path, { ...valid, idempotencyKey: key('unasked') });
    // and, once asked, replies without the required text, or with a message the service does not take
    await askForMore(applicationId, taskId);
    const invalid = await citizen.request('POST', path, {
      messageName: 'citizen-reply',
      data: { replyText: '' },
      idempotencyKey: key('invalid'),
    });
    const otherMessage = await citizen.request('POST', path, {
      ...valid,
      messageName: 'citizen-rating',
      idempotencyKey: key('rating'),
    });
    // and another citizen and a clerk try to reply or read
    const stranger = await app.asUser('c.economou');
    const strangerReply = await stranger.request('POST', path, { ...valid, idempotencyKey: key('stranger') });
    const strangerRead = await stranger.request('GET', path);
    const clerkReply = await (await app.as('clerk')).request('POST', path, { ...valid, idempotencyKey: key('clerk') });
    // then
    expect(unasked.status).toBe(409);
    expect(unasked.json.error.id).toBe('reply_not_awaited');
    expect(invalid.status).toBe(400);
    expect(invalid.json.error).toMatchObject({
      id: 'invalid_reply',
      field: 'body.data.replyText',
      problems: [
        { field: 'body.data.replyText', key: 'replyText', message: { el: expect.any(String), en: expect.any(String) } },
      ],
    });
    expect(otherMessage.status).toBe(400);
    expect(otherMessage.json.error).toMatchObject({ id: 'message_not_answerable', field: 'body.messageName' });
    expect(strangerReply.status).toBe(404);
    expect(strangerRead.status).toBe(404);
    expect(clerkReply.status).toBe(403);
    expect(await app.db.knex('application_reply').where({ application_id: applicationId })).toEqual([]);
    // and the request is still open for the right reply
    const answered = await citizen.request('POST', path, { ...valid, idempotencyKey: key('right') });
    expect(answered.status).toBe(201);
  });
});
