import type { Knex } from 'knex';
import type { Actor } from '../orgchart/Actor.js';
import { appendAudit } from '../orgchart/appendAudit.js';
import { authorOf } from './designRows.js';
import { getDesign } from './getDesign.js';
import { mainProcessOf } from './mainProcessOf.js';
import { designNotFound, failDesign, type DesignResult, type ProcessDesign } from './ProcessDesign.js';

/** A save of a design: the XML, and the revision it was edited from. */
export interface DesignSave {
  readonly designId: string;
  readonly xml: string;
  readonly revision: number;
  readonly name?: string | undefined;
}

/**
 * Saves a design as its next revision and audits it ('design.saved'), if it was edited from the latest revision.
 * A stale save (someone saved in between) changes nothing and is design_revision_conflict (409), naming who
 * saved the newer revision and when.
 */
export async function saveDesign(knex: Knex, actor: Actor, save: DesignSave): Promise<DesignResult<ProcessDesign>> {
  const process = await mainProcessOf(save.xml);
  if (!process.ok) return process;
  return knex.transaction(async (trx) => {
    const current = (await trx('process_design as d')
      .leftJoin('app_user as u', 'u.id', 'd.updated_by')
      .where('d.id', save.designId)
      .forUpdate('d')
      .first('d.revision', 'd.name', 'd.updated_at', 'd.updated_by', 'u.display_name_el', 'u.display_name_en')) as
      | {
          revision: number;
          name: string;
          updated_at: Date | string;
          updated_by: string | null;
          display_name_el: string | null;
          display_name_en: string | null;
        }
      | undefined;
    if (!current) return designNotFound(save.designId);
    if (Number(current.revision) !== save.revision) {
      const savedBy = authorOf(current.updated_by, current.display_name_el, current.display_name_en);
      const savedAt = new Date(current.updated_at).toISOString();
      return failDesign(
        'design_revision_conflict',
        409,
        `Revision ${current.revision} of this design was saved by ${savedBy.displayNameEn ?? 'Polis'} at ${savedAt}, after revision ${save.revision} you edited; nothing was overwritten. Reload their revision, or save yours as a copy.`,
        'body.revision',
        { revision: Number(current.revision), savedBy, savedAt },
      );
    }
    const revision = Number(current.revision) + 1;
    await trx('process_design')
      .where({ id: save.designId })
      .update({
        xml: save.xml,
        name: save.name?.trim() || current.name,
        bpmn_process_id: process.value.id,
        revision,
        updated_by: actor.userId ?? null,
        updated_at: trx.fn.now(),
      });
    await appendAudit(trx, actor, {
      action: 'design.saved',
      objectType: 'process_design',
      objectId: save.designId,
      details: { revision, bpmnProcessId: process.value.id },
    });
    return getDesign(trx, save.designId);
  });
}
