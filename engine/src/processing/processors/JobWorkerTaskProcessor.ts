import type { JsonValue } from '../../feel/feel.js';
import type { ElementDefinition, Expression } from '../../model/ProcessModel.js';
import type { ElementInstance, JobRow, ProcessInstanceDoc } from '../../state/types.js';
import type { ElementProcessor } from '../ElementProcessor.js';
import type { Machine } from '../Machine.js';

const USER_TASK_HEADER = 'io.camunda.zeebe:';

function asList(value: JsonValue, source: Expression): string | string[] {
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  if (typeof value === 'string' && !source.feel)
    return value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
  return `Expected result of the expression '${source.source}' to be 'ARRAY' of strings, but was ${JSON.stringify(value)}.`;
}

/** Evaluates what a job needs; returns an error sentence instead when an expression fails. */
function jobHeaders(
  m: Machine,
  doc: ProcessInstanceDoc,
  ei: ElementInstance,
  def: ElementDefinition,
): Record<string, string> | string {
  const headers: Record<string, string> = { ...def.job!.headers };
  const task = def.userTask;
  if (!task) return headers;
  if (task.formKey) headers[`${USER_TASK_HEADER}formKey`] = task.formKey;
  const single = (expression: Expression | undefined, name: string): string | undefined => {
    if (!expression) return undefined;
    const result = m.variables.evaluate(doc, ei.key, expression);
    if (!result.ok) return result.message;
    if (result.value === null) return undefined;
    headers[`${USER_TASK_HEADER}${name}`] =
      typeof result.value === 'string' ? result.value : JSON.stringify(result.value);
    return undefined;
  };
  const listed = (expression: Expression | undefined, name: string): string | undefined => {
    if (!expression) return undefined;
    const result = m.variables.evaluate(doc, ei.key, expression);
    if (!result.ok) return result.message;
    const list = asList(result.value, expression);
    if (typeof list === 'string') return list;
    headers[`${USER_TASK_HEADER}${name}`] = JSON.stringify(list);
    return undefined;
  };
  const failure =
    single(task.assignee, 'assignee') ??
    listed(task.candidateGroups, 'candidateGroups') ??
    listed(task.candidateUsers, 'candidateUsers') ??
    single(task.dueDate, 'dueDate') ??
    single(task.followUpDate, 'followUpDate') ??
    single(task.priority, 'priority');
  return failure ?? headers;
}

/** Creating and cancelling the job of a job-based element (service, send, business rule, script, user task, message events). */
export const jobTaskBehavior = {
  async createJob(m: Machine, doc: ProcessInstanceDoc, ei: ElementInstance, def: ElementDefinition): Promise<void> {
    const type = m.variables.evaluate(doc, ei.key, def.job!.type);
    if (!type.ok || typeof type.value !== 'string' || type.value === '') {
      const reason = type.ok
        ? `Expected result of the expression '${def.job!.type.source}' to be 'STRING', but was ${JSON.stringify(type.value)}.`
        : type.message;
      await m.raiseIncident(doc, ei, 'EXTRACT_VALUE_ERROR', reason, 'activate');
      return;
    }
    const retries = m.variables.evaluate(doc, ei.key, def.job!.retries);
    const retryCount = retries.ok ? Number(retries.value) : Number.NaN;
    if (!Number.isInteger(retryCount)) {
      const reason = retries.ok
        ? `Expected result of the expression '${def.job!.retries.source}' to be a whole number, but was ${JSON.stringify(retries.value)}.`
        : retries.message;
      await m.raiseIncident(doc, ei, 'EXTRACT_VALUE_ERROR', reason, 'activate');
      return;
    }
    const headers = jobHeaders(m, doc, ei, def);
    if (typeof headers === 'string') {
      await m.raiseIncident(doc, ei, 'EXTRACT_VALUE_ERROR', headers, 'activate');
      return;
    }
    const job: JobRow = {
      key: await m.ctx.nextKey(),
      type: type.value,
      state: 'ACTIVATABLE',
      processInstanceKey: doc.key,
      elementInstanceKey: ei.key,
      retries: retryCount,
      deadline: null,
      recurringAt: null,
      data: {
        elementId: ei.elementId,
        bpmnProcessId: doc.bpmnProcessId,
        processDefinitionVersion: doc.version,
        processDefinitionKey: doc.processDefinitionKey,
        customHeaders: headers,
        worker: '',
        errorMessage: '',
        errorCode: '',
        retryBackoff: 0,
      },
    };
    m.apply.job.created(job);
    m.apply.processInstance.updated(doc, ei, { jobKey: job.key });
  },

  async cancelJob(m: Machine, doc: ProcessInstanceDoc, ei: ElementInstance): Promise<void> {
    if (ei.jobKey === undefined) return;
    const job = await m.ctx.jobs.get(ei.jobKey);
    if (job) m.apply.job.canceled(job);
    m.apply.processInstance.updated(doc, ei, { jobKey: undefined });
  },
};

/** Service, send, business rule, user and job-based script tasks: a job for a worker; done when it completes. */
export const JobWorkerTaskProcessor: ElementProcessor = {
  async onActivate(m, doc, ei, def) {
    await jobTaskBehavior.createJob(m, doc, ei, def);
  },
  async onTerminate(m, doc, ei) {
    await jobTaskBehavior.cancelJob(m, doc, ei);
  },
};
