import { describe, expect, it } from 'vitest';
import { bpmn, flow, ok, serviceTask, useScenario } from './harness.js';
import { activate, start } from './helpers.js';

/** start → fork → one task per branch → join → end; conditions per branch for conditional forks. */
function forkJoin(
  processId: string,
  kind: 'parallel' | 'inclusive',
  branches: readonly { id: string; condition?: string }[],
  options: { defaultBranch?: string } = {},
): string {
  const gateway = kind === 'parallel' ? 'parallelGateway' : 'inclusiveGateway';
  const defaultAttr = options.defaultBranch ? ` default="to_${options.defaultBranch}"` : '';
  return bpmn(
    processId,
    `<bpmn:startEvent id="start" />
    <bpmn:${gateway} id="fork"${defaultAttr} />
    ${branches.map((b) => serviceTask(b.id, `${processId}-${b.id}`)).join('\n')}
    <bpmn:${gateway} id="join" />
    <bpmn:endEvent id="end" />
    ${flow('f_start', 'start', 'fork')}
    ${branches.map((b) => flow(`to_${b.id}`, 'fork', b.id, b.condition)).join('\n')}
    ${branches.map((b) => flow(`from_${b.id}`, b.id, 'join')).join('\n')}
    ${flow('f_end', 'join', 'end')}`,
  );
}

const count = (trace: string[], entry: string) => trace.filter((t) => t === entry).length;

