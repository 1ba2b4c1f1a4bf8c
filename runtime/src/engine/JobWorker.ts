import { Zeebe } from '@camunda8/sdk';
// Types only: the SDK's package has no exports map, and its job and JSON types live here.
import type { ICustomHeaders, IInputVariables, IOutputVariables, ZeebeJob } from '@camunda8/sdk/dist/zeebe/types.js';
import type { Logger } from 'pino';

type SdkJob = Readonly<ZeebeJob>;
type Acknowledgement = typeof Zeebe.Types.JOB_ACTION_ACKNOWLEDGEMENT;

/** A job as a worker's handler sees it. Keys are int64 values served as strings. */
export interface EngineJob {
  readonly key: string;
  readonly type: string;
  readonly processInstanceKey: string;
  readonly bpmnProcessId: string;
  readonly elementId: string;
  readonly elementInstanceKey: string;
  /** Retries left, this attempt included. */
  readonly retries: number;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly customHeaders: Readonly<Record<string, unknown>>;
}

/**
 * Does a job's work. Returning completes the job with the returned variables; throwing a BpmnError throws
 * that error in the process (a boundary or event subprocess may catch it); throwing anything else fails
 * the job with one retry fewer, after a back-off, and an incident once no retries are left.
 */
export type JobHandler = (job: EngineJob) => Promise<JobOutput> | JobOutput;

/** The variables a job completes with; undefined completes it without any. */
export type JobOutput = Readonly<Record<string, unknown>> | undefined;

/** Thrown by a job handler to raise a BPMN error (a business outcome), not a technical failure. */
export class BpmnError extends Error {
  override readonly name = 'BpmnError';
  constructor(
    readonly errorCode: string,
    message = errorCode,
    readonly variables: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

/** How to register a job worker. */
export interface WorkerOptions {
  /** The job type, as in the model's `zeebe:taskDefinition type`. */
  readonly type: string;
  readonly handler: JobHandler;
  /** Jobs this worker holds at most at once (its back-pressure); default 32. */
  readonly maxJobsToActivate?: number;
  /** How long the engine leaves an activated job with this worker before giving it to another; default 5 minutes. */
  readonly timeoutMs?: number;
  /** The variables to fetch; all visible ones by default. */
  readonly fetchVariables?: readonly string[];
  /** Wait before a failed job is retried, given the retries left; default 1 s, 2 s, 4 s … up to a minute. */
  readonly retryBackOffMs?: (retriesLeft: number) => number;
}

/** A registered worker. */
export interface RegisteredWorker {
  readonly type: string;
  /** Handlers running now. */
  readonly activeJobs: number;
  /** Stops activating jobs and waits for the running handlers (up to timeoutMs). */
  close(timeoutMs?: number): Promise<void>;
}

const DEFAULT_JOB_TIMEOUT_MS = 5 * 60_000;
const MAX_ERROR_MESSAGE = 1000;

/** Back-off that doubles as retries run out, assuming Zeebe's default of 3 retries. */
const defaultBackOff = (retriesLeft: number): number => Math.min(60_000, 1_000 * 2 ** Math.max(0, 2 - retriesLeft));

function present(job: SdkJob): EngineJob {
  return {
    key: job.key,
    type: job.type,
    processInstanceKey: job.processInstanceKey,
    bpmnProcessId: job.bpmnProcessId,
    elementId: job.elementId,
    elementInstanceKey: job.elementInstanceKey,
    retries: job.retries,
    variables: job.variables as Record<string, unknown>,
    customHeaders: job.customHeaders as Record<string, unknown>,
  };
}

/** Resolves after `ms`, or never keeps the process alive waiting. */
export function delay(ms: number): Promise<'timeout'> {
  return new Promise((resolve) => setTimeout(() => resolve('timeout'), ms).unref());
}

/**
 * Registers a job worker on the SDK client: the SDK activates at most maxJobsToActivate jobs at a time
 * and polls again only when capacity frees up; this wraps the handler so that every job is settled once.
 */
export function startJobWorker(
  client: Zeebe.ZeebeGrpcClient,
  options: WorkerOptions,
  logger: Logger,
): RegisteredWorker {
  const log = logger.child({ worker: options.type });
  const backOff = options.retryBackOffMs ?? defaultBackOff;
  const inFlight = new Set<Promise<unknown>>();

  /** Sends the job's outcome; if the engine refuses it (e.g. the job timed out or was cancelled), logs and moves on. */
  const settle = async (job: SdkJob, action: Promise<Acknowledgement>): Promise<Acknowledgement> => {
    try {
      return await action;
    } catch (error) {
      log.warn({ jobKey: job.key, err: error }, 'the engine refused the job outcome');
      return Zeebe.Types.JOB_ACTION_ACKNOWLEDGEMENT;
    }
  };

  const run = async (job: SdkJob): Promise<Acknowledgement> => {
    let variables: JobOutput;
    try {
      variables = await options.handler(present(job));
    } catch (error) {
      if (error instanceof BpmnError) {
        return settle(
          job,
          job.error({
            errorCode: error.errorCode,
            errorMessage: error.message,
            variables: { ...error.variables } as IOutputVariables,
          }),
        );
      }
      const retries = Math.max(0, job.retries - 1);
      const message = error instanceof Error ? error.message : String(error);
      log.warn({ jobKey: job.key, retries, err: error }, 'job handler failed');
      return settle(
        job,
        job.fail({
          errorMessage: message.slice(0, MAX_ERROR_MESSAGE),
          retries,
          retryBackOff: retries > 0 ? backOff(retries) : 0,
        }),
      );
    }
    return settle(job, job.complete({ ...variables } as IOutputVariables));
  };

  const sdkLog = (level: 'debug' | 'info' | 'warn') => (message: string) => log[level]({ sdk: message }, 'job worker');
  const worker = client.createWorker<IInputVariables, ICustomHeaders, IOutputVariables>({
    taskType: options.type,
    maxJobsToActivate: options.maxJobsToActivate ?? 32,
    timeout: options.timeoutMs ?? DEFAULT_JOB_TIMEOUT_MS,
    ...(options.fetchVariables ? { fetchVariable: [...options.fetchVariables] } : {}),
    loglevel: 'ERROR',
    stdout: { debug: sdkLog('debug'), info: sdkLog('info'), error: sdkLog('warn') },
    taskHandler: (job) => {
      const running = run(job);
      inFlight.add(running);
      return running.finally(() => inFlight.delete(running));
    },
  });

  let closing: Promise<void> | undefined;
  return {
    type: options.type,
    get activeJobs() {
      return inFlight.size;
    },
    close(timeoutMs = 10_000) {
      closing ??= (async () => {
        // The SDK's close stops polling, waits until every activated job is settled, then closes its channel.
        const closed = await Promise.race([worker.close(timeoutMs).then(() => 'closed' as const), delay(timeoutMs)]);
        if (closed === 'timeout')
          log.warn({ activeJobs: inFlight.size }, 'job handlers still running at shutdown; their jobs will time out');
      })();
      return closing;
    },
  };
}
