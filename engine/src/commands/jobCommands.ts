import type { BatchContext } from '../processing/BatchContext.js';
import type { Machine } from '../processing/Machine.js';
import { jobValue } from '../state/appliers/JobEvents.js';
import { mappings } from '../state/mappings.js';
import type { JobRow, ProcessInstanceDoc, Variables } from '../state/types.js';
import { accept, reject, type CommandResult } from './Rejection.js';

/** A job handed to a worker, with the variables it asked for. */
export interface ActivatedJob {
  readonly key: string;
  readonly type: string;
  readonly processInstanceKey: string;
  readonly bpmnProcessId: string;
  readonly processDefinitionVersion: number;
  readonly processDefinitionKey: string;
  readonly elementId: string;
  readonly elementInstanceKey: string;
  readonly customHeaders: Record<string, string>;
  readonly worker: string;
  readonly retries: number;
  readonly deadline: number;
  readonly variables: Variables;
}

/** What a worker asks for when it activates jobs. */
export interface ActivateJobsRequest {
  readonly type: string;
  readonly worker?: string;
  readonly timeoutMs: number;
  readonly maxJobsToActivate: number;
  readonly fetchVariables?: readonly string[];
}

export async function activateJobs(
  ctx: BatchContext,
  m: Machine,
  request: ActivateJobsRequest,
): Promise<CommandResult<ActivatedJob[]>> {
  if (!request.type) return reject('INVALID_ARGUMENT', 'Expected a job type to activate, but it was empty');
  if (!(request.maxJobsToActivate >= 1))
    return reject(
      'INVALID_ARGUMENT',
      `Expected to activate at least 1 job, but maxJobsToActivate was ${request.maxJobsToActivate}`,
    );
  if (!(request.timeoutMs >= 1))
    return reject('INVALID_ARGUMENT', `Expected a job timeout of at least 1 ms, but it was ${request.timeoutMs}`);
  await ctx.flush();
  const rows = (await ctx
    .trx('engine_job')
    .where({ type: request.type, state: 'ACTIVATABLE' })
    .orderBy('key')
    .limit(request.maxJobsToActivate)
    .forUpdate()
    .skipLocked()) as Record<string, unknown>[];
  const jobs = ctx.jobs.adopt(rows).filter((job) => job.state === 'ACTIVATABLE' && ctx.jobs.peek(job.key));
  const worker = request.worker ?? '';
  const deadline = ctx.now + request.timeoutMs;
  const activated: ActivatedJob[] = [];
  const docs = await readInstances(
    ctx,
    jobs.map((job) => job.processInstanceKey),
  );
  for (const job of jobs) {
    m.apply.job.activated(job, worker, deadline);
    const doc = docs.get(job.processInstanceKey);
    let variables = doc ? m.variables.visible(doc, job.elementInstanceKey) : {};
    if (request.fetchVariables && request.fetchVariables.length > 0) {
      variables = Object.fromEntries(
        request.fetchVariables.filter((name) => name in variables).map((name) => [name, variables[name]!]),
      );
    }
    activated.push(present(job, variables));
  }
  if (activated.length > 0) {
    ctx.record('JOB_BATCH', 'ACTIVATED', await ctx.nextKey(), {
      type: request.type,
      worker,
      timeout: request.timeoutMs,
      maxJobsToActivate: request.maxJobsToActivate,
      jobKeys: activated.map((j) => Number(j.key)),
      jobs: jobs.map((job) => jobValue(job)),
      truncated: false,
      tenantIds: ['<default>'],
    });
  }
  return accept(activated);
}

/** Reads instances for their variables without locking them: from this batch's cache, else in one query. */
async function readInstances(ctx: BatchContext, keys: readonly number[]): Promise<Map<number, ProcessInstanceDoc>> {
  const out = new Map<number, ProcessInstanceDoc>();
  const missing: number[] = [];
  for (const key of new Set(keys)) {
    const cached = ctx.instances.peek(key);
    if (cached) out.set(key, cached);
    else if (!ctx.instances.knows(key)) missing.push(key);
  }
  if (missing.length > 0) {
    const rows = (await ctx.trx('engine_process_instance').select('data').whereIn('key', missing)) as {
      data: unknown;
    }[];
    for (const row of rows) {
      const doc = mappings.instance.fromColumns(row);
      out.set(doc.key, doc);
    }
  }
  return out;
}

function present(job: JobRow, variables: Variables): ActivatedJob {
  return {
    key: String(job.key),
    type: job.type,
    processInstanceKey: String(job.processInstanceKey),
    bpmnProcessId: job.data.bpmnProcessId,
    processDefinitionVersion: job.data.processDefinitionVersion,
    processDefinitionKey: String(job.data.processDefinitionKey),
    elementId: job.data.elementId,
    elementInstanceKey: String(job.elementInstanceKey),
    customHeaders: job.data.customHeaders,
    worker: job.data.worker,
    retries: job.retries,
    deadline: job.deadline ?? -1,
    variables,
  };
}

