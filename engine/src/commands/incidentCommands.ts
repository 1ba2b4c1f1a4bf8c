import type { BatchContext } from '../processing/BatchContext.js';
import type { Machine } from '../processing/Machine.js';
import { accept, reject, type CommandResult } from './Rejection.js';

/** Resolves an incident: a job with retries becomes activatable again; an element retries its failed step. */
export async function resolveIncident(
  ctx: BatchContext,
  m: Machine,
  incidentKey: number,
): Promise<CommandResult<void>> {
  const incident = await ctx.incidents.get(incidentKey);
  if (!incident) {
    return reject(
      'NOT_FOUND',
      `Expected to resolve incident with key '${incidentKey}', but no such incident was found`,
    );
  }
  const doc = await m.instance(incident.processInstanceKey);
  const ei = doc?.elements[incident.data.elementInstanceKey];
  m.apply.incident.resolved(incident);
  if (!doc || !ei) return accept(undefined);
  m.apply.processInstance.updated(doc, ei, { incidentKey: undefined });
  if (incident.jobKey !== null) {
    const job = await ctx.jobs.get(incident.jobKey);
    if (job && job.state === 'FAILED' && job.retries > 0) m.apply.job.madeActivatable(job);
    else if (job && job.state === 'FAILED') {
      // The cause remains: no retries left.
      await m.raiseIncident(
        doc,
        ei,
        'JOB_NO_RETRIES',
        job.data.errorMessage || 'No more retries left.',
        undefined,
        job.key,
      );
    } else if (job && job.state === 'ERROR_THROWN') {
      const caught = await m.throwEvent(doc, ei, 'ERROR', job.data.errorCode, {});
      if (caught) ctx.jobs.delete(job.key);
      else {
        await m.raiseIncident(
          doc,
          ei,
          incident.data.errorType as 'UNHANDLED_ERROR_EVENT',
          incident.data.errorMessage,
          undefined,
          job.key,
        );
      }
    }
    return accept(undefined);
  }
  const step = ei.retryStep;
  if (step) await m.retry(doc, ei, step);
  return accept(undefined);
}
