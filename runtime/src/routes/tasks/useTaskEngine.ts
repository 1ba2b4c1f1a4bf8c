import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, expect } from 'vitest';
import { recordLogInstanceFinder } from '../../applications/recordLogInstanceFinder.js';
import { startOutboxDispatcher, type OutboxDispatcher } from '../../applications/startOutboxDispatcher.js';
import { testSubmissionDependencies } from '../../applications/testSubmissionDependencies.js';
import { fileAttachmentStore } from '../../attachments/fileAttachmentStore.js';
import type { EngineClient } from '../../engine/EngineClient.js';
import type { EngineJob } from '../../engine/JobWorker.js';
import { connectEngine, type EngineConnection } from '../../engine/connectEngine.js';
import { loadFormsFromDirectory } from '../../forms/loadFormsFromDirectory.js';
import { createSession } from '../../identity/sessions.js';
import { useTestApp, type TestApp } from '../../http/useTestApp.js';
import { deployProcessDefinitions } from '../../procedures/deployProcessDefinitions.js';
import { shippedDir } from '../../procedures/shippedDir.js';
import { waitFor } from '../../procedures/useProcedureEngine.js';
import type { TaskEventStreamOptions } from '../../tasks/events/streamTaskEvents.js';
import {
  startUserTaskWorker,
  type UserTaskWorker,
  type UserTaskWorkerOptions,
} from '../../tasks/startUserTaskWorker.js';
import { userTaskNames } from '../../tasks/userTaskNames.js';

const STUB_TYPES = ['polis:document', 'polis:notify', 'polis:escalate'];
/** How long to wait for the engine and the worker: generous, for a machine busy with other test files. */
const WAIT_MS = 30_000;

/** A residence certificate application started in the engine, and its first task once the worker holds it. */
export interface StartedCertificate {
  readonly processInstanceKey: string;
  readonly applicationId: string;
  readonly taskId: string;
}

/**
 * Test support for the task routes: the test app over the embedded engine with the shipped procedures deployed,
 * the user-task worker running, stub workers for the service tasks (deadlines far in the future), and helpers to
 * start an application, wait for its tasks and open a raw session for streaming requests.
 */
