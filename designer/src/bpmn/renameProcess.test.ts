import { describe, expect, it } from 'vitest';
import { renameProcess } from './renameProcess.js';

describe('renameProcess', () => {
  it('should rename the process, its diagram plane and participants, and nothing else', () => {
    // given a document whose task id starts like the process id
    const xml = `<bpmn:collaboration id="c"><bpmn:participant id="part" processRef="permit" /></bpmn:collaboration>
<bpmn:process id="permit" name="Permit" isExecutable="true"><bpmn:userTask id="permit-check" /></bpmn:process>
<bpmndi:BPMNPlane id="plane" bpmnElement="permit" /><bpmndi:BPMNShape id="s" bpmnElement="permit-check" />`;
    // when the process is renamed
    const renamed = renameProcess(xml, 'permit', 'permit-copy');
    // then the process and what refers to it carry the new id, the task keeps its own
    expect(renamed).toContain('<bpmn:process id="permit-copy"');
    expect(renamed).toContain('processRef="permit-copy"');
    expect(renamed).toContain('bpmnElement="permit-copy"');
    expect(renamed).toContain('<bpmn:userTask id="permit-check"');
    expect(renamed).toContain('bpmnElement="permit-check"');
  });
});
