import * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway } from '../../src/gateway/startGateway.js';
import { bpmn, serviceTask } from '../scenarios/harness.js';
import { linear } from '../scenarios/helpers.js';
import { eventually, useGateway } from './gatewayHarness.js';
import { RawGatewayClient, statusOf } from './rawClient.js';

type Job = { key: string; worker: string; processInstanceKey: string; type: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('gateway status codes and robustness', () => {
  const g = useGateway();
  let client: RawGatewayClient;

  const deploy = (name: string, xml: string) =>
    client.unary('DeployResource', { resources: [{ name, content: Buffer.from(xml) }] });
  const create = async (bpmnProcessId: string, variables = '{}') =>
    String((await client.unary('CreateProcessInstance', { bpmnProcessId, variables })).processInstanceKey);
  const activate = async (type: string, worker = 'w', requestTimeout = 2_000) =>
    (
      await client.collect('ActivateJobs', { type, worker, timeout: 60_000, maxJobsToActivate: 10, requestTimeout })
    ).flatMap((response) => response.jobs as Job[]);

  beforeAll(async () => {
    client = new RawGatewayClient(g.address);
    await deploy('simple.bpmn', linear('simple', []));
  });
  afterAll(() => client?.close());

  describe('rejections', () => {
    it('should answer NOT_FOUND when completing an unknown job and a job completed already', async () => {
      // given a job completed once
      await deploy('complete-twice.bpmn', linear('complete-twice', [serviceTask('task', 'complete-twice')]));
      await create('complete-twice');
      const [job] = await activate('complete-twice');
      await client.unary('CompleteJob', { jobKey: job!.key, variables: '{}' });
      // when
      const unknown = await statusOf(client.unary('CompleteJob', { jobKey: '2251799813999999', variables: '{}' }));
      const again = await statusOf(client.unary('CompleteJob', { jobKey: job!.key, variables: '{}' }));
      // then
      expect(unknown.code).toBe(grpc.status.NOT_FOUND);
      expect(unknown.details).toBe(
        "Command 'COMPLETE' rejected with code 'NOT_FOUND': Expected to complete job with key '2251799813999999', but no such job was found",
      );
      expect(again.code).toBe(grpc.status.NOT_FOUND);
      expect(again.details).toContain(`job with key '${job!.key}'`);
    });

    it('should answer NOT_FOUND when cancelling an unknown process instance', async () => {
      // when
      const status = await statusOf(client.unary('CancelProcessInstance', { processInstanceKey: '2251799813999998' }));
      // then
      expect(status.code).toBe(grpc.status.NOT_FOUND);
      expect(status.details).toMatch(
        /^Command 'CANCEL' rejected with code 'NOT_FOUND': Expected to cancel a process instance with key '2251799813999998', but no such process/,
      );
    });

    it('should answer INVALID_ARGUMENT with every problem of every resource of a bad deployment', async () => {
      // given two resources, each with its own problem
      const noJobType = bpmn('bad-a', '<bpmn:startEvent id="start" /><bpmn:serviceTask id="noType" />');
      const noTimer = bpmn(
        'bad-b',
        '<bpmn:startEvent id="start" /><bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition /></bpmn:intermediateCatchEvent>',
      );
      // when
      const status = await statusOf(
        client.unary('DeployResource', {
          resources: [
            { name: 'bad-a.bpmn', content: Buffer.from(noJobType) },
            { name: 'bad-b.bpmn', content: Buffer.from(noTimer) },
          ],
        }),
      );
      // then one response names both
      expect(status.code).toBe(grpc.status.INVALID_ARGUMENT);
      expect(status.details).toMatch(
        /^Command 'CREATE' rejected with code 'INVALID_ARGUMENT': Expected to deploy new resources, but encountered the following errors:\n/,
      );
      expect(status.details).toContain('bad-a.bpmn');
      expect(status.details).toContain('noType');
      expect(status.details).toContain('zeebe:taskDefinition');
      expect(status.details).toContain('bad-b.bpmn');
      expect(status.details).toContain('the timer has no date, duration or cycle');
      // and nothing was deployed
      expect(
        (await statusOf(client.unary('CreateProcessInstance', { bpmnProcessId: 'bad-a', variables: '{}' }))).code,
      ).toBe(grpc.status.NOT_FOUND);
    });

    it('should answer INVALID_ARGUMENT for variables that are not JSON or not a JSON object', async () => {
      // when
      const notJson = await statusOf(
        client.unary('CreateProcessInstance', { bpmnProcessId: 'simple', variables: '{a:' }),
      );
      const array = await statusOf(
        client.unary('CreateProcessInstance', { bpmnProcessId: 'simple', variables: '[1,2]' }),
      );
      // then
      expect(notJson.code).toBe(grpc.status.INVALID_ARGUMENT);
      expect(notJson.details).toContain('Expected document to be valid JSON');
      expect(array.code).toBe(grpc.status.INVALID_ARGUMENT);
      expect(array.details).toContain(
        "Property 'variables' is invalid: Expected document to be a root level object, but was 'ARRAY'",
      );
    });

    it('should answer ALREADY_EXISTS for a second message with the id of a buffered one', async () => {
      // given
      const message = { name: 'dup', correlationKey: 'k', timeToLive: 60_000, messageId: 'm-1', variables: '{}' };
      await client.unary('PublishMessage', message);
      // when
      const status = await statusOf(client.unary('PublishMessage', message));
      // then
      expect(status.code).toBe(grpc.status.ALREADY_EXISTS);
      expect(status.details).toContain("Command 'PUBLISH' rejected with code 'ALREADY_EXISTS'");
      expect(status.details).toContain("'m-1'");
    });

    it('should answer FAILED_PRECONDITION when cancelling a child instance of a call activity directly', async () => {
      // given a parent whose call activity started a child
      await deploy('fp-child.bpmn', linear('fp-child', [serviceTask('task', 'fp-child')]));
      await deploy(
        'fp-parent.bpmn',
        linear('fp-parent', [
          '<bpmn:callActivity id="call"><bpmn:extensionElements><zeebe:calledElement processId="fp-child" /></bpmn:extensionElements></bpmn:callActivity>',
        ]),
      );
      const parent = await create('fp-parent');
      const [job] = await activate('fp-child');
      // when
      const status = await statusOf(
        client.unary('CancelProcessInstance', { processInstanceKey: job!.processInstanceKey }),
      );
      // then
      expect(job!.processInstanceKey).not.toBe(parent);
      expect(status.code).toBe(grpc.status.FAILED_PRECONDITION);
      expect(status.details).toContain("rejected with code 'INVALID_STATE'");
      expect(status.details).toContain(`Cancel the root process instance '${parent}' instead`);
    });

    it.each([
      ['ModifyProcessInstance', { processInstanceKey: '1' }],
      ['MigrateProcessInstance', { processInstanceKey: '1' }],
      ['EvaluateDecision', { decisionId: 'd' }],
    ])('should answer UNIMPLEMENTED with a sentence for %s', async (method, request) => {
      // when
      const status = await statusOf(client.unary(method, request));
      // then
      expect(status.code).toBe(grpc.status.UNIMPLEMENTED);
      expect(status.details).toMatch(new RegExp(`^${method} is not supported.{20,}$`));
    });
  });

  describe('limits', () => {
    it('should refuse a message over 4 MB with RESOURCE_EXHAUSTED and go on serving', async () => {
      // given variables of 5 MB
      const variables = JSON.stringify({ blob: 'x'.repeat(5 * 1024 * 1024) });
      // when
      const status = await statusOf(client.unary('CreateProcessInstance', { bpmnProcessId: 'simple', variables }));
      // then
      expect(status.code).toBe(grpc.status.RESOURCE_EXHAUSTED);
      expect(await create('simple')).toMatch(/^\d+$/);
    });

    it('should answer RESOURCE_EXHAUSTED under back-pressure and serve the calls it accepts', async () => {
      // given a gateway that refuses work as soon as any command waits
      const busy = await startGateway({ engine: g.engine, port: 0, maxPendingCommands: 0 });
      const flooder = new RawGatewayClient(`127.0.0.1:${busy.port}`);
      try {
        // when it is flooded (in a few waves at most: one wave may all land between two batches)
        const refused: grpc.ServiceError[] = [];
        for (let wave = 0; wave < 5 && refused.length === 0; wave++) {
          const outcomes = await Promise.allSettled(
            Array.from({ length: 100 }, () =>
              flooder.unary('CreateProcessInstance', { bpmnProcessId: 'simple', variables: '{}' }),
            ),
          );
          for (const outcome of outcomes) {
            if (outcome.status === 'rejected') refused.push(outcome.reason as grpc.ServiceError);
          }
        }
        // then some calls are refused with a reason, the others started instances
        expect(refused.length).toBeGreaterThan(0);
        expect(refused.map((error) => `${error.code}: ${error.details}`)).toEqual(
          refused.map(() =>
            expect.stringMatching(
              /^8: Expected to handle the request, but the engine is busy \(\d+ commands waiting\)/,
            ),
          ),
        );
        // and once the flood is over, the gateway serves calls again, commands included
        // (how many of the flood got through depends on the machine's load, so it is not asserted)
        await eventually(() =>
          flooder.unary('CreateProcessInstance', { bpmnProcessId: 'simple', variables: '{}' }).then(
            () => true,
            () => undefined,
          ),
        );
      } finally {
        flooder.close();
        await busy.close();
      }
    });

    it('should answer raw bytes that are not protobuf with an error status and go on serving', async () => {
      // when
      const status = await statusOf(client.raw('CompleteJob', Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x42])));
      // then
      expect(status.code).not.toBe(grpc.status.OK);
      expect((await client.unary('Topology', {})).gatewayVersion).toBe('8.8.0');
    });
  });

  describe('job activation', () => {
    it('should return a job from a long poll made before its instance existed', async () => {
      // given a long poll for a type that has no jobs yet
      await deploy('long-poll.bpmn', linear('long-poll', [serviceTask('task', 'long-poll')]));
      const polling = activate('long-poll', 'poller', 20_000);
      await sleep(200);
      // when the instance is created
      const pi = await create('long-poll');
      // then the poll returns its job
      const jobs = await polling;
      expect(jobs).toEqual([expect.objectContaining({ type: 'long-poll', processInstanceKey: pi, worker: 'poller' })]);
    });

    it('should not lose a job to an ActivateJobs call that the client cancelled', async () => {
      // given a long poll that the client cancels mid-stream
      await deploy('cancelled-poll.bpmn', linear('cancelled-poll', [serviceTask('task', 'cancelled-poll')]));
      const call = client.stream('ActivateJobs', {
        type: 'cancelled-poll',
        worker: 'gone',
        timeout: 60_000,
        maxJobsToActivate: 1,
        requestTimeout: 20_000,
      });
      const ended = new Promise<grpc.status | undefined>((resolve) => {
        call.on('error', (error: grpc.ServiceError) => resolve(error.code));
        call.on('end', () => resolve(undefined));
      });
      call.on('data', () => undefined);
      await sleep(200);
      call.cancel();
      expect(await ended).toBe(grpc.status.CANCELLED);
      // when the server is asked something else, and a job is created afterwards
      expect((await client.unary('Topology', {})).clusterSize).toBe(1);
      const pi = await create('cancelled-poll');
      // then another worker activates that job
      const jobs = await activate('cancelled-poll', 'other', 5_000);
      expect(jobs).toEqual([expect.objectContaining({ processInstanceKey: pi, worker: 'other' })]);
    });

    it('should stream a job created after StreamActivatedJobs opened', async () => {
      // given an open job stream
      await deploy('streamed.bpmn', linear('streamed', [serviceTask('task', 'streamed')]));
      const stream = client.stream('StreamActivatedJobs', { type: 'streamed', worker: 'streamer', timeout: 60_000 });
      const first = new Promise<Job>((resolve, reject) => {
        stream.on('data', resolve);
        stream.on('error', reject);
      });
      await sleep(200);
      try {
        // when a job is created
        const pi = await create('streamed');
        // then the stream delivers it
        expect(await first).toMatchObject({ type: 'streamed', processInstanceKey: pi, worker: 'streamer' });
      } finally {
        stream.on('error', () => undefined);
        stream.cancel();
      }
    });
  });
});
