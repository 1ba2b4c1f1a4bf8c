import type { ActivatedJob } from '../commands/jobCommands.js';

/** An activated job in the gateway protocol's shape (headers and variables as JSON text). */
export function presentJob(job: ActivatedJob) {
  return {
    key: job.key,
    type: job.type,
    processInstanceKey: job.processInstanceKey,
    bpmnProcessId: job.bpmnProcessId,
    processDefinitionVersion: job.processDefinitionVersion,
    processDefinitionKey: job.processDefinitionKey,
    elementId: job.elementId,
    elementInstanceKey: job.elementInstanceKey,
    customHeaders: JSON.stringify(job.customHeaders),
    worker: job.worker,
    retries: job.retries,
    deadline: String(job.deadline),
    variables: JSON.stringify(job.variables),
    tenantId: '<default>',
  };
}
