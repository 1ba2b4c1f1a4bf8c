import type { Knex } from 'knex';

/**
 * The shipped `.bpmn` files whose process an analyst has deployed from the designer (a deployment with a person
 * behind it): the file its design was imported from, and `<process id>.bpmn`, the name shipped files go by.
 * Start-up leaves these alone, so that a restart never rolls an analyst's deployment back to the shipped version.
 */
export async function shippedFilesDeployedByAnalysts(knex: Knex): Promise<ReadonlySet<string>> {
  const rows = (await knex('process_design_deployment as x')
    .join('process_design as d', 'd.id', 'x.design_id')
    .whereNotNull('x.deployed_by')
    .distinct('d.source_file', 'x.bpmn_process_id')) as { source_file: string | null; bpmn_process_id: string }[];
  return new Set(rows.flatMap((r) => [`${r.bpmn_process_id}.bpmn`, ...(r.source_file ? [r.source_file] : [])]));
}
