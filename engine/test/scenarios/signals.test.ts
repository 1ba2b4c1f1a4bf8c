import { describe, expect, it } from 'vitest';
import { boundary, catchEvent, endEvent, eventSubProcess, onSignal, signal, startEvent } from './eventBpmn.js';
import { bpmn, flow, ok, serviceTask, useScenario } from './harness.js';

/** start → signal catch → end. */
const waitSignal = (processId: string, name: string) =>
  bpmn(
    processId,
    `${startEvent('start')}
    ${catchEvent('wait', onSignal('Sig'))}
    ${endEvent('end')}
    ${flow('f1', 'start', 'wait')}
    ${flow('f2', 'wait', 'end')}`,
    signal('Sig', name),
  );

/** start → task with a signal boundary → end; the boundary leads to `caught`. */
const taskWithSignal = (processId: string, name: string, type: string, interrupting: boolean) =>
  bpmn(
    processId,
    `${startEvent('start')}
    ${serviceTask('task', type)}
    ${boundary('onSignal', 'task', onSignal('Sig'), interrupting)}
    ${endEvent('end')}
    ${endEvent('caught')}
    ${flow('f1', 'start', 'task')}
    ${flow('f2', 'task', 'end')}
    ${flow('f3', 'onSignal', 'caught')}`,
    signal('Sig', name),
  );

