import { describe, expect, it } from 'vitest';
import { boundary, catchEvent, endEvent, eventSubProcess, onTimer, startEvent } from './eventBpmn.js';
import { bpmn, flow, ok, serviceTask, useScenario } from './harness.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** start → timer catch → end. */
const waitTimer = (processId: string, kind: 'timeDuration' | 'timeDate', value: string) =>
  bpmn(
    processId,
    `${startEvent('start')}
    ${catchEvent('timer', onTimer(kind, value))}
    ${endEvent('end')}
    ${flow('f1', 'start', 'timer')}
    ${flow('f2', 'timer', 'end')}`,
  );

/** start → task with a timer boundary → end; the boundary leads to `timedOut`. */
const taskWithTimer = (processId: string, type: string, definition: string, interrupting: boolean) =>
  bpmn(
    processId,
    `${startEvent('start')}
    ${serviceTask('task', type)}
    ${boundary('onTimer', 'task', definition, interrupting)}
    ${endEvent('end')}
    ${endEvent('timedOut')}
    ${flow('f1', 'start', 'task')}
    ${flow('f2', 'task', 'end')}
    ${flow('f3', 'onTimer', 'timedOut')}`,
  );

/** A timer start event process: timer start → task (job type) → end. */
const timerStarted = (processId: string, definition: string, type: string) =>
  bpmn(
    processId,
    `${startEvent('tick', definition)}
    ${serviceTask('task', type)}
    ${endEvent('end')}
    ${flow('f1', 'tick', 'task')}
    ${flow('f2', 'task', 'end')}`,
  );

