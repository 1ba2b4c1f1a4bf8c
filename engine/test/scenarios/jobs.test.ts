import { describe, expect, it } from 'vitest';
import { bpmn, flow, ok, serviceTask, useScenario } from './harness.js';
import { activate, linear, recordsOf, start, variableIn } from './helpers.js';

/** One service task with its own job type per scenario, so that scenarios don't share jobs. */
const single = (processId: string, type: string, extensions = '') =>
  linear(processId, [serviceTask('task', type, extensions)]);

/** A service task with an error boundary event (errorCode undefined: catch-all). */
const withErrorBoundary = (processId: string, type: string, errorCode?: string) =>
  linear(processId, [serviceTask('task', type)], {
    inside: `<bpmn:boundaryEvent id="caught" attachedToRef="task"><bpmn:errorEventDefinition ${errorCode ? `errorRef="err_${processId}"` : ''} /></bpmn:boundaryEvent>
    <bpmn:endEvent id="failedEnd" />
    ${flow('toFailed', 'caught', 'failedEnd')}`,
    outside: errorCode ? `<bpmn:error id="err_${processId}" errorCode="${errorCode}" />` : '',
  });

describe('jobs', () => {
  const s = useScenario();

  it('should activate jobs for a worker with its timeout, fetched variables and at most maxJobsToActivate', async () => {
    // given three instances waiting at a service task
    await s.deploy(single('act', 'act-job'));
    for (let i = 0; i < 3; i++) await start(s, 'act', { a: i, b: 'x' });
    // when a worker activates two of them, fetching only `a`
    const jobs = ok(
      await s.engine.activateJobs({
        type: 'act-job',
        worker: 'w1',
        timeoutMs: 5_000,
        maxJobsToActivate: 2,
        fetchVariables: ['a'],
      }),
    );
    // then it gets two jobs with its name, the deadline, 3 retries and only the fetched variable
    expect(jobs).toHaveLength(2);
    for (const job of jobs) {
      expect(job).toMatchObject({ type: 'act-job', worker: 'w1', retries: 3, elementId: 'task', bpmnProcessId: 'act' });
      expect(job.deadline).toBe(s.clock.now() + 5_000);
      expect(Object.keys(job.variables)).toEqual(['a']);
    }
    expect(jobs.map((j) => j.variables.a)).toEqual([0, 1]);
    // and the third job is left for the next request
    const rest = await activate(s, 'act-job');
    expect(rest.map((j) => j.variables)).toEqual([{ a: 2, b: 'x' }]);
    expect(await activate(s, 'act-job')).toEqual([]);
  });

  it('should never hand the same job to two concurrent activations', async () => {
    // given four waiting jobs
    await s.deploy(single('race', 'race-job'));
    for (let i = 0; i < 4; i++) await start(s, 'race');
    // when two workers activate at the same time
    const [first, second] = await Promise.all([
      s.engine.activateJobs({ type: 'race-job', worker: 'a', timeoutMs: 10_000, maxJobsToActivate: 4 }),
      s.engine.activateJobs({ type: 'race-job', worker: 'b', timeoutMs: 10_000, maxJobsToActivate: 4 }),
    ]);
    // then the jobs they got are disjoint and together all four
    const keys = [...ok(first!), ...ok(second!)].map((j) => j.key);
    expect(keys).toHaveLength(4);
    expect(new Set(keys).size).toBe(4);
  });

  it('should propagate the variables of a completed job to the process scope', async () => {
    // given
    await s.deploy(single('complete', 'complete-job'));
    const pi = await start(s, 'complete', { amount: 1 });
    const [job] = await activate(s, 'complete-job');
    // when
    ok(await s.engine.completeJob({ jobKey: job!.key, variables: { amount: 2, approved: true } }));
    // then
    expect(await s.state(pi)).toBe('COMPLETED');
    expect(await s.variablesOf(pi)).toEqual({ amount: 2, approved: true });
    const completed = await recordsOf(s, pi, 'JOB', 'COMPLETED');
    expect(completed[0]?.value.variables).toEqual({ amount: 2, approved: true });
  });

  it('should make a failed job with retries left activatable again', async () => {
    // given
    await s.deploy(single('fail', 'fail-job'));
    const pi = await start(s, 'fail');
    const [job] = await activate(s, 'fail-job');
    // when the worker fails it with 2 retries left
    ok(await s.engine.failJob({ jobKey: job!.key, retries: 2, errorMessage: 'database down' }));
    // then it can be activated again, with 2 retries, and no incident
    const again = await activate(s, 'fail-job');
    expect(again.map((j) => [j.key, j.retries])).toEqual([[job!.key, 2]]);
    expect(await s.incidents(pi)).toEqual([]);
    const failed = await recordsOf(s, pi, 'JOB', 'FAILED');
    expect(failed[0]?.value).toMatchObject({ retries: 2, errorMessage: 'database down' });
  });

  it('should keep a failed job back until its retry back-off has passed', async () => {
    // given a job failed with a back-off of 10 s
    await s.deploy(single('backoff', 'backoff-job'));
    const pi = await start(s, 'backoff');
    const [job] = await activate(s, 'backoff-job');
    ok(await s.engine.failJob({ jobKey: job!.key, retries: 1, errorMessage: 'later', retryBackOffMs: 10_000 }));
    // when the back-off has not passed, then it cannot be activated
    expect(await activate(s, 'backoff-job')).toEqual([]);
    await s.advance(9_000);
    expect(await activate(s, 'backoff-job')).toEqual([]);
    // when it has passed, then it can
    await s.advance(1_001);
    expect((await activate(s, 'backoff-job')).map((j) => j.key)).toEqual([job!.key]);
    expect(await recordsOf(s, pi, 'JOB', 'RECURRED_AFTER_BACKOFF')).toHaveLength(1);
  });

  it('should raise a JOB_NO_RETRIES incident with the error message when the retries run out', async () => {
    // given
    await s.deploy(single('noretry', 'noretry-job'));
    const pi = await start(s, 'noretry');
    const [job] = await activate(s, 'noretry-job');
    // when
    ok(await s.engine.failJob({ jobKey: job!.key, retries: 0, errorMessage: 'cannot reach the registry' }));
    // then
    const incidents = await s.incidents(pi);
    expect(incidents.map((i) => i.value)).toEqual([
      expect.objectContaining({
        errorType: 'JOB_NO_RETRIES',
        errorMessage: 'cannot reach the registry',
        elementId: 'task',
        jobKey: Number(job!.key),
      }),
    ]);
    expect(await activate(s, 'noretry-job')).toEqual([]);
  });

  it('should let a job run again once its retries are updated and its incident resolved', async () => {
    // given a job incident
    await s.deploy(single('revive', 'revive-job'));
    const pi = await start(s, 'revive');
    const [job] = await activate(s, 'revive-job');
    ok(await s.engine.failJob({ jobKey: job!.key, retries: 0, errorMessage: 'boom' }));
    const [incident] = await s.incidents(pi);
    // when
    ok(await s.engine.updateJobRetries({ jobKey: job!.key, retries: 2 }));
    ok(await s.engine.resolveIncident({ incidentKey: incident!.key }));
    // then the job runs again and the instance completes
    const again = await activate(s, 'revive-job');
    expect(again.map((j) => [j.key, j.retries])).toEqual([[job!.key, 2]]);
    ok(await s.engine.completeJob({ jobKey: job!.key, variables: { done: true } }));
    expect(await s.state(pi)).toBe('COMPLETED');
    expect(await s.incidents(pi)).toEqual([]);
  });

  it('should raise the incident again when it is resolved without updating the retries', async () => {
    // given
    await s.deploy(single('again', 'again-job'));
    const pi = await start(s, 'again');
    const [job] = await activate(s, 'again-job');
    ok(await s.engine.failJob({ jobKey: job!.key, retries: 0, errorMessage: 'still broken' }));
    const [first] = await s.incidents(pi);
    // when
    ok(await s.engine.resolveIncident({ incidentKey: first!.key }));
    // then a new incident stands, with the same cause, and the job stays put
    const open = await s.incidents(pi);
    expect(open).toHaveLength(1);
    expect(open[0]!.key).not.toBe(first!.key);
    expect(open[0]!.value).toMatchObject({ errorType: 'JOB_NO_RETRIES', errorMessage: 'still broken' });
    expect(await activate(s, 'again-job')).toEqual([]);
  });

  it('should time out an activated job after its deadline without using a retry', async () => {
    // given a job activated for 1 s
    await s.deploy(single('timeout', 'timeout-job'));
    const pi = await start(s, 'timeout');
    const [job] = await activate(s, 'timeout-job', { timeoutMs: 1_000 });
    expect(await activate(s, 'timeout-job')).toEqual([]);
    // when the deadline passes
    await s.advance(1_001);
    // then the job timed out and another worker can activate it, with its retries intact
    expect(await recordsOf(s, pi, 'JOB', 'TIMED_OUT')).toHaveLength(1);
    const again = await activate(s, 'timeout-job', { worker: 'other' });
    expect(again.map((j) => [j.key, j.retries, j.worker])).toEqual([[job!.key, 3, 'other']]);
  });

  it('should not time out a job before its deadline', async () => {
    // given
    await s.deploy(single('notyet', 'notyet-job'));
    const pi = await start(s, 'notyet');
    await activate(s, 'notyet-job', { timeoutMs: 5_000 });
    // when
    await s.advance(4_000);
    // then
    expect(await recordsOf(s, pi, 'JOB', 'TIMED_OUT')).toEqual([]);
    expect(await activate(s, 'notyet-job')).toEqual([]);
  });

  it('should let an error boundary event with the matching code catch a thrown error', async () => {
    // given
    await s.deploy(withErrorBoundary('errcode', 'errcode-job', 'NOT_ELIGIBLE'));
    const pi = await start(s, 'errcode');
    const [job] = await activate(s, 'errcode-job');
    // when
    ok(
      await s.engine.throwError({
        jobKey: job!.key,
        errorCode: 'NOT_ELIGIBLE',
        errorMessage: 'applicant too young',
        variables: { reason: 'age' },
      }),
    );
    // then the task was terminated and the instance went on at the boundary event
    const trace = await s.trace(pi);
    expect(trace).toContain('PROCESS_INSTANCE:ELEMENT_TERMINATED:task');
    expect(trace).toContain('PROCESS_INSTANCE:ELEMENT_COMPLETED:caught');
    expect(trace).toContain('PROCESS_INSTANCE:ELEMENT_COMPLETED:failedEnd');
    expect(trace).not.toContain('PROCESS_INSTANCE:ELEMENT_ACTIVATING:end');
    expect(await s.state(pi)).toBe('COMPLETED');
    expect(await s.variablesOf(pi)).toEqual({ reason: 'age' });
  });

  it('should let a catch-all error boundary event catch any error code', async () => {
    // given
    await s.deploy(withErrorBoundary('errall', 'errall-job'));
    const pi = await start(s, 'errall');
    const [job] = await activate(s, 'errall-job');
    // when
    ok(await s.engine.throwError({ jobKey: job!.key, errorCode: 'ANYTHING' }));
    // then
    expect(await s.trace(pi)).toContain('PROCESS_INSTANCE:ELEMENT_COMPLETED:caught');
    expect(await s.state(pi)).toBe('COMPLETED');
  });

  it('should raise an UNHANDLED_ERROR_EVENT incident when no boundary event catches the code', async () => {
    // given a boundary event for another code
    await s.deploy(withErrorBoundary('erruncaught', 'erruncaught-job', 'OTHER'));
    const pi = await start(s, 'erruncaught');
    const [job] = await activate(s, 'erruncaught-job');
    // when
    ok(await s.engine.throwError({ jobKey: job!.key, errorCode: 'NOT_ELIGIBLE', errorMessage: 'too young' }));
    // then
    const [incident] = await s.incidents(pi);
    expect(incident?.value).toMatchObject({ errorType: 'UNHANDLED_ERROR_EVENT', elementId: 'task' });
    expect(String(incident?.value.errorMessage)).toContain("'NOT_ELIGIBLE'");
    expect(await s.state(pi)).toBe('ACTIVE');
  });

  it('should let a boundary event on a call activity catch an error thrown in the called process', async () => {
    // given a parent calling a child whose job throws
    await s.deploy(single('errchild', 'errchild-job'), 'errchild.bpmn');
    await s.deploy(
      linear(
        'errparent',
        [
          `<bpmn:callActivity id="call"><bpmn:extensionElements><zeebe:calledElement processId="errchild" /></bpmn:extensionElements></bpmn:callActivity>`,
        ],
        {
          inside: `<bpmn:boundaryEvent id="caught" attachedToRef="call"><bpmn:errorEventDefinition errorRef="err_child" /></bpmn:boundaryEvent>
          <bpmn:endEvent id="failedEnd" />
          ${flow('toFailed', 'caught', 'failedEnd')}`,
          outside: '<bpmn:error id="err_child" errorCode="CHILD_FAILED" />',
        },
      ),
      'errparent.bpmn',
    );
    const pi = await start(s, 'errparent');
    const [job] = await activate(s, 'errchild-job');
    // when
    ok(await s.engine.throwError({ jobKey: job!.key, errorCode: 'CHILD_FAILED' }));
    // then the child was terminated and the parent took the boundary flow
    expect(await s.state(job!.processInstanceKey)).toBe('TERMINATED');
    const trace = await s.trace(pi);
    expect(trace).toContain('PROCESS_INSTANCE:ELEMENT_TERMINATED:call');
    expect(trace).toContain('PROCESS_INSTANCE:ELEMENT_COMPLETED:failedEnd');
    expect(await s.state(pi)).toBe('COMPLETED');
  });

  it('should set the variables of a failed job locally on its task', async () => {
    // given
    await s.deploy(single('failvars', 'failvars-job'));
    const pi = await start(s, 'failvars');
    const [job] = await activate(s, 'failvars-job');
    // when
    ok(await s.engine.failJob({ jobKey: job!.key, retries: 1, variables: { attempt: 1 } }));
    // then the next worker sees it, but it does not reach the process scope
    const [again] = await activate(s, 'failvars-job');
    expect(again!.variables).toEqual({ attempt: 1 });
    expect(await variableIn(s, job!.elementInstanceKey, 'attempt')).toBe(1);
    ok(await s.engine.completeJob({ jobKey: job!.key }));
    expect(await s.variablesOf(pi)).toEqual({});
  });

  it('should take the job retries from the model', async () => {
    // given
    await s.deploy(linear('retries', [serviceTask('task', 'retries-job').replace('/>', 'retries="5" />')]));
    await start(s, 'retries');
    // when
    const [job] = await activate(s, 'retries-job');
    // then
    expect(job!.retries).toBe(5);
  });

  it('should keep a job whose timeout was extended past its first deadline', async () => {
    // given a job activated for 1 s
    await s.deploy(single('extend', 'extend-job'));
    const pi = await start(s, 'extend');
    const [job] = await activate(s, 'extend-job', { timeoutMs: 1_000 });
    // when the worker asks for 10 s more and 2 s pass
    ok(await s.engine.updateJobTimeout({ jobKey: job!.key, timeoutMs: 10_000 }));
    await s.advance(2_000);
    // then the job has not timed out and can still be completed
    expect(await recordsOf(s, pi, 'JOB', 'TIMED_OUT')).toEqual([]);
    ok(await s.engine.completeJob({ jobKey: job!.key }));
    expect(await s.state(pi)).toBe('COMPLETED');
  });

  it('should reject updating the retries of an unknown job or to fewer than 1', async () => {
    // given
    await s.deploy(single('badretries', 'badretries-job'));
    await start(s, 'badretries');
    const [job] = await activate(s, 'badretries-job');
    // when
    const unknown = await s.engine.updateJobRetries({ jobKey: '987654321', retries: 3 });
    const zero = await s.engine.updateJobRetries({ jobKey: job!.key, retries: 0 });
    // then
    expect(unknown.ok ? 'accepted' : unknown.rejection.type).toBe('NOT_FOUND');
    expect(zero.ok ? 'accepted' : zero.rejection.type).toBe('INVALID_ARGUMENT');
  });

  it('should let a boundary event on a sub-process catch an error thrown by a job inside it', async () => {
    // given
    await s.deploy(
      bpmn(
        'errsub',
        `<bpmn:startEvent id="start" />
        <bpmn:subProcess id="sub"><bpmn:startEvent id="s0" />${serviceTask('task', 'errsub-job')}<bpmn:endEvent id="s9" />
          ${flow('s1', 's0', 'task')}${flow('s2', 'task', 's9')}</bpmn:subProcess>
        <bpmn:boundaryEvent id="caught" attachedToRef="sub"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>
        <bpmn:endEvent id="end" /><bpmn:endEvent id="failedEnd" />
        ${flow('f1', 'start', 'sub')}${flow('f2', 'sub', 'end')}${flow('f3', 'caught', 'failedEnd')}`,
      ),
    );
    const pi = await start(s, 'errsub');
    const [job] = await activate(s, 'errsub-job');
    // when
    ok(await s.engine.throwError({ jobKey: job!.key, errorCode: 'DEEP' }));
    // then
    const trace = await s.trace(pi);
    expect(trace).toContain('PROCESS_INSTANCE:ELEMENT_TERMINATED:task');
    expect(trace).toContain('PROCESS_INSTANCE:ELEMENT_TERMINATED:sub');
    expect(trace).toContain('PROCESS_INSTANCE:ELEMENT_COMPLETED:failedEnd');
    expect(await s.state(pi)).toBe('COMPLETED');
  });

  it('should reject completing an unknown job with NOT_FOUND', async () => {
    // when
    const result = await s.engine.completeJob({ jobKey: '999999999', variables: {} });
    // then
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.rejection.type).toBe('NOT_FOUND');
      expect(result.rejection.reason).toContain('999999999');
    }
  });

  it('should reject completing a job twice with NOT_FOUND', async () => {
    // given
    await s.deploy(single('twice', 'twice-job'));
    await start(s, 'twice');
    const [job] = await activate(s, 'twice-job');
    ok(await s.engine.completeJob({ jobKey: job!.key }));
    // when
    const result = await s.engine.completeJob({ jobKey: job!.key });
    // then
    expect(result.ok ? 'accepted' : result.rejection.type).toBe('NOT_FOUND');
  });

  it('should reject failing a job that is not activated with INVALID_STATE', async () => {
    // given a job no worker has activated
    await s.deploy(single('notact', 'notact-job'));
    const pi = await start(s, 'notact');
    const [created] = await recordsOf(s, pi, 'JOB', 'CREATED');
    // when
    const result = await s.engine.failJob({ jobKey: created!.key, retries: 1, errorMessage: 'x' });
    // then
    expect(result.ok ? 'accepted' : result.rejection.type).toBe('INVALID_STATE');
    expect(await activate(s, 'notact-job')).toHaveLength(1);
  });

  it('should reject variables that are not a JSON object with INVALID_ARGUMENT', async () => {
    // given
    await s.deploy(single('badvars', 'badvars-job'));
    const pi = await start(s, 'badvars');
    const [job] = await activate(s, 'badvars-job');
    // when
    const array = await s.engine.completeJob({ jobKey: job!.key, variables: [1, 2] });
    const badJson = await s.engine.completeJob({ jobKey: job!.key, variables: '{"a": ' });
    const failWithArray = await s.engine.failJob({ jobKey: job!.key, retries: 1, variables: '[1]' });
    // then all are rejected and the job is untouched
    for (const result of [array, badJson, failWithArray]) {
      expect(result.ok ? 'accepted' : result.rejection.type).toBe('INVALID_ARGUMENT');
    }
    ok(await s.engine.completeJob({ jobKey: job!.key, variables: '{"a": 1}' }));
    expect(await s.variablesOf(pi)).toEqual({ a: 1 });
  });

  it('should keep the job of a parallel branch waiting when the job of the other branch completes', async () => {
    // given two parallel branches, each with a job
    await s.deploy(
      bpmn(
        'twojobs',
        `<bpmn:startEvent id="start" />
        <bpmn:parallelGateway id="fork" />
        ${serviceTask('a', 'twojobs-a')}
        ${serviceTask('b', 'twojobs-b')}
        <bpmn:endEvent id="endA" /><bpmn:endEvent id="endB" />
        ${flow('f1', 'start', 'fork')}${flow('f2', 'fork', 'a')}${flow('f3', 'fork', 'b')}
        ${flow('f4', 'a', 'endA')}${flow('f5', 'b', 'endB')}`,
      ),
    );
    const pi = await start(s, 'twojobs');
    // when one job completes
    expect(await s.completeJobs('twojobs-a')).toBe(1);
    // then the other one is still waiting and the instance is active
    expect(await activate(s, 'twojobs-b')).toHaveLength(1);
    expect(await s.state(pi)).toBe('ACTIVE');
  });
});