async function activeJob(ctx: BatchContext, jobKey: number, action: string): Promise<JobRow | CommandResult<never>> {
  const job = await ctx.jobs.get(jobKey);
  if (!job) return reject('NOT_FOUND', `Expected to ${action} job with key '${jobKey}', but no such job was found`);
  if (job.state === 'FAILED' || job.state === 'ERROR_THROWN') {
    return reject(
      'INVALID_STATE',
      `Expected to ${action} job with key '${jobKey}', but it is in state '${job.state === 'FAILED' ? 'FAILED' : 'ERROR_THROWN'}'`,
    );
  }
  return job;
}

const isRejection = (value: unknown): value is CommandResult<never> =>
  typeof value === 'object' && value !== null && 'ok' in value;

export async function completeJob(
  ctx: BatchContext,
  m: Machine,
  jobKey: number,
  variables: Variables,
): Promise<CommandResult<void>> {
  const job = await activeJob(ctx, jobKey, 'complete');
  if (isRejection(job)) return job;
  const doc = await m.instance(job.processInstanceKey);
  const ei = doc?.elements[job.elementInstanceKey];
  m.apply.job.completed(job, variables);
  if (doc && ei) {
    m.apply.processInstance.updated(doc, ei, { jobKey: undefined, eventVariables: variables });
    m.scheduleCompletion(doc, ei);
    await m.run();
  }
  return accept(undefined);
}

export async function failJob(
  ctx: BatchContext,
  m: Machine,
  request: { jobKey: number; retries: number; errorMessage: string; retryBackOffMs: number; variables: Variables },
): Promise<CommandResult<void>> {
  const job = await activeJob(ctx, request.jobKey, 'fail');
  if (isRejection(job)) return job;
  if (job.state !== 'ACTIVATED')
    return reject(
      'INVALID_STATE',
      `Expected to fail activated job with key '${request.jobKey}', but it is in state '${job.state}'`,
    );
  const doc = await m.instance(job.processInstanceKey);
  const ei = doc?.elements[job.elementInstanceKey];
  if (doc && ei && Object.keys(request.variables).length > 0)
    await m.variables.setLocal(doc, ei.key, request.variables);
  const retries = Math.max(0, request.retries);
  m.apply.job.failed(job, retries, request.errorMessage, Math.max(0, request.retryBackOffMs), request.variables);
  if (retries === 0 && doc && ei) {
    await m.raiseIncident(
      doc,
      ei,
      'JOB_NO_RETRIES',
      request.errorMessage || 'No more retries left.',
      undefined,
      job.key,
    );
    job.data.incidentKey = ei.incidentKey;
    ctx.jobs.put(job);
  }
  return accept(undefined);
}

export async function throwError(
  ctx: BatchContext,
  m: Machine,
  request: { jobKey: number; errorCode: string; errorMessage: string; variables: Variables },
): Promise<CommandResult<void>> {
  if (!request.errorCode) return reject('INVALID_ARGUMENT', 'Expected an error code to throw, but it was empty');
  const job = await activeJob(ctx, request.jobKey, 'throw an error for');
  if (isRejection(job)) return job;
  const doc = await m.instance(job.processInstanceKey);
  const ei = doc?.elements[job.elementInstanceKey];
  m.apply.job.errorThrown(job, request.errorCode, request.errorMessage, request.variables);
  if (!doc || !ei) return accept(undefined);
  const caught = await m.throwEvent(doc, ei, 'ERROR', request.errorCode, request.variables);
  if (caught) {
    if (ctx.jobs.peek(job.key)) ctx.jobs.delete(job.key);
  } else {
    const message = request.errorMessage
      ? `Expected to throw an error event with the code '${request.errorCode}' with message '${request.errorMessage}', but it was not caught. No error events are available in the scope.`
      : `Expected to throw an error event with the code '${request.errorCode}', but it was not caught. No error events are available in the scope.`;
    await m.raiseIncident(doc, ei, 'UNHANDLED_ERROR_EVENT', message, undefined, job.key);
  }
  return accept(undefined);
}

export async function updateJobRetries(
  ctx: BatchContext,
  m: Machine,
  jobKey: number,
  retries: number,
): Promise<CommandResult<void>> {
  if (!Number.isInteger(retries) || retries < 1) {
    return reject('INVALID_ARGUMENT', `Expected retries to be a whole number of at least 1, but it was ${retries}`);
  }
  const job = await ctx.jobs.get(jobKey);
  if (!job)
    return reject('NOT_FOUND', `Expected to update retries for job with key '${jobKey}', but no such job was found`);
  m.apply.job.retriesUpdated(job, retries);
  return accept(undefined);
}

export async function updateJobTimeout(
  ctx: BatchContext,
  m: Machine,
  jobKey: number,
  timeoutMs: number,
): Promise<CommandResult<void>> {
  const job = await ctx.jobs.get(jobKey);
  if (!job)
    return reject('NOT_FOUND', `Expected to update the timeout of job with key '${jobKey}', but no such job was found`);
  if (job.state !== 'ACTIVATED')
    return reject(
      'INVALID_STATE',
      `Expected to update the timeout of job with key '${jobKey}', but it is not activated`,
    );
  m.apply.job.timeoutUpdated(job, ctx.now + timeoutMs);
  return accept(undefined);
}
