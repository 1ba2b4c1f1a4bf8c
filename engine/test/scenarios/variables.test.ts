import { describe, expect, it } from 'vitest';
import { bpmn, flow, ok, serviceTask, useScenario } from './harness.js';
import { activate, elementKey, io, linear, recordsOf, start, variableIn } from './helpers.js';

/** An embedded sub-process with one service task, and zeebe extensions on the sub-process. */
const subProcess = (id: string, type: string, extensions = '') =>
  `<bpmn:subProcess id="${id}"><bpmn:extensionElements>${extensions}</bpmn:extensionElements>
    <bpmn:startEvent id="${id}_start" />${serviceTask(`${id}_task`, type)}<bpmn:endEvent id="${id}_end" />
    ${flow(`${id}_f1`, `${id}_start`, `${id}_task`)}${flow(`${id}_f2`, `${id}_task`, `${id}_end`)}
  </bpmn:subProcess>`;

describe('variables', () => {
  const s = useScenario();

  it('should create input mappings as local variables that are gone from the process scope afterwards', async () => {
    // given a task that maps `amount` to a local `doubled`
    await s.deploy(linear('inputs', [serviceTask('task', 'inputs-job', io([['= amount * 2', 'doubled']]))]));
    const pi = await start(s, 'inputs', { amount: 21 });
    // when the worker sees the job
    const [job] = await activate(s, 'inputs-job');
    // then it sees the local variable beside the process variable
    expect(job!.variables).toEqual({ amount: 21, doubled: 42 });
    expect(await variableIn(s, job!.elementInstanceKey, 'doubled')).toBe(42);
    // and after completion the process scope has no `doubled`
    ok(await s.engine.completeJob({ jobKey: job!.key }));
    expect(await s.state(pi)).toBe('COMPLETED');
    expect(await s.variablesOf(pi)).toEqual({ amount: 21 });
  });

  it('should propagate only the output mappings when a task has them', async () => {
    // given
    await s.deploy(linear('outputs', [serviceTask('task', 'outputs-job', io([], [['= score > 50', 'passed']]))]));
    const pi = await start(s, 'outputs');
    // when the worker completes with variables
    const [job] = await activate(s, 'outputs-job');
    ok(await s.engine.completeJob({ jobKey: job!.key, variables: { score: 70, raw: 'x' } }));
    // then only the mapped variable reaches the process scope
    expect(await s.variablesOf(pi)).toEqual({ passed: true });
    expect(await variableIn(s, job!.elementInstanceKey, 'score')).toBe(70);
  });

  it('should let each mapping see the ones before it', async () => {
    // given
    await s.deploy(
      linear('sequenced', [
        serviceTask(
          'task',
          'sequenced-job',
          io([
            ['= 2', 'a'],
            ['= a + 1', 'b'],
          ]),
        ),
      ]),
    );
    await start(s, 'sequenced');
    // when
    const [job] = await activate(s, 'sequenced-job');
    // then
    expect(job!.variables).toEqual({ a: 2, b: 3 });
  });

  it('should write a nested output target a.b.c as a context, merged into an existing variable', async () => {
    // given
    await s.deploy(
      linear('nested', [
        serviceTask(
          'task',
          'nested-job',
          io(
            [],
            [
              ['= zip', 'applicant.address.zip'],
              ['= "x"', 'fresh.value'],
            ],
          ),
        ),
      ]),
    );
    const pi = await start(s, 'nested', { applicant: { name: 'Ada' } });
    // when
    const [job] = await activate(s, 'nested-job');
    ok(await s.engine.completeJob({ jobKey: job!.key, variables: { zip: '1010' } }));
    // then
    expect(await s.variablesOf(pi)).toEqual({
      applicant: { name: 'Ada', address: { zip: '1010' } },
      fresh: { value: 'x' },
    });
  });

  it('should propagate a variable to the nearest scope that has it', async () => {
    // given a sub-process with a local `counter` (input mapping) and a process variable `counter`
    await s.deploy(linear('nearest', [subProcess('sub', 'nearest-job', io([['= 0', 'counter']]))], {}));
    const pi = await start(s, 'nearest', { counter: 100 });
    const [job] = await activate(s, 'nearest-job');
    expect(job!.variables.counter).toBe(0);
    const sub = await elementKey(s, pi, 'sub');
    // when the task sets `counter` and a new `note`
    ok(await s.engine.completeJob({ jobKey: job!.key, variables: { counter: 5, note: 'hi' } }));
    // then `counter` went to the sub-process scope and `note` to the process scope
    expect(await variableIn(s, sub, 'counter')).toBe(5);
    expect(await s.variablesOf(pi)).toEqual({ counter: 100, note: 'hi' });
  });

  it('should set variables locally or propagate them, as the client asks', async () => {
    // given a waiting task
    await s.deploy(linear('setvars', [serviceTask('task', 'setvars-job')]));
    const pi = await start(s, 'setvars', { shared: 1 });
    const task = await elementKey(s, pi, 'task');
    // when one document is set locally on the task and one propagated from it
    ok(
      await s.engine.setVariables({ elementInstanceKey: task, variables: { onlyHere: true, shared: 2 }, local: true }),
    );
    ok(await s.engine.setVariables({ elementInstanceKey: task, variables: { everywhere: true } }));
    // then the worker sees all, the local ones hiding the process ones
    const [job] = await activate(s, 'setvars-job');
    expect(job!.variables).toEqual({ shared: 2, onlyHere: true, everywhere: true });
    // and after completion only the propagated ones are left at the process scope
    ok(await s.engine.completeJob({ jobKey: job!.key }));
    expect(await s.variablesOf(pi)).toEqual({ shared: 1, everywhere: true });
    const documents = (await s.records()).filter(
      (r) => r.valueType === 'VARIABLE_DOCUMENT' && String(r.value.scopeKey) === task,
    );
    expect(documents.map((d) => d.value.updateSemantics)).toEqual(['LOCAL', 'PROPAGATE']);
  });

  it('should update an existing process variable in place and write VARIABLE UPDATED', async () => {
    // given
    await s.deploy(linear('update', [serviceTask('task', 'update-job')]));
    const pi = await start(s, 'update', { status: 'new' });
    // when
    ok(await s.engine.setVariables({ elementInstanceKey: pi, variables: { status: 'checked' } }));
    // then
    const variableRecords = await recordsOf(s, pi, 'VARIABLE');
    expect(variableRecords.map((r) => `${r.intent}:${String(r.value.name)}:${String(r.value.value)}`)).toEqual([
      'CREATED:status:"new"',
      'UPDATED:status:"checked"',
    ]);
  });

  it('should reject setting variables on an unknown element instance with NOT_FOUND', async () => {
    // when
    const result = await s.engine.setVariables({ elementInstanceKey: '123456789', variables: { a: 1 } });
    // then
    expect(result.ok ? 'accepted' : result.rejection.type).toBe('NOT_FOUND');
  });

  it('should raise an IO_MAPPING_ERROR incident when an input mapping fails, and go on after setVariables and resolve', async () => {
    // given a mapping that fails while `limit` is not a number
    await s.deploy(
      linear('mappingerror', [serviceTask('task', 'mappingerror-job', io([['= amount in [1..limit]', 'inRange']]))]),
    );
    const pi = await start(s, 'mappingerror', { amount: 5, limit: 'ten' });
    const [incident] = await s.incidents(pi);
    expect(incident?.value).toMatchObject({ errorType: 'IO_MAPPING_ERROR', elementId: 'task' });
    expect(await activate(s, 'mappingerror-job')).toEqual([]);
    // when the data is fixed and the incident resolved
    ok(await s.engine.setVariables({ elementInstanceKey: pi, variables: { limit: 10 } }));
    ok(await s.engine.resolveIncident({ incidentKey: incident!.key }));
    // then the task is activated with the mapped variable
    const [job] = await activate(s, 'mappingerror-job');
    expect(job!.variables).toMatchObject({ inRange: true });
    expect(await s.incidents(pi)).toEqual([]);
  });

  it('should raise an IO_MAPPING_ERROR incident when an output mapping fails, and complete after resolving', async () => {
    // given
    await s.deploy(
      linear('outputerror', [serviceTask('task', 'outputerror-job', io([], [['= amount in [1..limit]', 'ok']]))]),
    );
    const pi = await start(s, 'outputerror', { amount: 5 });
    const [job] = await activate(s, 'outputerror-job');
    // when the worker completes with a bad limit
    ok(await s.engine.completeJob({ jobKey: job!.key, variables: { limit: 'ten' } }));
    const [incident] = await s.incidents(pi);
    expect(incident?.value).toMatchObject({ errorType: 'IO_MAPPING_ERROR', elementId: 'task' });
    // and the data is fixed on the task and the incident resolved
    ok(
      await s.engine.setVariables({
        elementInstanceKey: job!.elementInstanceKey,
        variables: { limit: 3 },
        local: true,
      }),
    );
    ok(await s.engine.resolveIncident({ incidentKey: incident!.key }));
    // then
    expect(await s.state(pi)).toBe('COMPLETED');
    expect(await s.variablesOf(pi)).toEqual({ amount: 5, ok: false });
  });

  it('should raise the IO_MAPPING_ERROR incident again when it is resolved without fixing the data', async () => {
    // given
    await s.deploy(linear('stillbad', [serviceTask('task', 'stillbad-job', io([['= x(1)', 'y']]))]));
    const pi = await start(s, 'stillbad', { x: 1 });
    const [first] = await s.incidents(pi);
    // when
    ok(await s.engine.resolveIncident({ incidentKey: first!.key }));
    // then
    const open = await s.incidents(pi);
    expect(open.map((i) => i.value.errorType)).toEqual(['IO_MAPPING_ERROR']);
    expect(open[0]!.key).not.toBe(first!.key);
  });

  it('should map variables into and out of an embedded sub-process', async () => {
    // given
    await s.deploy(
      bpmn(
        'subio',
        `<bpmn:startEvent id="start" />
        ${subProcess('sub', 'subio-job', io([['= customer.id', 'id']], [['= id + "-done"', 'result']]))}
        <bpmn:endEvent id="end" />
        ${flow('f1', 'start', 'sub')}${flow('f2', 'sub', 'end')}`,
      ),
    );
    const pi = await start(s, 'subio', { customer: { id: 'C7' } });
    // when
    const [job] = await activate(s, 'subio-job');
    expect(job!.variables).toMatchObject({ id: 'C7' });
    ok(await s.engine.completeJob({ jobKey: job!.key }));
    // then
    expect(await s.variablesOf(pi)).toEqual({ customer: { id: 'C7' }, result: 'C7-done' });
  });
});
