import { describe, expect, it } from 'vitest';
import {
  catchEvent,
  endEvent,
  message,
  onMessage,
  onSignal,
  onTimer,
  outputs,
  signal,
  startEvent,
} from './eventBpmn.js';
import { bpmn, flow, ok, useScenario } from './harness.js';

const MINUTE = 60_000;

/** start → event-based gateway → (message "answer" | 10-minute timer | signal "abort") → one end event each. */
const GATEWAY = bpmn(
  'decide',
  `${startEvent('start')}
  <bpmn:eventBasedGateway id="gateway" />
  ${catchEvent('answered', onMessage('Msg'), outputs({ answer: '=reply' }))}
  ${catchEvent('timedOut', onTimer('timeDuration', 'PT10M'))}
  ${catchEvent('aborted', onSignal('Sig'))}
  ${endEvent('endAnswered')}
  ${endEvent('endTimedOut')}
  ${endEvent('endAborted')}
  ${flow('f1', 'start', 'gateway')}
  ${flow('toMessage', 'gateway', 'answered')}
  ${flow('toTimer', 'gateway', 'timedOut')}
  ${flow('toSignal', 'gateway', 'aborted')}
  ${flow('f2', 'answered', 'endAnswered')}
  ${flow('f3', 'timedOut', 'endTimedOut')}
  ${flow('f4', 'aborted', 'endAborted')}`,
  `${message('Msg', 'answer', '=requestId')}${signal('Sig', 'abort-all')}`,
);

describe('event-based gateway', () => {
  const s = useScenario();

  const start = async (variables: Record<string, unknown>) =>
    ok(await s.engine.createProcessInstance({ bpmnProcessId: 'decide', variables })).processInstanceKey;

  const timers = async (pik: string) =>
    (await s.records())
      .filter((r) => r.valueType === 'TIMER' && String(r.value.processInstanceKey) === pik)
      .map((r) => `${r.intent}:${String(r.value.targetElementId)}`);

  it('should take the message branch when the message comes first, canceling the timer', async () => {
    // given an instance at the gateway
    await s.deploy(GATEWAY);
    const pik = await start({ requestId: 'r-1' });
    expect(await s.trace(pik)).toContain('PROCESS_INSTANCE:ELEMENT_ACTIVATED:gateway');
    // when the message arrives
    ok(await s.engine.publishMessage({ name: 'answer', correlationKey: 'r-1', variables: { reply: 'yes' } }));
    // then only the message branch ran, and the timer was canceled
    const trace = await s.trace(pik);
    expect(trace).toContain('PROCESS_INSTANCE:SEQUENCE_FLOW_TAKEN:toMessage');
    expect(trace).toContain('PROCESS_INSTANCE:ELEMENT_COMPLETED:endAnswered');
    expect(trace).not.toContain('PROCESS_INSTANCE:ELEMENT_ACTIVATING:timedOut');
    expect(await timers(pik)).toEqual(['CREATED:timedOut', 'CANCELED:timedOut']);
    expect(await s.state(pik)).toBe('COMPLETED');
    // and the message variables went through the catch event's output mapping
    expect(await s.variablesOf(pik)).toEqual({ requestId: 'r-1', answer: 'yes' });
  });

  it('should take the timer branch when the timer fires first, closing the message subscription', async () => {
    // given an instance at the gateway
    const pik = await start({ requestId: 'r-2' });
    // when ten minutes pass
    await s.advance(10 * MINUTE);
    // then the timer branch ran and the message subscription was deleted
    const trace = await s.trace(pik);
    expect(trace).toContain('PROCESS_INSTANCE:SEQUENCE_FLOW_TAKEN:toTimer');
    expect(trace).toContain('PROCESS_INSTANCE:ELEMENT_COMPLETED:endTimedOut');
    expect(trace).not.toContain('PROCESS_INSTANCE:ELEMENT_ACTIVATING:answered');
    expect(await s.trace(pik, ['PROCESS_MESSAGE_SUBSCRIPTION'])).toEqual([
      'PROCESS_MESSAGE_SUBSCRIPTION:CREATED:answered',
      'PROCESS_MESSAGE_SUBSCRIPTION:DELETED:answered',
    ]);
    expect(await s.state(pik)).toBe('COMPLETED');
  });

  it('should not react to the message once the timer branch was taken', async () => {
    // given an instance whose timer already fired
    const pik = await start({ requestId: 'r-3' });
    await s.advance(10 * MINUTE);
    // when the message arrives late
    ok(await s.engine.publishMessage({ name: 'answer', correlationKey: 'r-3', variables: { reply: 'late' } }));
    // then nothing changed
    expect(await s.trace(pik)).not.toContain('PROCESS_INSTANCE:ELEMENT_ACTIVATING:answered');
    expect(await s.variablesOf(pik)).toEqual({ requestId: 'r-3' });
  });

  it('should take the signal branch when the signal is broadcast first', async () => {
    // given an instance at the gateway
    const pik = await start({ requestId: 'r-4' });
    // when the signal is broadcast
    ok(await s.engine.broadcastSignal({ signalName: 'abort-all' }));
    // then the signal branch ran and the other subscriptions are closed
    expect(await s.trace(pik)).toContain('PROCESS_INSTANCE:ELEMENT_COMPLETED:endAborted');
    expect(await timers(pik)).toEqual(['CREATED:timedOut', 'CANCELED:timedOut']);
    expect(await s.state(pik)).toBe('COMPLETED');
  });

  it('should take the message branch at once when a matching message is buffered', async () => {
    // given a message buffered before the instance reaches the gateway
    ok(
      await s.engine.publishMessage({
        name: 'answer',
        correlationKey: 'r-5',
        timeToLiveMs: MINUTE,
        variables: { reply: 'early' },
      }),
    );
    // when the instance arrives at the gateway
    const pik = await start({ requestId: 'r-5' });
    // then the message branch was taken
    expect(await s.trace(pik)).toContain('PROCESS_INSTANCE:ELEMENT_COMPLETED:endAnswered');
    expect(await s.variablesOf(pik)).toEqual({ requestId: 'r-5', answer: 'early' });
  });

  it('should raise an EXTRACT_VALUE_ERROR incident on the gateway when a correlation key is missing', async () => {
    // given an instance without the correlation variable
    const pik = await start({});
    // then the gateway has an incident and no timer waits
    const [incident] = await s.incidents(pik);
    expect(incident?.value).toMatchObject({ errorType: 'EXTRACT_VALUE_ERROR', elementId: 'gateway' });
    // when the variable is set and the incident resolved
    ok(await s.engine.setVariables({ elementInstanceKey: pik, variables: { requestId: 'r-6' } }));
    ok(await s.engine.resolveIncident({ incidentKey: String(incident!.key) }));
    // then the gateway waits again and the message completes it
    ok(await s.engine.publishMessage({ name: 'answer', correlationKey: 'r-6', variables: { reply: 'ok' } }));
    expect(await s.state(pik)).toBe('COMPLETED');
    expect(await s.incidents(pik)).toEqual([]);
  });
});
