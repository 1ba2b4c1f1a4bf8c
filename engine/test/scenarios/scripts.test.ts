import { describe, expect, it } from 'vitest';
import { ok, useScenario } from './harness.js';
import { activate, linear, start } from './helpers.js';

const script = (id: string, expression: string, resultVariable: string) =>
  `<bpmn:scriptTask id="${id}"><bpmn:extensionElements><zeebe:script expression="${expression.replace(/"/g, '&quot;')}" resultVariable="${resultVariable}" /></bpmn:extensionElements></bpmn:scriptTask>`;

describe('script tasks', () => {
  const s = useScenario();

  it('should evaluate a FEEL script and store its result in the result variable', async () => {
    // given
    await s.deploy(linear('sum', [script('total', '= sum(for item in items return item.price * item.qty)', 'total')]));
    // when
    const pi = await start(s, 'sum', {
      items: [
        { price: 2, qty: 3 },
        { price: 5, qty: 1 },
      ],
    });
    // then
    expect(await s.state(pi)).toBe('COMPLETED');
    expect((await s.variablesOf(pi)).total).toBe(11);
  });

  it('should evaluate Camunda FEEL functions in a script', async () => {
    // given
    await s.deploy(
      linear('camundafns', [
        script('blank', '= is blank(name)', 'nameIsBlank'),
        script('fallback', '= get or else(nickname, "none")', 'nick'),
        script('chunks', '= partition(numbers, 2)', 'pairs'),
        script('dups', '= duplicate values(numbers)', 'twice'),
        script('day', '= today()', 'day'),
      ]),
    );
    // when
    const pi = await start(s, 'camundafns', { name: '  ', numbers: [1, 2, 2, 3] });
    // then
    expect(await s.variablesOf(pi)).toMatchObject({
      nameIsBlank: true,
      nick: 'none',
      pairs: [
        [1, 2],
        [2, 3],
      ],
      twice: [2],
      day: new Date(s.clock.now()).toISOString().slice(0, 10),
    });
  });

  it('should let a later script see the result of an earlier one', async () => {
    // given
    await s.deploy(linear('chain', [script('one', '= x + 1', 'y'), script('two', '= y * 10', 'z')]));
    // when
    const pi = await start(s, 'chain', { x: 1 });
    // then
    expect(await s.variablesOf(pi)).toEqual({ x: 1, y: 2, z: 20 });
  });

  it('should raise an EXTRACT_VALUE_ERROR incident when a script cannot be evaluated', async () => {
    // given a script that calls a function nobody defined
    await s.deploy(linear('broken', [script('calc', '= unknownFunction(x)', 'r')]));
    // when
    const pi = await start(s, 'broken', { x: 1 });
    // then the instance waits at the script task with an incident that says why
    const [incident] = await s.incidents(pi);
    expect(incident?.value).toMatchObject({ errorType: 'EXTRACT_VALUE_ERROR', elementId: 'calc' });
    expect(String(incident?.value.errorMessage)).toContain('unknownFunction');
    expect(await s.state(pi)).toBe('ACTIVE');
    expect(await s.trace(pi)).not.toContain('PROCESS_INSTANCE:ELEMENT_COMPLETED:calc');
  });

  it('should overwrite an existing variable with the script result', async () => {
    // given
    await s.deploy(linear('overwrite', [script('inc', '= counter + 1', 'counter')]));
    // when
    const pi = await start(s, 'overwrite', { counter: 41 });
    // then
    expect(await s.variablesOf(pi)).toEqual({ counter: 42 });
  });

  it('should run a script task without zeebe:script as a job for a worker', async () => {
    // given
    await s.deploy(
      linear('jobscript', [
        `<bpmn:scriptTask id="run"><bpmn:extensionElements><zeebe:taskDefinition type="script-runner" /><zeebe:taskHeaders><zeebe:header key="language" value="javascript" /></zeebe:taskHeaders></bpmn:extensionElements></bpmn:scriptTask>`,
      ]),
    );
    const pi = await start(s, 'jobscript', { a: 1 });
    // when
    const [job] = await activate(s, 'script-runner');
    expect(job?.customHeaders).toEqual({ language: 'javascript' });
    ok(await s.engine.completeJob({ jobKey: job!.key, variables: { result: 2 } }));
    // then
    expect(await s.state(pi)).toBe('COMPLETED');
    expect(await s.variablesOf(pi)).toEqual({ a: 1, result: 2 });
  });
});
