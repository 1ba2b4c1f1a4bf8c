import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, engineMigrations, type Database, type Engine, type EngineRecord } from '@polis/engine';
import { createTestDatabase } from '@polis/engine/testing';
import type { EngineClient } from './EngineClient.js';
import { connectEngine, type EngineConnection } from './connectEngine.js';
import { BpmnError, type EngineJob } from './JobWorker.js';

/**
 * A process `start → elements… → end`, wired in order; `inside` adds unwired process content (boundary events),
 * `outside` goes into the definitions (messages, errors).
 */
function processXml(id: string, elements: readonly string[], { inside = '', outside = '' } = {}): string {
  const ids = ['start', ...elements.map((e) => /id="([^"]+)"/.exec(e)?.[1] ?? ''), 'end'];
  const flows = ids.slice(1).map((to, i) => `<bpmn:sequenceFlow id="f${i}" sourceRef="${ids[i]}" targetRef="${to}" />`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d_${id}" targetNamespace="http://polis.example/bpmn">
  <bpmn:process id="${id}" isExecutable="true">
    <bpmn:startEvent id="start" />${elements.join('')}<bpmn:endEvent id="end" />${flows.join('')}${inside}
  </bpmn:process>${outside}
</bpmn:definitions>`;
}

const serviceTask = (id: string, type: string, retries = 3) =>
  `<bpmn:serviceTask id="${id}"><bpmn:extensionElements><zeebe:taskDefinition type="${type}" retries="${retries}" /></bpmn:extensionElements></bpmn:serviceTask>`;

const waitFor = async <T>(check: () => Promise<T | undefined> | T | undefined, timeoutMs = 10_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Expected a condition to hold within ${timeoutMs} ms, but it did not`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

/** The embedded engine on a fresh database with its gateway on a free port; `observer` reads the record log. */
function useEmbeddedEngine() {
  const fixture = {} as { db: Database; connection: EngineConnection; client: EngineClient; observer: Engine };
  beforeAll(async () => {
    fixture.db = await createTestDatabase([engineMigrations]);
    fixture.connection = await connectEngine(
      { engine: { kind: 'embedded', gatewayPort: 0 } },
      pino({ level: 'silent' }),
      fixture.db,
    );
    fixture.client = fixture.connection.client;
    // A second engine on the same database, never scheduled: only its record log and incident views are used.
    fixture.observer = createEngine({ db: fixture.db, schedulerIntervalMs: 0 });
  });
  afterAll(async () => {
    await fixture.connection?.close(5_000);
    await fixture.observer?.stop();
    await fixture.db?.close();
  });
  const records = async (filter: (r: EngineRecord) => boolean) =>
    (await fixture.observer.readRecords(0, 100_000)).filter(filter);
  const ended = (processInstanceKey: string) =>
    waitFor(async () => {
      const root = await records((r) => r.valueType === 'PROCESS_INSTANCE' && String(r.key) === processInstanceKey);
      return root.find((r) => r.intent === 'ELEMENT_COMPLETED' || r.intent === 'ELEMENT_TERMINATED')?.intent;
    });
  return { fixture, records, ended };
}

async function deployAndStart(client: EngineClient, xml: string, variables: Record<string, unknown> = {}) {
  const id = /process id="([^"]+)"/.exec(xml)?.[1] ?? '';
  const deployed = await client.deploy([{ name: `${id}.bpmn`, content: xml }]);
  if (!deployed.ok) throw new Error(`deploy failed: ${deployed.error.message}`);
  const started = await client.createProcessInstance({ bpmnProcessId: id, variables });
  if (!started.ok) throw new Error(`start failed: ${started.error.message}`);
  return started.value.processInstanceKey;
}

