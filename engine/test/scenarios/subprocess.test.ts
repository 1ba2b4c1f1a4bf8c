import { describe, expect, it } from 'vitest';
import { bpmn, flow, serviceTask, useScenario } from './harness.js';
import { activate, recordsOf, start } from './helpers.js';

const terminateEnd = (id: string) => `<bpmn:endEvent id="${id}"><bpmn:terminateEventDefinition /></bpmn:endEvent>`;

describe('embedded sub-processes and terminate end events', () => {
  const s = useScenario();

  it('should complete a sub-process when nothing runs in it any more, then go on after it', async () => {
    // given
    await s.deploy(
      bpmn(
        'subdone',
        `<bpmn:startEvent id="start" />
        <bpmn:subProcess id="sub">
          <bpmn:startEvent id="subStart" />${serviceTask('inner', 'subdone-inner')}<bpmn:endEvent id="subEnd" />
          ${flow('s1', 'subStart', 'inner')}${flow('s2', 'inner', 'subEnd')}
        </bpmn:subProcess>
        <bpmn:endEvent id="end" />
        ${flow('f1', 'start', 'sub')}${flow('f2', 'sub', 'end')}`,
      ),
    );
    const pi = await start(s, 'subdone');
    expect(await s.trace(pi)).not.toContain('PROCESS_INSTANCE:ELEMENT_COMPLETED:sub');
    // when
    await s.completeJobs('subdone-inner', { result: 1 });
    // then the sub-process completed after its end event, and the flow after it was taken
    const trace = await s.trace(pi);
    const at = (entry: string) => trace.indexOf(entry);
    expect(at('PROCESS_INSTANCE:ELEMENT_COMPLETED:subEnd')).toBeLessThan(at('PROCESS_INSTANCE:ELEMENT_COMPLETED:sub'));
    expect(at('PROCESS_INSTANCE:ELEMENT_COMPLETED:sub')).toBeLessThan(at('PROCESS_INSTANCE:SEQUENCE_FLOW_TAKEN:f2'));
    expect(await s.state(pi)).toBe('COMPLETED');
    expect(await s.variablesOf(pi)).toEqual({ result: 1 });
  });

  it('should terminate only the elements of its own scope at a terminate end event in a sub-process', async () => {
    // given a sub-process with two branches, beside an outer task
    await s.deploy(
      bpmn(
        'subterm',
        `<bpmn:startEvent id="start" />
        <bpmn:parallelGateway id="fork" />
        <bpmn:subProcess id="sub">
          <bpmn:startEvent id="subStart" /><bpmn:parallelGateway id="subFork" />
          ${serviceTask('a', 'subterm-a')}${serviceTask('b', 'subterm-b')}
          ${terminateEnd('kill')}<bpmn:endEvent id="subEnd" />
          ${flow('s1', 'subStart', 'subFork')}${flow('s2', 'subFork', 'a')}${flow('s3', 'subFork', 'b')}
          ${flow('s4', 'a', 'kill')}${flow('s5', 'b', 'subEnd')}
        </bpmn:subProcess>
        ${serviceTask('outer', 'subterm-outer')}
        <bpmn:parallelGateway id="join" /><bpmn:endEvent id="end" />
        ${flow('f1', 'start', 'fork')}${flow('f2', 'fork', 'sub')}${flow('f3', 'fork', 'outer')}
        ${flow('f4', 'sub', 'join')}${flow('f5', 'outer', 'join')}${flow('f6', 'join', 'end')}`,
      ),
    );
    const pi = await start(s, 'subterm');
    // when branch a reaches the terminate end event
    await s.completeJobs('subterm-a');
    // then b was terminated and its job canceled, the sub-process completed, the outer task still runs
    const trace = await s.trace(pi);
    expect(trace).toContain('PROCESS_INSTANCE:ELEMENT_TERMINATED:b');
    expect(trace).toContain('PROCESS_INSTANCE:ELEMENT_COMPLETED:kill');
    expect(trace).toContain('PROCESS_INSTANCE:ELEMENT_COMPLETED:sub');
    expect(trace).not.toContain('PROCESS_INSTANCE:ELEMENT_TERMINATED:outer');
    const canceled = await recordsOf(s, pi, 'JOB', 'CANCELED');
    expect(canceled.map((r) => r.value.elementId)).toEqual(['b']);
    expect(await activate(s, 'subterm-b')).toEqual([]);
    // when the outer task completes, then the instance completes
    await s.completeJobs('subterm-outer');
    expect(await s.state(pi)).toBe('COMPLETED');
  });

  it('should end the instance at a terminate end event at process level, terminating the other branches', async () => {
    // given
    await s.deploy(
      bpmn(
        'procterm',
        `<bpmn:startEvent id="start" /><bpmn:parallelGateway id="fork" />
        ${serviceTask('a', 'procterm-a')}${serviceTask('b', 'procterm-b')}
        ${terminateEnd('kill')}<bpmn:endEvent id="end" />
        ${flow('f1', 'start', 'fork')}${flow('f2', 'fork', 'a')}${flow('f3', 'fork', 'b')}
        ${flow('f4', 'a', 'kill')}${flow('f5', 'b', 'end')}`,
      ),
    );
    const pi = await start(s, 'procterm');
    // when
    await s.completeJobs('procterm-a');
    // then the other branch was terminated and the instance completed
    const trace = await s.trace(pi);
    expect(trace).toContain('PROCESS_INSTANCE:ELEMENT_TERMINATED:b');
    expect(trace).not.toContain('PROCESS_INSTANCE:ELEMENT_ACTIVATING:end');
    expect(trace.at(-1)).toBe('PROCESS_INSTANCE:ELEMENT_COMPLETED:procterm');
    expect(await s.state(pi)).toBe('COMPLETED');
    expect(await activate(s, 'procterm-b')).toEqual([]);
  });

  it('should let a boundary event on a sub-process catch an error end event inside it', async () => {
    // given
    await s.deploy(
      bpmn(
        'suberror',
        `<bpmn:startEvent id="start" />
        <bpmn:subProcess id="sub">
          <bpmn:startEvent id="subStart" />
          <bpmn:endEvent id="fail"><bpmn:errorEventDefinition errorRef="err" /></bpmn:endEvent>
          ${flow('s1', 'subStart', 'fail')}
        </bpmn:subProcess>
        <bpmn:boundaryEvent id="caught" attachedToRef="sub"><bpmn:errorEventDefinition errorRef="err" /></bpmn:boundaryEvent>
        <bpmn:endEvent id="end" /><bpmn:endEvent id="errorEnd" />
        ${flow('f1', 'start', 'sub')}${flow('f2', 'sub', 'end')}${flow('f3', 'caught', 'errorEnd')}`,
        '<bpmn:error id="err" errorCode="REJECTED" />',
      ),
    );
    // when
    const pi = await start(s, 'suberror');
    // then
    const trace = await s.trace(pi);
    expect(trace).toContain('PROCESS_INSTANCE:ELEMENT_TERMINATED:sub');
    expect(trace).toContain('PROCESS_INSTANCE:ELEMENT_COMPLETED:errorEnd');
    expect(trace).not.toContain('PROCESS_INSTANCE:ELEMENT_ACTIVATING:end');
    expect(await s.state(pi)).toBe('COMPLETED');
  });

  it('should run nested sub-processes and complete them from the inside out', async () => {
    // given
    await s.deploy(
      bpmn(
        'nestedsub',
        `<bpmn:startEvent id="start" />
        <bpmn:subProcess id="outerSub">
          <bpmn:startEvent id="o1" />
          <bpmn:subProcess id="innerSub">
            <bpmn:startEvent id="i1" />${serviceTask('work', 'nestedsub-work')}<bpmn:endEvent id="i2" />
            ${flow('if1', 'i1', 'work')}${flow('if2', 'work', 'i2')}
          </bpmn:subProcess>
          <bpmn:endEvent id="o2" />
          ${flow('of1', 'o1', 'innerSub')}${flow('of2', 'innerSub', 'o2')}
        </bpmn:subProcess>
        <bpmn:endEvent id="end" />
        ${flow('f1', 'start', 'outerSub')}${flow('f2', 'outerSub', 'end')}`,
      ),
    );
    const pi = await start(s, 'nestedsub');
    // when
    await s.completeJobs('nestedsub-work');
    // then
    const completed = (await s.trace(pi)).filter((t) => t.startsWith('PROCESS_INSTANCE:ELEMENT_COMPLETED:'));
    expect(completed.map((t) => t.split(':')[2])).toEqual([
      'start',
      'o1',
      'i1',
      'work',
      'i2',
      'innerSub',
      'o2',
      'outerSub',
      'end',
      'nestedsub',
    ]);
  });
});