describe('signal events', () => {
  const s = useScenario();

  const start = async (bpmnProcessId: string, variables: Record<string, unknown> = {}) =>
    ok(await s.engine.createProcessInstance({ bpmnProcessId, variables })).processInstanceKey;

  const instancesOf = async (bpmnProcessId: string) =>
    (await s.records())
      .filter(
        (r) =>
          r.valueType === 'PROCESS_INSTANCE' &&
          r.intent === 'ELEMENT_ACTIVATED' &&
          r.value.bpmnElementType === 'PROCESS' &&
          r.value.bpmnProcessId === bpmnProcessId,
      )
      .map((r) => String(r.key));

  const signalSubscriptions = async (signalName: string) =>
    (await s.records())
      .filter((r) => r.valueType === 'SIGNAL_SUBSCRIPTION' && r.value.signalName === signalName)
      .map((r) => `${r.intent}:${String(r.value.catchEventId)}`);

  describe('intermediate signal catch event', () => {
    it('should complete when the signal is broadcast, closing its subscription', async () => {
      // given an instance waiting for a signal
      await s.deploy(waitSignal('sigCatch', 'alarm'));
      const pik = await start('sigCatch');
      expect(await signalSubscriptions('alarm')).toEqual(['CREATED:wait']);
      // when the signal is broadcast
      ok(await s.engine.broadcastSignal({ signalName: 'alarm' }));
      // then the instance completed and the subscription is gone
      expect(await s.trace(pik)).toContain('PROCESS_INSTANCE:ELEMENT_COMPLETED:wait');
      expect(await s.state(pik)).toBe('COMPLETED');
      expect(await signalSubscriptions('alarm')).toEqual(['CREATED:wait', 'DELETED:wait']);
    });

    it('should trigger every waiting instance with one broadcast', async () => {
      // given two waiting instances
      const first = await start('sigCatch');
      const second = await start('sigCatch');
      // when the signal is broadcast once
      ok(await s.engine.broadcastSignal({ signalName: 'alarm' }));
      // then both completed
      expect(await s.state(first)).toBe('COMPLETED');
      expect(await s.state(second)).toBe('COMPLETED');
    });

    it('should merge the signal variables into the instance', async () => {
      // given a waiting instance
      const pik = await start('sigCatch', { a: 1 });
      // when a signal with variables is broadcast
      const result = ok(await s.engine.broadcastSignal({ signalName: 'alarm', variables: { level: 'red', a: 2 } }));
      // then the variables reached the process scope, and a SIGNAL BROADCASTED record was written
      expect(await s.variablesOf(pik)).toEqual({ a: 2, level: 'red' });
      const broadcast = (await s.records()).find((r) => r.valueType === 'SIGNAL' && String(r.key) === result.key);
      expect(broadcast).toMatchObject({
        intent: 'BROADCASTED',
        value: { signalName: 'alarm', variables: { level: 'red', a: 2 } },
      });
    });

    it('should not trigger an instance for another signal name', async () => {
      // given a waiting instance
      const pik = await start('sigCatch');
      // when another signal is broadcast
      ok(await s.engine.broadcastSignal({ signalName: 'other' }));
      // then it still waits
      expect(await s.state(pik)).toBe('ACTIVE');
      ok(await s.engine.broadcastSignal({ signalName: 'alarm' }));
    });

    it('should delete the signal subscription when the instance is canceled', async () => {
      // given a waiting instance of a process with its own signal
      await s.deploy(waitSignal('sigCancel', 'never'));
      const pik = await start('sigCancel');
      // when it is canceled
      ok(await s.engine.cancelProcessInstance({ processInstanceKey: pik }));
      // then its subscription is deleted and a broadcast does not revive it
      expect(await signalSubscriptions('never')).toEqual(['CREATED:wait', 'DELETED:wait']);
      ok(await s.engine.broadcastSignal({ signalName: 'never' }));
      expect(await s.state(pik)).toBe('TERMINATED');
    });

    it('should reject a broadcast without a signal name', async () => {
      // when a signal with an empty name is broadcast
      const result = await s.engine.broadcastSignal({ signalName: '' });
      // then it is rejected
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.rejection.type).toBe('INVALID_ARGUMENT');
    });
  });

  describe('signal start event', () => {
    it('should create an instance with the signal variables for each broadcast', async () => {
      // given a process with a signal start event
      await s.deploy(
        bpmn(
          'sigStart',
          `${startEvent('start', onSignal('Sig'))}
          ${serviceTask('task', 'sig-start-work')}
          ${endEvent('end')}
          ${flow('f1', 'start', 'task')}
          ${flow('f2', 'task', 'end')}`,
          signal('Sig', 'go'),
        ),
      );
      // when the signal is broadcast twice
      ok(await s.engine.broadcastSignal({ signalName: 'go', variables: { n: 1 } }));
      ok(await s.engine.broadcastSignal({ signalName: 'go', variables: { n: 2 } }));
      // then two instances run with the variables
      const created = await instancesOf('sigStart');
      expect(created).toHaveLength(2);
      const jobs = ok(
        await s.engine.activateJobs({ type: 'sig-start-work', worker: 'w', timeoutMs: 1000, maxJobsToActivate: 10 }),
      );
      expect(jobs.map((j) => j.variables)).toEqual([{ n: 1 }, { n: 2 }]);
      for (const job of jobs) ok(await s.engine.completeJob({ jobKey: job.key }));
      expect(await s.state(created[0]!)).toBe('COMPLETED');
    });

    it('should only start the latest version after a redeployment', async () => {
      // given a second version with a signal start event
      const v2 = await s.deploy(
        bpmn(
          'sigStart',
          `${startEvent('start2', onSignal('Sig'))}
          ${endEvent('end')}
          ${flow('f1', 'start2', 'end')}`,
          signal('Sig', 'go'),
        ),
      );
      const before = await instancesOf('sigStart');
      // when the signal is broadcast
      ok(await s.engine.broadcastSignal({ signalName: 'go' }));
      // then exactly one instance of the new version ran
      const created = (await instancesOf('sigStart')).slice(before.length);
      expect(created).toHaveLength(1);
      const root = (await s.records()).find((r) => String(r.key) === created[0] && r.valueType === 'PROCESS_INSTANCE');
      expect(String(root?.value.processDefinitionKey)).toBe(v2);
      expect(await s.state(created[0]!)).toBe('COMPLETED');
    });
  });

  describe('signal boundary event', () => {
    it('should cancel the job and take the boundary flow when interrupting', async () => {
      // given a task with an interrupting signal boundary
      await s.deploy(taskWithSignal('sigBInt', 'stop', 'sig-b-int', true));
      const pik = await start('sigBInt');
      // when the signal is broadcast
      ok(await s.engine.broadcastSignal({ signalName: 'stop', variables: { stopped: true } }));
      // then the job is canceled and the instance ends at "caught"
      expect(await s.trace(pik, ['JOB'])).toEqual(['JOB:CREATED:task', 'JOB:CANCELED:task']);
      expect(await s.trace(pik)).toContain('PROCESS_INSTANCE:ELEMENT_COMPLETED:caught');
      expect(await s.state(pik)).toBe('COMPLETED');
      expect(await s.variablesOf(pik)).toEqual({ stopped: true });
    });

    it('should keep the task when non-interrupting, firing for each broadcast', async () => {
      // given a task with a non-interrupting signal boundary
      await s.deploy(taskWithSignal('sigBNon', 'ping', 'sig-b-non', false));
      const pik = await start('sigBNon');
      // when the signal is broadcast twice
      ok(await s.engine.broadcastSignal({ signalName: 'ping' }));
      ok(await s.engine.broadcastSignal({ signalName: 'ping' }));
      // then the boundary fired twice and the task still waits
      const trace = await s.trace(pik);
      expect(trace.filter((t) => t === 'PROCESS_INSTANCE:ELEMENT_COMPLETED:caught')).toHaveLength(2);
      expect(await s.state(pik)).toBe('ACTIVE');
      await s.completeJobs('sig-b-non');
      expect(await s.state(pik)).toBe('COMPLETED');
      expect(await signalSubscriptions('ping')).toEqual(['CREATED:onSignal', 'DELETED:onSignal']);
    });
  });

  describe('throwing signals', () => {
    it('should broadcast from a signal end event to an instance of another process', async () => {
      // given an instance waiting for "done"
      await s.deploy(waitSignal('listener', 'done'), 'listener.bpmn');
      const listener = await start('listener');
      await s.deploy(
        bpmn(
          'emitter',
          `${startEvent('start')}
          ${endEvent('end', onSignal('Sig'))}
          ${flow('f1', 'start', 'end')}`,
          signal('Sig', 'done'),
        ),
        'emitter.bpmn',
      );
      // when an instance of the emitter runs to its signal end event
      const emitter = await start('emitter');
      // then both instances completed
      expect(await s.state(emitter)).toBe('COMPLETED');
      expect(await s.state(listener)).toBe('COMPLETED');
    });

    it('should broadcast from an intermediate signal throw event and go on', async () => {
      // given an instance waiting for "halfway"
      await s.deploy(waitSignal('listener2', 'halfway'), 'listener2.bpmn');
      const listener = await start('listener2');
      await s.deploy(
        bpmn(
          'thrower',
          `${startEvent('start')}
          <bpmn:intermediateThrowEvent id="throw">${onSignal('Sig')}</bpmn:intermediateThrowEvent>
          ${serviceTask('after', 'after-throw')}
          ${endEvent('end')}
          ${flow('f1', 'start', 'throw')}
          ${flow('f2', 'throw', 'after')}
          ${flow('f3', 'after', 'end')}`,
          signal('Sig', 'halfway'),
        ),
        'thrower.bpmn',
      );
      // when the thrower passes its throw event
      const thrower = await start('thrower');
      // then the listener completed and the thrower went on to its task
      expect(await s.state(listener)).toBe('COMPLETED');
      expect(await s.trace(thrower)).toContain('PROCESS_INSTANCE:ELEMENT_COMPLETED:throw');
      expect(await s.completeJobs('after-throw')).toBe(1);
      expect(await s.state(thrower)).toBe('COMPLETED');
    });
  });

  describe('signal event sub-process', () => {
    it('should interrupt the process when an interrupting signal event sub-process is triggered', async () => {
      // given an instance with an interrupting signal event sub-process
      await s.deploy(
        bpmn(
          'sigEsp',
          `${startEvent('start')}
          ${serviceTask('task', 'sig-esp-work')}
          ${endEvent('end')}
          ${flow('f1', 'start', 'task')}
          ${flow('f2', 'task', 'end')}
          ${eventSubProcess(
            'esp',
            `${startEvent('espStart', onSignal('Sig'))}${endEvent('espEnd')}${flow('e1', 'espStart', 'espEnd')}`,
          )}`,
          signal('Sig', 'shutdown'),
        ),
      );
      const pik = await start('sigEsp');
      // when the signal is broadcast
      ok(await s.engine.broadcastSignal({ signalName: 'shutdown', variables: { by: 'admin' } }));
      // then the task is terminated and the instance completes through the sub-process
      expect(await s.trace(pik, ['JOB'])).toEqual(['JOB:CREATED:task', 'JOB:CANCELED:task']);
      expect(await s.trace(pik)).toContain('PROCESS_INSTANCE:ELEMENT_COMPLETED:esp');
      expect(await s.state(pik)).toBe('COMPLETED');
      expect(await s.variablesOf(pik)).toEqual({ by: 'admin' });
    });
  });
});
