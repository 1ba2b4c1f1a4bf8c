import type { Knex } from 'knex';
import { renameProcess } from '@polis/designer';
import type { Actor } from '../orgchart/Actor.js';
import { createDesign } from './createDesign.js';
import { getDesign } from './getDesign.js';
import type { DesignResult, ProcessDesign } from './ProcessDesign.js';

/**
 * Copies a design into a new one (revision 1) whose process has a new id (`<id>-copy`, `-copy-2`, …), so that
 * deploying the copy never makes a version of the original; audited as a creation.
 */
export async function duplicateDesign(
  knex: Knex,
  actor: Actor,
  designId: string,
  name?: string,
): Promise<DesignResult<ProcessDesign>> {
  const original = await getDesign(knex, designId);
  if (!original.ok) return original;
  const taken = new Set(
    ((await knex('process_design').select('bpmn_process_id')) as { bpmn_process_id: string }[]).map(
      (r) => r.bpmn_process_id,
    ),
  );
  const base = `${original.value.bpmnProcessId}-copy`;
  let processId = base;
  for (let n = 2; taken.has(processId); n++) processId = `${base}-${n}`;
  return createDesign(knex, actor, {
    name: name?.trim() || `${original.value.name} (copy)`,
    xml: renameProcess(original.value.xml, original.value.bpmnProcessId, processId),
  });
}
