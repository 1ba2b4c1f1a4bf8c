import type { Knex } from 'knex';
import type { DesignAuthor, ProcessDesign } from './ProcessDesign.js';

/** A process_design row joined with its last author and latest deployed version. */
export interface DesignRow {
  id: string;
  name: string;
  bpmn_process_id: string;
  xml?: string;
  revision: number;
  source_file: string | null;
  created_at: Date | string;
  updated_at: Date | string;
  updated_by: string | null;
  updated_by_el: string | null;
  updated_by_en: string | null;
  deployed_version: number | null;
}

/** The query of designs with their author's names and latest deployed version (without the XML unless asked). */
export function designQuery(knex: Knex | Knex.Transaction, withXml: boolean): Knex.QueryBuilder {
  return knex('process_design as d')
    .leftJoin('app_user as u', 'u.id', 'd.updated_by')
    .select(
      'd.id',
      'd.name',
      'd.bpmn_process_id',
      ...(withXml ? ['d.xml'] : []),
      'd.revision',
      'd.source_file',
      'd.created_at',
      'd.updated_at',
      'd.updated_by',
      'u.display_name_el as updated_by_el',
      'u.display_name_en as updated_by_en',
      knex.raw('(select max(version) from process_design_deployment p where p.design_id = d.id) as deployed_version'),
    );
}

/** An author from a user id and names (undefined for Polis itself). */
export function authorOf(userId: string | null, el: string | null, en: string | null): DesignAuthor {
  return { userId: userId ?? undefined, displayNameEl: el ?? undefined, displayNameEn: en ?? undefined };
}

/** A design from its row. */
export function designFromRow(row: DesignRow): ProcessDesign {
  return {
    designId: row.id,
    name: row.name,
    bpmnProcessId: row.bpmn_process_id,
    xml: row.xml ?? '',
    revision: Number(row.revision),
    sourceFile: row.source_file ?? undefined,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    updatedBy: authorOf(row.updated_by, row.updated_by_el, row.updated_by_en),
    deployedVersion: row.deployed_version === null ? undefined : Number(row.deployed_version),
  };
}
