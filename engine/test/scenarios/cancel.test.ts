import { describe, expect, it } from 'vitest';
import { bpmn, flow, ok, serviceTask, useScenario } from './harness.js';
import { activate, linear, recordsOf, start } from './helpers.js';

describe('canceling process instances', () => {
  const s = useScenario();

  it('should terminate the active elements and cancel their jobs', async () => {
    // given an instance waiting at a job
    await s.deploy(linear('simple', [serviceTask('task', 'simple-job')]));
    const pi = await start(s, 'simple');
    const [created] = await recordsOf(s, pi, 'JOB', 'CREATED');
    // when
    ok(await s.engine.cancelProcessInstance({ processInstanceKey: pi }));
    // then
    const trace = await s.trace(pi);
    expect(trace.slice(-4)).toEqual([
      'PROCESS_INSTANCE:ELEMENT_TERMINATING:simple',
      'PROCESS_INSTANCE:ELEMENT_TERMINATING:task',
      'PROCESS_INSTANCE:ELEMENT_TERMINATED:task',
      'PROCESS_INSTANCE:ELEMENT_TERMINATED:simple',
    ]);
    expect(await s.state(pi)).toBe('TERMINATED');
    const canceled = await recordsOf(s, pi, 'JOB', 'CANCELED');
    expect(canceled.map((r) => r.key)).toEqual([created!.key]);
    expect(await activate(s, 'simple-job')).toEqual([]);
    // and the canceled job cannot be completed any more
    const late = await s.engine.completeJob({ jobKey: created!.key });
    expect(late.ok ? 'accepted' : late.rejection.type).toBe('NOT_FOUND');
  });

  it('should terminate every branch and nested scope', async () => {
    // given two parallel branches, one inside a sub-process
    await s.deploy(
      bpmn(
        'nested',
        `<bpmn:startEvent id="start" /><bpmn:parallelGateway id="fork" />
        ${serviceTask('a', 'nested-a')}
        <bpmn:subProcess id="sub"><bpmn:startEvent id="s0" />${serviceTask('b', 'nested-b')}<bpmn:endEvent id="s9" />
          ${flow('s1', 's0', 'b')}${flow('s2', 'b', 's9')}</bpmn:subProcess>
        <bpmn:endEvent id="endA" /><bpmn:endEvent id="endB" />
        ${flow('f1', 'start', 'fork')}${flow('f2', 'fork', 'a')}${flow('f3', 'fork', 'sub')}
        ${flow('f4', 'a', 'endA')}${flow('f5', 'sub', 'endB')}`,
      ),
    );
    const pi = await start(s, 'nested');
    // when
    ok(await s.engine.cancelProcessInstance({ processInstanceKey: pi }));
    // then everything is terminated, inner scopes before outer ones, and both jobs canceled
    const terminated = (await s.trace(pi)).filter((t) => t.startsWith('PROCESS_INSTANCE:ELEMENT_TERMINATED'));
    expect(terminated.map((t) => t.split(':')[2])).toEqual(['a', 'b', 'sub', 'nested']);
    expect((await recordsOf(s, pi, 'JOB', 'CANCELED')).map((r) => r.value.elementId).sort()).toEqual(['a', 'b']);
  });

  it('should reject canceling an unknown process instance with NOT_FOUND', async () => {
    // when
    const result = await s.engine.cancelProcessInstance({ processInstanceKey: '424242424242' });
    // then
    expect(result.ok ? 'accepted' : result.rejection.type).toBe('NOT_FOUND');
    if (!result.ok) expect(result.rejection.reason).toContain('424242424242');
  });

  it('should reject canceling an instance that has already ended with NOT_FOUND', async () => {
    // given
    await s.deploy(linear('done', []));
    const pi = await start(s, 'done');
    expect(await s.state(pi)).toBe('COMPLETED');
    // when
    const result = await s.engine.cancelProcessInstance({ processInstanceKey: pi });
    // then
    expect(result.ok ? 'accepted' : result.rejection.type).toBe('NOT_FOUND');
  });

  it('should reject canceling the same instance twice with NOT_FOUND', async () => {
    // given
    await s.deploy(linear('twice', [serviceTask('task', 'twice-job')]));
    const pi = await start(s, 'twice');
    ok(await s.engine.cancelProcessInstance({ processInstanceKey: pi }));
    // when
    const result = await s.engine.cancelProcessInstance({ processInstanceKey: pi });
    // then
    expect(result.ok ? 'accepted' : result.rejection.type).toBe('NOT_FOUND');
  });

  it('should resolve the open incidents of a canceled instance', async () => {
    // given an instance with a job incident
    await s.deploy(linear('incident', [serviceTask('task', 'incident-job')]));
    const pi = await start(s, 'incident');
    const [job] = await activate(s, 'incident-job');
    ok(await s.engine.failJob({ jobKey: job!.key, retries: 0, errorMessage: 'broken' }));
    const [incident] = await s.incidents(pi);
    expect(incident).toBeDefined();
    // when
    ok(await s.engine.cancelProcessInstance({ processInstanceKey: pi }));
    // then
    const resolved = await recordsOf(s, pi, 'INCIDENT', 'RESOLVED');
    expect(resolved.map((r) => r.key)).toEqual([incident!.key]);
    expect(await s.incidents(pi)).toEqual([]);
    expect(await s.state(pi)).toBe('TERMINATED');
  });

  it('should resolve an incident raised on a gateway when its instance is canceled', async () => {
    // given
    await s.deploy(
      bpmn(
        'gwincident',
        `<bpmn:startEvent id="start" /><bpmn:exclusiveGateway id="choose" />
        <bpmn:endEvent id="a" /><bpmn:endEvent id="b" />
        ${flow('f1', 'start', 'choose')}${flow('toA', 'choose', 'a', '= x = 1')}${flow('toB', 'choose', 'b', '= x = 2')}`,
      ),
    );
    const pi = await start(s, 'gwincident', { x: 3 });
    expect(await s.incidents(pi)).toHaveLength(1);
    // when
    ok(await s.engine.cancelProcessInstance({ processInstanceKey: pi }));
    // then
    expect(await s.incidents(pi)).toEqual([]);
    expect(await s.trace(pi)).toContain('PROCESS_INSTANCE:ELEMENT_TERMINATED:choose');
  });
});
