import type { Knex } from 'knex';
import { validateBpmn } from '@polis/engine';
import { lintDefinitions, readBpmn, type LintProblem } from '@polis/designer';
import { lintContextOf } from './lintContextOf.js';

/**
 * Every problem of a design's XML: what the engine would refuse at deployment (rule `engine`, always errors) and
 * what the Polis lint rules find (the same rules as the modeler runs), each on its element.
 */
export async function checkDesign(knex: Knex, resourceName: string, xml: string): Promise<LintProblem[]> {
  const engineProblems: LintProblem[] = (await validateBpmn(resourceName, xml)).map((problem) => ({
    elementId: problem.elementId,
    rule: 'engine',
    severity: 'error',
    message: { en: problem.message, el: `Η μηχανή εκτέλεσης δεν το δέχεται: ${problem.message}` },
  }));
  const read = await readBpmn(xml);
  if (!read.ok) return engineProblems;
  return [...engineProblems, ...(await lintDefinitions(read.definitions, await lintContextOf(knex)))];
}

/** The name a design is deployed under: the process id as a file name, as the shipped definitions are. */
export const resourceNameOf = (bpmnProcessId: string) => `${bpmnProcessId}.bpmn`;