export function useTaskEngine(
  options: {
    eventStream?: TaskEventStreamOptions;
    /** The user-task worker's lease timings (tests of lease renewal shorten them). */
    worker?: Pick<UserTaskWorkerOptions, 'leaseMs' | 'renewBeforeMs' | 'sweepIntervalMs'>;
  } = {},
) {
  const engine = {} as { connection: EngineConnection; worker: UserTaskWorker; dispatcher: OutboxDispatcher };
  // The routes are built before the engine is connected: they reach it through this forwarder.
  const client = new Proxy({} as EngineClient, {
    get: (_target, key: keyof EngineClient) => {
      const value = engine.connection.client[key];
      return typeof value === 'function' ? value.bind(engine.connection.client) : value;
    },
  });
  const app: TestApp = useTestApp({
    dependencies: () => ({
      tasks: { engine: client, ...(options.eventStream ? { eventStream: options.eventStream } : {}) },
      submissions: testSubmissionDependencies(),
      attachments: { store: fileAttachmentStore(mkdtempSync(join(tmpdir(), 'polis-task-files-'))), maxBytes: 1 << 20 },
    }),
  });
  const serviceJobs: EngineJob[] = [];

  beforeAll(async () => {
    const logger = pino({ level: 'silent' });
    const knex = app.db.knex;
    await loadFormsFromDirectory(knex, shippedDir('forms'));
    engine.connection = await connectEngine({ engine: { kind: 'embedded', gatewayPort: 0 } }, logger, app.db);
    const deployed = await deployProcessDefinitions(
      engine.connection.client,
      shippedDir('process-definitions'),
      logger,
    );
    expect(deployed.failed).toEqual([]);
    for (const type of STUB_TYPES)
      engine.connection.client.registerWorker({ type, handler: (job) => void serviceJobs.push(job) });
    engine.connection.client.registerWorker({
      type: 'polis:deadline',
      handler: (job) => ({ [String(job.customHeaders.resultVariable ?? 'dueDate')]: '2099-12-31T15:00:00+02:00' }),
    });
    engine.worker = startUserTaskWorker({
      knex,
      engine: engine.connection.client,
      logger,
      elementName: await userTaskNames(shippedDir('process-definitions')),
      pollMs: 200,
      ...options.worker,
    });
    // Registered applications start their processes through the outbox, as in the runtime.
    engine.dispatcher = startOutboxDispatcher({
      knex,
      engine: engine.connection.client,
      logger,
      finder: recordLogInstanceFinder(knex),
    });
  });
  afterAll(async () => {
    await engine.dispatcher?.stop();
    await engine.worker?.stop(2_000);
    await engine.connection?.close(5_000);
  });

  /** The id of the active task of an instance at an element, once the worker holds it (skipping those given). */
  const taskAt = (processInstanceKey: string, elementId: string, except: readonly string[] = []) =>
    waitFor(async () => {
      const row = (await app.db
        .knex('task')
        .where({ process_instance_key: processInstanceKey, element_id: elementId })
        .whereIn('status', ['open', 'claimed'])
        .whereNotIn('id', except)
        .first('id')) as { id: string } | undefined;
      return row?.id;
    }, WAIT_MS);

  let applications = 0;
  return {
    app,
    client,
    serviceJobs,
    taskAt,
    /** Starts a residence certificate application for DD.DHM; answers once its check task is held. */
    async applyForCertificate(): Promise<StartedCertificate> {
      applications++;
      const applicationId = randomUUID();
      const started = await engine.connection.client.createProcessInstance({
        bpmnProcessId: 'residence-certificate',
        variables: {
          applicationId,
          protocolNumber: `ΕΙΣ-2026/9${String(applications).padStart(4, '0')}`,
          applicant: { username: 'citizen.094259216', displayName: 'Μαρία Παπαδοπούλου' },
          dueDate: '2099-01-09T15:00:00+02:00',
        },
      });
      if (!started.ok) throw new Error(started.error.message);
      const { processInstanceKey } = started.value;
      return { processInstanceKey, applicationId, taskId: await taskAt(processInstanceKey, 'check') };
    },
    /** Submits a residence certificate application as the demo citizen (with uploaded files); answers once its check task is held. */
    async submitCertificate(
      fullName: string,
      documents: readonly string[] = [],
    ): Promise<StartedCertificate & { protocolNumber: string }> {
      const citizen = await app.as('citizen');
      applications++;
      const submitted = await citizen.request(
        'POST',
        '/api/v1/applications',
        {
          serviceId: 'residence-certificate',
          data: { fullName, documents: documents.map((attachmentId) => ({ attachmentId })) },
        },
        { 'idempotency-key': `task-engine-${applications}-${randomUUID()}` },
      );
      if (submitted.status !== 201) throw new Error(`Expected 201, but got ${submitted.status}: ${submitted.text}`);
      const applicationId = submitted.json.applicationId as string;
      const processInstanceKey = await waitFor(async () => {
        const row = (await app.db.knex('application').where({ id: applicationId }).first('process_instance_key')) as
          { process_instance_key: string | null } | undefined;
        return row?.process_instance_key ?? undefined;
      }, WAIT_MS);
      return {
        applicationId,
        processInstanceKey: String(processInstanceKey),
        protocolNumber: submitted.json.protocolNumber as string,
        taskId: await taskAt(String(processInstanceKey), 'check'),
      };
    },
    /** The cookie of a fresh session of a demo user, for requests made with fetch directly (streams). */
    async sessionCookie(username: string): Promise<string> {
      const token = await createSession(app.db.knex, await app.userId(username), 3600_000);
      return `polis_session=${token}`;
    },
  };
}
