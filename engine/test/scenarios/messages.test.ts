import { describe, expect, it } from 'vitest';
import {
  boundary,
  catchEvent,
  endEvent,
  eventSubProcess,
  message,
  onMessage,
  outputs,
  startEvent,
} from './eventBpmn.js';
import { bpmn, flow, ok, serviceTask, useScenario } from './harness.js';

/** start → wait for a message (correlated by orderId) → end. */
const waitFor = (processId: string, name: string, extensions = '') =>
  bpmn(
    processId,
    `${startEvent('start')}
    ${catchEvent('wait', onMessage('Msg'), extensions)}
    ${endEvent('end')}
    ${flow('f1', 'start', 'wait')}
    ${flow('f2', 'wait', 'end')}`,
    message('Msg', name, '=orderId'),
  );

/** start → task (job type `type`) with a message boundary → end; the boundary leads to `caught`. */
const taskWithMessageBoundary = (processId: string, name: string, type: string, interrupting: boolean) =>
  bpmn(
    processId,
    `${startEvent('start')}
    ${serviceTask('task', type)}
    ${boundary('onMsg', 'task', onMessage('Msg'), interrupting)}
    ${endEvent('end')}
    ${endEvent('caught')}
    ${flow('f1', 'start', 'task')}
    ${flow('f2', 'task', 'end')}
    ${flow('f3', 'onMsg', 'caught')}`,
    message('Msg', name, '=orderId'),
  );

