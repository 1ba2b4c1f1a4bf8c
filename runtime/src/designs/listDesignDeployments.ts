import type { Knex } from 'knex';
import { authorOf } from './designRows.js';
import type { DesignDeployment } from './ProcessDesign.js';

/** The deployments made from a design, newest first. */
export async function listDesignDeployments(knex: Knex, designId: string): Promise<DesignDeployment[]> {
  const rows = (await knex('process_design_deployment as p')
    .leftJoin('app_user as u', 'u.id', 'p.deployed_by')
    .where('p.design_id', designId)
    .orderBy('p.deployed_at', 'desc')
    .orderBy('p.version', 'desc')
    .select('p.*', 'u.display_name_el', 'u.display_name_en')) as {
    id: string;
    design_id: string;
    design_revision: number;
    bpmn_process_id: string;
    version: number;
    process_definition_key: string;
    deployed_at: Date | string;
    deployed_by: string | null;
    display_name_el: string | null;
    display_name_en: string | null;
  }[];
  return rows.map((r) => ({
    deploymentId: r.id,
    designId: r.design_id,
    designRevision: Number(r.design_revision),
    bpmnProcessId: r.bpmn_process_id,
    version: Number(r.version),
    processDefinitionKey: String(r.process_definition_key),
    deployedAt: new Date(r.deployed_at),
    deployedBy: authorOf(r.deployed_by, r.display_name_el, r.display_name_en),
  }));
}
