import { describe, expect, it } from 'vitest';
import { problemsOf } from './problemsOf';

describe('problemsOf', () => {
  it('should list bpmnlint issues with both languages, errors first, moving root issues to the document', () => {
    // given issues of bpmn-js-bpmnlint's linting.completed event, grouped by element
    const issues = {
      Task_1: [
        {
          id: 'Task_1',
          rule: 'bpmnlint/label-required',
          message: 'Element is missing label/name',
          category: 'warn',
        },
        {
          id: 'Task_1',
          rule: 'polis/user-task-form',
          message: 'Η εργασία…',
          messageEl: 'Η εργασία…',
          messageEn: 'The user task…',
          category: 'error',
        },
      ],
      Process_1: [
        {
          id: 'Process_1',
          actualElementId: 'Message_1',
          isChildIssue: true,
          rule: 'x',
          message: 'm',
          category: 'info',
        },
        { id: 'Process_1', rule: 'bpmnlint/start-event-required', message: 'no start', category: 'error' },
      ],
    };
    // when they become the problem list of a diagram whose root is Process_1
    const problems = problemsOf(issues, 'Process_1');
    // then errors come first, each in both languages, the process's own issue on the document, infos left out
    expect(problems).toEqual([
      {
        elementId: 'Task_1',
        rule: 'polis/user-task-form',
        severity: 'error',
        message: { el: 'Η εργασία…', en: 'The user task…' },
      },
      {
        elementId: undefined,
        rule: 'bpmnlint/start-event-required',
        severity: 'error',
        message: { el: 'no start', en: 'no start' },
      },
      {
        elementId: 'Task_1',
        rule: 'bpmnlint/label-required',
        severity: 'warning',
        message: { el: 'Element is missing label/name', en: 'Element is missing label/name' },
      },
    ]);
  });
});
