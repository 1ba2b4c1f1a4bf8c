import { describe, expect, it } from 'vitest';
import { validateBpmn } from './validateBpmn.js';

const process = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="http://polis">
  <bpmn:process id="p" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;

describe('validateBpmn', () => {
  it('should find nothing wrong with a process the engine deploys', async () => {
    const problems = await validateBpmn(
      'ok.bpmn',
      process(
        '<bpmn:startEvent id="s" /><bpmn:endEvent id="e" /><bpmn:sequenceFlow id="f" sourceRef="s" targetRef="e" />',
      ),
    );
    expect(problems).toEqual([]);
  });

  it('should name the element of each problem that would make the deployment fail', async () => {
    // given a process whose task is a compensation activity and whose start event has an incoming flow
    const xml = process(`
      <bpmn:startEvent id="s" /><bpmn:task id="t" isForCompensation="true" />
      <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t" /><bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="s" />`);
    // when it is validated
    const problems = await validateBpmn('broken.bpmn', xml);
    // then each problem names its element, as a deployment's refusal would
    expect(problems).toEqual(
      expect.arrayContaining([
        { resourceName: 'broken.bpmn', elementId: 't', message: expect.stringContaining('compensation') },
        { resourceName: 'broken.bpmn', elementId: 's', message: expect.stringContaining('incoming') },
      ]),
    );
  });

  it('should report unreadable XML as a problem of the document', async () => {
    const problems = await validateBpmn('bad.bpmn', '<bpmn:definitions');
    expect(problems).toEqual([{ resourceName: 'bad.bpmn', elementId: undefined, message: expect.any(String) }]);
  });
});
