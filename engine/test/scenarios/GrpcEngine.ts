import { Camunda8 } from '@camunda8/sdk';
import type { ClientReadableStream } from '@grpc/grpc-js';
import type { DeploymentResource, DeploymentResult, DeployedProcessMetadata } from '../../src/commands/deploy.js';
import type { ActivatedJob, ActivateJobsRequest } from '../../src/commands/jobCommands.js';
import type { PublishMessageRequest } from '../../src/commands/messageCommands.js';
import type {
  CreatedProcessInstance,
  CreateProcessInstanceRequest,
} from '../../src/commands/processInstanceCommands.js';
import type { CommandResult, RejectionType } from '../../src/commands/Rejection.js';
import type { Engine, ProcessInstanceResult } from '../../src/Engine.js';
import type { Variables } from '../../src/state/types.js';

type ZeebeClient = ReturnType<Camunda8['getZeebeGrpcApiClient']>;
type Wire = Record<string, unknown>;

/**
 * The SDK's gRPC channel: one `<Rpc>Sync` method per unary RPC and `activateJobsStream`, taking the
 * request exactly as it goes on the wire. The client's own methods stringify variables (turning a JSON
 * string into a JSON string literal, refusing arrays) and have no processDefinitionKey or requestTimeout
 * for job activation, so commands that carry those go through the channel to send what scenarios send.
 */
interface GatewayChannel {
  activateJobsStream(request: Wire): Promise<ClientReadableStream<{ jobs: Wire[] }> & { error?: Error }>;
  [rpcSync: `${string}Sync`]: (request: Wire) => Promise<Wire>;
}

/** DeployResource's answer as the channel decodes it. */
interface DeployResourceResponse {
  key: string;
  deployments: {
    process?: { bpmnProcessId: string; version: number; processDefinitionKey: string; resourceName: string };
  }[];
}

/** What the gateway's errors carry (grpc-js ServiceError). */
interface GrpcError {
  code?: number;
  details?: string;
  message?: string;
}

// gRPC status codes that a Zeebe gateway uses for rejections.
const CODE_TYPES: Record<number, RejectionType> = {
  3: 'INVALID_ARGUMENT',
  4: 'PROCESSING_ERROR', // DEADLINE_EXCEEDED: an instance with result did not finish in time
  5: 'NOT_FOUND',
  6: 'ALREADY_EXISTS',
  9: 'INVALID_STATE', // FAILED_PRECONDITION
};
const REJECTED = /^Command '[^']*' rejected with code '([A-Z_]+)': ([\s\S]*)$/;

/** A gRPC error as the engine's rejection; errors that are not rejections are thrown, as the engine throws. */
function toRejection(error: unknown): CommandResult<never> {
  const e = error as GrpcError;
  const details = e.details ?? e.message ?? String(error);
  const parsed = REJECTED.exec(details);
  if (parsed) return { ok: false, rejection: { type: parsed[1] as RejectionType, reason: parsed[2]! } };
  const type = e.code === undefined ? undefined : CODE_TYPES[e.code];
  if (type) return { ok: false, rejection: { type, reason: details } };
  throw error;
}

async function attempt<T>(call: () => Promise<T>): Promise<CommandResult<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    return toRejection(error);
  }
}

/** Variables as the gateway's JSON document: text is sent as it is, anything else as JSON. */
const document = (variables: unknown): string =>
  typeof variables === 'string' ? variables : JSON.stringify(variables ?? {});
const key = (value: string | number): string => String(value);
const parse = (json: unknown): Variables => (json ? (JSON.parse(String(json)) as Variables) : {});

/**
 * The engine's client API served by a Zeebe gateway through @camunda8/sdk: every command goes over gRPC
 * and comes back in the engine's result shapes, so the scenarios run unchanged against the gateway. What
 * no RPC expresses (the record log, the scheduler, incidents listing) goes to the embedded engine.
 */
export class GrpcEngine {
  readonly client: ZeebeClient;
  private readonly channel: Promise<GatewayChannel>;

  constructor(
    private readonly engine: Engine,
    port: number,
  ) {
    this.client = new Camunda8({
      ZEEBE_GRPC_ADDRESS: `grpc://127.0.0.1:${port}`,
      CAMUNDA_AUTH_STRATEGY: 'NONE',
      CAMUNDA_LOG_LEVEL: 'error',
      zeebeGrpcSettings: {
        ZEEBE_CLIENT_LOG_LEVEL: 'NONE',
        // A rejection is the answer under test: the client must not retry DEADLINE_EXCEEDED and the like.
        ZEEBE_GRPC_CLIENT_RETRY: false,
      },
    }).getZeebeGrpcApiClient();
    this.channel = (this.client as unknown as { grpc: Promise<GatewayChannel> }).grpc;
  }

