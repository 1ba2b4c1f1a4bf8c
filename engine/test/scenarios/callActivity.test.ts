import { describe, expect, it } from 'vitest';
import { ok, serviceTask, useScenario } from './harness.js';
import { activate, childrenOf, io, linear, recordsOf, start } from './helpers.js';

/** A call activity with zeebe:calledElement attributes and other extensions. */
const callActivity = (
  processId: string,
  attributes: { propagateAllChildVariables?: boolean; propagateAllParentVariables?: boolean } = {},
  extensions = '',
) => {
  const attr = Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${String(value)}"`)
    .join('');
  return `<bpmn:callActivity id="call"><bpmn:extensionElements><zeebe:calledElement processId="${processId}"${attr} />${extensions}</bpmn:extensionElements></bpmn:callActivity>`;
};

describe('call activities', () => {
  const s = useScenario();

  it('should run the called process as a child instance and go on when it completes', async () => {
    // given
    await s.deploy(linear('child', [serviceTask('work', 'child-work')]), 'child.bpmn');
    await s.deploy(linear('parent', [callActivity('child')]), 'parent.bpmn');
    const pi = await start(s, 'parent', { orderId: 7 });
    // then the child runs, and its records name the parent
    const [child] = await childrenOf(s, pi);
    expect(child).toBeDefined();
    const childRecords = await recordsOf(s, child!, 'PROCESS_INSTANCE');
    const call = (await recordsOf(s, pi, 'PROCESS_INSTANCE', 'ELEMENT_ACTIVATED')).find(
      (r) => r.value.elementId === 'call',
    );
    expect(childRecords[0]!.value).toMatchObject({
      bpmnProcessId: 'child',
      parentProcessInstanceKey: Number(pi),
      parentElementInstanceKey: call!.key,
    });
    // when the child's job completes
    const [job] = await activate(s, 'child-work');
    expect(job!.processInstanceKey).toBe(child);
    ok(await s.engine.completeJob({ jobKey: job!.key, variables: { shipped: true } }));
    // then child and parent completed and the child's variables reached the parent
    expect(await s.state(child!)).toBe('COMPLETED');
    expect(await s.state(pi)).toBe('COMPLETED');
    expect(await s.variablesOf(pi)).toEqual({ orderId: 7, shipped: true });
  });

  it('should copy all parent variables into the child by default', async () => {
    // given
    await s.deploy(linear('c_all', [serviceTask('work', 'c_all-work')]), 'c_all.bpmn');
    await s.deploy(linear('p_all', [callActivity('c_all', {}, io([['= a + 1', 'b']]))]), 'p_all.bpmn');
    // when
    await start(s, 'p_all', { a: 1, c: 'x' });
    // then the child sees the parent's variables and the call activity's inputs
    const [job] = await activate(s, 'c_all-work');
    expect(job!.variables).toEqual({ a: 1, b: 2, c: 'x' });
  });

  it('should copy only the input mappings into the child when propagateAllParentVariables is false', async () => {
    // given
    await s.deploy(linear('c_in', [serviceTask('work', 'c_in-work')]), 'c_in.bpmn');
    await s.deploy(
      linear('p_in', [callActivity('c_in', { propagateAllParentVariables: false }, io([['= a + 1', 'b']]))]),
      'p_in.bpmn',
    );
    // when
    await start(s, 'p_in', { a: 1, c: 'x' });
    // then
    const [job] = await activate(s, 'c_in-work');
    expect(job!.variables).toEqual({ b: 2 });
  });

  it('should propagate no child variables when propagateAllChildVariables is false and nothing is mapped', async () => {
    // given
    await s.deploy(linear('c_none', [serviceTask('work', 'c_none-work')]), 'c_none.bpmn');
    await s.deploy(linear('p_none', [callActivity('c_none', { propagateAllChildVariables: false })]), 'p_none.bpmn');
    const pi = await start(s, 'p_none', { a: 1 });
    // when
    await s.completeJobs('c_none-work', { secret: 'x', a: 2 });
    // then
    expect(await s.state(pi)).toBe('COMPLETED');
    expect(await s.variablesOf(pi)).toEqual({ a: 1 });
  });

  it('should propagate only the output mappings from the child when propagateAllChildVariables is false', async () => {
    // given
    await s.deploy(linear('c_out', [serviceTask('work', 'c_out-work')]), 'c_out.bpmn');
    await s.deploy(
      linear('p_out', [
        callActivity('c_out', { propagateAllChildVariables: false }, io([], [['= total * 2', 'doubled']])),
      ]),
      'p_out.bpmn',
    );
    const pi = await start(s, 'p_out');
    // when
    await s.completeJobs('c_out-work', { total: 21, noise: true });
    // then
    expect(await s.variablesOf(pi)).toEqual({ doubled: 42 });
  });

  it('should propagate only the output mappings when there are some, even with propagateAllChildVariables', async () => {
    // given
    await s.deploy(linear('c_outall', [serviceTask('work', 'c_outall-work')]), 'c_outall.bpmn');
    await s.deploy(linear('p_outall', [callActivity('c_outall', {}, io([], [['= total', 'sum']]))]), 'p_outall.bpmn');
    const pi = await start(s, 'p_outall');
    // when
    await s.completeJobs('c_outall-work', { total: 3, noise: true });
    // then
    expect(await s.variablesOf(pi)).toEqual({ sum: 3 });
  });

  it('should call the process a FEEL expression names', async () => {
    // given
    await s.deploy(linear('c_feel', [serviceTask('work', 'c_feel-work')]), 'c_feel.bpmn');
    await s.deploy(linear('p_feel', [callActivity('= &quot;c_&quot; + kind')]), 'p_feel.bpmn');
    // when
    const pi = await start(s, 'p_feel', { kind: 'feel' });
    // then
    expect(await activate(s, 'c_feel-work')).toHaveLength(1);
    expect(await childrenOf(s, pi)).toHaveLength(1);
  });

  it('should raise a CALLED_ELEMENT_ERROR incident for a process that is not deployed, and go on once it is', async () => {
    // given
    await s.deploy(linear('p_missing', [callActivity('c_missing')]), 'p_missing.bpmn');
    const pi = await start(s, 'p_missing');
    const [incident] = await s.incidents(pi);
    expect(incident?.value).toMatchObject({ errorType: 'CALLED_ELEMENT_ERROR', elementId: 'call' });
    expect(String(incident?.value.errorMessage)).toContain("'c_missing'");
    // when the process is deployed and the incident resolved
    await s.deploy(linear('c_missing', [serviceTask('work', 'c_missing-work')]), 'c_missing.bpmn');
    ok(await s.engine.resolveIncident({ incidentKey: incident!.key }));
    // then the child runs and the parent completes with it
    expect(await childrenOf(s, pi)).toHaveLength(1);
    await s.completeJobs('c_missing-work');
    expect(await s.state(pi)).toBe('COMPLETED');
    expect(await s.incidents(pi)).toEqual([]);
  });

  it('should cancel the child when the root instance is canceled', async () => {
    // given
    await s.deploy(linear('c_cancel', [serviceTask('work', 'c_cancel-work')]), 'c_cancel.bpmn');
    await s.deploy(linear('p_cancel', [callActivity('c_cancel')]), 'p_cancel.bpmn');
    const pi = await start(s, 'p_cancel');
    const [child] = await childrenOf(s, pi);
    // when
    ok(await s.engine.cancelProcessInstance({ processInstanceKey: pi }));
    // then
    expect(await s.state(pi)).toBe('TERMINATED');
    expect(await s.state(child!)).toBe('TERMINATED');
    expect(await recordsOf(s, child!, 'JOB', 'CANCELED')).toHaveLength(1);
    expect(await activate(s, 'c_cancel-work')).toEqual([]);
  });

  it('should reject canceling a child instance directly with INVALID_STATE', async () => {
    // given
    await s.deploy(linear('c_direct', [serviceTask('work', 'c_direct-work')]), 'c_direct.bpmn');
    await s.deploy(linear('p_direct', [callActivity('c_direct')]), 'p_direct.bpmn');
    const pi = await start(s, 'p_direct');
    const [child] = await childrenOf(s, pi);
    // when
    const result = await s.engine.cancelProcessInstance({ processInstanceKey: child! });
    // then
    expect(result.ok ? 'accepted' : result.rejection.type).toBe('INVALID_STATE');
    expect(await s.state(child!)).toBe('ACTIVE');
    expect(await s.state(pi)).toBe('ACTIVE');
  });
});
