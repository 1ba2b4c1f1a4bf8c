import type { Zeebe } from '@camunda8/sdk';
// Types only: the SDK's package has no exports map, and its JSON type lives here.
import type { IOutputVariables as JsonObject } from '@camunda8/sdk/dist/zeebe/types.js';
import type { Logger } from 'pino';
import { engineErrorOf, type EngineResult } from './EngineResult.js';
import { delay, startJobWorker, type EngineJob, type RegisteredWorker, type WorkerOptions } from './JobWorker.js';

type Variables = Readonly<Record<string, unknown>>;

/** A job activated to be held open (a user task): its process version and the deadline of its activation too. */
export interface ActivatedEngineJob extends EngineJob {
  readonly processDefinitionVersion: number;
  /** When the engine takes the job back unless it is completed or its timeout extended (epoch ms). */
  readonly deadline: number;
}

/** A BPMN (or form) file to deploy. */
export interface EngineResource {
  /** The file name; its extension tells the engine what it is (.bpmn, .dmn, .form). */
  readonly name: string;
  readonly content: string | Buffer;
}

/** A deployed process definition. */
export interface DeployedProcess {
  readonly bpmnProcessId: string;
  readonly version: number;
  readonly processDefinitionKey: string;
  readonly resourceName: string;
}

/** A started process instance. */
export interface StartedInstance {
  readonly processInstanceKey: string;
  readonly processDefinitionKey: string;
  readonly bpmnProcessId: string;
  readonly version: number;
}

/** What the gateway reports about the cluster behind it. */
export interface EngineTopology {
  readonly gatewayVersion: string;
  readonly brokers: number;
  readonly partitions: number;
}

/** How to start a process instance: the latest version of a process unless a version is named. */
export interface StartInstanceRequest {
  readonly bpmnProcessId: string;
  readonly version?: number;
  readonly variables?: Variables;
}

const CLOSING = { code: 'CANCELLED', message: 'The connection to the engine is closing' } as const;

/**
 * The runtime's only way to the engine: Zeebe's gateway protocol through the official client, so that the
 * embedded engine and a Zeebe cluster are interchangeable. Refusals and outages come back as values.
 */
export class EngineClient {
  private readonly workers = new Set<RegisteredWorker>();
  private closing: Promise<void> | undefined;

  constructor(
    private readonly zeebe: Zeebe.ZeebeGrpcClient,
    private readonly logger: Logger,
    /** host:port of the gateway, for messages. */
    private readonly address: string,
  ) {}

  /** Runs one gRPC call; a gRPC status becomes an error value, anything else is a bug and is thrown. */
  private async call<T, R>(run: () => Promise<T>, present: (value: T) => R): Promise<EngineResult<R>> {
    if (this.closing) return { ok: false, error: CLOSING };
    try {
      const value = await run();
      // The SDK resolves calls cut short by close() with null.
      if (value === null) return { ok: false, error: CLOSING };
      return { ok: true, value: present(value) };
    } catch (error) {
      const engineError = engineErrorOf(error);
      if (!engineError) throw error;
      return { ok: false, error: engineError };
    }
  }

  /** A call whose answer carries nothing but success. */
  private command(run: () => Promise<unknown>): Promise<EngineResult<void>> {
    return this.call(
      async () => ((await run()) === null ? null : true),
      () => undefined,
    );
  }

  /** Asks the gateway for the cluster's topology: the readiness check. Gives up after timeoutMs. */
  async topology(timeoutMs = 2_000): Promise<EngineResult<EngineTopology>> {
    const answer = await Promise.race([
      this.call(
        () => this.zeebe.topology(),
        (t) => ({ gatewayVersion: t.gatewayVersion, brokers: t.brokers.length, partitions: t.partitionsCount }),
      ),
      delay(timeoutMs),
    ]);
    if (answer === 'timeout')
      return {
        ok: false,
        error: {
          code: 'DEADLINE_EXCEEDED',
          message: `No answer from the engine's gateway at ${this.address} within ${timeoutMs} ms`,
        },
      };
    return answer;
  }