describe('gateways', () => {
  const s = useScenario();

  it('should fork a parallel gateway into every branch and join only when all have arrived', async () => {
    // given
    await s.deploy(forkJoin('par', 'parallel', [{ id: 'a' }, { id: 'b' }, { id: 'c' }]));
    const pi = await start(s, 'par');
    // when two of three branches complete
    expect(await s.completeJobs('par-a')).toBe(1);
    expect(await s.completeJobs('par-b')).toBe(1);
    // then the join has not fired
    expect(await s.trace(pi)).not.toContain('PROCESS_INSTANCE:ELEMENT_ACTIVATING:join');
    expect(await s.state(pi)).toBe('ACTIVE');
    // when the last one completes
    expect(await s.completeJobs('par-c')).toBe(1);
    // then the join fires once and the instance completes
    const trace = await s.trace(pi);
    expect(count(trace, 'PROCESS_INSTANCE:ELEMENT_COMPLETED:join')).toBe(1);
    expect(count(trace, 'PROCESS_INSTANCE:ELEMENT_COMPLETED:end')).toBe(1);
    expect(await s.state(pi)).toBe('COMPLETED');
  });

  it('should merge the variables of parallel branches into the process scope', async () => {
    // given
    await s.deploy(forkJoin('parvars', 'parallel', [{ id: 'a' }, { id: 'b' }]));
    const pi = await start(s, 'parvars');
    // when
    await s.completeJobs('parvars-a', { fromA: 1 });
    await s.completeJobs('parvars-b', { fromB: 2 });
    // then
    expect(await s.variablesOf(pi)).toEqual({ fromA: 1, fromB: 2 });
  });

  it('should take every inclusive branch whose condition is true and join when those have arrived', async () => {
    // given three conditional branches, two of them true
    await s.deploy(
      forkJoin('incl', 'inclusive', [
        { id: 'a', condition: '= x > 1' },
        { id: 'b', condition: '= x > 2' },
        { id: 'c', condition: '= x > 100' },
      ]),
    );
    const pi = await start(s, 'incl', { x: 5 });
    // then jobs exist for a and b only
    const trace = await s.trace(pi);
    expect(trace).toContain('PROCESS_INSTANCE:SEQUENCE_FLOW_TAKEN:to_a');
    expect(trace).toContain('PROCESS_INSTANCE:SEQUENCE_FLOW_TAKEN:to_b');
    expect(trace).not.toContain('PROCESS_INSTANCE:SEQUENCE_FLOW_TAKEN:to_c');
    expect(await activate(s, 'incl-c')).toEqual([]);
    // when a completes, then the join waits for b
    await s.completeJobs('incl-a');
    expect(await s.trace(pi)).not.toContain('PROCESS_INSTANCE:ELEMENT_ACTIVATING:join');
    // when b completes, then the join fires once
    await s.completeJobs('incl-b');
    expect(count(await s.trace(pi), 'PROCESS_INSTANCE:ELEMENT_COMPLETED:join')).toBe(1);
    expect(await s.state(pi)).toBe('COMPLETED');
  });

  it('should join an inclusive gateway at once when only one branch was taken', async () => {
    // given
    await s.deploy(
      forkJoin('inclone', 'inclusive', [
        { id: 'a', condition: '= x = 1' },
        { id: 'b', condition: '= x = 2' },
      ]),
    );
    const pi = await start(s, 'inclone', { x: 2 });
    // when
    await s.completeJobs('inclone-b');
    // then
    expect(await s.state(pi)).toBe('COMPLETED');
    expect(await s.trace(pi)).not.toContain('PROCESS_INSTANCE:ELEMENT_ACTIVATING:a');
  });

  it('should take the default flow of an inclusive gateway when no condition is true', async () => {
    // given
    await s.deploy(
      forkJoin('incldefault', 'inclusive', [{ id: 'a', condition: '= x > 10' }, { id: 'b' }], { defaultBranch: 'b' }),
    );
    const pi = await start(s, 'incldefault', { x: 1 });
    // when
    expect(await s.completeJobs('incldefault-b')).toBe(1);
    // then
    expect(await s.trace(pi)).toContain('PROCESS_INSTANCE:SEQUENCE_FLOW_TAKEN:to_b');
    expect(await s.state(pi)).toBe('COMPLETED');
  });

  it('should not take the default flow of an inclusive gateway when a condition is true', async () => {
    // given
    await s.deploy(
      forkJoin('inclnodefault', 'inclusive', [{ id: 'a', condition: '= x > 10' }, { id: 'b' }], {
        defaultBranch: 'b',
      }),
    );
    const pi = await start(s, 'inclnodefault', { x: 11 });
    // then
    const trace = await s.trace(pi);
    expect(trace).toContain('PROCESS_INSTANCE:SEQUENCE_FLOW_TAKEN:to_a');
    expect(trace).not.toContain('PROCESS_INSTANCE:SEQUENCE_FLOW_TAKEN:to_b');
  });

  it('should raise a CONDITION_ERROR incident when no inclusive condition is true and there is no default', async () => {
    // given
    await s.deploy(
      forkJoin('inclnone', 'inclusive', [
        { id: 'a', condition: '= x = 1' },
        { id: 'b', condition: '= x = 2' },
      ]),
    );
    const pi = await start(s, 'inclnone', { x: 3 });
    // then
    const [incident] = await s.incidents(pi);
    expect(incident?.value).toMatchObject({ errorType: 'CONDITION_ERROR', elementId: 'fork' });
    // when the data is fixed and the incident resolved
    ok(await s.engine.setVariables({ elementInstanceKey: pi, variables: { x: 1 } }));
    ok(await s.engine.resolveIncident({ incidentKey: incident!.key }));
    // then the instance goes on along the now true branch
    expect(await s.completeJobs('inclnone-a')).toBe(1);
    expect(await s.state(pi)).toBe('COMPLETED');
  });

  it('should take only the first exclusive flow whose condition is true', async () => {
    // given two true conditions
    await s.deploy(
      bpmn(
        'excl',
        `<bpmn:startEvent id="start" />
        <bpmn:exclusiveGateway id="choose" default="toOther" />
        <bpmn:endEvent id="endFirst" /><bpmn:endEvent id="endSecond" /><bpmn:endEvent id="endOther" />
        ${flow('f1', 'start', 'choose')}
        ${flow('toFirst', 'choose', 'endFirst', '= x > 1')}
        ${flow('toSecond', 'choose', 'endSecond', '= x > 0')}
        ${flow('toOther', 'choose', 'endOther')}`,
      ),
    );
    // when
    const pi = await start(s, 'excl', { x: 5 });
    // then
    const trace = await s.trace(pi);
    expect(trace).toContain('PROCESS_INSTANCE:SEQUENCE_FLOW_TAKEN:toFirst');
    expect(trace).not.toContain('PROCESS_INSTANCE:SEQUENCE_FLOW_TAKEN:toSecond');
    expect(trace).not.toContain('PROCESS_INSTANCE:SEQUENCE_FLOW_TAKEN:toOther');
    expect(await s.state(pi)).toBe('COMPLETED');
    // and a later condition is taken when the first is false
    const second = await start(s, 'excl', { x: 1 });
    expect(await s.trace(second)).toContain('PROCESS_INSTANCE:SEQUENCE_FLOW_TAKEN:toSecond');
  });

  it('should raise a CONDITION_ERROR incident when an exclusive condition does not give a boolean', async () => {
    // given
    await s.deploy(
      bpmn(
        'exclbad',
        `<bpmn:startEvent id="start" />
        <bpmn:exclusiveGateway id="choose" />
        <bpmn:endEvent id="endA" /><bpmn:endEvent id="endB" />
        ${flow('f1', 'start', 'choose')}
        ${flow('toA', 'choose', 'endA', '= status')}
        ${flow('toB', 'choose', 'endB', '= false')}`,
      ),
    );
    // when
    const pi = await start(s, 'exclbad', { status: 'yes' });
    // then
    const [incident] = await s.incidents(pi);
    expect(incident?.value).toMatchObject({ errorType: 'CONDITION_ERROR', elementId: 'choose' });
    expect(await s.state(pi)).toBe('ACTIVE');
  });
});
