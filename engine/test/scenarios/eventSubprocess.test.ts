import { describe, expect, it } from 'vitest';
import { endEvent, error, eventSubProcess, message, onMessage, startEvent } from './eventBpmn.js';
import { bpmn, flow, ok, serviceTask, useScenario } from './harness.js';

const onError = (ref?: string) =>
  ref === undefined ? '<bpmn:errorEventDefinition />' : `<bpmn:errorEventDefinition errorRef="${ref}" />`;

/** An error event sub-process (interrupting) catching `ref` (all errors when undefined), running a task. */
const errorEsp = (type: string, ref?: string) =>
  eventSubProcess(
    'onError',
    `${startEvent('errorStart', onError(ref))}
    ${serviceTask('recover', type)}
    ${endEvent('errorEnd')}
    ${flow('e1', 'errorStart', 'recover')}
    ${flow('e2', 'recover', 'errorEnd')}`,
  );

describe('event sub-processes', () => {
  const s = useScenario();

  const start = async (bpmnProcessId: string, variables: Record<string, unknown> = {}) =>
    ok(await s.engine.createProcessInstance({ bpmnProcessId, variables })).processInstanceKey;

  it('should catch an error end event of the process in an error event sub-process, terminating the running task', async () => {
    // given a process that runs a task beside a branch ending with an error, and an error event sub-process
    await s.deploy(
      bpmn(
        'errEsp',
        `${startEvent('start')}
        <bpmn:parallelGateway id="fork" />
        ${serviceTask('work', 'err-esp-work')}
        ${endEvent('fail', onError('Err'))}
        ${endEvent('end')}
        ${flow('f1', 'start', 'fork')}
        ${flow('f2', 'fork', 'work')}
        ${flow('f3', 'fork', 'fail')}
        ${flow('f4', 'work', 'end')}
        ${errorEsp('err-esp-recover', 'Err')}`,
        error('Err', 'broken'),
      ),
    );
    // when an instance runs
    const pik = await start('errEsp');
    // then the task's job was canceled and the event sub-process runs
    expect(await s.trace(pik, ['JOB'])).toEqual(['JOB:CREATED:work', 'JOB:CANCELED:work', 'JOB:CREATED:recover']);
    const trace = await s.trace(pik);
    expect(trace).toContain('PROCESS_INSTANCE:ELEMENT_TERMINATED:work');
    expect(trace).toContain('PROCESS_INSTANCE:ELEMENT_ACTIVATED:onError');
    expect(await s.incidents(pik)).toEqual([]);
    // and the instance completes with the recovery task
    await s.completeJobs('err-esp-recover');
    expect(await s.state(pik)).toBe('COMPLETED');
    expect(await s.completeJobs('err-esp-work')).toBe(0);
  });

  it('should catch an error thrown by a job worker, with its variables', async () => {
    // given a process whose task may throw an error, with a catch-all error event sub-process
    await s.deploy(
      bpmn(
        'errThrown',
        `${startEvent('start')}
        ${serviceTask('work', 'err-thrown-work')}
        ${endEvent('end')}
        ${flow('f1', 'start', 'work')}
        ${flow('f2', 'work', 'end')}
        ${errorEsp('err-thrown-recover')}`,
      ),
    );
    const pik = await start('errThrown');
    const [job] = ok(
      await s.engine.activateJobs({ type: 'err-thrown-work', worker: 'w', timeoutMs: 1000, maxJobsToActivate: 1 }),
    );
    // when the worker throws an error with variables
    ok(await s.engine.throwError({ jobKey: job!.key, errorCode: 'any', variables: { cause: 'disk full' } }));
    // then the event sub-process runs with the variables
    expect(await s.trace(pik)).toContain('PROCESS_INSTANCE:ELEMENT_TERMINATED:work');
    const [recover] = ok(
      await s.engine.activateJobs({ type: 'err-thrown-recover', worker: 'w', timeoutMs: 1000, maxJobsToActivate: 1 }),
    );
    expect(recover?.variables).toEqual({ cause: 'disk full' });
    ok(await s.engine.completeJob({ jobKey: recover!.key }));
    expect(await s.state(pik)).toBe('COMPLETED');
  });

  it('should raise an UNHANDLED_ERROR_EVENT incident when no event sub-process catches the error code', async () => {
    // given an error event sub-process for another code
    await s.deploy(
      bpmn(
        'errOther',
        `${startEvent('start')}
        ${endEvent('fail', onError('Err'))}
        ${flow('f1', 'start', 'fail')}
        ${errorEsp('err-other-recover', 'Other')}`,
        `${error('Err', 'broken')}${error('Other', 'other')}`,
      ),
    );
    // when an instance reaches the error end event
    const pik = await start('errOther');
    // then an incident is raised at the end event
    const [incident] = await s.incidents(pik);
    expect(incident?.value).toMatchObject({ errorType: 'UNHANDLED_ERROR_EVENT', elementId: 'fail' });
    expect(await s.state(pik)).toBe('ACTIVE');
  });

  it('should interrupt only its sub-process when an event sub-process inside an embedded sub-process is triggered', async () => {
    // given an embedded sub-process with an interrupting message event sub-process
    await s.deploy(
      bpmn(
        'nestedEsp',
        `${startEvent('start')}
        <bpmn:subProcess id="sub">
          ${startEvent('subStart')}
          ${serviceTask('inner', 'nested-inner')}
          ${endEvent('subEnd')}
          ${flow('s1', 'subStart', 'inner')}
          ${flow('s2', 'inner', 'subEnd')}
          ${eventSubProcess(
            'cancelSub',
            `${startEvent('cancelStart', onMessage('Msg'))}${endEvent('cancelEnd')}${flow('c1', 'cancelStart', 'cancelEnd')}`,
          )}
        </bpmn:subProcess>
        ${serviceTask('after', 'nested-after')}
        ${endEvent('end')}
        ${flow('f1', 'start', 'sub')}
        ${flow('f2', 'sub', 'after')}
        ${flow('f3', 'after', 'end')}`,
        message('Msg', 'cancel-inner', '=id'),
      ),
    );
    const pik = await start('nestedEsp', { id: 'n-1' });
    // when the message arrives
    ok(await s.engine.publishMessage({ name: 'cancel-inner', correlationKey: 'n-1' }));
    // then the inner task was terminated, the sub-process completed and the flow goes on after it
    expect(await s.trace(pik, ['JOB'])).toEqual(['JOB:CREATED:inner', 'JOB:CANCELED:inner', 'JOB:CREATED:after']);
    const trace = await s.trace(pik);
    expect(trace).toContain('PROCESS_INSTANCE:ELEMENT_COMPLETED:cancelSub');
    expect(trace).toContain('PROCESS_INSTANCE:ELEMENT_COMPLETED:sub');
    await s.completeJobs('nested-after');
    expect(await s.state(pik)).toBe('COMPLETED');
  });

  it('should close the event sub-process subscriptions when its scope completes', async () => {
    // given an instance of the nested process
    const pik = await start('nestedEsp', { id: 'n-2' });
    // when the inner task completes
    await s.completeJobs('nested-inner');
    // then the message subscription of the sub-process was deleted and a message does nothing
    expect(await s.trace(pik, ['PROCESS_MESSAGE_SUBSCRIPTION'])).toEqual([
      'PROCESS_MESSAGE_SUBSCRIPTION:CREATED:cancelStart',
      'PROCESS_MESSAGE_SUBSCRIPTION:DELETED:cancelStart',
    ]);
    ok(await s.engine.publishMessage({ name: 'cancel-inner', correlationKey: 'n-2' }));
    expect(await s.trace(pik)).not.toContain('PROCESS_INSTANCE:ELEMENT_ACTIVATING:cancelSub');
    await s.completeJobs('nested-after');
    expect(await s.state(pik)).toBe('COMPLETED');
  });
});