  /** Deploys resources atomically: all of them, or none when one is invalid (INVALID_ARGUMENT with the reasons). */
  deploy(
    resources: readonly EngineResource[],
  ): Promise<EngineResult<{ deploymentKey: string; processes: DeployedProcess[] }>> {
    const toDeploy = resources.map((r) => {
      const content = Buffer.isBuffer(r.content) ? r.content : Buffer.from(r.content, 'utf8');
      if (r.name.endsWith('.bpmn')) return { name: r.name, process: content };
      if (r.name.endsWith('.dmn')) return { name: r.name, decision: content };
      return { name: r.name, form: content };
    });
    return this.call(
      () => this.zeebe.deployResources(toDeploy),
      (response) => ({
        deploymentKey: response.key,
        processes: (response.deployments as { process?: DeployedProcess }[])
          .flatMap((d) => (d.process ? [d.process] : []))
          .map((p) => ({
            bpmnProcessId: p.bpmnProcessId,
            version: p.version,
            processDefinitionKey: p.processDefinitionKey,
            resourceName: p.resourceName,
          })),
      }),
    );
  }

  /** Starts a process instance at its none start event. */
  createProcessInstance(request: StartInstanceRequest): Promise<EngineResult<StartedInstance>> {
    return this.call(
      () =>
        this.zeebe.createProcessInstance({
          bpmnProcessId: request.bpmnProcessId,
          variables: { ...request.variables } as JsonObject,
          ...(request.version !== undefined ? { version: request.version } : {}),
        }),
      presentInstance,
    );
  }

  /** Starts a process instance and waits (up to requestTimeoutMs) for it to complete, returning its variables. */
  createProcessInstanceWithResult(
    request: StartInstanceRequest & { requestTimeoutMs?: number; fetchVariables?: readonly string[] },
  ): Promise<EngineResult<StartedInstance & { variables: Variables }>> {
    return this.call(
      () =>
        this.zeebe.createProcessInstanceWithResult({
          bpmnProcessId: request.bpmnProcessId,
          variables: { ...request.variables } as JsonObject,
          ...(request.version !== undefined ? { version: request.version } : {}),
          ...(request.requestTimeoutMs !== undefined ? { requestTimeout: request.requestTimeoutMs } : {}),
          ...(request.fetchVariables ? { fetchVariables: [...request.fetchVariables] } : {}),
        }),
      (r) => ({ ...presentInstance(r), variables: r.variables as Variables }),
    );
  }

  /** Publishes a message; it correlates to a waiting subscription with the same name and key, or is buffered for timeToLiveMs. */
  publishMessage(request: {
    name: string;
    correlationKey: string;
    variables?: Variables;
    timeToLiveMs?: number;
    messageId?: string;
  }): Promise<EngineResult<{ key: string }>> {
    return this.call(
      () =>
        this.zeebe.publishMessage({
          name: request.name,
          correlationKey: request.correlationKey,
          variables: { ...request.variables } as JsonObject,
          timeToLive: request.timeToLiveMs ?? 0,
          ...(request.messageId !== undefined ? { messageId: request.messageId } : {}),
        }),
      (r) => ({ key: r.key }),
    );
  }

  /** Cancels a running process instance (NOT_FOUND when it has already ended). */
  cancelProcessInstance(processInstanceKey: string): Promise<EngineResult<void>> {
    return this.command(() => this.zeebe.cancelProcessInstance(processInstanceKey));
  }

  /** Sets variables in an element instance's scope (local) or propagates them up to where they are defined. */
  setVariables(request: {
    elementInstanceKey: string;
    variables: Variables;
    local?: boolean;
  }): Promise<EngineResult<void>> {
    return this.command(() =>
      this.zeebe.setVariables({
        elementInstanceKey: request.elementInstanceKey,
        variables: { ...request.variables } as JsonObject,
        local: request.local ?? false,
      }),
    );
  }

