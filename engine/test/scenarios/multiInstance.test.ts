import { describe, expect, it } from 'vitest';
import { ok, useScenario } from './harness.js';
import { activate, attribute, linear, recordsOf, start } from './helpers.js';

/** A multi-instance service task over `= items`; each option becomes a zeebe:loopCharacteristics attribute. */
function miTask(
  type: string,
  options: {
    sequential?: boolean;
    inputCollection?: string;
    inputElement?: string;
    outputCollection?: string;
    outputElement?: string;
    completionCondition?: string;
  } = {},
): string {
  const { sequential, completionCondition, inputCollection = '= items', ...loop } = options;
  const attrs = Object.entries({ inputCollection, ...loop })
    .map(([name, value]) => ` ${name}="${attribute(String(value))}"`)
    .join('');
  const condition = completionCondition
    ? `<bpmn:completionCondition xsi:type="bpmn:tFormalExpression">${attribute(completionCondition)}</bpmn:completionCondition>`
    : '';
  return `<bpmn:serviceTask id="task"><bpmn:extensionElements><zeebe:taskDefinition type="${type}" /></bpmn:extensionElements>
    <bpmn:multiInstanceLoopCharacteristics isSequential="${sequential === true}">
      <bpmn:extensionElements><zeebe:loopCharacteristics${attrs} /></bpmn:extensionElements>${condition}
    </bpmn:multiInstanceLoopCharacteristics>
  </bpmn:serviceTask>`;
}

