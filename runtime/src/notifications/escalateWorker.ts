import type { Knex } from 'knex';
import type { JobHandler } from '../engine/JobWorker.js';
import { systemActor } from '../orgchart/Actor.js';
import { appendAudit } from '../orgchart/appendAudit.js';
import { athensToday } from '../orgchart/athensToday.js';
import type { ServiceDefinition } from '../procedures/serviceDefinitionSchema.js';
import { headsOfUnits } from './headsOfUnits.js';
import { notify } from './notify.js';

/** The job type of the service tasks that tell the head of unit about overdue work. */
export const ESCALATE_JOB_TYPE = 'polis:escalate';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const codesOf = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((v) => typeof v === 'string') : [];

/**
 * The handler of `polis:escalate` jobs: notifies the head of the responsible unit (variable `unit`, a code or a list,
 * else the service's owner unit; a unit without a head escalates to the head above it) and whoever deputises for
 * them today, about the instance's open task (header `reason` says why), marks that task escalated and writes an
 * audit entry, all in one transaction. The notifications share their cause with the task sweeper's
 * (`task-overdue:<task>`, else the job key), so a task is escalated to a person once, and a retried job changes
 * nothing.
 * @throws Error (failing the job, then an incident) when nobody heads the unit or any unit above it.
 */
export function escalateWorker({
  knex,
  services,
  now = () => new Date(),
}: {
  readonly knex: Knex;
  readonly services: readonly ServiceDefinition[];
  readonly now?: () => Date;
}): JobHandler {
  return async (job) => {
    const service = services.find((s) => s.processId === job.bpmnProcessId);
    const units = codesOf(job.variables.unit);
    if (units.length === 0 && service) units.push(service.ownerUnit);
    const reason = typeof job.customHeaders.reason === 'string' ? job.customHeaders.reason : '';
    await knex.transaction(async (trx) => {
      const recipients = await headsOfUnits(trx, units, athensToday(now()));
      if (recipients.length === 0)
        throw new Error(
          `Expected a head of unit ${units.join(', ') || '(none named: set the variable unit)'} or of a unit above it to escalate ${job.elementId} to, but the org chart names none`,
        );
      const applicationId =
        typeof job.variables.applicationId === 'string' && UUID.test(job.variables.applicationId)
          ? job.variables.applicationId
          : undefined;
      const application = applicationId
        ? ((await trx('application').where({ id: applicationId }).first('id', 'protocol_number')) as
            { id: string; protocol_number: string } | undefined)
        : undefined;
      const task = (await trx('task')
        .where({ process_instance_key: job.processInstanceKey })
        .whereIn('status', ['open', 'claimed'])
        .orderBy('created_at')
        .forUpdate()
        .first('id', 'escalated_at')) as { id: string; escalated_at: Date | null } | undefined;
      const protocolNumber =
        application?.protocol_number ??
        (typeof job.variables.protocolNumber === 'string' ? job.variables.protocolNumber : job.processInstanceKey);
      let told = 0;
      for (const recipient of recipients) {
        const stored = await notify(trx, {
          recipientUserId: recipient.userId,
          template: 'task-escalated',
          params: {
            protocolNumber,
            serviceTitle: service?.title ?? job.bpmnProcessId,
            unitName: recipient.unitName,
            reason,
          },
          applicationId: application?.id,
          taskId: task?.id,
          sourceKey: task ? `task-overdue:${task.id}` : `job:${job.key}`,
        });
        if (stored) told++;
      }
      if (told === 0) return;
      if (task && !task.escalated_at) await trx('task').where({ id: task.id }).update({ escalated_at: trx.fn.now() });
      await appendAudit(trx, systemActor, {
        action: 'process.escalated',
        objectType: task ? 'task' : 'process_instance',
        objectId: task?.id ?? job.processInstanceKey,
        details: {
          jobKey: job.key,
          elementId: job.elementId,
          processInstanceKey: job.processInstanceKey,
          units,
          recipients: recipients.map((r) => r.username),
          reason,
          ...(application ? { applicationId: application.id } : {}),
        },
      });
    });
    return undefined;
  };
}
