import { extensionsOf, is, textOf } from '../ModdleNode.js';
import { reportBoth, type PolisRuleFactory } from './PolisRule.js';

/**
 * `polis/user-task-form`: every user task has a form from the form library (zeebe:formDefinition formId), and a
 * start event or user task that names a form names one that exists.
 */
export const userTaskForm: PolisRuleFactory = (config) => ({
  check(node, reporter) {
    const isUserTask = is(node, 'bpmn:UserTask');
    if (!isUserTask && !is(node, 'bpmn:StartEvent')) return;
    const id = node.id ?? '';
    const formId = textOf(extensionsOf(node, 'zeebe:FormDefinition')[0], 'formId')?.trim();
    if (!formId) {
      if (isUserTask)
        reportBoth(reporter, config, id, {
          en: 'The user task has no form: pick one from the form library.',
          el: 'Η εργασία χρήστη δεν έχει φόρμα: διαλέξτε μία από τη βιβλιοθήκη φορμών.',
        });
      return;
    }
    if (config?.formFields && !formId.startsWith('=') && !(formId in config.formFields))
      reportBoth(reporter, config, id, {
        en: `The form '${formId}' is not in the form library: pick an existing form.`,
        el: `Η φόρμα '${formId}' δεν υπάρχει στη βιβλιοθήκη φορμών: διαλέξτε μια υπάρχουσα φόρμα.`,
      });
  },
});
