import { describe, expect, it } from 'vitest';
import { bpmn, flow, ok, serviceTask, useScenario } from './harness.js';
import { message, onMessage, onTimer, startEvent } from './eventBpmn.js';

const started = (processId: string, start: string, extra = '') =>
  bpmn(
    processId,
    `${start}${serviceTask('work', `${processId}-work`)}<bpmn:endEvent id="end" />${flow('f1', 'start', 'work')}${flow('f2', 'work', 'end')}`,
    extra,
  );

describe('start events defined by FEEL expressions', () => {
  const s = useScenario();

  it('should evaluate a timer start cycle expression at deploy time and start instances by it', async () => {
    // given a timer start event whose cycle is a FEEL expression
    await s.deploy(started('feelTimerStart', startEvent('start', onTimer('timeCycle', '= "R2/PT1M"'))));
    // when two minutes pass
    await s.advance(60_000);
    await s.advance(60_000);
    await s.advance(60_000);
    // then exactly two instances were started
    const records = await s.records();
    const instances = records.filter(
      (r) =>
        r.valueType === 'PROCESS_INSTANCE' &&
        r.intent === 'ELEMENT_ACTIVATED' &&
        r.value.bpmnElementType === 'PROCESS' &&
        r.value.bpmnProcessId === 'feelTimerStart',
    );
    expect(instances).toHaveLength(2);
  });

  it('should evaluate a message start name expression at deploy time', async () => {
    // given a message start event whose message name is built with FEEL
    await s.deploy(
      started(
        'feelMessageStart',
        startEvent('start', onMessage('m')),
        message('m', '= &quot;order-&quot; + &quot;placed&quot;'),
      ),
    );
    // when that message is published
    ok(await s.engine.publishMessage({ name: 'order-placed', variables: { orderId: 7 } }));
    // then an instance started with the message's variables
    expect(await s.completeJobs('feelMessageStart-work')).toBe(1);
  });

  it('should reject a start expression that needs variables, naming the element', async () => {
    // given a timer start whose expression reads a variable, which start events never have
    const result = await s.engine.deploy([
      { name: 'bad.bpmn', content: started('badStart', startEvent('start', onTimer('timeCycle', '= cycle'))) },
    ]);
    // then the deployment is rejected with the start event named
    expect(result.ok).toBe(false);
    expect(!result.ok && result.rejection.reason).toContain(
      "bad.bpmn: start: the timer cycle '= cycle' must give a text at deploy time",
    );
  });
});