  /** Resolves an incident; for a job incident, give the job retries first (updateJobRetries). */
  resolveIncident(incidentKey: string): Promise<EngineResult<void>> {
    return this.command(() => this.zeebe.resolveIncident({ incidentKey }));
  }

  /** Sets a job's retries, e.g. before resolving the incident its failures raised. */
  updateJobRetries(request: { jobKey: string; retries: number }): Promise<EngineResult<void>> {
    return this.command(() => this.zeebe.updateJobRetries({ jobKey: request.jobKey, retries: request.retries }));
  }

  /**
   * Activates up to maxJobsToActivate jobs of a type and hands them over as they are, without completing them:
   * for workers that hold a job open for a long time (user tasks) and settle it later with completeJob.
   * Waits up to requestTimeoutMs for a job to arrive (a long poll).
   */
  activateJobs(request: {
    type: string;
    worker: string;
    maxJobsToActivate: number;
    timeoutMs: number;
    requestTimeoutMs: number;
  }): Promise<EngineResult<ActivatedEngineJob[]>> {
    return this.call(
      () =>
        this.zeebe.activateJobs({
          type: request.type,
          worker: request.worker,
          maxJobsToActivate: request.maxJobsToActivate,
          timeout: request.timeoutMs,
          requestTimeout: request.requestTimeoutMs,
        }),
      (jobs) =>
        jobs.map((job) => ({
          key: job.key,
          type: job.type,
          processInstanceKey: job.processInstanceKey,
          bpmnProcessId: job.bpmnProcessId,
          processDefinitionVersion: Number(job.processDefinitionVersion),
          elementId: job.elementId,
          elementInstanceKey: job.elementInstanceKey,
          retries: job.retries,
          deadline: Number(job.deadline),
          variables: job.variables as Record<string, unknown>,
          customHeaders: job.customHeaders as Record<string, unknown>,
        })),
    );
  }

  /** Completes a job with variables (NOT_FOUND when the job is gone: its instance was cancelled or the task interrupted). */
  completeJob(request: { jobKey: string; variables?: Variables }): Promise<EngineResult<void>> {
    return this.command(() =>
      this.zeebe.completeJob({ jobKey: request.jobKey, variables: { ...request.variables } as JsonObject }),
    );
  }

  /** Gives an activated job timeoutMs from now before the engine takes it back (NOT_FOUND when the job is gone). */
  updateJobTimeout(request: { jobKey: string; timeoutMs: number }): Promise<EngineResult<void>> {
    return this.command(() => this.zeebe.updateJobTimeout({ jobKey: request.jobKey, timeout: request.timeoutMs }));
  }

  /**
   * Registers a job worker for one job type, with bounded concurrency (maxJobsToActivate), retries with
   * back-off when the handler throws, and a graceful close.
   * @throws Error when the client is closing.
   */
  registerWorker(options: WorkerOptions): RegisteredWorker {
    if (this.closing)
      throw new Error(`Expected to register the ${options.type} worker, but the engine client is closing`);
    const worker = startJobWorker(this.zeebe, options, this.logger);
    this.workers.add(worker);
    return worker;
  }

  /** Closes the workers (waiting up to timeoutMs for their running handlers), then the client's connections. */
  close(timeoutMs = 10_000): Promise<void> {
    this.closing ??= (async () => {
      await Promise.all([...this.workers].map((w) => w.close(timeoutMs)));
      const closed = await Promise.race([this.zeebe.close(timeoutMs).then(() => 'closed' as const), delay(timeoutMs)]);
      if (closed === 'timeout') this.logger.warn('the engine client did not close in time');
    })();
    return this.closing;
  }
}

function presentInstance(r: {
  processInstanceKey: string;
  processDefinitionKey: string;
  bpmnProcessId: string;
  version: number;
}): StartedInstance {
  return {
    processInstanceKey: r.processInstanceKey,
    processDefinitionKey: r.processDefinitionKey,
    bpmnProcessId: r.bpmnProcessId,
    version: r.version,
  };
}