describe('timer events', () => {
  const s = useScenario();

  const start = async (bpmnProcessId: string, variables: Record<string, unknown> = {}) =>
    ok(await s.engine.createProcessInstance({ bpmnProcessId, variables })).processInstanceKey;

  /** TIMER records of an instance (or of timer start events: -1) as "INTENT:targetElementId". */
  const timers = async (processInstanceKey: string, processDefinitionKey?: string) =>
    (await s.records())
      .filter(
        (r) =>
          r.valueType === 'TIMER' &&
          String(r.value.processInstanceKey) === processInstanceKey &&
          (processDefinitionKey === undefined || String(r.value.processDefinitionKey) === processDefinitionKey),
      )
      .map((r) => `${r.intent}:${String(r.value.targetElementId)}`);

  const instancesOf = async (bpmnProcessId: string) =>
    (await s.records())
      .filter(
        (r) =>
          r.valueType === 'PROCESS_INSTANCE' &&
          r.intent === 'ELEMENT_ACTIVATED' &&
          r.value.bpmnElementType === 'PROCESS' &&
          r.value.bpmnProcessId === bpmnProcessId,
      )
      .map((r) => r.value);

  describe('intermediate timer catch event', () => {
    it('should fire a duration timer once the time has passed, not before', async () => {
      // given an instance waiting ten minutes
      await s.deploy(waitTimer('duration', 'timeDuration', 'PT10M'));
      const pik = await start('duration');
      expect(await timers(pik)).toEqual(['CREATED:timer']);
      // when nine minutes pass
      await s.advance(9 * MINUTE);
      // then it still waits
      expect(await s.state(pik)).toBe('ACTIVE');
      // when the tenth minute passes
      await s.advance(MINUTE);
      // then the timer triggered and the instance completed
      expect(await timers(pik)).toEqual(['CREATED:timer', 'TRIGGERED:timer']);
      expect(await s.state(pik)).toBe('COMPLETED');
    });

    it('should fire a date timer at its date', async () => {
      // given an instance waiting until a date one day after the clock's start
      await s.deploy(waitTimer('date', 'timeDate', '2026-01-06T08:00:00Z'));
      const pik = await start('date');
      const [created] = (await s.records()).filter(
        (r) => r.valueType === 'TIMER' && String(r.value.processInstanceKey) === pik,
      );
      expect(created?.value.dueDate).toBe(Date.parse('2026-01-06T08:00:00Z'));
      // when the clock reaches it
      s.clock.set(Date.parse('2026-01-06T08:00:00Z'));
      await s.engine.tick();
      // then the instance completed
      expect(await s.state(pik)).toBe('COMPLETED');
    });

    it('should take the duration from a FEEL expression over the variables', async () => {
      // given an instance whose wait comes from a variable
      await s.deploy(waitTimer('feelDuration', 'timeDuration', '=wait'));
      const pik = await start('feelDuration', { wait: 'PT2M' });
      // when two minutes pass
      await s.advance(2 * MINUTE);
      // then the timer fired
      expect(await s.state(pik)).toBe('COMPLETED');
    });

    it('should raise an EXTRACT_VALUE_ERROR incident for an invalid timer value, and wait once the variable is fixed', async () => {
      // given an instance whose timer expression gives no duration
      const pik = await start('feelDuration', { wait: 'soon' });
      const [incident] = await s.incidents(pik);
      expect(incident?.value).toMatchObject({ errorType: 'EXTRACT_VALUE_ERROR', elementId: 'timer' });
      expect(await timers(pik)).toEqual([]);
      // when the variable is fixed and the incident resolved
      ok(await s.engine.setVariables({ elementInstanceKey: pik, variables: { wait: 'PT1M' } }));
      ok(await s.engine.resolveIncident({ incidentKey: String(incident!.key) }));
      // then the timer is created and fires
      expect(await timers(pik)).toEqual(['CREATED:timer']);
      await s.advance(MINUTE);
      expect(await s.state(pik)).toBe('COMPLETED');
      expect(await s.incidents(pik)).toEqual([]);
    });

    it('should fire a timer whose date is already past at the next tick', async () => {
      // given an instance waiting until a date before now
      await s.deploy(waitTimer('pastDate', 'timeDate', '2025-12-31T00:00:00Z'));
      const pik = await start('pastDate');
      // when the scheduler ticks
      await s.advance(0);
      // then the timer fired
      expect(await s.state(pik)).toBe('COMPLETED');
    });

    it('should cancel the timer when the instance is canceled', async () => {
      // given a waiting instance
      const pik = await start('duration');
      // when it is canceled
      ok(await s.engine.cancelProcessInstance({ processInstanceKey: pik }));
      // then its timer is canceled and never fires
      expect(await timers(pik)).toEqual(['CREATED:timer', 'CANCELED:timer']);
      await s.advance(HOUR);
      expect(await s.state(pik)).toBe('TERMINATED');
    });
  });

  describe('timer boundary event', () => {
    it('should cancel the job and take the boundary flow when an interrupting timer fires', async () => {
      // given a task with a 5-minute interrupting timer
      await s.deploy(taskWithTimer('bInt', 'slow-work', onTimer('timeDuration', 'PT5M'), true));
      const pik = await start('bInt');
      // when five minutes pass
      await s.advance(5 * MINUTE);
      // then the job is canceled and the instance ends at the boundary's end event
      expect(await s.trace(pik, ['JOB'])).toEqual(['JOB:CREATED:task', 'JOB:CANCELED:task']);
      const trace = await s.trace(pik);
      expect(trace).toContain('PROCESS_INSTANCE:ELEMENT_TERMINATED:task');
      expect(trace).toContain('PROCESS_INSTANCE:ELEMENT_COMPLETED:timedOut');
      expect(await s.state(pik)).toBe('COMPLETED');
      // and a worker finds no job left
      expect(await s.completeJobs('slow-work')).toBe(0);
    });

    it('should cancel the boundary timer when the task completes first', async () => {
      // given a task with a timer boundary
      const pik = await start('bInt');
      // when the task completes
      await s.completeJobs('slow-work');
      // then the timer is canceled
      expect(await timers(pik)).toEqual(['CREATED:onTimer', 'CANCELED:onTimer']);
      await s.advance(HOUR);
      expect(await s.trace(pik)).not.toContain('PROCESS_INSTANCE:ELEMENT_ACTIVATING:onTimer');
    });

    it('should fire a non-interrupting cycle boundary R3/PT1M three times while the task goes on', async () => {
      // given a task with a repeating non-interrupting timer
      await s.deploy(taskWithTimer('bCycle', 'long-work', onTimer('timeCycle', 'R3/PT1M'), false));
      const pik = await start('bCycle');
      // when five minutes pass, one at a time
      for (let i = 0; i < 5; i++) await s.advance(MINUTE);
      // then the boundary fired three times and the task is still active
      const trace = await s.trace(pik);
      expect(trace.filter((t) => t === 'PROCESS_INSTANCE:ELEMENT_COMPLETED:onTimer')).toHaveLength(3);
      expect(await timers(pik)).toEqual([
        'CREATED:onTimer',
        'TRIGGERED:onTimer',
        'CREATED:onTimer',
        'TRIGGERED:onTimer',
        'CREATED:onTimer',
        'TRIGGERED:onTimer',
      ]);
      expect(await s.trace(pik, ['JOB'])).toEqual(['JOB:CREATED:task']);
      // and the instance completes with the task
      await s.completeJobs('long-work');
      expect(await s.state(pik)).toBe('COMPLETED');
    });
  });

  describe('timer start event', () => {
    it('should create an instance at each cycle and reschedule until the repetitions are over', async () => {
      // given a process started every hour, twice
      const definitionKey = await s.deploy(timerStarted('hourly', onTimer('timeCycle', 'R2/PT1H'), 'hourly-work'));
      expect(await timers('-1', definitionKey)).toEqual(['CREATED:tick']);
      // when an hour passes
      await s.advance(HOUR);
      // then one instance runs and the timer is rescheduled
      expect(await instancesOf('hourly')).toHaveLength(1);
      expect(await timers('-1', definitionKey)).toEqual(['CREATED:tick', 'TRIGGERED:tick', 'CREATED:tick']);
      // when two more hours pass
      await s.advance(HOUR);
      await s.advance(HOUR);
      // then only one more instance was created
      expect(await instancesOf('hourly')).toHaveLength(2);
      expect(await s.completeJobs('hourly-work')).toBe(2);
    });

    it('should create one instance at a timer start date', async () => {
      // given a process that starts at a date
      await s.deploy(timerStarted('once', onTimer('timeDate', '2026-02-01T00:00:00Z'), 'once-work'));
      // when the clock passes the date
      s.clock.set(Date.parse('2026-02-01T00:00:01Z'));
      await s.engine.tick();
      await s.advance(HOUR);
      // then exactly one instance was created
      expect(await instancesOf('once')).toHaveLength(1);
    });

    it('should replace the timer start event of the previous version when a process is redeployed', async () => {
      // given version 1 with a daily timer start event
      const v1 = await s.deploy(timerStarted('daily', onTimer('timeCycle', 'R/P1D'), 'daily-v1'), 'daily.bpmn');
      // when version 2 is deployed with another timer
      const v2 = await s.deploy(timerStarted('daily', onTimer('timeCycle', 'R/PT12H'), 'daily-v2'), 'daily.bpmn');
      // then the old timer is canceled and only version 2 creates instances
      expect(await timers('-1', v1)).toEqual(['CREATED:tick', 'CANCELED:tick']);
      expect(await timers('-1', v2)).toEqual(['CREATED:tick']);
      await s.advance(24 * HOUR);
      const created = await instancesOf('daily');
      expect(created.length).toBeGreaterThan(0);
      expect(created.every((value) => String(value.processDefinitionKey) === v2)).toBe(true);
      expect(await s.completeJobs('daily-v1')).toBe(0);
    });

    it('should stop creating instances when a new version has no timer start event', async () => {
      // given a process with a timer start event
      await s.deploy(timerStarted('retired', onTimer('timeCycle', 'R/PT1H'), 'retired-work'), 'retired.bpmn');
      // when a version with a none start event replaces it
      await s.deploy(
        bpmn('retired', `${startEvent('start')}${endEvent('end')}${flow('f1', 'start', 'end')}`),
        'retired.bpmn',
      );
      await s.advance(3 * HOUR);
      // then no instance was created
      expect(await instancesOf('retired')).toHaveLength(0);
    });
  });

  describe('timer event sub-process', () => {
    const withTimerEsp = (processId: string, type: string, interrupting: boolean) =>
      bpmn(
        processId,
        `${startEvent('start')}
        ${serviceTask('task', type)}
        ${endEvent('end')}
        ${flow('f1', 'start', 'task')}
        ${flow('f2', 'task', 'end')}
        ${eventSubProcess(
          'esp',
          `${startEvent('espStart', onTimer('timeDuration', 'PT30M'), interrupting)}
          ${endEvent('espEnd')}
          ${flow('e1', 'espStart', 'espEnd')}`,
        )}`,
      );

    it('should terminate the task when an interrupting timer event sub-process fires', async () => {
      // given an instance with a 30-minute interrupting timer event sub-process
      await s.deploy(withTimerEsp('espTimer', 'esp-timer-work', true));
      const pik = await start('espTimer');
      // when 30 minutes pass
      await s.advance(30 * MINUTE);
      // then the task's job is canceled and the instance completes through the sub-process
      expect(await s.trace(pik, ['JOB'])).toEqual(['JOB:CREATED:task', 'JOB:CANCELED:task']);
      expect(await s.trace(pik)).toContain('PROCESS_INSTANCE:ELEMENT_COMPLETED:esp');
      expect(await s.state(pik)).toBe('COMPLETED');
    });

    it('should run a non-interrupting timer event sub-process beside the task', async () => {
      // given an instance with a non-interrupting timer event sub-process
      await s.deploy(withTimerEsp('espTimerNon', 'esp-timer-non', false));
      const pik = await start('espTimerNon');
      // when 30 minutes pass
      await s.advance(30 * MINUTE);
      // then the sub-process completed and the task still waits
      expect(await s.trace(pik)).toContain('PROCESS_INSTANCE:ELEMENT_COMPLETED:esp');
      expect(await s.state(pik)).toBe('ACTIVE');
      await s.completeJobs('esp-timer-non');
      expect(await s.state(pik)).toBe('COMPLETED');
    });

    it('should repeat a non-interrupting cycle timer event sub-process', async () => {
      // given an instance with a non-interrupting event sub-process every minute, twice
      await s.deploy(
        bpmn(
          'espCycle',
          `${startEvent('start')}
          ${serviceTask('task', 'esp-cycle-work')}
          ${endEvent('end')}
          ${flow('f1', 'start', 'task')}
          ${flow('f2', 'task', 'end')}
          ${eventSubProcess(
            'esp',
            `${startEvent('espStart', onTimer('timeCycle', 'R2/PT1M'), false)}${endEvent('espEnd')}${flow('e1', 'espStart', 'espEnd')}`,
          )}`,
        ),
      );
      const pik = await start('espCycle');
      // when five minutes pass, one at a time
      for (let i = 0; i < 5; i++) await s.advance(MINUTE);
      // then the event sub-process ran twice
      const trace = await s.trace(pik);
      expect(trace.filter((t) => t === 'PROCESS_INSTANCE:ELEMENT_COMPLETED:esp')).toHaveLength(2);
      await s.completeJobs('esp-cycle-work');
      expect(await s.state(pik)).toBe('COMPLETED');
    });

    it('should cancel the event sub-process timer when the process completes first', async () => {
      // given an instance with a timer event sub-process
      const pik = await start('espTimer');
      // when the task completes
      await s.completeJobs('esp-timer-work');
      // then the instance completed and its timer was canceled
      expect(await s.state(pik)).toBe('COMPLETED');
      expect(await timers(pik)).toEqual(['CREATED:espStart', 'CANCELED:espStart']);
    });
  });
});
