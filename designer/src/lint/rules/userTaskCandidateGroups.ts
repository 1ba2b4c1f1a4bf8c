import { extensionsOf, is, textOf } from '../ModdleNode.js';
import { reportBoth, type PolisRuleFactory } from './PolisRule.js';

/**
 * `polis/user-task-candidate-groups`: every user task names who may take it (zeebe:assignmentDefinition
 * candidateGroups), and fixed candidate groups are codes of units of the org chart.
 */
export const userTaskCandidateGroups: PolisRuleFactory = (config) => ({
  check(node, reporter) {
    if (!is(node, 'bpmn:UserTask')) return;
    const id = node.id ?? '';
    const groups = textOf(extensionsOf(node, 'zeebe:AssignmentDefinition')[0], 'candidateGroups')?.trim();
    if (!groups) {
      reportBoth(reporter, config, id, {
        en: 'The user task is assigned to nobody: pick the units (candidate groups) whose staff handle it.',
        el: 'Η εργασία χρήστη δεν ανατίθεται σε κανέναν: διαλέξτε τις μονάδες (ομάδες υποψηφίων) που τη χειρίζονται.',
      });
      return;
    }
    if (!config?.orgUnitCodes || groups.startsWith('=')) return;
    const known = new Set(config.orgUnitCodes);
    const unknown = groups
      .split(',')
      .map((g) => g.trim())
      .filter((g) => g !== '' && !known.has(g));
    if (unknown.length > 0)
      reportBoth(reporter, config, id, {
        en: `The candidate groups name units that are not in the org chart: ${unknown.join(', ')}.`,
        el: `Οι ομάδες υποψηφίων αναφέρουν μονάδες που δεν υπάρχουν στο οργανόγραμμα: ${unknown.join(', ')}.`,
      });
  },
});
