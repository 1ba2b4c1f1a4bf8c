import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordLogInstanceFinder } from '../applications/recordLogInstanceFinder.js';
import { serviceCatalogOf } from '../applications/serviceCatalogOf.js';
import { startOutboxDispatcher, type OutboxDispatcher } from '../applications/startOutboxDispatcher.js';
import { fileAttachmentStore } from '../attachments/fileAttachmentStore.js';
import { addWorkingDays } from '../calendar/workingDays.js';
import { connectEngine, type EngineConnection } from '../engine/connectEngine.js';
import type { EngineJob, JobOutput } from '../engine/JobWorker.js';
import { formLibraryValidator } from '../forms/formLibraryValidator.js';
import { loadFormsFromDirectory } from '../forms/loadFormsFromDirectory.js';
import { useTestApp, type PersonaClient, type TestResponse } from '../http/useTestApp.js';
import { NOTIFY_JOB_TYPE, notifyWorker } from '../notifications/notifyWorker.js';
import { deadlineWorker } from '../procedures/deadlineWorker.js';
import { deployProcessDefinitions } from '../procedures/deployProcessDefinitions.js';
import { loadServiceDefinitions } from '../procedures/loadServiceDefinitions.js';
import { applicationSchema, applicationSummarySchema } from '../routes/applications/schema.js';
import { shippedDir } from '../procedures/shippedDir.js';
import { waitFor } from '../procedures/useProcedureEngine.js';
import type { ServiceDefinition } from '../procedures/serviceDefinitionSchema.js';
import { APPLICATION_STATUS_PROJECTION, applicationStatusProjection } from './applicationStatusProjection.js';
import { engineRecordSource } from './engineRecordSource.js';
import { startProjection, type Projection } from './startProjection.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajv = addFormats(new Ajv({ strict: true, allowUnionTypes: true }));
/** The documented shapes the portal relies on. */
const isDocumentedApplication = ajv.compile(applicationSchema);
const isDocumentedSummary = ajv.compile(applicationSummarySchema);

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('application status from the process milestones, through the residence certificate procedure', () => {
  let services: ServiceDefinition[] = [];
  const app = useTestApp({
    dependencies: (db) => ({
      attachments: { store: fileAttachmentStore(mkdtempSync(join(tmpdir(), 'polis-status-'))), maxBytes: 10_000_000 },
      submissions: {
        catalog: { find: (id) => serviceCatalogOf(services).find(id) },
        validator: formLibraryValidator(db.knex),
        addWorkingDays: (date, n) => addWorkingDays(date, n),
      },
    }),
  });
  const running = {} as { connection: EngineConnection; dispatcher: OutboxDispatcher; projection: Projection };
  const held: { job: EngineJob; complete: (variables: JobOutput) => void; taken: boolean }[] = [];
  let release = () => {};

  beforeAll(async () => {
    const logger = pino({ level: 'silent' });
    const knex = app.db.knex;
    services = await loadServiceDefinitions(shippedDir('process-definitions'));
    expect((await loadFormsFromDirectory(knex, shippedDir('forms'))).failures).toEqual([]);
    running.connection = await connectEngine({ engine: { kind: 'embedded', gatewayPort: 0 } }, logger, app.db);
    const client = running.connection.client;
    expect((await deployProcessDefinitions(client, shippedDir('process-definitions'), logger)).failed).toEqual([]);
    const closing = new Promise<void>((resolve) => (release = resolve));
    client.registerWorker({
      type: 'io.camunda.zeebe:userTask',
      timeoutMs: 10 * 60_000,
      handler: (job) =>
        new Promise<JobOutput>((resolve) => {
          held.push({ job, complete: resolve, taken: false });
          void closing.then(() => resolve(undefined));
        }),
    });
    client.registerWorker({ type: 'polis:document', handler: () => ({}) });
    client.registerWorker({ type: 'polis:deadline', handler: deadlineWorker() });
    client.registerWorker({ type: NOTIFY_JOB_TYPE, handler: notifyWorker({ knex, services }) });
    running.dispatcher = startOutboxDispatcher({ knex, engine: client, logger, finder: recordLogInstanceFinder(knex) });
    running.projection = startProjection({
      name: APPLICATION_STATUS_PROJECTION,
      knex,
      logger,
      handle: applicationStatusProjection(services),
      source: engineRecordSource(running.connection.onRecords),
    });
  });
  afterAll(async () => {
    release();
    await running.projection?.stop();
    await running.dispatcher?.stop();
    await running.connection?.close(5_000);
  });

  let submissions = 0;
  /** A citizen's residence certificate application, submitted through the API; answers its id. */
  async function apply(citizen: PersonaClient): Promise<string> {
    submissions++;
    const upload = await citizen.request('POST', '/api/v1/attachments', PDF, {
      'content-type': 'application/pdf',
      'x-filename': 'deh.pdf',
    });
    expect(upload.status).toBe(201);
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
          years: '2025',
          proofType: 'utility-bill',
          proof: [{ id: upload.json.attachmentId, name: 'deh.pdf', size: PDF.length, type: 'application/pdf' }],
        },
      },
      { 'idempotency-key': `status-test-${submissions}-0000` },
    );
    expect(submitted.status).toBe(201);
    return submitted.json.applicationId as string;
  }

  /** The application as its citizen sees it, once it satisfies a condition. */
  const viewWhen = (citizen: PersonaClient, id: string, until: (view: TestResponse['json']) => boolean) =>
    waitFor(async () => {
      const response = await citizen.request('GET', `/api/v1/applications/${id}`);
      expect(response.status).toBe(200);
      return until(response.json) ? response.json : undefined;
    });

  /** The next user task of the application at an element, held until the test completes it. */
  const userTask = (applicationId: string, elementId: string) =>
    waitFor(() => {
      const found = held.find(
        (h) => !h.taken && h.job.elementId === elementId && h.job.variables.applicationId === applicationId,
      );
      if (found) found.taken = true;
      return found;
    });

  it('should go submitted → in review → awaiting the citizen → in review → issued, and tell the citizen', async () => {
    // given a submitted application, whose check the clerk has
    const citizen = await app.as('citizen');
    const id = await apply(citizen);
    const inReview = await viewWhen(citizen, id, (v) => v.status === 'in_review');
    expect(inReview.timeline.map((e: { status: string }) => e.status)).toEqual(['submitted', 'in_review']);
    expect(inReview.statusLabel).toEqual({ el: 'Σε έλεγχο', en: 'Being reviewed' });
    expect(inReview.awaitingReply).toBeNull();
    // when the clerk asks for more information
    (await userTask(id, 'check')).complete({ decision: 'more-info', infoRequest: 'Επισυνάψτε λογαριασμό του 2025.' });
    // then the citizen sees that the municipality waits for their reply, with the form to answer
    const awaiting = await viewWhen(citizen, id, (v) => v.status === 'awaiting_citizen');
    expect(awaiting.awaitingReply).toMatchObject({
      messageName: 'citizen-reply',
      formId: 'residence-certificate-reply',
      since: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    expect(awaiting.statusLabel.en).toBe('Waiting for your answer');
    // when the citizen replies, then the check is back with the clerk
    const published = await running.connection.client.publishMessage({
      name: 'citizen-reply',
      correlationKey: id,
      variables: { replyText: 'Επισυνάπτω' },
    });
    expect(published.ok).toBe(true);
    const back = await viewWhen(citizen, id, (v) => v.status === 'in_review' && v.timeline.length === 4);
    expect(back.awaitingReply).toBeNull();
    // when the clerk approves
    (await userTask(id, 'check')).complete({ decision: 'approve', certifiedYears: '2025' });
    // then the application is issued, with its whole timeline, in order
    const issued = await viewWhen(citizen, id, (v) => v.status === 'issued');
    expect(issued.timeline.map((e: { status: string }) => e.status)).toEqual([
      'submitted',
      'in_review',
      'awaiting_citizen',
      'in_review',
      'issued',
    ]);
    expect(issued.statusLabel).toEqual({ el: 'Εκδόθηκε', en: 'Issued' });
    expect(Date.parse(issued.statusChangedAt)).toBeGreaterThanOrEqual(Date.parse(issued.registeredAt));
    expect(isDocumentedApplication(issued), JSON.stringify(isDocumentedApplication.errors)).toBe(true);
    expect(isDocumentedApplication(awaiting), JSON.stringify(isDocumentedApplication.errors)).toBe(true);
    const list = await citizen.request('GET', '/api/v1/applications/mine');
    for (const summary of list.json.applications)
      expect(isDocumentedSummary(summary), JSON.stringify(isDocumentedSummary.errors)).toBe(true);
    expect(list.json.applications.find((a: { applicationId: string }) => a.applicationId === id).status).toBe('issued');
    // and the citizen was told twice: the request for information, and the certificate
    const inbox = await citizen.request('GET', '/api/v1/me/notifications?order=newest&lang=en');
    const mine = inbox.json.notifications.filter((n: { applicationId: string }) => n.applicationId === id);
    expect(mine.map((n: { template: string }) => n.template)).toEqual([
      'residence-certificate-issued',
      'residence-certificate-more-info',
    ]);
    expect(mine[1].body).toContain('Επισυνάψτε λογαριασμό του 2025.');
    expect(mine[1].body).toContain(issued.protocolNumber);
  });

  it('should end rejected when the clerk rejects, with the reason in the citizen’s notification', async () => {
    // given a submitted application under review
    const citizen = await app.as('citizen');
    const id = await apply(citizen);
    // when the clerk rejects it
    (await userTask(id, 'check')).complete({
      decision: 'reject',
      rejectionReason: 'Η διεύθυνση δεν ανήκει στον Δήμο.',
    });
    // then it is rejected, and the citizen reads why
    const rejected = await viewWhen(citizen, id, (v) => v.status === 'rejected');
    expect(rejected.timeline.map((e: { status: string }) => e.status)).toEqual(['submitted', 'in_review', 'rejected']);
    expect(rejected.statusLabel.el).toBe('Απορρίφθηκε');
    const inbox = await citizen.request('GET', '/api/v1/me/notifications?lang=el');
    const told = inbox.json.notifications.find(
      (n: { applicationId: string; template: string }) =>
        n.applicationId === id && n.template === 'residence-certificate-rejected',
    );
    expect(told.body).toContain('Αιτιολογία: Η διεύθυνση δεν ανήκει στον Δήμο.');
  });

  it('should change nothing when the record stream is applied again from the start', async () => {
    // given the applications followed so far
    const citizen = await app.as('citizen');
    const before = (await citizen.request('GET', '/api/v1/applications/mine')).json.applications;
    const events = await app.db.knex('application_event').count({ n: '*' });
    const last = (await app.db.knex('engine_record').max({ position: 'position' }).first()) as { position: string };
    // when the projection's checkpoint is rewound and it reads the whole stream again
    await app.db.knex('projection_checkpoint').where({ name: APPLICATION_STATUS_PROJECTION }).update({ position: 0 });
    running.projection.wake();
    await waitFor(async () => {
      const row = (await app.db
        .knex('projection_checkpoint')
        .where({ name: APPLICATION_STATUS_PROJECTION })
        .first()) as {
        position: string;
      };
      return BigInt(row.position) >= BigInt(last.position) ? true : undefined;
    });
    // then every status and timeline is as it was
    expect((await citizen.request('GET', '/api/v1/applications/mine')).json.applications).toEqual(before);
    expect(await app.db.knex('application_event').count({ n: '*' })).toEqual(events);
  });
});
