import { describe, expect, it } from 'vitest';
import { boundary, endEvent, escalation, eventSubProcess, startEvent } from './eventBpmn.js';
import { bpmn, flow, ok, serviceTask, useScenario } from './harness.js';

const onEscalation = (ref?: string) =>
  ref === undefined
    ? '<bpmn:escalationEventDefinition />'
    : `<bpmn:escalationEventDefinition escalationRef="${ref}" />`;
const throwEscalation = (id: string, ref: string) =>
  `<bpmn:intermediateThrowEvent id="${id}">${onEscalation(ref)}</bpmn:intermediateThrowEvent>`;

/**
 * start → sub-process (start → `inner` → …) with an escalation boundary → end; the boundary leads to
 * `escalated`. The sub-process body is given.
 */
const subProcessWithBoundary = (
  processId: string,
  inner: string,
  catchRef: string | undefined,
  interrupting: boolean,
) =>
  bpmn(
    processId,
    `${startEvent('start')}
    <bpmn:subProcess id="sub">${inner}</bpmn:subProcess>
    ${boundary('onEscalation', 'sub', onEscalation(catchRef), interrupting)}
    ${serviceTask('afterSub', `${processId}-after`)}
    ${endEvent('end')}
    ${endEvent('escalated')}
    ${flow('f1', 'start', 'sub')}
    ${flow('f2', 'sub', 'afterSub')}
    ${flow('f3', 'afterSub', 'end')}
    ${flow('f4', 'onEscalation', 'escalated')}`,
    `${escalation('Esc', 'late')}${escalation('Other', 'other')}`,
  );

/** Inside a sub-process: start → escalation end event. */
const ESCALATION_END = `${startEvent('subStart')}
  ${endEvent('escalate', onEscalation('Esc'))}
  ${flow('s1', 'subStart', 'escalate')}`;

/** Inside a sub-process: start → escalation throw → task → end, beside a task of its own. */
const ESCALATION_THROW = (type: string) => `${startEvent('subStart')}
  ${throwEscalation('escalate', 'Esc')}
  ${serviceTask('subTask', type)}
  ${endEvent('subEnd')}
  ${flow('s1', 'subStart', 'escalate')}
  ${flow('s2', 'escalate', 'subTask')}
  ${flow('s3', 'subTask', 'subEnd')}`;