describe('multi-instance activities', () => {
  const s = useScenario();

  it('should run one inner instance per item at once when parallel, each with its item and loop counter', async () => {
    // given
    await s.deploy(linear('par', [miTask('par-job', { inputElement: 'item' })]));
    const pi = await start(s, 'par', { items: ['a', 'b', 'c'] });
    // when
    const jobs = await activate(s, 'par-job');
    // then
    expect(jobs.map((j) => [j.variables.item, j.variables.loopCounter])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    const trace = await s.trace(pi);
    expect(trace.filter((t) => t === 'PROCESS_INSTANCE:ELEMENT_ACTIVATED:task')).toHaveLength(4); // body + 3
    // when all complete, then the body and the instance complete
    for (const job of jobs) ok(await s.engine.completeJob({ jobKey: job.key }));
    expect(await s.state(pi)).toBe('COMPLETED');
  });

  it('should run inner instances one after another when sequential', async () => {
    // given
    await s.deploy(linear('seq', [miTask('seq-job', { sequential: true, inputElement: 'item' })]));
    const pi = await start(s, 'seq', { items: [10, 20, 30] });
    // when / then one at a time, in order
    const seen: unknown[] = [];
    for (let i = 0; i < 3; i++) {
      const jobs = await activate(s, 'seq-job');
      expect(jobs).toHaveLength(1);
      seen.push([jobs[0]!.variables.item, jobs[0]!.variables.loopCounter]);
      ok(await s.engine.completeJob({ jobKey: jobs[0]!.key }));
    }
    expect(seen).toEqual([
      [10, 1],
      [20, 2],
      [30, 3],
    ]);
    expect(await activate(s, 'seq-job')).toEqual([]);
    expect(await s.state(pi)).toBe('COMPLETED');
  });

  it('should collect the output element of each inner instance into the output collection, in item order', async () => {
    // given
    await s.deploy(
      linear('collect', [
        miTask('collect-job', { inputElement: 'item', outputCollection: 'results', outputElement: '= result' }),
      ]),
    );
    const pi = await start(s, 'collect', { items: [1, 2, 3] });
    const jobs = await activate(s, 'collect-job');
    // when the jobs complete in reverse order
    for (const job of [...jobs].reverse()) {
      ok(await s.engine.completeJob({ jobKey: job.key, variables: { result: Number(job.variables.item) * 10 } }));
    }
    // then the collection follows the items
    expect(await s.state(pi)).toBe('COMPLETED');
    expect((await s.variablesOf(pi)).results).toEqual([10, 20, 30]);
  });

  it('should complete the body once the completion condition holds, terminating the other inner instances', async () => {
    // given four parallel inner instances
    await s.deploy(
      linear('enough', [miTask('enough-job', { completionCondition: '= numberOfCompletedInstances >= 2' })]),
    );
    const pi = await start(s, 'enough', { items: [1, 2, 3, 4] });
    const jobs = await activate(s, 'enough-job');
    expect(jobs).toHaveLength(4);
    // when two complete
    ok(await s.engine.completeJob({ jobKey: jobs[0]!.key }));
    expect(await s.state(pi)).toBe('ACTIVE');
    ok(await s.engine.completeJob({ jobKey: jobs[2]!.key }));
    // then the others were terminated, their jobs canceled, and the instance completed
    expect(await s.state(pi)).toBe('COMPLETED');
    const trace = await s.trace(pi);
    expect(trace.filter((t) => t === 'PROCESS_INSTANCE:ELEMENT_TERMINATED:task')).toHaveLength(2);
    const canceled = await recordsOf(s, pi, 'JOB', 'CANCELED');
    expect(canceled.map((r) => String(r.key)).sort()).toEqual([jobs[1]!.key, jobs[3]!.key].sort());
  });

  it('should evaluate the completion condition of a sequential body after each inner instance', async () => {
    // given
    await s.deploy(
      linear('seqstop', [
        miTask('seqstop-job', { sequential: true, inputElement: 'item', completionCondition: '= item = "stop"' }),
      ]),
    );
    const pi = await start(s, 'seqstop', { items: ['go', 'stop', 'never'] });
    // when
    expect(await s.completeJobs('seqstop-job')).toBe(1);
    expect(await s.completeJobs('seqstop-job')).toBe(1);
    // then the third item never ran
    expect(await s.state(pi)).toBe('COMPLETED');
    expect(await activate(s, 'seqstop-job')).toEqual([]);
  });

  it('should complete at once for an empty collection, with an empty output collection', async () => {
    // given
    await s.deploy(linear('empty', [miTask('empty-job', { outputCollection: 'results', outputElement: '= result' })]));
    // when
    const pi = await start(s, 'empty', { items: [] });
    // then
    expect(await s.state(pi)).toBe('COMPLETED');
    expect(await s.variablesOf(pi)).toEqual({ items: [], results: [] });
    expect(await activate(s, 'empty-job')).toEqual([]);
  });

  it('should raise an EXTRACT_VALUE_ERROR incident when the input collection is not a list, and go on once it is', async () => {
    // given
    await s.deploy(linear('notlist', [miTask('notlist-job', { inputElement: 'item' })]));
    const pi = await start(s, 'notlist', { items: 'a,b' });
    const [incident] = await s.incidents(pi);
    expect(incident?.value).toMatchObject({ errorType: 'EXTRACT_VALUE_ERROR', elementId: 'task' });
    expect(String(incident?.value.errorMessage)).toContain('ARRAY');
    // when
    ok(await s.engine.setVariables({ elementInstanceKey: pi, variables: { items: ['a', 'b'] } }));
    ok(await s.engine.resolveIncident({ incidentKey: incident!.key }));
    // then
    expect(await s.completeJobs('notlist-job')).toBe(2);
    expect(await s.state(pi)).toBe('COMPLETED');
  });

  it('should keep the input element and loop counter local to each inner instance', async () => {
    // given
    await s.deploy(linear('locals', [miTask('locals-job', { inputElement: 'item' })]));
    const pi = await start(s, 'locals', { items: [1, 2] });
    // when
    await s.completeJobs('locals-job');
    // then neither leaked into the process scope
    expect(await s.state(pi)).toBe('COMPLETED');
    expect(await s.variablesOf(pi)).toEqual({ items: [1, 2] });
    const loopCounters = (await recordsOf(s, pi, 'VARIABLE')).filter((r) => r.value.name === 'loopCounter');
    expect(loopCounters.map((r) => r.value.value)).toEqual(['1', '2']);
    expect(loopCounters.every((r) => String(r.value.scopeKey) !== pi)).toBe(true);
  });

  it('should read the input collection from a FEEL expression', async () => {
    // given
    await s.deploy(
      linear('feelcoll', [
        miTask('feelcoll-job', { inputCollection: '= for n in 1..count return n * n', inputElement: 'square' }),
      ]),
    );
    await start(s, 'feelcoll', { count: 3 });
    // when
    const jobs = await activate(s, 'feelcoll-job');
    // then
    expect(jobs.map((j) => j.variables.square)).toEqual([1, 4, 9]);
  });
  it('should raise an incident when the completion condition does not give a boolean', async () => {
    // given
    await s.deploy(linear('badcond', [miTask('badcond-job', { completionCondition: '= "yes"' })]));
    const pi = await start(s, 'badcond', { items: [1, 2] });
    // when
    expect(await s.completeJobs('badcond-job')).toBe(2);
    // then
    const [incident] = await s.incidents(pi);
    expect(incident?.value).toMatchObject({ errorType: 'EXTRACT_VALUE_ERROR', elementId: 'task' });
    expect(await s.state(pi)).toBe('ACTIVE');
  });

  it('should run a multi-instance sub-process once per item and leave through its outgoing flow once', async () => {
    // given
    await s.deploy(
      linear('misub', [
        `<bpmn:subProcess id="sub">
          <bpmn:extensionElements><zeebe:ioMapping><zeebe:input source="= null" target="done" /></zeebe:ioMapping></bpmn:extensionElements>
          <bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="= items" inputElement="item" outputCollection="out" outputElement="= done" /></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>
          <bpmn:startEvent id="s0" /><bpmn:serviceTask id="work"><bpmn:extensionElements><zeebe:taskDefinition type="misub-job" /></bpmn:extensionElements></bpmn:serviceTask><bpmn:endEvent id="s9" />
          <bpmn:sequenceFlow id="s1" sourceRef="s0" targetRef="work" /><bpmn:sequenceFlow id="s2" sourceRef="work" targetRef="s9" />
        </bpmn:subProcess>`,
      ]),
    );
    const pi = await start(s, 'misub', { items: ['x', 'y'] });
    // when
    const jobs = await activate(s, 'misub-job');
    expect(jobs.map((j) => j.variables.item)).toEqual(['x', 'y']);
    // (completing in reverse order: each result lands in its own inner instance's local `done`)
    for (const job of [...jobs].reverse()) {
      ok(await s.engine.completeJob({ jobKey: job.key, variables: { done: `${String(job.variables.item)}!` } }));
    }
    // then
    const trace = await s.trace(pi);
    expect(trace.filter((t) => t === 'PROCESS_INSTANCE:SEQUENCE_FLOW_TAKEN:f2')).toHaveLength(1);
    expect(trace.filter((t) => t === 'PROCESS_INSTANCE:ELEMENT_COMPLETED:end')).toHaveLength(1);
    expect(await s.state(pi)).toBe('COMPLETED');
    expect(await s.variablesOf(pi)).toEqual({ items: ['x', 'y'], out: ['x!', 'y!'] });
  });
});
