import { pino } from 'pino';
import { afterAll, beforeAll, expect } from 'vitest';
import { createEngine, engineMigrations, type Database, type Engine, type EngineRecord } from '@polis/engine';
import { createTestDatabase } from '@polis/engine/testing';
import type { EngineClient } from '../engine/EngineClient.js';
import type { EngineJob, JobHandler, JobOutput } from '../engine/JobWorker.js';
import { connectEngine, type EngineConnection } from '../engine/connectEngine.js';
import { deployProcessDefinitions } from './deployProcessDefinitions.js';
import { shippedDir } from './shippedDir.js';

/** A user task job the test holds, as the inbox will, until it completes it with the form's data. */
export interface HeldUserTask {
  readonly job: EngineJob;
  /** The candidate groups header, parsed. */
  readonly candidateGroups: readonly string[];
  complete(variables: Record<string, unknown>): void;
}

/** The job types of the platform's service tasks, answered here by stubs that record what they saw. */
const STUB_TYPES = ['polis:document', 'polis:notify', 'polis:escalate', 'polis:police-request', 'polis:deadline'];

/** Waits until check() gives a value. */
export async function waitFor<T>(check: () => Promise<T | undefined> | T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Expected a condition to hold within ${timeoutMs} ms, but it did not`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * The embedded engine on a fresh database, reached like the runtime reaches it (EngineClient over the gateway),
 * with every file of process-definitions/ deployed, user task jobs held for the test to complete, and stub
 * workers for the platform's service tasks. `answers` sets what a stub completes its job with.
 */
export function useProcedureEngine() {
  const fixture = {} as { db: Database; connection: EngineConnection; client: EngineClient; observer: Engine };
  const held: { task: HeldUserTask; taken: boolean }[] = [];
  const serviceJobs: EngineJob[] = [];
  const answers = new Map<string, JobHandler>();
  let release = () => {};

  beforeAll(async () => {
    fixture.db = await createTestDatabase([engineMigrations]);
    const logger = pino({ level: 'silent' });
    fixture.connection = await connectEngine({ engine: { kind: 'embedded', gatewayPort: 0 } }, logger, fixture.db);
    fixture.client = fixture.connection.client;
    fixture.observer = createEngine({ db: fixture.db, schedulerIntervalMs: 0 });
    const deployment = await deployProcessDefinitions(fixture.client, shippedDir('process-definitions'), logger);
    expect(deployment.failed).toEqual([]);
    const closing = new Promise<void>((resolve) => (release = resolve));
    fixture.client.registerWorker({
      type: 'io.camunda.zeebe:userTask',
      timeoutMs: 10 * 60_000,
      handler: (job) =>
        new Promise<JobOutput>((resolve) => {
          const groups = job.customHeaders['io.camunda.zeebe:candidateGroups'];
          held.push({
            taken: false,
            task: {
              job,
              candidateGroups: typeof groups === 'string' ? (JSON.parse(groups) as string[]) : [],
              complete: resolve,
            },
          });
          // At the end of the file, tasks still held are let go (completed empty) so that the worker can close.
          void closing.then(() => resolve(undefined));
        }),
    });
    for (const type of STUB_TYPES)
      fixture.client.registerWorker({
        type,
        handler: (job) => {
          serviceJobs.push(job);
          return answers.get(type)?.(job) ?? {};
        },
      });
  });
  afterAll(async () => {
    release();
    await fixture.connection?.close(5_000);
    await fixture.observer?.stop();
    await fixture.db?.close();
  });

  const records = async (filter: (r: EngineRecord) => boolean) =>
    (await fixture.observer.readRecords(0, 100_000)).filter(filter);
  const ofInstance = (key: string) => (r: EngineRecord) => String(r.value.processInstanceKey) === key;

  return {
    fixture,
    answers,
    /** Starts the latest version of a procedure with the variables a submission gives. */
    async start(bpmnProcessId: string, variables: Record<string, unknown>): Promise<string> {
      const started = await fixture.client.createProcessInstance({ bpmnProcessId, variables });
      if (!started.ok) throw new Error(`Expected ${bpmnProcessId} to start, but: ${started.error.message}`);
      return started.value.processInstanceKey;
    },
    /** The next user task of an instance at an element, once its job has reached the held worker. */
    userTask(processInstanceKey: string, elementId: string): Promise<HeldUserTask> {
      return waitFor(() => {
        const found = held.find(
          (h) => !h.taken && h.task.job.processInstanceKey === processInstanceKey && h.task.job.elementId === elementId,
        );
        if (!found) return undefined;
        found.taken = true;
        return found.task;
      });
    },
    /** The service task jobs of an instance that the stubs completed, in order: "type elementId". */
    serviceCalls(processInstanceKey: string): string[] {
      return serviceJobs
        .filter((j) => j.processInstanceKey === processInstanceKey)
        .map((j) => `${j.type} ${j.elementId}`);
    },
    serviceJob(processInstanceKey: string, elementId: string): EngineJob | undefined {
      return serviceJobs.find((j) => j.processInstanceKey === processInstanceKey && j.elementId === elementId);
    },
    /** Publishes a message once the instance waits for it. */
    async publish(processInstanceKey: string, name: string, correlationKey: string, variables = {}): Promise<void> {
      await waitFor(async () => {
        const opened = await records(
          (r) =>
            r.valueType === 'PROCESS_MESSAGE_SUBSCRIPTION' &&
            r.intent === 'CREATED' &&
            r.value.messageName === name &&
            ofInstance(processInstanceKey)(r),
        );
        return opened.length > 0 ? true : undefined;
      });
      const published = await fixture.client.publishMessage({ name, correlationKey, variables });
      if (!published.ok) throw new Error(`Expected ${name} to be published, but: ${published.error.message}`);
    },
    /** Waits for an element of the instance to complete (e.g. an end event); returns how many times it did. */
    async reached(processInstanceKey: string, elementId: string, times = 1): Promise<number> {
      return waitFor(async () => {
        const done = await records(
          (r) =>
            r.valueType === 'PROCESS_INSTANCE' &&
            r.intent === 'ELEMENT_COMPLETED' &&
            r.value.elementId === elementId &&
            ofInstance(processInstanceKey)(r),
        );
        return done.length >= times ? done.length : undefined;
      });
    },
    /** The end events the instance completed, once the instance itself has completed. */
    async ends(processInstanceKey: string): Promise<string[]> {
      await waitFor(async () => {
        const root = await records(
          (r) =>
            r.valueType === 'PROCESS_INSTANCE' &&
            String(r.key) === processInstanceKey &&
            r.intent === 'ELEMENT_COMPLETED',
        );
        return root.length > 0 ? true : undefined;
      });
      const ended = await records(
        (r) =>
          r.valueType === 'PROCESS_INSTANCE' &&
          r.intent === 'ELEMENT_COMPLETED' &&
          r.value.bpmnElementType === 'END_EVENT' &&
          ofInstance(processInstanceKey)(r),
      );
      return ended.map((r) => String(r.value.elementId));
    },
    /** The instance's root variables, from the record log. */
    async variables(processInstanceKey: string): Promise<Record<string, unknown>> {
      const out: Record<string, unknown> = {};
      for (const r of await records(
        (r) => r.valueType === 'VARIABLE' && String(r.value.scopeKey) === processInstanceKey,
      ))
        out[String(r.value.name)] = JSON.parse(String(r.value.value));
      return out;
    },
    async incidents(processInstanceKey: string) {
      return fixture.observer.listIncidents({ processInstanceKey });
    },
  };
}
