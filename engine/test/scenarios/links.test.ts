import { describe, expect, it } from 'vitest';
import { endEvent, startEvent } from './eventBpmn.js';
import { bpmn, flow, ok, serviceTask, useScenario } from './harness.js';

const linkThrow = (id: string, name: string) =>
  `<bpmn:intermediateThrowEvent id="${id}"><bpmn:linkEventDefinition name="${name}" /></bpmn:intermediateThrowEvent>`;
const linkCatch = (id: string, name: string) =>
  `<bpmn:intermediateCatchEvent id="${id}"><bpmn:linkEventDefinition name="${name}" /></bpmn:intermediateCatchEvent>`;

describe('link events', () => {
  const s = useScenario();

  const start = async (bpmnProcessId: string, variables: Record<string, unknown> = {}) =>
    ok(await s.engine.createProcessInstance({ bpmnProcessId, variables })).processInstanceKey;

  it('should continue at the link catch event after the link throw event', async () => {
    // given a process whose flow jumps through a link
    await s.deploy(
      bpmn(
        'linked',
        `${startEvent('start')}
        ${linkThrow('goTo', 'page2')}
        ${linkCatch('landing', 'page2')}
        ${serviceTask('task', 'linked-work')}
        ${endEvent('end')}
        ${flow('f1', 'start', 'goTo')}
        ${flow('f2', 'landing', 'task')}
        ${flow('f3', 'task', 'end')}`,
      ),
    );
    // when an instance starts
    const pik = await start('linked');
    // then the throw event completed and the catch event took over
    expect(await s.trace(pik)).toEqual([
      'PROCESS_INSTANCE:ELEMENT_ACTIVATING:linked',
      'PROCESS_INSTANCE:ELEMENT_ACTIVATED:linked',
      'PROCESS_INSTANCE:ELEMENT_ACTIVATING:start',
      'PROCESS_INSTANCE:ELEMENT_ACTIVATED:start',
      'PROCESS_INSTANCE:ELEMENT_COMPLETING:start',
      'PROCESS_INSTANCE:ELEMENT_COMPLETED:start',
      'PROCESS_INSTANCE:SEQUENCE_FLOW_TAKEN:f1',
      'PROCESS_INSTANCE:ELEMENT_ACTIVATING:goTo',
      'PROCESS_INSTANCE:ELEMENT_ACTIVATED:goTo',
      'PROCESS_INSTANCE:ELEMENT_COMPLETING:goTo',
      'PROCESS_INSTANCE:ELEMENT_COMPLETED:goTo',
      'PROCESS_INSTANCE:ELEMENT_ACTIVATING:landing',
      'PROCESS_INSTANCE:ELEMENT_ACTIVATED:landing',
      'PROCESS_INSTANCE:ELEMENT_COMPLETING:landing',
      'PROCESS_INSTANCE:ELEMENT_COMPLETED:landing',
      'PROCESS_INSTANCE:SEQUENCE_FLOW_TAKEN:f2',
      'PROCESS_INSTANCE:ELEMENT_ACTIVATING:task',
      'PROCESS_INSTANCE:ELEMENT_ACTIVATED:task',
    ]);
    // and the instance completes with the task
    await s.completeJobs('linked-work');
    expect(await s.state(pik)).toBe('COMPLETED');
  });

  it('should pair links by name, inside a sub-process too', async () => {
    // given a sub-process with two link pairs
    await s.deploy(
      bpmn(
        'linkedSub',
        `${startEvent('start')}
        <bpmn:subProcess id="sub">
          ${startEvent('subStart')}
          ${linkThrow('toB', 'B')}
          ${linkCatch('atA', 'A')}
          ${linkCatch('atB', 'B')}
          ${endEvent('subEndA')}
          ${endEvent('subEndB')}
          ${flow('s1', 'subStart', 'toB')}
          ${flow('s2', 'atA', 'subEndA')}
          ${flow('s3', 'atB', 'subEndB')}
        </bpmn:subProcess>
        ${endEvent('end')}
        ${flow('f1', 'start', 'sub')}
        ${flow('f2', 'sub', 'end')}`,
      ),
    );
    // when an instance starts
    const pik = await start('linkedSub');
    // then the flow went on at the catch event named B only
    const trace = await s.trace(pik);
    expect(trace).toContain('PROCESS_INSTANCE:ELEMENT_COMPLETED:subEndB');
    expect(trace).not.toContain('PROCESS_INSTANCE:ELEMENT_ACTIVATING:atA');
    expect(await s.state(pik)).toBe('COMPLETED');
  });

  it('should loop back through a link until a condition ends it', async () => {
    // given a process that counts up through a link back to its start
    await s.deploy(
      bpmn(
        'linkLoop',
        `${startEvent('start')}
        ${linkCatch('again', 'loop')}
        <bpmn:scriptTask id="count"><bpmn:extensionElements><zeebe:script expression="=n + 1" resultVariable="n" /></bpmn:extensionElements></bpmn:scriptTask>
        <bpmn:exclusiveGateway id="done" default="toEnd" />
        ${linkThrow('back', 'loop')}
        ${endEvent('end')}
        ${flow('f1', 'start', 'count')}
        ${flow('f2', 'again', 'count')}
        ${flow('f3', 'count', 'done')}
        ${flow('toBack', 'done', 'back', '= n &lt; 3')}
        ${flow('toEnd', 'done', 'end')}`,
      ),
    );
    // when an instance starts at 0
    const pik = await start('linkLoop', { n: 0 });
    // then it looped three times
    expect(await s.state(pik)).toBe('COMPLETED');
    expect(await s.variablesOf(pik)).toEqual({ n: 3 });
    expect((await s.trace(pik)).filter((t) => t === 'PROCESS_INSTANCE:ELEMENT_COMPLETED:again')).toHaveLength(2);
  });

  it('should reject a link throw event without a matching catch event', async () => {
    // when a process with a dangling link is deployed
    const result = await s.engine.deploy([
      {
        name: 'dangling.bpmn',
        content: bpmn(
          'dangling',
          `${startEvent('start')}${linkThrow('goTo', 'nowhere')}${flow('f1', 'start', 'goTo')}`,
        ),
      },
    ]);
    // then the deployment is rejected, naming the link
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.rejection.type).toBe('INVALID_ARGUMENT');
      expect(result.rejection.reason).toContain("no link catch event named 'nowhere'");
    }
  });
});
