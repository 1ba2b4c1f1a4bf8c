import * as grpc from '@grpc/grpc-js';
import type { ActivatedJob } from '../commands/jobCommands.js';
import type { CommandResult } from '../commands/Rejection.js';
import type { Engine } from '../Engine.js';
import { rejectionError, statusError, type GatewayError } from './grpcErrors.js';
import { JobActivator } from './JobActivator.js';
import { loadGatewayService } from './loadGatewayService.js';
import { presentJob } from './presentJob.js';

/** Where and how the gateway listens. */
export interface GatewayOptions {
  readonly engine: Engine;
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
  /** Commands queued in the engine beyond which new requests get RESOURCE_EXHAUSTED. */
  readonly maxPendingCommands?: number;
}

/** A running gateway. */
export interface RunningGateway {
  readonly port: number;
  readonly address: string;
  /** Stops accepting calls, ends open streams, and waits for calls in progress. */
  close(): Promise<void>;
}

/** Zeebe's version that the gateway reports: the protocol it serves is the 8.8 client's. */
export const GATEWAY_VERSION = '8.8.0';
const DEFAULT_LONG_POLL_MS = 10_000;
/** Zeebe's own limit on a message's size. */
const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;
/** Zeebe's error message on jobs activated for a client that went away before they were sent. */
const JOBS_NOT_SENT = 'Failed to send activated jobs to client';

type Call<Request> = grpc.ServerUnaryCall<Request, unknown>;
type Callback = grpc.sendUnaryData<unknown>;
type Req = Record<string, unknown>;

const str = (value: unknown): string =>
  typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
const num = (value: unknown): number => Number(value ?? 0);

/**
 * Tells clients to send messages uncompressed. @camunda8/sdk gzips every request; on loopback or a LAN
 * that only costs CPU, and the asynchronous inflate spreads requests that arrive together over many
 * event-loop turns, so the engine batches fewer commands per transaction. Clients still accept anything.
 */
const uncompressedRequests: grpc.ServerInterceptor = (_method, call) =>
  new grpc.ServerInterceptingCall(call, {
    sendMetadata: (metadata, next) => {
      metadata.set('grpc-accept-encoding', 'identity');
      next(metadata);
    },
  });