describe('message events', () => {
  const s = useScenario();

  const start = async (bpmnProcessId: string, variables: Record<string, unknown> = {}) =>
    ok(await s.engine.createProcessInstance({ bpmnProcessId, variables })).processInstanceKey;

  const messageRecords = async (name: string) =>
    (await s.records()).filter((r) => r.valueType === 'MESSAGE' && r.value.name === name).map((r) => r.intent);

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

  describe('intermediate message catch event', () => {
    it('should open a subscription with the correlation key and complete when a matching message arrives', async () => {
      // given an instance waiting for "paid" of order o-1
      await s.deploy(waitFor('catch1', 'paid'));
      const pik = await start('catch1', { orderId: 'o-1' });
      expect(await s.trace(pik, ['PROCESS_MESSAGE_SUBSCRIPTION'])).toEqual([
        'PROCESS_MESSAGE_SUBSCRIPTION:CREATED:wait',
      ]);
      // when the message is published
      ok(await s.engine.publishMessage({ name: 'paid', correlationKey: 'o-1', variables: { amount: 42 } }));
      // then it is correlated and the instance completes with the message variables
      expect(await s.trace(pik, ['PROCESS_MESSAGE_SUBSCRIPTION'])).toEqual([
        'PROCESS_MESSAGE_SUBSCRIPTION:CREATED:wait',
        'PROCESS_MESSAGE_SUBSCRIPTION:CORRELATED:wait',
      ]);
      expect(await s.state(pik)).toBe('COMPLETED');
      expect(await s.variablesOf(pik)).toEqual({ orderId: 'o-1', amount: 42 });
    });

    it('should accept a number as the correlation key, matched as its string', async () => {
      // given an instance whose correlation key is a number
      const pik = await start('catch1', { orderId: 7 });
      // when a message with the key "7" is published
      ok(await s.engine.publishMessage({ name: 'paid', correlationKey: '7' }));
      // then it is correlated
      expect(await s.state(pik)).toBe('COMPLETED');
    });

    it('should not correlate a message with another correlation key or another name', async () => {
      // given a waiting instance
      const pik = await start('catch1', { orderId: 'o-2' });
      // when messages that do not match are published
      ok(await s.engine.publishMessage({ name: 'paid', correlationKey: 'o-3' }));
      ok(await s.engine.publishMessage({ name: 'shipped', correlationKey: 'o-2' }));
      // then the instance still waits
      expect(await s.state(pik)).toBe('ACTIVE');
      expect(await s.trace(pik, ['PROCESS_MESSAGE_SUBSCRIPTION'])).toEqual([
        'PROCESS_MESSAGE_SUBSCRIPTION:CREATED:wait',
      ]);
    });

    it('should correlate a message to at most one instance of a process: the oldest subscription', async () => {
      // given two instances waiting with the same correlation key
      await s.deploy(waitFor('catchOnce', 'once'));
      const first = await start('catchOnce', { orderId: 'same' });
      const second = await start('catchOnce', { orderId: 'same' });
      // when one message is published
      ok(await s.engine.publishMessage({ name: 'once', correlationKey: 'same' }));
      // then only the first instance got it
      expect(await s.state(first)).toBe('COMPLETED');
      expect(await s.state(second)).toBe('ACTIVE');
      // and a second message goes to the other one
      ok(await s.engine.publishMessage({ name: 'once', correlationKey: 'same' }));
      expect(await s.state(second)).toBe('COMPLETED');
    });

    it('should correlate one message to waiting instances of different processes', async () => {
      // given two processes waiting for the same message
      await s.deploy(waitFor('fanA', 'fan'), 'a.bpmn');
      await s.deploy(waitFor('fanB', 'fan'), 'b.bpmn');
      const a = await start('fanA', { orderId: 'k' });
      const b = await start('fanB', { orderId: 'k' });
      // when the message is published once
      ok(await s.engine.publishMessage({ name: 'fan', correlationKey: 'k' }));
      // then both completed
      expect(await s.state(a)).toBe('COMPLETED');
      expect(await s.state(b)).toBe('COMPLETED');
    });

    it('should raise an EXTRACT_VALUE_ERROR incident when the correlation key is null, and subscribe once it is fixed', async () => {
      // given an instance without the correlation variable
      const pik = await start('catch1', { orderId: null });
      const [incident] = await s.incidents(pik);
      expect(incident?.value).toMatchObject({ errorType: 'EXTRACT_VALUE_ERROR', elementId: 'wait' });
      expect(await s.trace(pik, ['PROCESS_MESSAGE_SUBSCRIPTION'])).toEqual([]);
      // when the variable is set and the incident resolved
      ok(await s.engine.setVariables({ elementInstanceKey: pik, variables: { orderId: 'fixed' } }));
      ok(await s.engine.resolveIncident({ incidentKey: String(incident!.key) }));
      // then the subscription is open and a message completes the instance
      expect(await s.trace(pik, ['PROCESS_MESSAGE_SUBSCRIPTION'])).toEqual([
        'PROCESS_MESSAGE_SUBSCRIPTION:CREATED:wait',
      ]);
      ok(await s.engine.publishMessage({ name: 'paid', correlationKey: 'fixed' }));
      expect(await s.state(pik)).toBe('COMPLETED');
      expect(await s.incidents(pik)).toEqual([]);
    });

    it('should apply output mappings to the message variables instead of propagating them all', async () => {
      // given a catch event that maps only the amount, renamed
      await s.deploy(waitFor('mapped', 'mappedMsg', outputs({ paidAmount: '=amount' })));
      const pik = await start('mapped', { orderId: 'm-1' });
      // when a message with two variables arrives
      ok(
        await s.engine.publishMessage({
          name: 'mappedMsg',
          correlationKey: 'm-1',
          variables: { amount: 5, note: 'x' },
        }),
      );
      // then only the mapped variable reaches the process scope
      expect(await s.state(pik)).toBe('COMPLETED');
      expect(await s.variablesOf(pik)).toEqual({ orderId: 'm-1', paidAmount: 5 });
    });

    it('should keep the correlation key evaluated on activation, even when the variable changes later', async () => {
      // given an instance subscribed with key k-old
      const pik = await start('catch1', { orderId: 'k-old' });
      // when the variable changes and a message with the new value is published
      ok(await s.engine.setVariables({ elementInstanceKey: pik, variables: { orderId: 'k-new' } }));
      ok(await s.engine.publishMessage({ name: 'paid', correlationKey: 'k-new' }));
      // then it is not correlated; the original key still is
      expect(await s.state(pik)).toBe('ACTIVE');
      ok(await s.engine.publishMessage({ name: 'paid', correlationKey: 'k-old' }));
      expect(await s.state(pik)).toBe('COMPLETED');
    });

    it('should delete the subscription when the instance is canceled', async () => {
      // given a waiting instance
      const pik = await start('catch1', { orderId: 'gone' });
      // when it is canceled
      ok(await s.engine.cancelProcessInstance({ processInstanceKey: pik }));
      // then its subscription is deleted and a message finds nobody
      expect(await s.trace(pik, ['PROCESS_MESSAGE_SUBSCRIPTION'])).toEqual([
        'PROCESS_MESSAGE_SUBSCRIPTION:CREATED:wait',
        'PROCESS_MESSAGE_SUBSCRIPTION:DELETED:wait',
      ]);
      ok(await s.engine.publishMessage({ name: 'paid', correlationKey: 'gone' }));
      expect(await s.state(pik)).toBe('TERMINATED');
    });

    it('should reject a message without a name', async () => {
      // when a message with an empty name is published
      const result = await s.engine.publishMessage({ name: '', correlationKey: 'x' });
      // then it is rejected
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.rejection.type).toBe('INVALID_ARGUMENT');
    });
  });

  describe('receive task', () => {
    it('should wait at a receive task until its message arrives, and propagate the variables', async () => {
      // given a process with a receive task
      await s.deploy(
        bpmn(
          'receiver',
          `${startEvent('start')}
          <bpmn:receiveTask id="receive" messageRef="Msg" />
          ${endEvent('end')}
          ${flow('f1', 'start', 'receive')}
          ${flow('f2', 'receive', 'end')}`,
          message('Msg', 'letter', '=ref'),
        ),
      );
      const pik = await start('receiver', { ref: 'r-1' });
      expect(await s.state(pik)).toBe('ACTIVE');
      // when the message is published
      ok(await s.engine.publishMessage({ name: 'letter', correlationKey: 'r-1', variables: { text: 'hi' } }));
      // then the receive task completed
      expect(await s.trace(pik)).toContain('PROCESS_INSTANCE:ELEMENT_COMPLETED:receive');
      expect(await s.state(pik)).toBe('COMPLETED');
      expect(await s.variablesOf(pik)).toEqual({ ref: 'r-1', text: 'hi' });
    });
  });

  describe('message buffering', () => {
    it('should buffer a message with a time to live and correlate it to a subscription opened later', async () => {
      // given a message published before anyone waits for it
      await s.deploy(waitFor('buffered', 'early'));
      ok(
        await s.engine.publishMessage({
          name: 'early',
          correlationKey: 'b-1',
          timeToLiveMs: 60_000,
          variables: { v: 1 },
        }),
      );
      // when an instance opens the matching subscription
      const pik = await start('buffered', { orderId: 'b-1' });
      // then the buffered message is correlated at once
      expect(await s.trace(pik, ['PROCESS_MESSAGE_SUBSCRIPTION'])).toEqual([
        'PROCESS_MESSAGE_SUBSCRIPTION:CREATED:wait',
        'PROCESS_MESSAGE_SUBSCRIPTION:CORRELATED:wait',
      ]);
      expect(await s.state(pik)).toBe('COMPLETED');
      expect(await s.variablesOf(pik)).toMatchObject({ v: 1 });
    });

    it('should correlate a buffered message only once per process', async () => {
      // given a buffered message
      ok(await s.engine.publishMessage({ name: 'early', correlationKey: 'b-2', timeToLiveMs: 60_000 }));
      // when two instances subscribe with its key
      const first = await start('buffered', { orderId: 'b-2' });
      const second = await start('buffered', { orderId: 'b-2' });
      // then only the first one got it
      expect(await s.state(first)).toBe('COMPLETED');
      expect(await s.state(second)).toBe('ACTIVE');
    });

    it('should not buffer a message without a time to live', async () => {
      // given a message published with no time to live
      ok(await s.engine.publishMessage({ name: 'early', correlationKey: 'b-3' }));
      // when an instance subscribes afterwards
      const pik = await start('buffered', { orderId: 'b-3' });
      // then nothing is correlated
      expect(await s.state(pik)).toBe('ACTIVE');
    });

    it('should expire a buffered message when its time to live is over, and not correlate it afterwards', async () => {
      // given a message buffered for one minute
      await s.deploy(waitFor('expiring', 'late'));
      ok(await s.engine.publishMessage({ name: 'late', correlationKey: 'e-1', timeToLiveMs: 60_000 }));
      expect(await messageRecords('late')).toEqual(['PUBLISHED']);
      // when the clock passes the deadline
      await s.advance(60_001);
      // then the message expired
      expect(await messageRecords('late')).toEqual(['PUBLISHED', 'EXPIRED']);
      // and an instance subscribing now does not get it
      const pik = await start('expiring', { orderId: 'e-1' });
      expect(await s.state(pik)).toBe('ACTIVE');
    });

    it('should keep a message that has not yet expired', async () => {
      // given a message buffered for one minute
      ok(await s.engine.publishMessage({ name: 'late', correlationKey: 'e-2', timeToLiveMs: 60_000 }));
      // when only half of it passes
      await s.advance(30_000);
      // then it is still correlated to a new subscription
      const pik = await start('expiring', { orderId: 'e-2' });
      expect(await s.state(pik)).toBe('COMPLETED');
    });

    it('should reject a second message with the same id while the first is buffered', async () => {
      // given a buffered message with an id
      ok(
        await s.engine.publishMessage({
          name: 'dedup',
          correlationKey: 'd-1',
          messageId: 'id-1',
          timeToLiveMs: 60_000,
        }),
      );
      // when the same id is published again
      const again = await s.engine.publishMessage({
        name: 'dedup',
        correlationKey: 'd-1',
        messageId: 'id-1',
        timeToLiveMs: 60_000,
      });
      // then it is rejected as a duplicate
      expect(again.ok).toBe(false);
      if (!again.ok) expect(again.rejection.type).toBe('ALREADY_EXISTS');
      expect(await messageRecords('dedup')).toEqual(['PUBLISHED']);
    });

    it('should accept the same message id again once the first message expired', async () => {
      // given a buffered message with an id that then expires
      ok(
        await s.engine.publishMessage({ name: 'dedup2', correlationKey: 'd', messageId: 'id-2', timeToLiveMs: 1_000 }),
      );
      await s.advance(1_001);
      // when the id is published again
      const again = await s.engine.publishMessage({ name: 'dedup2', correlationKey: 'd', messageId: 'id-2' });
      // then it is accepted
      expect(again.ok).toBe(true);
      expect(await messageRecords('dedup2')).toEqual(['PUBLISHED', 'EXPIRED', 'PUBLISHED']);
    });
  });

  describe('message start event', () => {
    const ORDERS = bpmn(
      'msgStart',
      `${startEvent('start', onMessage('Msg'))}
      ${serviceTask('handle', 'handle-order')}
      ${endEvent('end')}
      ${flow('f1', 'start', 'handle')}
      ${flow('f2', 'handle', 'end')}`,
      message('Msg', 'order-placed'),
    );

    it('should create an instance with the message variables', async () => {
      // given a process with a message start event
      await s.deploy(ORDERS);
      // when the message is published
      ok(await s.engine.publishMessage({ name: 'order-placed', correlationKey: 'c-1', variables: { item: 'pen' } }));
      // then one instance runs with the message variables
      const [pik] = await instancesOf('msgStart');
      expect(pik).toBeDefined();
      expect(await s.trace(pik!)).toContain('PROCESS_INSTANCE:ELEMENT_COMPLETED:start');
      const jobs = ok(
        await s.engine.activateJobs({ type: 'handle-order', worker: 'w', timeoutMs: 1000, maxJobsToActivate: 10 }),
      );
      expect(jobs.map((j) => j.variables)).toEqual([{ item: 'pen' }]);
      ok(await s.engine.completeJob({ jobKey: jobs[0]!.key }));
      expect(await s.state(pik!)).toBe('COMPLETED');
      expect(await s.variablesOf(pik!)).toEqual({ item: 'pen' });
    });

    it('should not create a second instance while one with the same correlation key is active', async () => {
      // given an instance started by a message with key c-2
      ok(await s.engine.publishMessage({ name: 'order-placed', correlationKey: 'c-2' }));
      const before = await instancesOf('msgStart');
      // when another message with that key is published
      ok(await s.engine.publishMessage({ name: 'order-placed', correlationKey: 'c-2' }));
      // then no instance is created; another key does create one
      expect(await instancesOf('msgStart')).toEqual(before);
      ok(await s.engine.publishMessage({ name: 'order-placed', correlationKey: 'c-3' }));
      expect(await instancesOf('msgStart')).toHaveLength(before.length + 1);
    });

    it('should create a new instance for the correlation key once the first one completed', async () => {
      // given the instances of the earlier tests complete
      await s.completeJobs('handle-order');
      const before = await instancesOf('msgStart');
      // when a message with key c-2 is published again
      ok(await s.engine.publishMessage({ name: 'order-placed', correlationKey: 'c-2' }));
      // then a new instance is created
      expect(await instancesOf('msgStart')).toHaveLength(before.length + 1);
      await s.completeJobs('handle-order');
    });

    it('should start an instance from a message buffered while the instance with its key was active, once it ends', async () => {
      // given an active instance for key c-4 and a buffered message with the same key
      ok(await s.engine.publishMessage({ name: 'order-placed', correlationKey: 'c-4' }));
      ok(await s.engine.publishMessage({ name: 'order-placed', correlationKey: 'c-4', timeToLiveMs: 60_000 }));
      const before = await instancesOf('msgStart');
      // when the active instance completes
      await s.completeJobs('handle-order');
      // then the buffered message starts a new instance
      expect(await instancesOf('msgStart')).toHaveLength(before.length + 1);
      await s.completeJobs('handle-order');
    });

    it('should not correlate a message published before the process was deployed', async () => {
      // given a buffered message, published before its process exists
      ok(await s.engine.publishMessage({ name: 'too-early', correlationKey: 'p', timeToLiveMs: 60_000 }));
      // when a process with a message start event for it is deployed
      await s.deploy(
        bpmn(
          'lateStart',
          `${startEvent('start', onMessage('Msg'))}${endEvent('end')}${flow('f1', 'start', 'end')}`,
          message('Msg', 'too-early'),
        ),
        'lateStart.bpmn',
      );
      ok(await s.engine.publishMessage({ name: 'unrelated' }));
      // then no instance was created
      expect(await instancesOf('lateStart')).toEqual([]);
    });

    it('should create an instance per message when there is no correlation key', async () => {
      // given the process
      const before = await instancesOf('msgStart');
      // when two messages without a correlation key are published
      ok(await s.engine.publishMessage({ name: 'order-placed' }));
      ok(await s.engine.publishMessage({ name: 'order-placed' }));
      // then two instances are created
      expect(await instancesOf('msgStart')).toHaveLength(before.length + 2);
      await s.completeJobs('handle-order');
    });
  });

  describe('message boundary event', () => {
    it('should terminate the task and take the boundary flow when interrupting', async () => {
      // given a task with an interrupting message boundary
      await s.deploy(taskWithMessageBoundary('mbInt', 'cancelOrder', 'mb-int', true));
      const pik = await start('mbInt', { orderId: 'x-1' });
      // when the message is published
      ok(await s.engine.publishMessage({ name: 'cancelOrder', correlationKey: 'x-1', variables: { reason: 'late' } }));
      // then the job is canceled, the task terminated, and the instance ends at "caught"
      expect(await s.trace(pik, ['JOB'])).toEqual(['JOB:CREATED:task', 'JOB:CANCELED:task']);
      const trace = await s.trace(pik);
      expect(trace).toContain('PROCESS_INSTANCE:ELEMENT_TERMINATED:task');
      expect(trace).toContain('PROCESS_INSTANCE:ELEMENT_COMPLETED:caught');
      expect(trace).not.toContain('PROCESS_INSTANCE:ELEMENT_ACTIVATING:end');
      expect(await s.state(pik)).toBe('COMPLETED');
      expect(await s.variablesOf(pik)).toEqual({ orderId: 'x-1', reason: 'late' });
    });

    it('should close the boundary subscription when the task completes first', async () => {
      // given a task with a message boundary
      const pik = await start('mbInt', { orderId: 'x-2' });
      // when the task completes
      await s.completeJobs('mb-int');
      // then the subscription is deleted and a later message does nothing
      expect(await s.trace(pik, ['PROCESS_MESSAGE_SUBSCRIPTION'])).toEqual([
        'PROCESS_MESSAGE_SUBSCRIPTION:CREATED:onMsg',
        'PROCESS_MESSAGE_SUBSCRIPTION:DELETED:onMsg',
      ]);
      ok(await s.engine.publishMessage({ name: 'cancelOrder', correlationKey: 'x-2' }));
      expect(await s.trace(pik)).not.toContain('PROCESS_INSTANCE:ELEMENT_ACTIVATING:onMsg');
      expect(await s.state(pik)).toBe('COMPLETED');
    });

    it('should keep the task and take the boundary flow for every message when non-interrupting', async () => {
      // given a task with a non-interrupting message boundary
      await s.deploy(taskWithMessageBoundary('mbNon', 'remind', 'mb-non', false));
      const pik = await start('mbNon', { orderId: 'y-1' });
      // when two messages are published
      ok(await s.engine.publishMessage({ name: 'remind', correlationKey: 'y-1' }));
      ok(await s.engine.publishMessage({ name: 'remind', correlationKey: 'y-1' }));
      // then the boundary fired twice and the task still waits
      const trace = await s.trace(pik);
      expect(trace.filter((t) => t === 'PROCESS_INSTANCE:ELEMENT_COMPLETED:caught')).toHaveLength(2);
      expect(trace).not.toContain('PROCESS_INSTANCE:ELEMENT_TERMINATED:task');
      expect(await s.state(pik)).toBe('ACTIVE');
      // and the instance completes with the task
      await s.completeJobs('mb-non');
      expect(await s.state(pik)).toBe('COMPLETED');
    });
  });

  it('should terminate everything inside a sub-process with an interrupting message boundary on it', async () => {
    // given a sub-process running a task, with an interrupting message boundary
    await s.deploy(
      bpmn(
        'subBoundary',
        `${startEvent('start')}
        <bpmn:subProcess id="sub">
          ${startEvent('subStart')}${serviceTask('inner', 'sub-boundary-inner')}${endEvent('subEnd')}
          ${flow('s1', 'subStart', 'inner')}${flow('s2', 'inner', 'subEnd')}
        </bpmn:subProcess>
        ${boundary('onMsg', 'sub', onMessage('Msg'))}
        ${endEvent('end')}
        ${endEvent('caught')}
        ${flow('f1', 'start', 'sub')}
        ${flow('f2', 'sub', 'end')}
        ${flow('f3', 'onMsg', 'caught')}`,
        message('Msg', 'stop-sub', '=orderId'),
      ),
    );
    const pik = await start('subBoundary', { orderId: 'sb-1' });
    // when the message arrives
    ok(await s.engine.publishMessage({ name: 'stop-sub', correlationKey: 'sb-1' }));
    // then the inner job was canceled, the sub-process terminated, and the instance ended at "caught"
    expect(await s.trace(pik, ['JOB'])).toEqual(['JOB:CREATED:inner', 'JOB:CANCELED:inner']);
    const trace = await s.trace(pik);
    expect(trace).toContain('PROCESS_INSTANCE:ELEMENT_TERMINATED:inner');
    expect(trace).toContain('PROCESS_INSTANCE:ELEMENT_TERMINATED:sub');
    expect(await s.state(pik)).toBe('COMPLETED');
  });

  describe('message event sub-process', () => {
    const withMessageEsp = (processId: string, name: string, type: string, interrupting: boolean) =>
      bpmn(
        processId,
        `${startEvent('start')}
        ${serviceTask('task', type)}
        ${endEvent('end')}
        ${flow('f1', 'start', 'task')}
        ${flow('f2', 'task', 'end')}
        ${eventSubProcess(
          'esp',
          `${startEvent('espStart', onMessage('Msg'), interrupting)}
          ${endEvent('espEnd')}
          ${flow('e1', 'espStart', 'espEnd')}`,
        )}`,
        message('Msg', name, '=orderId'),
      );

    it('should terminate the process scope when an interrupting message event sub-process is triggered', async () => {
      // given an instance with an interrupting message event sub-process
      await s.deploy(withMessageEsp('espInt', 'abort', 'esp-int', true));
      const pik = await start('espInt', { orderId: 'z-1' });
      // when the message arrives
      ok(await s.engine.publishMessage({ name: 'abort', correlationKey: 'z-1', variables: { why: 'abort' } }));
      // then the task is terminated, the sub-process runs and the instance completes
      expect(await s.trace(pik, ['JOB'])).toEqual(['JOB:CREATED:task', 'JOB:CANCELED:task']);
      const trace = await s.trace(pik);
      expect(trace).toContain('PROCESS_INSTANCE:ELEMENT_TERMINATED:task');
      expect(trace).toContain('PROCESS_INSTANCE:ELEMENT_COMPLETED:esp');
      expect(await s.state(pik)).toBe('COMPLETED');
      expect(await s.variablesOf(pik)).toEqual({ orderId: 'z-1', why: 'abort' });
    });

    it('should run a non-interrupting message event sub-process beside the task, for each message', async () => {
      // given an instance with a non-interrupting message event sub-process
      await s.deploy(withMessageEsp('espNon', 'note', 'esp-non', false));
      const pik = await start('espNon', { orderId: 'z-2' });
      // when two messages arrive
      ok(await s.engine.publishMessage({ name: 'note', correlationKey: 'z-2' }));
      ok(await s.engine.publishMessage({ name: 'note', correlationKey: 'z-2' }));
      // then the sub-process ran twice and the task still waits
      const trace = await s.trace(pik);
      expect(trace.filter((t) => t === 'PROCESS_INSTANCE:ELEMENT_COMPLETED:esp')).toHaveLength(2);
      expect(await s.state(pik)).toBe('ACTIVE');
      // and the instance completes with the task
      await s.completeJobs('esp-non');
      expect(await s.state(pik)).toBe('COMPLETED');
    });
  });
});
