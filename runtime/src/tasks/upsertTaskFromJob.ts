import type { Knex } from 'knex';
import type { ActivatedEngineJob } from '../engine/EngineClient.js';
import { systemActor } from '../orgchart/Actor.js';
import { appendAudit } from '../orgchart/appendAudit.js';
import { announceTaskChange } from './events/announceTaskChange.js';
import type { TaskRow } from './Task.js';
import { NO_DUE_DATE, syncTaskCandidates } from './taskCandidates.js';
import { taskFieldsFromJob } from './taskFieldsFromJob.js';

/** What became of an activated job: a new task, the same task again (a re-activation), or nothing (already done). */
export type UpsertOutcome = 'created' | 'reactivated' | 'renewed' | 'ignored';

/**
 * Keeps one task per user task element instance: inserts it on its job's first activation (with its audit entry),
 * and on a later activation of the same element instance (the job timed out and came back) points the same task
 * at the job again instead of making a second. Records the job's lease either way.
 */
export async function upsertTaskFromJob(
  knex: Knex,
  job: ActivatedEngineJob,
  elementName: string | undefined,
): Promise<UpsertOutcome> {
  const fields = taskFieldsFromJob(job);
  const lease = new Date(job.deadline);
  const outcome = await knex.transaction(async (trx): Promise<{ outcome: UpsertOutcome; taskId?: string }> => {
    const existing = (await trx('task')
      .where({ element_instance_key: job.elementInstanceKey })
      .forUpdate()
      .first('id', 'job_key', 'status')) as { id: string; job_key: string | number; status: string } | undefined;
    if (existing) {
      if (existing.status === 'completed') return { outcome: 'ignored' };
      let outcome: UpsertOutcome = 'renewed';
      if (String(existing.job_key) !== job.key || existing.status === 'cancelled') {
        const reopened = existing.status === 'cancelled';
        await trx('task')
          .where({ id: existing.id })
          .update({
            job_key: job.key,
            variables: JSON.stringify(job.variables),
            ...(reopened ? { status: 'open', cancelled_at: null, assignee_user_id: null, claimed_at: null } : {}),
          });
        if (reopened) await syncTaskCandidates(trx, existing.id);
        await appendAudit(trx, systemActor, {
          action: 'task.reactivated',
          objectType: 'task',
          objectId: existing.id,
          details: { jobKey: job.key, previousJobKey: String(existing.job_key), reopened },
        });
        outcome = 'reactivated';
      }
      await trx('task_lease')
        .insert({ task_id: existing.id, job_key: job.key, expires_at: lease })
        .onConflict('task_id')
        .merge();
      return { outcome, taskId: existing.id };
    }
    const assignee = fields.assignee
      ? ((await trx('app_user').where({ username: fields.assignee, kind: 'staff' }).first('id')) as
          { id: string } | undefined)
      : undefined;
    const formVersion = fields.formId
      ? ((await trx('form_version').where({ form_id: fields.formId }).max('version as version').first()) as
          { version: number | null } | undefined)
      : undefined;
    const [row] = (await trx('task')
      .insert({
        element_instance_key: job.elementInstanceKey,
        job_key: job.key,
        process_instance_key: job.processInstanceKey,
        process_id: job.bpmnProcessId,
        process_version: job.processDefinitionVersion,
        element_id: job.elementId,
        element_name: elementName ?? null,
        form_id: fields.formId,
        // A task is completed with the form as it was when the task arrived, even if a newer version is published.
        form_version: formVersion?.version ?? null,
        candidate_groups: [...fields.candidateGroups],
        candidate_users: [...fields.candidateUsers],
        assignee_user_id: assignee?.id ?? null,
        due_date: fields.dueDate,
        due_sort: fields.dueDate ?? NO_DUE_DATE,
        follow_up_date: fields.followUpDate,
        priority: fields.priority,
        variables: JSON.stringify(job.variables),
        application_id: fields.applicationId,
        protocol_number: fields.protocolNumber,
        citizen_name: fields.citizenName,
        status: assignee ? 'claimed' : 'open',
        claimed_at: assignee ? trx.fn.now() : null,
      })
      .returning('id')) as { id: string }[];
    const taskId = row!.id;
    await syncTaskCandidates(trx, taskId);
    await trx('task_lease').insert({ task_id: taskId, job_key: job.key, expires_at: lease });
    await appendAudit(trx, systemActor, {
      action: 'task.created',
      objectType: 'task',
      objectId: taskId,
      details: {
        processId: job.bpmnProcessId,
        processInstanceKey: job.processInstanceKey,
        elementId: job.elementId,
        jobKey: job.key,
        candidateGroups: fields.candidateGroups,
        ...(assignee ? { assignee: fields.assignee } : {}),
      },
    });
    return { outcome: 'created', taskId };
  });
  if (outcome.taskId && (outcome.outcome === 'created' || outcome.outcome === 'reactivated')) {
    const row = (await knex('task')
      .where({ id: outcome.taskId })
      .first('candidate_groups', 'candidate_users', 'assignee_user_id')) as Pick<
      TaskRow,
      'candidate_groups' | 'candidate_users' | 'assignee_user_id'
    >;
    announceTaskChange(knex, outcome.outcome === 'created' ? 'created' : 'updated', {
      id: outcome.taskId,
      candidateGroups: row.candidate_groups,
      candidateUsers: row.candidate_users,
      assigneeUserId: row.assignee_user_id,
    });
  }
  return outcome.outcome;
}