describe('EngineClient on the embedded engine', () => {
  const { fixture, records, ended } = useEmbeddedEngine();

  it('should report the gateway topology', async () => {
    // when
    const topology = await fixture.client.topology();
    // then
    expect(topology).toEqual({ ok: true, value: expect.objectContaining({ brokers: 1, partitions: 1 }) });
  });

  it('should deploy a process and start an instance of it', async () => {
    // given
    const xml = processXml('ec-start', [serviceTask('task', 'ec-start')]);
    // when
    const deployed = await fixture.client.deploy([{ name: 'ec-start.bpmn', content: xml }]);
    const started = await fixture.client.createProcessInstance({ bpmnProcessId: 'ec-start', variables: { a: 1 } });
    // then
    expect(deployed).toEqual({
      ok: true,
      value: {
        deploymentKey: expect.any(String),
        processes: [expect.objectContaining({ bpmnProcessId: 'ec-start', version: 1, resourceName: 'ec-start.bpmn' })],
      },
    });
    expect(started).toEqual({
      ok: true,
      value: expect.objectContaining({ bpmnProcessId: 'ec-start', version: 1, processInstanceKey: expect.any(String) }),
    });
  });

  it('should return refusals as values, not exceptions', async () => {
    // when deploying broken XML, starting an unknown process, and cancelling an instance twice
    const broken = await fixture.client.deploy([{ name: 'broken.bpmn', content: '<bpmn:definitions' }]);
    const unknown = await fixture.client.createProcessInstance({ bpmnProcessId: 'ec-no-such-process' });
    const key = await deployAndStart(fixture.client, processXml('ec-cancel', [serviceTask('task', 'ec-cancel')]));
    const first = await fixture.client.cancelProcessInstance(key);
    const second = await fixture.client.cancelProcessInstance(key);
    // then
    expect(broken).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(unknown).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining('ec-no-such-process') },
    });
    expect(first).toEqual({ ok: true, value: undefined });
    expect(second).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await ended(key)).toBe('ELEMENT_TERMINATED');
  });

  it('should complete jobs through a registered worker and return the instance result', async () => {
    // given a worker that adds a variable
    const seen: EngineJob[] = [];
    fixture.client.registerWorker({
      type: 'ec-greet',
      handler: (job) => {
        seen.push(job);
        return { greeting: `hello ${String(job.variables.name)}` };
      },
    });
    const xml = processXml('ec-greet', [serviceTask('task', 'ec-greet')]);
    await fixture.client.deploy([{ name: 'ec-greet.bpmn', content: xml }]);
    // when
    const result = await fixture.client.createProcessInstanceWithResult({
      bpmnProcessId: 'ec-greet',
      variables: { name: 'Athena' },
      requestTimeoutMs: 10_000,
    });
    // then
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({ variables: { name: 'Athena', greeting: 'hello Athena' } }),
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ type: 'ec-greet', elementId: 'task', retries: 3, bpmnProcessId: 'ec-greet' });
  });

  it('should fail the job with one retry fewer when the handler throws, then raise an incident', async () => {
    // given a handler that fails twice and then succeeds, on a task with two retries
    const attempts: number[] = [];
    fixture.client.registerWorker({
      type: 'ec-flaky',
      retryBackOffMs: () => 50,
      handler: (job) => {
        attempts.push(job.retries);
        if (attempts.length <= 2) throw new Error(`attempt ${attempts.length} failed`);
        return {};
      },
    });
    // when
    const key = await deployAndStart(fixture.client, processXml('ec-flaky', [serviceTask('task', 'ec-flaky', 2)]));
    // then each failure took a retry, and with none left the job raised an incident
    const [incident] = await waitFor(async () => {
      const open = await fixture.observer.listIncidents({ processInstanceKey: key });
      return open.length > 0 ? open : undefined;
    });
    expect(attempts).toEqual([2, 1]);
    const failed = await records(
      (r) => r.valueType === 'JOB' && r.intent === 'FAILED' && String(r.value.processInstanceKey) === key,
    );
    expect(failed.map((r) => r.value.retries)).toEqual([1, 0]);
    expect(failed[1]?.value.errorMessage).toBe('attempt 2 failed');

    // when the operator gives the job a retry and resolves the incident
    expect(await fixture.client.updateJobRetries({ jobKey: String(incident?.jobKey), retries: 1 })).toEqual({
      ok: true,
      value: undefined,
    });
    expect(await fixture.client.resolveIncident(String(incident?.incidentKey))).toEqual({ ok: true, value: undefined });
    // then the worker runs it again and the instance completes
    expect(await ended(key)).toBe('ELEMENT_COMPLETED');
    expect(attempts).toEqual([2, 1, 1]);
  });

  it('should throw a BPMN error in the process when the handler throws a BpmnError', async () => {
    // given a task whose error boundary event leads to its own end
    fixture.client.registerWorker({
      type: 'ec-reject',
      handler: () => {
        throw new BpmnError('REJECTED', 'incomplete application');
      },
    });
    const xml = processXml('ec-reject', [serviceTask('task', 'ec-reject')], {
      inside: `<bpmn:boundaryEvent id="rejected" attachedToRef="task"><bpmn:errorEventDefinition errorRef="err" /></bpmn:boundaryEvent>
        <bpmn:endEvent id="rejectedEnd" /><bpmn:sequenceFlow id="fr" sourceRef="rejected" targetRef="rejectedEnd" />`,
      outside: '<bpmn:error id="err" errorCode="REJECTED" />',
    });
    // when
    const key = await deployAndStart(fixture.client, xml);
    // then the boundary event caught it and the instance completed through it
    expect(await ended(key)).toBe('ELEMENT_COMPLETED');
    const caught = await records(
      (r) =>
        r.valueType === 'PROCESS_INSTANCE' && r.intent === 'ELEMENT_COMPLETED' && r.value.elementId === 'rejectedEnd',
    );
    expect(caught.filter((r) => String(r.value.processInstanceKey) === key)).toHaveLength(1);
  });

  it('should correlate a published message and pass on variables set on the instance', async () => {
    // given an instance waiting for a message keyed by its application id
    const xml = processXml(
      'ec-message',
      [
        '<bpmn:intermediateCatchEvent id="paid"><bpmn:messageEventDefinition messageRef="msg" /></bpmn:intermediateCatchEvent>',
        serviceTask('task', 'ec-after-payment'),
      ],
      {
        outside:
          '<bpmn:message id="msg" name="fee-paid"><bpmn:extensionElements><zeebe:subscription correlationKey="=applicationId" /></bpmn:extensionElements></bpmn:message>',
      },
    );
    const seen: Record<string, unknown>[] = [];
    fixture.client.registerWorker({ type: 'ec-after-payment', handler: (job) => void seen.push({ ...job.variables }) });
    const key = await deployAndStart(fixture.client, xml, { applicationId: 'A-17' });
    await waitFor(async () => {
      const opened = await records(
        (r) => r.valueType === 'PROCESS_MESSAGE_SUBSCRIPTION' && String(r.value.processInstanceKey) === key,
      );
      return opened.length > 0 ? true : undefined;
    });
    // when
    const set = await fixture.client.setVariables({ elementInstanceKey: key, variables: { clerk: 'maria' } });
    const published = await fixture.client.publishMessage({
      name: 'fee-paid',
      correlationKey: 'A-17',
      variables: { amount: 25 },
    });
    // then
    expect(set).toEqual({ ok: true, value: undefined });
    expect(published).toEqual({ ok: true, value: { key: expect.any(String) } });
    expect(await ended(key)).toBe('ELEMENT_COMPLETED');
    expect(seen).toEqual([{ applicationId: 'A-17', clerk: 'maria', amount: 25 }]);
  });
});