describe('escalation events', () => {
  const s = useScenario();

  const start = async (bpmnProcessId: string) =>
    ok(await s.engine.createProcessInstance({ bpmnProcessId })).processInstanceKey;

  it('should terminate the sub-process and take the boundary flow when an interrupting boundary catches an escalation end event', async () => {
    // given a sub-process that ends with an escalation, caught by an interrupting boundary
    await s.deploy(subProcessWithBoundary('escInt', ESCALATION_END, 'Esc', true));
    // when an instance runs
    const pik = await start('escInt');
    // then the sub-process was terminated and the boundary's path completed the instance
    const trace = await s.trace(pik);
    expect(trace).toContain('PROCESS_INSTANCE:ELEMENT_TERMINATED:sub');
    expect(trace).toContain('PROCESS_INSTANCE:ELEMENT_COMPLETED:onEscalation');
    expect(trace).toContain('PROCESS_INSTANCE:ELEMENT_COMPLETED:escalated');
    expect(trace).not.toContain('PROCESS_INSTANCE:ELEMENT_ACTIVATING:afterSub');
    expect(await s.state(pik)).toBe('COMPLETED');
    expect(await s.incidents(pik)).toEqual([]);
  });

  it('should let the sub-process go on when a non-interrupting boundary catches an escalation', async () => {
    // given a sub-process that throws an escalation and goes on, with a non-interrupting boundary
    await s.deploy(subProcessWithBoundary('escNon', ESCALATION_THROW('esc-non-sub'), 'Esc', false));
    // when an instance runs
    const pik = await start('escNon');
    // then the boundary path ran while the sub-process kept going
    const trace = await s.trace(pik);
    expect(trace).toContain('PROCESS_INSTANCE:ELEMENT_COMPLETED:escalated');
    expect(trace).toContain('PROCESS_INSTANCE:ELEMENT_COMPLETED:escalate');
    expect(trace).not.toContain('PROCESS_INSTANCE:ELEMENT_TERMINATED:sub');
    expect(await s.completeJobs('esc-non-sub')).toBe(1);
    expect(await s.completeJobs('escNon-after')).toBe(1);
    expect(await s.state(pik)).toBe('COMPLETED');
  });

  it('should complete the sub-process normally after a non-interrupting boundary caught its escalation end event', async () => {
    // given a sub-process ending with an escalation, caught by a non-interrupting boundary
    await s.deploy(subProcessWithBoundary('escNonEnd', ESCALATION_END, 'Esc', false));
    // when an instance runs
    const pik = await start('escNonEnd');
    // then both the boundary path and the normal path ran
    const trace = await s.trace(pik);
    expect(trace).toContain('PROCESS_INSTANCE:ELEMENT_COMPLETED:escalated');
    expect(trace).toContain('PROCESS_INSTANCE:ELEMENT_COMPLETED:sub');
    expect(await s.completeJobs('escNonEnd-after')).toBe(1);
    expect(await s.state(pik)).toBe('COMPLETED');
  });

  it('should catch any escalation with a boundary without an escalation code', async () => {
    // given a catch-all escalation boundary
    await s.deploy(subProcessWithBoundary('escAll', ESCALATION_END, undefined, true));
    // when an instance runs
    const pik = await start('escAll');
    // then the escalation was caught
    expect(await s.trace(pik)).toContain('PROCESS_INSTANCE:ELEMENT_COMPLETED:escalated');
    expect(await s.state(pik)).toBe('COMPLETED');
  });

  it('should not create an incident for an uncaught escalation, and go on', async () => {
    // given a boundary that waits for another escalation code
    await s.deploy(subProcessWithBoundary('escUncaught', ESCALATION_END, 'Other', true));
    // when an instance runs
    const pik = await start('escUncaught');
    // then nothing caught it, no incident was raised, and the flow went on normally
    const trace = await s.trace(pik);
    expect(trace).not.toContain('PROCESS_INSTANCE:ELEMENT_ACTIVATING:onEscalation');
    expect(trace).toContain('PROCESS_INSTANCE:ELEMENT_COMPLETED:escalate');
    expect(await s.incidents(pik)).toEqual([]);
    expect(await s.completeJobs('escUncaught-after')).toBe(1);
    expect(await s.state(pik)).toBe('COMPLETED');
  });

  it('should not create an incident for an escalation thrown at the process level with nothing to catch it', async () => {
    // given a process that throws an escalation and ends
    await s.deploy(
      bpmn(
        'escTop',
        `${startEvent('start')}
        ${throwEscalation('escalate', 'Esc')}
        ${endEvent('end')}
        ${flow('f1', 'start', 'escalate')}
        ${flow('f2', 'escalate', 'end')}`,
        escalation('Esc', 'late'),
      ),
    );
    // when an instance runs
    const pik = await start('escTop');
    // then it completed without an incident
    expect(await s.state(pik)).toBe('COMPLETED');
    expect(await s.incidents(pik)).toEqual([]);
  });

  it('should catch an escalation of a called process with a boundary on the call activity', async () => {
    // given a child process that escalates, called by a parent with an interrupting escalation boundary
    await s.deploy(
      bpmn(
        'escChild',
        `${startEvent('start')}${endEvent('escalate', onEscalation('Esc'))}${flow('f1', 'start', 'escalate')}`,
        escalation('Esc', 'late'),
      ),
      'escChild.bpmn',
    );
    await s.deploy(
      bpmn(
        'escParent',
        `${startEvent('start')}
        <bpmn:callActivity id="call"><bpmn:extensionElements><zeebe:calledElement processId="escChild" /></bpmn:extensionElements></bpmn:callActivity>
        ${boundary('onEscalation', 'call', onEscalation('Esc'))}
        ${endEvent('end')}
        ${endEvent('escalated')}
        ${flow('f1', 'start', 'call')}
        ${flow('f2', 'call', 'end')}
        ${flow('f3', 'onEscalation', 'escalated')}`,
        escalation('Esc', 'late'),
      ),
      'escParent.bpmn',
    );
    // when the parent runs
    const pik = await start('escParent');
    // then the call activity was interrupted and the boundary's path completed the parent
    const trace = await s.trace(pik);
    expect(trace).toContain('PROCESS_INSTANCE:ELEMENT_TERMINATED:call');
    expect(trace).toContain('PROCESS_INSTANCE:ELEMENT_COMPLETED:escalated');
    expect(await s.state(pik)).toBe('COMPLETED');
  });

  describe('escalation event sub-process', () => {
    const withEscalationEsp = (processId: string, type: string, interrupting: boolean) =>
      bpmn(
        processId,
        `${startEvent('start')}
        ${throwEscalation('escalate', 'Esc')}
        ${serviceTask('task', type)}
        ${endEvent('end')}
        ${flow('f1', 'start', 'escalate')}
        ${flow('f2', 'escalate', 'task')}
        ${flow('f3', 'task', 'end')}
        ${eventSubProcess(
          'esp',
          `${startEvent('espStart', onEscalation('Esc'), interrupting)}
          ${serviceTask('handle', `${type}-handle`)}
          ${endEvent('espEnd')}
          ${flow('e1', 'espStart', 'handle')}
          ${flow('e2', 'handle', 'espEnd')}`,
        )}`,
        escalation('Esc', 'late'),
      );

    it('should run a non-interrupting escalation event sub-process beside the flow that threw', async () => {
      // given a process that throws an escalation caught by a non-interrupting event sub-process
      await s.deploy(withEscalationEsp('escEspNon', 'esc-esp-non', false));
      // when an instance runs
      const pik = await start('escEspNon');
      // then both the sub-process and the main flow are active
      expect(await s.completeJobs('esc-esp-non-handle')).toBe(1);
      expect(await s.trace(pik)).toContain('PROCESS_INSTANCE:ELEMENT_COMPLETED:esp');
      expect(await s.state(pik)).toBe('ACTIVE');
      expect(await s.completeJobs('esc-esp-non')).toBe(1);
      expect(await s.state(pik)).toBe('COMPLETED');
    });

    it('should terminate the flow that threw when the escalation event sub-process is interrupting', async () => {
      // given a process that throws an escalation caught by an interrupting event sub-process
      await s.deploy(withEscalationEsp('escEspInt', 'esc-esp-int', true));
      // when an instance runs
      const pik = await start('escEspInt');
      // then the throw event was terminated and only the sub-process runs
      const trace = await s.trace(pik);
      expect(trace).toContain('PROCESS_INSTANCE:ELEMENT_TERMINATED:escalate');
      expect(trace).not.toContain('PROCESS_INSTANCE:ELEMENT_ACTIVATING:task');
      expect(await s.completeJobs('esc-esp-int-handle')).toBe(1);
      expect(await s.state(pik)).toBe('COMPLETED');
    });
  });
});
