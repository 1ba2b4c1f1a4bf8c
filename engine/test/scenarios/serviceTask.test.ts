import { describe, expect, it } from 'vitest';
import { bpmn, flow, ok, serviceTask, useScenario } from './harness.js';

const ORDER = bpmn(
  'order',
  `<bpmn:startEvent id="start" />
  ${serviceTask('check', 'check-order')}
  <bpmn:exclusiveGateway id="big" default="toSmall" />
  <bpmn:endEvent id="endBig" />
  <bpmn:endEvent id="endSmall" />
  ${flow('f1', 'start', 'check')}
  ${flow('f2', 'check', 'big')}
  ${flow('toBig', 'big', 'endBig', '= amount > 1000')}
  ${flow('toSmall', 'big', 'endSmall')}`,
);

describe('service task → exclusive gateway → end', () => {
  const s = useScenario();

  it('should run an instance through a job and the gateway, writing Zeebe-shaped records', async () => {
    // given
    await s.deploy(ORDER);
    const { processInstanceKey } = ok(
      await s.engine.createProcessInstance({ bpmnProcessId: 'order', variables: { amount: 10 } }),
    );
    // when the worker completes the job with a bigger amount
    const jobs = ok(
      await s.engine.activateJobs({ type: 'check-order', worker: 'w1', timeoutMs: 10_000, maxJobsToActivate: 5 }),
    );
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.variables).toEqual({ amount: 10 });
    ok(await s.engine.completeJob({ jobKey: jobs[0]!.key, variables: { amount: 5000 } }));
    // then the instance took the conditional flow and completed
    expect(await s.trace(processInstanceKey)).toEqual([
      'PROCESS_INSTANCE:ELEMENT_ACTIVATING:order',
      'PROCESS_INSTANCE:ELEMENT_ACTIVATED:order',
      'PROCESS_INSTANCE:ELEMENT_ACTIVATING:start',
      'PROCESS_INSTANCE:ELEMENT_ACTIVATED:start',
      'PROCESS_INSTANCE:ELEMENT_COMPLETING:start',
      'PROCESS_INSTANCE:ELEMENT_COMPLETED:start',
      'PROCESS_INSTANCE:SEQUENCE_FLOW_TAKEN:f1',
      'PROCESS_INSTANCE:ELEMENT_ACTIVATING:check',
      'PROCESS_INSTANCE:ELEMENT_ACTIVATED:check',
      'PROCESS_INSTANCE:ELEMENT_COMPLETING:check',
      'PROCESS_INSTANCE:ELEMENT_COMPLETED:check',
      'PROCESS_INSTANCE:SEQUENCE_FLOW_TAKEN:f2',
      'PROCESS_INSTANCE:ELEMENT_ACTIVATING:big',
      'PROCESS_INSTANCE:ELEMENT_ACTIVATED:big',
      'PROCESS_INSTANCE:ELEMENT_COMPLETING:big',
      'PROCESS_INSTANCE:ELEMENT_COMPLETED:big',
      'PROCESS_INSTANCE:SEQUENCE_FLOW_TAKEN:toBig',
      'PROCESS_INSTANCE:ELEMENT_ACTIVATING:endBig',
      'PROCESS_INSTANCE:ELEMENT_ACTIVATED:endBig',
      'PROCESS_INSTANCE:ELEMENT_COMPLETING:endBig',
      'PROCESS_INSTANCE:ELEMENT_COMPLETED:endBig',
      'PROCESS_INSTANCE:ELEMENT_COMPLETING:order',
      'PROCESS_INSTANCE:ELEMENT_COMPLETED:order',
    ]);
    expect(await s.variablesOf(processInstanceKey)).toEqual({ amount: 5000 });
  });

  it('should take the default flow when no condition holds', async () => {
    const { processInstanceKey } = ok(
      await s.engine.createProcessInstance({ bpmnProcessId: 'order', variables: { amount: 1 } }),
    );
    await s.completeJobs('check-order');
    expect(await s.trace(processInstanceKey)).toContain('PROCESS_INSTANCE:SEQUENCE_FLOW_TAKEN:toSmall');
    expect(await s.state(processInstanceKey)).toBe('COMPLETED');
  });

  it('should raise a CONDITION_ERROR incident when a condition gives no boolean, and go on once the data is fixed', async () => {
    const { processInstanceKey } = ok(await s.engine.createProcessInstance({ bpmnProcessId: 'order', variables: {} }));
    await s.completeJobs('check-order');
    const [incident] = await s.incidents(processInstanceKey);
    expect(incident?.value).toMatchObject({ errorType: 'CONDITION_ERROR', elementId: 'big' });
    ok(await s.engine.setVariables({ elementInstanceKey: processInstanceKey, variables: { amount: 2000 } }));
    ok(await s.engine.resolveIncident({ incidentKey: String(incident!.key) }));
    expect(await s.state(processInstanceKey)).toBe('COMPLETED');
    expect(await s.trace(processInstanceKey)).toContain('PROCESS_INSTANCE:SEQUENCE_FLOW_TAKEN:toBig');
  });
});