describe('connectEngine to a Zeebe gateway', () => {
  const { fixture } = useEmbeddedEngine();
  const zeebe = (address: string) =>
    connectEngine(
      { engine: { kind: 'zeebe', address, tls: false, oauth: undefined } },
      pino({ level: 'silent' }),
      fixture.db,
    );

  it('should talk to the gateway at ZEEBE_ADDRESS', async () => {
    // given a gateway elsewhere (here: the embedded one's)
    const remote = await zeebe(fixture.connection.gatewayAddress);
    try {
      // when
      const topology = await remote.client.topology();
      const unknown = await remote.client.createProcessInstance({ bpmnProcessId: 'ec-nothing-here' });
      // then
      expect(remote).toMatchObject({ kind: 'zeebe', gatewayAddress: fixture.connection.gatewayAddress });
      expect(topology).toMatchObject({ ok: true, value: { brokers: 1 } });
      expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    } finally {
      await remote.close(2_000);
    }
  });

  it('should report an unreachable gateway as a value', async () => {
    // given nothing listening
    const remote = await zeebe('127.0.0.1:1');
    try {
      // when
      const topology = await remote.client.topology(1_000);
      // then
      expect(topology).toMatchObject({
        ok: false,
        error: { code: expect.stringMatching(/UNAVAILABLE|DEADLINE_EXCEEDED/) },
      });
    } finally {
      await remote.close(2_000);
    }
  });
});

describe('EngineConnection.close', () => {
  const { fixture, records } = useEmbeddedEngine();

  it('should wait for an in-flight handler before closing', async () => {
    // given a handler that is running and held open
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let started = false;
    fixture.client.registerWorker({
      type: 'ec-slow',
      handler: async () => {
        started = true;
        await held;
        return { done: true };
      },
    });
    const key = await deployAndStart(fixture.client, processXml('ec-slow', [serviceTask('task', 'ec-slow')]));
    await waitFor(() => (started ? true : undefined));
    // when closing while it runs
    let closed = false;
    const closing = fixture.connection.close(10_000).then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    // then close waits for it
    expect(closed).toBe(false);
    release();
    await closing;
    const completed = await records(
      (r) => r.valueType === 'JOB' && r.intent === 'COMPLETED' && String(r.value.processInstanceKey) === key,
    );
    expect(completed).toHaveLength(1);
    // and the client refuses further commands as values
    expect(await fixture.client.createProcessInstance({ bpmnProcessId: 'ec-slow' })).toMatchObject({
      ok: false,
      error: { code: 'CANCELLED' },
    });
  });
});