  private async rpc(name: string, request: Wire): Promise<Wire> {
    return (await this.channel)[`${name}Sync`]!(request);
  }

  /** Closes the client's channels. */
  close(): Promise<unknown> {
    return this.client.close(2_000);
  }

  deploy(resources: readonly DeploymentResource[]): Promise<CommandResult<DeploymentResult>> {
    return attempt(async () => {
      const response = (await this.client.deployResources(
        resources.map((r) => ({ name: r.name, process: Buffer.from(r.content, 'utf8') })),
      )) as DeployResourceResponse;
      return {
        deploymentKey: key(response.key),
        // The protocol has no checksum and no duplicate flag: a client sees a duplicate by its unchanged key.
        processes: response.deployments.flatMap((d) =>
          d.process
            ? [
                {
                  bpmnProcessId: d.process.bpmnProcessId,
                  version: d.process.version,
                  processDefinitionKey: key(d.process.processDefinitionKey),
                  resourceName: d.process.resourceName,
                } as DeployedProcessMetadata,
              ]
            : [],
        ),
      };
    });
  }

  private creation(request: CreateProcessInstanceRequest): Wire {
    return {
      bpmnProcessId: request.bpmnProcessId ?? '',
      processDefinitionKey: request.processDefinitionKey === undefined ? '0' : key(request.processDefinitionKey),
      version: request.version ?? -1,
      variables: document(request.variables),
      startInstructions: [],
    };
  }

  createProcessInstance(request: CreateProcessInstanceRequest): Promise<CommandResult<CreatedProcessInstance>> {
    return attempt(async () => created(await this.rpc('createProcessInstance', this.creation(request))));
  }

  createProcessInstanceWithResult(
    request: CreateProcessInstanceRequest & { requestTimeoutMs?: number; fetchVariables?: readonly string[] },
  ): Promise<CommandResult<ProcessInstanceResult>> {
    return attempt(async () => {
      const response = await this.rpc('createProcessInstanceWithResult', {
        request: this.creation(request),
        requestTimeout: request.requestTimeoutMs ?? 0,
        fetchVariables: request.fetchVariables ?? [],
      });
      return { ...created(response), variables: parse(response.variables) };
    });
  }

  activateJobs(request: ActivateJobsRequest): Promise<CommandResult<ActivatedJob[]>> {
    return attempt(async () => {
      const stream = await (
        await this.channel
      ).activateJobsStream({
        type: request.type,
        worker: request.worker ?? '',
        timeout: request.timeoutMs,
        maxJobsToActivate: request.maxJobsToActivate,
        fetchVariable: request.fetchVariables ?? [],
        // Negative: no long polling, answer at once as the embedded engine does.
        requestTimeout: -1,
        tenantIds: [],
      });
      if (stream.error) throw stream.error;
      return new Promise<ActivatedJob[]>((resolve, reject) => {
        const jobs: ActivatedJob[] = [];
        stream.on('data', (response: { jobs: Wire[] }) => jobs.push(...response.jobs.map(activated)));
        stream.on('error', reject);
        stream.on('end', () => resolve(jobs));
      });
    });
  }

  completeJob(request: { jobKey: string | number; variables?: unknown }): Promise<CommandResult<void>> {
    return this.command('completeJob', { jobKey: key(request.jobKey), variables: document(request.variables) });
  }

  failJob(request: {
    jobKey: string | number;
    retries: number;
    errorMessage?: string;
    retryBackOffMs?: number;
    variables?: unknown;
  }): Promise<CommandResult<void>> {
    return this.command('failJob', {
      jobKey: key(request.jobKey),
      retries: request.retries,
      errorMessage: request.errorMessage ?? '',
      retryBackOff: request.retryBackOffMs ?? 0,
      variables: document(request.variables),
    });
  }

  throwError(request: {
    jobKey: string | number;
    errorCode: string;
    errorMessage?: string;
    variables?: unknown;
  }): Promise<CommandResult<void>> {
    return this.command('throwError', {
      jobKey: key(request.jobKey),
      errorCode: request.errorCode,
      errorMessage: request.errorMessage ?? '',
      variables: document(request.variables),
    });
  }

