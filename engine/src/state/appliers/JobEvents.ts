import type { BatchContext } from '../../processing/BatchContext.js';
import type { JsonValue } from '../../feel/feel.js';
import type { RecordValue } from '../../records/Record.js';
import type { JobRow, Variables } from '../types.js';

/** The record value Zeebe writes for a job. */
export function jobValue(job: JobRow, variables: Variables = {}): RecordValue {
  return {
    type: job.type,
    worker: job.data.worker,
    retries: job.retries,
    retryBackoff: job.data.retryBackoff,
    recurringTime: job.recurringAt ?? -1,
    deadline: job.deadline ?? -1,
    errorMessage: job.data.errorMessage,
    errorCode: job.data.errorCode,
    customHeaders: job.data.customHeaders,
    variables: variables as { [key: string]: JsonValue },
    elementId: job.data.elementId,
    elementInstanceKey: job.elementInstanceKey,
    processInstanceKey: job.processInstanceKey,
    bpmnProcessId: job.data.bpmnProcessId,
    processDefinitionVersion: job.data.processDefinitionVersion,
    processDefinitionKey: job.data.processDefinitionKey,
    jobKind: 'BPMN_ELEMENT',
    tenantId: '<default>',
  };
}

/** Appliers of JOB events: the only code that creates, changes or removes jobs. */
export class JobEvents {
  constructor(private readonly ctx: BatchContext) {}

  created(job: JobRow): void {
    this.ctx.jobs.put(job);
    this.ctx.jobTypesAvailable.add(job.type);
    this.ctx.record('JOB', 'CREATED', job.key, jobValue(job));
  }

  activated(job: JobRow, worker: string, deadline: number): void {
    job.state = 'ACTIVATED';
    job.data.worker = worker;
    job.deadline = deadline;
    this.ctx.jobs.put(job);
  }

  completed(job: JobRow, variables: Variables): void {
    this.ctx.jobs.delete(job.key);
    this.ctx.record('JOB', 'COMPLETED', job.key, jobValue(job, variables));
  }

  failed(job: JobRow, retries: number, errorMessage: string, retryBackoff: number, variables: Variables): void {
    job.retries = retries;
    job.data.errorMessage = errorMessage;
    job.data.retryBackoff = retryBackoff;
    job.deadline = null;
    if (retries > 0 && retryBackoff > 0) {
      job.state = 'FAILED';
      job.recurringAt = this.ctx.now + retryBackoff;
    } else {
      job.state = retries > 0 ? 'ACTIVATABLE' : 'FAILED';
      job.recurringAt = null;
      if (retries > 0) this.ctx.jobTypesAvailable.add(job.type);
    }
    this.ctx.jobs.put(job);
    this.ctx.record('JOB', 'FAILED', job.key, jobValue(job, variables));
  }

  /** A failed job's back-off is over: it can be activated again. */
  recurred(job: JobRow): void {
    job.state = 'ACTIVATABLE';
    job.recurringAt = null;
    this.ctx.jobs.put(job);
    this.ctx.jobTypesAvailable.add(job.type);
    this.ctx.record('JOB', 'RECURRED_AFTER_BACKOFF', job.key, jobValue(job));
  }

  timedOut(job: JobRow): void {
    job.state = 'ACTIVATABLE';
    job.deadline = null;
    this.ctx.jobs.put(job);
    this.ctx.jobTypesAvailable.add(job.type);
    this.ctx.record('JOB', 'TIMED_OUT', job.key, jobValue(job));
  }

  errorThrown(job: JobRow, errorCode: string, errorMessage: string, variables: Variables): void {
    job.state = 'ERROR_THROWN';
    job.data.errorCode = errorCode;
    job.data.errorMessage = errorMessage;
    job.deadline = null;
    this.ctx.jobs.put(job);
    this.ctx.record('JOB', 'ERROR_THROWN', job.key, jobValue(job, variables));
  }

  retriesUpdated(job: JobRow, retries: number): void {
    job.retries = retries;
    this.ctx.jobs.put(job);
    this.ctx.record('JOB', 'RETRIES_UPDATED', job.key, jobValue(job));
  }

  timeoutUpdated(job: JobRow, deadline: number): void {
    job.deadline = deadline;
    this.ctx.jobs.put(job);
    this.ctx.record('JOB', 'TIMEOUT_UPDATED', job.key, jobValue(job));
  }

  /** A job whose incident was resolved with retries left becomes activatable again. */
  madeActivatable(job: JobRow): void {
    job.state = 'ACTIVATABLE';
    job.recurringAt = null;
    this.ctx.jobs.put(job);
    this.ctx.jobTypesAvailable.add(job.type);
  }

  canceled(job: JobRow): void {
    this.ctx.jobs.delete(job.key);
    this.ctx.record('JOB', 'CANCELED', job.key, jobValue(job));
  }
}