/**
 * Serves Zeebe's gateway gRPC protocol (`gateway_protocol.Gateway`) over the embedded engine, so that
 * the official clients, zbctl and existing job workers work against Polis unchanged.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const { engine } = options;
  const maxPending = options.maxPendingCommands ?? 20_000;
  const activator = new JobActivator(engine);
  const streams = new Set<grpc.ServerWritableStream<Req, unknown>>();
  const server = new grpc.Server({
    'grpc.max_receive_message_length': MAX_MESSAGE_BYTES,
    'grpc.max_send_message_length': MAX_MESSAGE_BYTES,
    interceptors: [uncompressedRequests],
  });

  const overloaded = (): GatewayError | undefined =>
    engine.pendingCommands > maxPending
      ? statusError(
          grpc.status.RESOURCE_EXHAUSTED,
          `Expected to handle the request, but the engine is busy (${engine.pendingCommands} commands waiting); retry with back-off`,
        )
      : undefined;

  /** Fails undeliverable jobs back with their retries and no back-off, as Zeebe's gateway does, so another worker gets them. */
  const giveBack = (jobs: readonly ActivatedJob[]) =>
    Promise.all(
      jobs.map((job) =>
        engine
          .failJob({ jobKey: job.key, retries: job.retries, errorMessage: JOBS_NOT_SENT, retryBackOffMs: 0 })
          .catch(() => undefined),
      ),
    );

  /** A unary call: back-pressure, the engine command, then a response or Zeebe's rejection status. */
  const unary =
    <T>(command: string, run: (request: Req) => Promise<CommandResult<T>>, present: (value: T) => unknown) =>
    (call: Call<Req>, callback: Callback) => {
      const busy = overloaded();
      if (busy) return callback(busy);
      run(call.request).then(
        (result) =>
          result.ok ? callback(null, present(result.value)) : callback(rejectionError(command, result.rejection)),
        (error: unknown) =>
          callback(
            statusError(
              grpc.status.INTERNAL,
              `Unexpected error while processing ${command}: ${error instanceof Error ? error.message : String(error)}`,
            ),
          ),
      );
    };

  const unimplemented = (what: string) => (_call: Call<Req>, callback: Callback) =>
    callback(statusError(grpc.status.UNIMPLEMENTED, what));

  const deploy = (resources: { name: string; content: Buffer | string }[]) =>
    engine.deploy(
      resources.map((r) => ({
        name: r.name,
        content: Buffer.isBuffer(r.content) ? r.content.toString('utf8') : str(r.content),
      })),
    );

  const handlers: grpc.UntypedServiceImplementation = {
    Topology: (_call: Call<Req>, callback: Callback) =>
      callback(null, {
        brokers: [
          {
            nodeId: 0,
            host: options.host ?? '127.0.0.1',
            port: boundPort,
            partitions: [{ partitionId: 1, role: 'LEADER', health: 'HEALTHY' }],
            version: GATEWAY_VERSION,
          },
        ],
        clusterSize: 1,
        partitionsCount: 1,
        replicationFactor: 1,
        gatewayVersion: GATEWAY_VERSION,
      }),
    DeployResource: unary(
      'CREATE',
      (r) => deploy((r.resources as { name: string; content: Buffer }[]) ?? []),
      (value) => ({
        key: value.deploymentKey,
        deployments: value.processes.map((p) => ({
          process: {
            bpmnProcessId: p.bpmnProcessId,
            version: p.version,
            processDefinitionKey: p.processDefinitionKey,
            resourceName: p.resourceName,
            tenantId: '<default>',
          },
        })),
        tenantId: '<default>',
      }),
    ),
    DeployProcess: unary(
      'CREATE',
      (r) =>
        deploy(
          ((r.processes as { name: string; definition: Buffer }[]) ?? []).map((p) => ({
            name: p.name,
            content: p.definition,
          })),
        ),
      (value) => ({
        key: value.deploymentKey,
        processes: value.processes.map((p) => ({
          bpmnProcessId: p.bpmnProcessId,
          version: p.version,
          processDefinitionKey: p.processDefinitionKey,
          resourceName: p.resourceName,
          tenantId: '<default>',
        })),
      }),
    ),
    CreateProcessInstance: unary(
      'CREATE',
      (r) => {
        if (Array.isArray(r.startInstructions) && r.startInstructions.length > 0) {
          return Promise.resolve({
            ok: false,
            rejection: {
              type: 'INVALID_ARGUMENT',
              reason: 'Start instructions are not supported by the embedded engine yet; start at the none start event',
            },
          } as const);
        }
        return engine.createProcessInstance({
          bpmnProcessId: str(r.bpmnProcessId) || undefined,
          processDefinitionKey: num(r.processDefinitionKey) > 0 ? str(r.processDefinitionKey) : undefined,
          version: num(r.version) > 0 ? num(r.version) : -1,
          variables: str(r.variables),
        });
      },
      (v) => ({ ...v, tenantId: '<default>' }),
    ),
    CreateProcessInstanceWithResult: (call: Call<Req>, callback: Callback) => {
      const busy = overloaded();
      if (busy) return callback(busy);
      const r = (call.request.request ?? {}) as Req;
      const timeout = num(call.request.requestTimeout) > 0 ? num(call.request.requestTimeout) : 10_000;
      engine
        .createProcessInstanceWithResult({
          bpmnProcessId: str(r.bpmnProcessId) || undefined,
          processDefinitionKey: num(r.processDefinitionKey) > 0 ? str(r.processDefinitionKey) : undefined,
          version: num(r.version) > 0 ? num(r.version) : -1,
          variables: str(r.variables),
          requestTimeoutMs: timeout,
          fetchVariables: (call.request.fetchVariables as string[]) ?? [],
        })
        .then(
          (result) => {
            if (result.ok)
              return callback(null, {
                ...result.value,
                variables: JSON.stringify(result.value.variables),
                tenantId: '<default>',
              });
            if (result.rejection.type === 'PROCESSING_ERROR')
              return callback(statusError(grpc.status.DEADLINE_EXCEEDED, result.rejection.reason));
            return callback(rejectionError('CREATE_WITH_AWAITING_RESULT', result.rejection));
          },
          (error: unknown) => callback(statusError(grpc.status.INTERNAL, String(error))),
        );
    },
    CancelProcessInstance: unary(
      'CANCEL',
      (r) => engine.cancelProcessInstance({ processInstanceKey: str(r.processInstanceKey) }),
      () => ({}),
    ),
    CompleteJob: unary(
      'COMPLETE',
      (r) => engine.completeJob({ jobKey: str(r.jobKey), variables: str(r.variables) }),
      () => ({}),
    ),
    FailJob: unary(
      'FAIL',
      (r) =>
        engine.failJob({
          jobKey: str(r.jobKey),
          retries: num(r.retries),
          errorMessage: str(r.errorMessage),
          retryBackOffMs: num(r.retryBackOff),
          variables: str(r.variables),
        }),
      () => ({}),
    ),
    ThrowError: unary(
      'THROW_ERROR',
      (r) =>
        engine.throwError({
          jobKey: str(r.jobKey),
          errorCode: str(r.errorCode),
          errorMessage: str(r.errorMessage),
          variables: str(r.variables),
        }),
      () => ({}),
    ),
    UpdateJobRetries: unary(
      'UPDATE_RETRIES',
      (r) => engine.updateJobRetries({ jobKey: str(r.jobKey), retries: num(r.retries) }),
      () => ({}),
    ),
    UpdateJobTimeout: unary(
      'UPDATE_TIMEOUT',
      (r) => engine.updateJobTimeout({ jobKey: str(r.jobKey), timeoutMs: num(r.timeout) }),
      () => ({}),
    ),
    PublishMessage: unary(
      'PUBLISH',
      (r) =>
        engine.publishMessage({
          name: str(r.name),
          correlationKey: str(r.correlationKey),
          timeToLiveMs: num(r.timeToLive),
          messageId: str(r.messageId) || undefined,
          variables: str(r.variables),
        }),
      (v) => ({ key: v.key, tenantId: '<default>' }),
    ),
    SetVariables: unary(
      'UPDATE',
      (r) =>
        engine.setVariables({
          elementInstanceKey: str(r.elementInstanceKey),
          variables: str(r.variables),
          local: r.local === true,
        }),
      (v) => ({ key: v.key }),
    ),
    ResolveIncident: unary(
      'RESOLVE',
      (r) => engine.resolveIncident({ incidentKey: str(r.incidentKey) }),
      () => ({}),
    ),
    BroadcastSignal: unary(
      'BROADCAST',
      (r) => engine.broadcastSignal({ signalName: str(r.signalName), variables: str(r.variables) }),
      (v) => ({ key: v.key, tenantId: '<default>' }),
    ),
    DeleteResource: unary(
      'DELETE',
      (r) => engine.deleteResource({ resourceKey: str(r.resourceKey) }),
      () => ({}),
    ),
    EvaluateDecision: unimplemented(
      'EvaluateDecision is not supported: the embedded engine does not run DMN decisions yet; use a job worker',
    ),
    ModifyProcessInstance: unimplemented(
      'ModifyProcessInstance is not supported by the embedded engine yet; cancel the instance and start a new one, or use a Zeebe cluster',
    ),
    MigrateProcessInstance: unimplemented(
      'MigrateProcessInstance is not supported by the embedded engine yet; let running instances finish on their version',
    ),
    ActivateJobs: (call: grpc.ServerWritableStream<Req, unknown>) => {
      const busy = overloaded();
      if (busy) {
        call.emit('error', busy);
        return;
      }
      const r = call.request;
      const requestTimeout = num(r.requestTimeout);
      let gone = false;
      call.on('cancelled', () => (gone = true));
      streams.add(call);
      activator
        .activate(
          {
            type: str(r.type),
            worker: str(r.worker),
            timeoutMs: num(r.timeout),
            maxJobsToActivate: num(r.maxJobsToActivate),
            fetchVariables: (r.fetchVariable as string[]) ?? [],
          },
          requestTimeout < 0 ? 0 : requestTimeout === 0 ? DEFAULT_LONG_POLL_MS : requestTimeout,
          () => gone,
        )
        .then(
          (result) => {
            if (!result.ok) call.emit('error', rejectionError('ACTIVATE', result.rejection));
            else {
              if (result.value.length > 0 && (gone || closing)) return void giveBack(result.value);
              if (result.value.length > 0) call.write({ jobs: result.value.map(presentJob) });
              call.end();
            }
          },
          (error: unknown) => call.emit('error', statusError(grpc.status.INTERNAL, String(error))),
        )
        .finally(() => streams.delete(call));
    },
    StreamActivatedJobs: (call: grpc.ServerWritableStream<Req, unknown>) => {
      const r = call.request;
      if (!str(r.type)) {
        call.emit(
          'error',
          statusError(grpc.status.INVALID_ARGUMENT, 'Expected a job type to stream, but it was empty'),
        );
        return;
      }
      let gone = false;
      call.on('cancelled', () => (gone = true));
      streams.add(call);
      const loop = async () => {
        while (!gone && !closing) {
          const result = await engine.activateJobs({
            type: str(r.type),
            worker: str(r.worker),
            timeoutMs: num(r.timeout),
            maxJobsToActivate: 32,
            fetchVariables: (r.fetchVariable as string[]) ?? [],
          });
          if (result.ok && result.value.length > 0 && (gone || closing)) await giveBack(result.value);
          else if (result.ok && result.value.length > 0) {
            for (const job of result.value) call.write(presentJob(job));
            continue;
          }
          await activator.waitFor(str(r.type), 1000, () => gone || closing);
        }
        call.end();
      };
      loop().finally(() => streams.delete(call));
    },
  };

  let closing = false;
  server.addService(loadGatewayService(), handlers);
  const boundPort = await new Promise<number>((resolve, reject) =>
    server.bindAsync(
      `${options.host ?? '127.0.0.1'}:${options.port ?? 26500}`,
      grpc.ServerCredentials.createInsecure(),
      (error, port) => (error ? reject(error) : resolve(port)),
    ),
  );
  const address = `${options.host ?? '127.0.0.1'}:${boundPort}`;
  return {
    port: boundPort,
    address,
    async close() {
      closing = true;
      activator.close();
      for (const stream of streams) stream.end();
      await new Promise<void>((resolve) => {
        const force = setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, 5000);
        force.unref();
        server.tryShutdown(() => {
          clearTimeout(force);
          resolve();
        });
      });
    },
  };
}
