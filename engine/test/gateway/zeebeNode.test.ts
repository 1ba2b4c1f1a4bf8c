import { ZBClient } from 'zeebe-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceTask } from '../scenarios/harness.js';
import { linear } from '../scenarios/helpers.js';
import { useGateway } from './gatewayHarness.js';

describe('gateway with zeebe-node (the deprecated client)', () => {
  const g = useGateway();
  let zbc: ZBClient;

  beforeAll(() => {
    zbc = new ZBClient(g.address, { useTLS: false, loglevel: 'NONE' });
  });
  afterAll(async () => {
    await zbc?.close(2_000);
  });

  it('should deploy, start an instance and let a worker complete its job so that the instance completes', async () => {
    // given a deployed process with one service task and a worker for it
    const deployed = await zbc.deployResource({
      name: 'zn.bpmn',
      process: Buffer.from(linear('zn', [serviceTask('task', 'zn-work')])),
    });
    expect(deployed.deployments[0]!.process).toMatchObject({ bpmnProcessId: 'zn', version: 1 });
    const seen: unknown[] = [];
    const worker = zbc.createWorker({
      taskType: 'zn-work',
      loglevel: 'NONE',
      taskHandler: (job) => {
        seen.push(job.variables);
        return job.complete({ handled: 'yes' });
      },
    });
    try {
      // when
      const created = await zbc.createProcessInstance({ bpmnProcessId: 'zn', variables: { n: 3 } });
      // then the worker got the instance's variables and the instance completed with the job's result
      expect(created).toMatchObject({ bpmnProcessId: 'zn', version: 1 });
      expect(await g.ended(created.processInstanceKey)).toBe('COMPLETED');
      expect(seen).toEqual([{ n: 3 }]);
      const handled = (await g.records()).find(
        (r) =>
          r.valueType === 'VARIABLE' &&
          r.value.name === 'handled' &&
          String(r.value.scopeKey) === created.processInstanceKey,
      );
      expect(handled?.value.value).toBe('"yes"');
    } finally {
      await worker.close();
    }
  });
});