  updateJobRetries(request: { jobKey: string | number; retries: number }): Promise<CommandResult<void>> {
    return attempt(() => this.client.updateJobRetries({ jobKey: key(request.jobKey), retries: request.retries }));
  }

  updateJobTimeout(request: { jobKey: string | number; timeoutMs: number }): Promise<CommandResult<void>> {
    return attempt(() => this.client.updateJobTimeout({ jobKey: key(request.jobKey), timeout: request.timeoutMs }));
  }

  publishMessage(
    request: Omit<PublishMessageRequest, 'variables'> & { variables?: unknown },
  ): Promise<CommandResult<{ key: string }>> {
    return attempt(async () => {
      const response = await this.rpc('publishMessage', {
        name: request.name,
        correlationKey: request.correlationKey ?? '',
        timeToLive: request.timeToLiveMs ?? 0,
        messageId: request.messageId ?? '',
        variables: document(request.variables),
      });
      return { key: key(response.key as string) };
    });
  }

  broadcastSignal(request: { signalName: string; variables?: unknown }): Promise<CommandResult<{ key: string }>> {
    return attempt(async () => {
      const response = await this.rpc('broadcastSignal', {
        signalName: request.signalName,
        variables: document(request.variables),
      });
      return { key: key(response.key as string) };
    });
  }

  setVariables(request: {
    elementInstanceKey: string | number;
    variables: unknown;
    local?: boolean;
  }): Promise<CommandResult<{ key: string }>> {
    return attempt(async () => {
      const response = await this.rpc('setVariables', {
        elementInstanceKey: key(request.elementInstanceKey),
        variables: document(request.variables),
        local: request.local ?? false,
      });
      return { key: key(response.key as string) };
    });
  }

  cancelProcessInstance(request: { processInstanceKey: string | number }): Promise<CommandResult<void>> {
    return attempt(() => this.client.cancelProcessInstance(key(request.processInstanceKey)));
  }

  resolveIncident(request: { incidentKey: string | number }): Promise<CommandResult<void>> {
    return attempt(() => this.client.resolveIncident({ incidentKey: key(request.incidentKey) }));
  }

  deleteResource(request: { resourceKey: string | number }): Promise<CommandResult<void>> {
    return attempt(async () => {
      await this.client.deleteResource({ resourceKey: key(request.resourceKey) });
    });
  }

  private command(name: string, request: Wire): Promise<CommandResult<void>> {
    return attempt(async () => {
      await this.rpc(name, request);
    });
  }

  // ---- not client commands: the embedded engine ---------------------------------------------

  get pendingCommands(): number {
    return this.engine.pendingCommands;
  }
  tick(): Promise<void> {
    return this.engine.tick();
  }
  readRecords(...args: Parameters<Engine['readRecords']>): ReturnType<Engine['readRecords']> {
    return this.engine.readRecords(...args);
  }
  listIncidents(...args: Parameters<Engine['listIncidents']>): ReturnType<Engine['listIncidents']> {
    return this.engine.listIncidents(...args);
  }
  onRecords(...args: Parameters<Engine['onRecords']>): ReturnType<Engine['onRecords']> {
    return this.engine.onRecords(...args);
  }
  onJobsAvailable(...args: Parameters<Engine['onJobsAvailable']>): ReturnType<Engine['onJobsAvailable']> {
    return this.engine.onJobsAvailable(...args);
  }
  stop(): Promise<void> {
    return this.engine.stop();
  }
}

function created(response: Wire): CreatedProcessInstance {
  return {
    processInstanceKey: key(response.processInstanceKey as string),
    processDefinitionKey: key(response.processDefinitionKey as string),
    bpmnProcessId: String(response.bpmnProcessId),
    version: Number(response.version),
  };
}

function activated(job: Wire): ActivatedJob {
  return {
    key: key(job.key as string),
    type: String(job.type),
    processInstanceKey: key(job.processInstanceKey as string),
    bpmnProcessId: String(job.bpmnProcessId),
    processDefinitionVersion: Number(job.processDefinitionVersion),
    processDefinitionKey: key(job.processDefinitionKey as string),
    elementId: String(job.elementId),
    elementInstanceKey: key(job.elementInstanceKey as string),
    customHeaders: parse(job.customHeaders) as Record<string, string>,
    worker: String(job.worker),
    retries: Number(job.retries),
    deadline: Number(job.deadline),
    variables: parse(job.variables),
  };
}
