import { Camunda8 } from '@camunda8/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flow, serviceTask } from '../scenarios/harness.js';
import { boundary, catchEvent, error, message, onMessage, onSignal, signal } from '../scenarios/eventBpmn.js';
import { linear } from '../scenarios/helpers.js';
import { eventually, useGateway } from './gatewayHarness.js';

type ZeebeClient = ReturnType<Camunda8['getZeebeGrpcApiClient']>;

const deployXml = (zbc: ZeebeClient, name: string, xml: string) =>
  zbc.deployResource({ name, process: Buffer.from(xml) });

describe('gateway with @camunda8/sdk', () => {
  const g = useGateway();
  let zbc: ZeebeClient;

  beforeAll(() => {
    zbc = new Camunda8({
      ZEEBE_GRPC_ADDRESS: `grpc://${g.address}`,
      CAMUNDA_AUTH_STRATEGY: 'NONE',
      CAMUNDA_LOG_LEVEL: 'none',
      zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE' },
    }).getZeebeGrpcApiClient();
  });
  afterAll(async () => {
    await zbc?.close(2_000);
  });

  it('should report a one-broker topology with the gateway version', async () => {
    // when
    const topology = await zbc.topology();
    // then
    expect(topology).toMatchObject({ clusterSize: 1, partitionsCount: 1, gatewayVersion: '8.8.0' });
    expect(topology.brokers[0]!.partitions[0]).toMatchObject({ partitionId: 1, role: 'LEADER' });
  });

  it('should deploy a resource and start an instance of it', async () => {
    // when
    const deployed = await deployXml(zbc, 'sdk-start.bpmn', linear('sdk-start', [serviceTask('task', 'sdk-start')]));
    const created = await zbc.createProcessInstance({ bpmnProcessId: 'sdk-start', variables: { a: 1 } });
    // then
    expect(deployed.deployments[0]!.process).toMatchObject({ bpmnProcessId: 'sdk-start', version: 1 });
    expect(created).toMatchObject({
      bpmnProcessId: 'sdk-start',
      processDefinitionKey: deployed.deployments[0]!.process.processDefinitionKey,
      version: 1,
    });
    expect(await g.state(created.processInstanceKey)).toBe('ACTIVE');
  });

  it('should let a job worker complete the job so that the instance completes', async () => {
    // given
    await deployXml(zbc, 'sdk-worker.bpmn', linear('sdk-worker', [serviceTask('task', 'sdk-worker')]));
    const seen: unknown[] = [];
    const worker = zbc.createWorker({
      taskType: 'sdk-worker',
      loglevel: 'NONE',
      taskHandler: (job) => {
        seen.push(job.variables);
        return job.complete({ done: true });
      },
    });
    try {
      // when
      const { processInstanceKey } = await zbc.createProcessInstance({
        bpmnProcessId: 'sdk-worker',
        variables: { a: 1 },
      });
      // then the worker saw the variables and the instance completed with the job's result
      expect(await g.ended(processInstanceKey)).toBe('COMPLETED');
      expect(seen).toEqual([{ a: 1 }]);
      const done = (await g.records()).find(
        (r) =>
          r.valueType === 'VARIABLE' &&
          r.value.name === 'done' &&
          String(r.value.processInstanceKey) === processInstanceKey,
      );
      expect(done?.value.value).toBe('true');
    } finally {
      await worker.close();
    }
  });

  it('should return the variables of a completed instance from createProcessInstanceWithResult', async () => {
    // given a worker that adds a variable
    await deployXml(zbc, 'sdk-result.bpmn', linear('sdk-result', [serviceTask('task', 'sdk-result')]));
    const worker = zbc.createWorker({
      taskType: 'sdk-result',
      loglevel: 'NONE',
      taskHandler: (job) => job.complete({ b: 2 }),
    });
    try {
      // when
      const result = await zbc.createProcessInstanceWithResult({
        bpmnProcessId: 'sdk-result',
        variables: { a: 1 },
        requestTimeout: 5_000,
      });
      // then
      expect(result).toMatchObject({ bpmnProcessId: 'sdk-result', variables: { a: 1, b: 2 } });
    } finally {
      await worker.close();
    }
  });

  it('should correlate a published message to a waiting instance', async () => {
    // given an instance waiting for a message with its order id
    await deployXml(
      zbc,
      'sdk-message.bpmn',
      linear('sdk-message', [catchEvent('wait', onMessage('m'))], { outside: message('m', 'paid', '=orderId') }),
    );
    const { processInstanceKey } = await zbc.createProcessInstance({
      bpmnProcessId: 'sdk-message',
      variables: { orderId: 'o-1' },
    });
    // when
    const published = await zbc.publishMessage({ name: 'paid', correlationKey: 'o-1', variables: { amount: 5 } });
    // then
    expect(published.key).toMatch(/^\d+$/);
    expect(await g.ended(processInstanceKey)).toBe('COMPLETED');
  });

  it('should retry a failed job, raise an incident at 0 retries, and go on after updateJobRetries and resolveIncident', async () => {
    // given
    await deployXml(zbc, 'sdk-fail.bpmn', linear('sdk-fail', [serviceTask('task', 'sdk-fail')]));
    const { processInstanceKey } = await zbc.createProcessInstance({ bpmnProcessId: 'sdk-fail', variables: {} });
    const activate = () =>
      zbc.activateJobs({ type: 'sdk-fail', worker: 'w', maxJobsToActivate: 1, timeout: 30_000, requestTimeout: 2_000 });
    const [job] = await activate();
    // when the job fails with one retry left
    await zbc.failJob({ jobKey: job!.key, retries: 1, errorMessage: 'flaky', retryBackOff: 0 });
    // then it can be activated again with that many retries
    const [again] = await activate();
    expect(again).toMatchObject({ key: job!.key, retries: 1 });
    // when it fails with no retries left
    await zbc.failJob({ jobKey: job!.key, retries: 0, errorMessage: 'broken', retryBackOff: 0 });
    // then an incident is raised
    const [incident] = await g.engine.listIncidents({ processInstanceKey });
    expect(incident).toMatchObject({ errorType: 'JOB_NO_RETRIES', errorMessage: 'broken' });
    // when retries are given back and the incident is resolved
    await zbc.updateJobRetries({ jobKey: job!.key, retries: 2 });
    await zbc.resolveIncident({ incidentKey: incident!.incidentKey });
    // then the job is activatable again and completing it completes the instance
    const [third] = await activate();
    expect(third).toMatchObject({ key: job!.key, retries: 2 });
    await zbc.completeJob({ jobKey: job!.key, variables: {} });
    expect(await g.ended(processInstanceKey)).toBe('COMPLETED');
  });

  it('should catch an error thrown by a worker with an error boundary event', async () => {
    // given
    await deployXml(
      zbc,
      'sdk-error.bpmn',
      linear('sdk-error', [serviceTask('task', 'sdk-error')], {
        inside: `${boundary('caught', 'task', '<bpmn:errorEventDefinition errorRef="err" />')}
        <bpmn:endEvent id="failedEnd" />
        ${flow('toFailed', 'caught', 'failedEnd')}`,
        outside: error('err', 'NOT_PAID'),
      }),
    );
    const { processInstanceKey } = await zbc.createProcessInstance({ bpmnProcessId: 'sdk-error', variables: {} });
    const [job] = await zbc.activateJobs({
      type: 'sdk-error',
      worker: 'w',
      maxJobsToActivate: 1,
      timeout: 30_000,
      requestTimeout: 2_000,
    });
    // when
    await zbc.throwError({ jobKey: job!.key, errorCode: 'NOT_PAID', errorMessage: 'no money' });
    // then the instance left through the boundary event
    expect(await g.ended(processInstanceKey)).toBe('COMPLETED');
    const ends = (await g.records())
      .filter((r) => String(r.value.processInstanceKey) === processInstanceKey && r.intent === 'ELEMENT_COMPLETED')
      .map((r) => r.value.elementId);
    expect(ends).toContain('failedEnd');
    expect(ends).not.toContain('end');
  });

  it('should set variables on an instance and cancel it', async () => {
    // given
    await deployXml(zbc, 'sdk-cancel.bpmn', linear('sdk-cancel', [serviceTask('task', 'sdk-cancel')]));
    const { processInstanceKey } = await zbc.createProcessInstance({ bpmnProcessId: 'sdk-cancel', variables: {} });
    // when
    await zbc.setVariables({ elementInstanceKey: processInstanceKey, variables: { note: 'hi' }, local: false });
    await zbc.cancelProcessInstance(processInstanceKey);
    // then
    const note = (await g.records()).find(
      (r) => r.valueType === 'VARIABLE' && r.value.name === 'note' && String(r.value.scopeKey) === processInstanceKey,
    );
    expect(note?.value.value).toBe('"hi"');
    expect(await g.state(processInstanceKey)).toBe('TERMINATED');
  });

  it('should broadcast a signal that a waiting instance catches', async () => {
    // given
    await deployXml(
      zbc,
      'sdk-signal.bpmn',
      linear('sdk-signal', [catchEvent('wait', onSignal('s'))], { outside: signal('s', 'sdk-go') }),
    );
    const { processInstanceKey } = await zbc.createProcessInstance({ bpmnProcessId: 'sdk-signal', variables: {} });
    // when
    const broadcast = await zbc.broadcastSignal({ signalName: 'sdk-go', variables: { x: 1 } });
    // then
    expect(broadcast.key).toMatch(/^\d+$/);
    expect(await g.ended(processInstanceKey)).toBe('COMPLETED');
  });

  it('should delete a process definition so that no new instance of it can start', async () => {
    // given
    const deployed = await deployXml(zbc, 'sdk-delete.bpmn', linear('sdk-delete', []));
    // when
    await zbc.deleteResource({ resourceKey: deployed.deployments[0]!.process.processDefinitionKey });
    // then
    await expect(zbc.createProcessInstance({ bpmnProcessId: 'sdk-delete', variables: {} })).rejects.toMatchObject({
      code: 5,
    });
    await eventually(async () =>
      (await g.records()).find((r) => r.valueType === 'PROCESS' && r.intent === 'DELETED') ? true : undefined,
    );
  });
});
