import type { Knex } from 'knex';
import type { DeployedProcess } from '../engine/EngineClient.js';
import type { Actor } from '../orgchart/Actor.js';
import { appendAudit } from '../orgchart/appendAudit.js';

/**
 * Records that a revision of a design is deployed as a process version, audited as 'design.deployed'; a version
 * already recorded for the design (an unchanged design deployed again) is not recorded twice. Answers the row's id.
 */
export async function recordDeployment(
  knex: Knex,
  actor: Actor,
  deployment: { designId: string; revision: number; process: DeployedProcess },
): Promise<string> {
  const { designId, revision, process } = deployment;
  return knex.transaction(async (trx) => {
    const known = (await trx('process_design_deployment')
      .where({ design_id: designId, process_definition_key: process.processDefinitionKey })
      .first('id')) as { id: string } | undefined;
    if (known) return known.id;
    const [row] = (await trx('process_design_deployment')
      .insert({
        design_id: designId,
        design_revision: revision,
        bpmn_process_id: process.bpmnProcessId,
        version: process.version,
        process_definition_key: process.processDefinitionKey,
        deployed_by: actor.userId ?? null,
      })
      .returning('id')) as { id: string }[];
    await appendAudit(trx, actor, {
      action: 'design.deployed',
      objectType: 'process_design',
      objectId: designId,
      details: {
        revision,
        bpmnProcessId: process.bpmnProcessId,
        version: process.version,
        processDefinitionKey: process.processDefinitionKey,
      },
    });
    return row!.id;
  });
}
