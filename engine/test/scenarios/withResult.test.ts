import { describe, expect, it } from 'vitest';
import { ok, serviceTask, useScenario } from './harness.js';
import { activate, linear } from './helpers.js';

const script = (id: string, expression: string, resultVariable: string) =>
  `<bpmn:scriptTask id="${id}"><bpmn:extensionElements><zeebe:script expression="${expression}" resultVariable="${resultVariable}" /></bpmn:extensionElements></bpmn:scriptTask>`;

describe('creating an instance with result', () => {
  const s = useScenario();

  it('should return the variables of an instance that completes at once', async () => {
    // given
    await s.deploy(linear('calc', [script('double', '= x * 2', 'y')]));
    // when
    const result = ok(await s.engine.createProcessInstanceWithResult({ bpmnProcessId: 'calc', variables: { x: 21 } }));
    // then
    expect(result).toMatchObject({ bpmnProcessId: 'calc', version: 1 });
    expect(result.variables).toEqual({ x: 21, y: 42 });
  });

  it('should return only the variables asked for with fetchVariables', async () => {
    // when
    const result = ok(
      await s.engine.createProcessInstanceWithResult({
        bpmnProcessId: 'calc',
        variables: { x: 1, noise: 'x' },
        fetchVariables: ['y', 'missing'],
      }),
    );
    // then
    expect(result.variables).toEqual({ y: 2 });
  });

  it('should wait for a job to complete and return the variables it set', async () => {
    // given
    await s.deploy(linear('wait', [serviceTask('task', 'wait-job')]));
    // when the instance is created and its job completed meanwhile
    const pending = s.engine.createProcessInstanceWithResult({ bpmnProcessId: 'wait', variables: { a: 1 } });
    let jobs = await activate(s, 'wait-job');
    for (let i = 0; jobs.length === 0 && i < 50; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      jobs = await activate(s, 'wait-job');
    }
    ok(await s.engine.completeJob({ jobKey: jobs[0]!.key, variables: { b: 2 } }));
    // then
    const result = ok(await pending);
    expect(result.variables).toEqual({ a: 1, b: 2 });
    expect(result.processInstanceKey).toBe(jobs[0]!.processInstanceKey);
  });

  it('should reject with a reason when the instance does not complete within the request timeout', async () => {
    // given a process waiting at a job nobody works on
    await s.deploy(linear('slow', [serviceTask('task', 'slow-job')]));
    // when
    const result = await s.engine.createProcessInstanceWithResult({ bpmnProcessId: 'slow', requestTimeoutMs: 100 });
    // then
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.rejection.reason).toContain('100 ms');
    // and the instance itself was created and still waits
    expect(await activate(s, 'slow-job')).toHaveLength(1);
  });

  it('should reject when the instance is canceled before it completes', async () => {
    // given
    await s.deploy(linear('canceled', [serviceTask('task', 'canceled-job')]));
    const pending = s.engine.createProcessInstanceWithResult({ bpmnProcessId: 'canceled', requestTimeoutMs: 5_000 });
    let jobs = await activate(s, 'canceled-job');
    for (let i = 0; jobs.length === 0 && i < 50; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      jobs = await activate(s, 'canceled-job');
    }
    // when
    ok(await s.engine.cancelProcessInstance({ processInstanceKey: jobs[0]!.processInstanceKey }));
    // then
    const result = await pending;
    expect(result.ok ? 'accepted' : result.rejection.type).toBe('INVALID_STATE');
  });

  it('should reject an unknown process with NOT_FOUND', async () => {
    // when
    const result = await s.engine.createProcessInstanceWithResult({ bpmnProcessId: 'nope' });
    // then
    expect(result.ok ? 'accepted' : result.rejection.type).toBe('NOT_FOUND');
  });
});
