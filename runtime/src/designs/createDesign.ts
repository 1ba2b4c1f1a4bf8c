import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { Actor } from '../orgchart/Actor.js';
import { appendAudit } from '../orgchart/appendAudit.js';
import { blankDesignXml } from './blankDesignXml.js';
import { getDesign } from './getDesign.js';
import { mainProcessOf } from './mainProcessOf.js';
import type { DesignResult, ProcessDesign } from './ProcessDesign.js';

/** What a design is created from: imported BPMN XML, or nothing but a name for a blank process. */
export interface NewDesign {
  readonly name?: string | undefined;
  readonly xml?: string | undefined;
  /** The shipped file it comes from; a second import of the same file creates nothing. */
  readonly sourceFile?: string | undefined;
}

/**
 * Creates a design (revision 1), blank or from imported XML, and audits it ('design.created'). The name is the
 * one given, else the process's name, else its id. Unreadable XML, or XML without a process, is design_xml_invalid.
 */
export async function createDesign(knex: Knex, actor: Actor, input: NewDesign): Promise<DesignResult<ProcessDesign>> {
  const name = input.name?.trim();
  const xml = input.xml ?? blankDesignXml(`Process_${randomBytes(4).toString('hex')}`, name || 'New process');
  const process = await mainProcessOf(xml);
  if (!process.ok) return process;
  return knex.transaction(async (trx) => {
    const [row] = (await trx('process_design')
      .insert({
        name: name || process.value.name || process.value.id,
        bpmn_process_id: process.value.id,
        xml,
        revision: 1,
        source_file: input.sourceFile ?? null,
        created_by: actor.userId ?? null,
        updated_by: actor.userId ?? null,
      })
      .returning('id')) as { id: string }[];
    await appendAudit(trx, actor, {
      action: 'design.created',
      objectType: 'process_design',
      objectId: row!.id,
      details: { bpmnProcessId: process.value.id, ...(input.sourceFile ? { sourceFile: input.sourceFile } : {}) },
    });
    return getDesign(trx, row!.id);
  });
}
