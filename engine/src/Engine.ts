import { EventEmitter } from 'node:events';
import type { Knex } from 'knex';
import {
  correlateBufferedForNewSubscriptions,
  expireMessages,
  publishMessage,
  type PublishMessageRequest,
} from './commands/messageCommands.js';
import { deploy, validateResources, type DeploymentResource, type DeploymentResult } from './commands/deploy.js';
import { resolveIncident } from './commands/incidentCommands.js';
import { deleteResource } from './commands/deleteResource.js';
import {
  activateJobs,
  completeJob,
  failJob,
  throwError,
  updateJobRetries,
  updateJobTimeout,
  type ActivatedJob,
  type ActivateJobsRequest,
} from './commands/jobCommands.js';
import {
  cancelProcessInstance,
  createProcessInstance,
  setVariables,
  type CreatedProcessInstance,
  type CreateProcessInstanceRequest,
} from './commands/processInstanceCommands.js';
import { accept, reject, type CommandResult } from './commands/Rejection.js';
import { reviveJobs, triggerDueTimers } from './commands/sweepCommands.js';
import { variablesDocument } from './commands/variablesDocument.js';
import { systemClock, type Clock } from './feel/Clock.js';
import { BatchContext } from './processing/BatchContext.js';
import { Machine } from './processing/Machine.js';
import { broadcastSignalFrom } from './processing/signals.js';
import type { EngineRecord } from './records/Record.js';
import type { Database } from './store/Database.js';
import { DefinitionCache } from './state/DefinitionCache.js';
import { KeyGenerator } from './state/KeyGenerator.js';
import { mappings } from './state/mappings.js';
import type { Variables } from './state/types.js';

/** How to create an engine. */
export interface EngineOptions {
  readonly db: Database;
  readonly clock?: Clock;
  /** How many commands share one transaction at most. */
  readonly maxBatchSize?: number;
  /** How often the scheduler looks for due timers and expired jobs and messages (0: never; call tick()). */
  readonly schedulerIntervalMs?: number;
}

type Handler<T> = (ctx: BatchContext, m: Machine) => Promise<CommandResult<T>>;

/** Keys a command will read, loaded (and locked) for the whole batch in a few queries. */
interface Prefetch {
  readonly jobKeys?: readonly number[];
  readonly instanceKeys?: readonly number[];
}

interface Queued {
  handler: Handler<unknown>;
  prefetch: Prefetch | undefined;
  resolve: (result: CommandResult<unknown>) => void;
  reject: (error: unknown) => void;
}

/** An incident waiting to be resolved. */
export interface OpenIncident {
  readonly incidentKey: string;
  readonly processInstanceKey: string;
  readonly jobKey: string | undefined;
  readonly elementInstanceKey: string;
  readonly errorType: string;
  readonly errorMessage: string;
  readonly elementId: string;
  readonly bpmnProcessId: string;
  readonly createdAt: number;
}

/** A process instance that ran to its end, with its variables. */
export interface ProcessInstanceResult extends CreatedProcessInstance {
  readonly variables: Variables;
}

const keyOf = (value: string | number): number => Number(value);

/** The channel on which engines sharing a PostgreSQL announce job types that became activatable. */
export const JOBS_CHANNEL = 'engine_jobs';

/** The part of a node-postgres client that listening needs. */
interface PgListener {
  query(sql: string): Promise<unknown>;
  on(event: 'notification', listener: (message: { channel: string; payload?: string }) => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  end(): Promise<void>;
}

type InstanceOutcome = { completed: boolean; variables: Record<string, unknown> };

/**
 * The embedded BPMN engine with Zeebe's semantics. Every command runs in a database transaction shared
 * with the other commands of its batch; responses and record notifications go out after the commit.
 */
export class Engine {
  private readonly db: Knex;
  private readonly clock: Clock;
  private readonly keys = new KeyGenerator();
  private readonly definitions = new DefinitionCache();
  private readonly queue: Queued[] = [];
  private pumpScheduled = false;
  private inFlight = 0;
  private readonly maxInFlight: number;
  private readonly events = new EventEmitter();
  private readonly waiters = new Map<number, (outcome: InstanceOutcome) => void>();
  private readonly maxBatchSize: number;
  private timer: NodeJS.Timeout | undefined;
  private listening: Promise<PgListener | undefined> | undefined;
  private stopped = false;

  constructor(private readonly options: EngineOptions) {
    this.db = options.db.knex;
    this.clock = options.clock ?? systemClock;
    this.maxBatchSize = options.maxBatchSize ?? 200;
    this.maxInFlight = options.db.dialect === 'postgres' ? 2 : 1;
    this.events.setMaxListeners(0);
    if (options.db.dialect === 'postgres') this.listening = this.listenForJobs();
    const interval = options.schedulerIntervalMs ?? 100;
    if (interval > 0) {
      this.timer = setInterval(() => void this.tick().catch(() => undefined), interval);
      this.timer.unref();
    }
  }

  // ---- public API ---------------------------------------------------------------------------

  /** Deploys BPMN resources atomically; identical resources return their existing versions. */
  async deploy(resources: readonly DeploymentResource[]): Promise<CommandResult<DeploymentResult>> {
    const validated = await validateResources(resources);
    if (!validated.ok) return validated;
    return this.submit((ctx, m) => deploy(ctx, m, validated.value));
  }

  /** Starts an instance of a process (its latest version unless one is named). */
  async createProcessInstance(request: CreateProcessInstanceRequest): Promise<CommandResult<CreatedProcessInstance>> {
    const variables = variablesDocument(request.variables);
    if (!variables.ok) return variables;
    return this.submit((ctx, m) => createProcessInstance(ctx, m, request, variables.value));
  }

  /** Starts an instance and waits for it to complete, returning its variables (all, or those asked for). */
  async createProcessInstanceWithResult(
    request: CreateProcessInstanceRequest & { requestTimeoutMs?: number; fetchVariables?: readonly string[] },
  ): Promise<CommandResult<ProcessInstanceResult>> {
    const variables = variablesDocument(request.variables);
    if (!variables.ok) return variables;
    let finish!: (outcome: InstanceOutcome) => void;
    const outcome = new Promise<InstanceOutcome>((resolve) => (finish = resolve));
    const created = await this.submit(async (ctx, m) => {
      const result = await createProcessInstance(ctx, m, request, variables.value);
      if (result.ok) ctx.awaited.set(keyOf(result.value.processInstanceKey), finish);
      return result;
    });
    if (!created.ok) return created;
    const key = keyOf(created.value.processInstanceKey);
    const timeoutMs = request.requestTimeoutMs ?? 60_000;
    let timeout: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      outcome,
      new Promise<undefined>((resolve) => (timeout = setTimeout(() => resolve(undefined), timeoutMs))),
    ]);
    clearTimeout(timeout);
    this.waiters.delete(key);
    if (!finished) {
      return reject(
        'PROCESSING_ERROR',
        `Expected the process instance '${key}' to complete within ${timeoutMs} ms, but it did not`,
      );
    }
    if (!finished.completed)
      return reject('INVALID_STATE', `The process instance '${key}' was terminated before it completed`);
    const all = finished.variables as Variables;
    const fetched = request.fetchVariables?.length
      ? Object.fromEntries(request.fetchVariables.filter((n) => n in all).map((n) => [n, all[n]!]))
      : all;
    return accept({ ...created.value, variables: fetched });
  }

  activateJobs(request: ActivateJobsRequest): Promise<CommandResult<ActivatedJob[]>> {
    return this.submit((ctx, m) => activateJobs(ctx, m, request));
  }

  async completeJob(request: { jobKey: string | number; variables?: unknown }): Promise<CommandResult<void>> {
    const variables = variablesDocument(request.variables);
    if (!variables.ok) return variables;
    return this.submit((ctx, m) => completeJob(ctx, m, keyOf(request.jobKey), variables.value), {
      jobKeys: [keyOf(request.jobKey)],
    });
  }

  async failJob(request: {
    jobKey: string | number;
    retries: number;
    errorMessage?: string;
    retryBackOffMs?: number;
    variables?: unknown;
  }): Promise<CommandResult<void>> {
    const variables = variablesDocument(request.variables);
    if (!variables.ok) return variables;
    return this.submit((ctx, m) =>
      failJob(ctx, m, {
        jobKey: keyOf(request.jobKey),
        retries: request.retries,
        errorMessage: request.errorMessage ?? '',
        retryBackOffMs: request.retryBackOffMs ?? 0,
        variables: variables.value,
      }),
    );
  }

  async throwError(request: {
    jobKey: string | number;
    errorCode: string;
    errorMessage?: string;
    variables?: unknown;
  }): Promise<CommandResult<void>> {
    const variables = variablesDocument(request.variables);
    if (!variables.ok) return variables;
    return this.submit((ctx, m) =>
      throwError(ctx, m, {
        jobKey: keyOf(request.jobKey),
        errorCode: request.errorCode,
        errorMessage: request.errorMessage ?? '',
        variables: variables.value,
      }),
    );
  }

  updateJobRetries(request: { jobKey: string | number; retries: number }): Promise<CommandResult<void>> {
    return this.submit((ctx, m) => updateJobRetries(ctx, m, keyOf(request.jobKey), request.retries));
  }

  updateJobTimeout(request: { jobKey: string | number; timeoutMs: number }): Promise<CommandResult<void>> {
    return this.submit((ctx, m) => updateJobTimeout(ctx, m, keyOf(request.jobKey), request.timeoutMs));
  }

  async publishMessage(
    request: Omit<PublishMessageRequest, 'variables'> & { variables?: unknown },
  ): Promise<CommandResult<{ key: string }>> {
    const variables = variablesDocument(request.variables);
    if (!variables.ok) return variables;
    return this.submit((ctx, m) => publishMessage(ctx, m, { ...request, variables: variables.value }));
  }

  async broadcastSignal(request: { signalName: string; variables?: unknown }): Promise<CommandResult<{ key: string }>> {
    const variables = variablesDocument(request.variables);
    if (!variables.ok) return variables;
    if (!request.signalName) return reject('INVALID_ARGUMENT', 'Expected a signal name, but it was empty');
    return this.submit(async (_ctx, m) =>
      accept({ key: String(await broadcastSignalFrom(m, request.signalName, variables.value)) }),
    );
  }

  async setVariables(request: {
    elementInstanceKey: string | number;
    variables: unknown;
    local?: boolean;
  }): Promise<CommandResult<{ key: string }>> {
    const variables = variablesDocument(request.variables);
    if (!variables.ok) return variables;
    return this.submit((ctx, m) =>
      setVariables(ctx, m, keyOf(request.elementInstanceKey), variables.value, request.local ?? false),
    );
  }

  cancelProcessInstance(request: { processInstanceKey: string | number }): Promise<CommandResult<void>> {
    return this.submit((ctx, m) => cancelProcessInstance(ctx, m, keyOf(request.processInstanceKey)));
  }

  resolveIncident(request: { incidentKey: string | number }): Promise<CommandResult<void>> {
    return this.submit((ctx, m) => resolveIncident(ctx, m, keyOf(request.incidentKey)));
  }

  /** Deletes a process definition that no instance runs (Zeebe's DeleteResource). */
  deleteResource(request: { resourceKey: string | number }): Promise<CommandResult<void>> {
    return this.submit((ctx, m) => deleteResource(ctx, m, keyOf(request.resourceKey)));
  }

  /** Commands waiting for a transaction: the gateway refuses new work when this grows too long. */
  get pendingCommands(): number {
    return this.queue.length;
  }

  /** Fires due timers, revives timed-out and backed-off jobs, expires messages. The scheduler calls it; tests may too. */
  async tick(): Promise<void> {
    if (this.stopped) return;
    for (;;) {
      const result = await this.submit(async (ctx, m) => {
        const fired = await triggerDueTimers(ctx, m, 100);
        const revived = await reviveJobs(ctx, m, 100);
        const expired = await expireMessages(ctx, m, 100);
        return accept(fired + revived + expired);
      });
      if (!result.ok || result.value === 0) return;
    }
  }

  /** Open incidents, oldest first (of one process instance, or all). */
  async listIncidents(filter: { processInstanceKey?: string | number } = {}): Promise<OpenIncident[]> {
    let query = this.db('engine_incident').orderBy('key');
    if (filter.processInstanceKey !== undefined)
      query = query.where({ process_instance_key: keyOf(filter.processInstanceKey) });
    const rows = (await query) as Record<string, unknown>[];
    return rows.map((columns) => {
      const row = mappings.incident.fromColumns(columns);
      return {
        incidentKey: String(row.key),
        processInstanceKey: String(row.processInstanceKey),
        jobKey: row.jobKey === null ? undefined : String(row.jobKey),
        elementInstanceKey: String(row.data.elementInstanceKey),
        errorType: row.data.errorType,
        errorMessage: row.data.errorMessage,
        elementId: row.data.elementId,
        bpmnProcessId: row.data.bpmnProcessId,
        createdAt: row.data.createdAt,
      };
    });
  }

  /** Calls the listener with every record after its transaction commits; returns an unsubscribe function. */
  onRecords(listener: (records: readonly EngineRecord[]) => void): () => void {
    this.events.on('records', listener);
    return () => this.events.off('records', listener);
  }

  /** Calls the listener when jobs of a type become activatable (for long-polling workers). */
  onJobsAvailable(listener: (type: string) => void): () => void {
    this.events.on('jobs', listener);
    return () => this.events.off('jobs', listener);
  }

  /** Reads the record log from a position on (exclusive), in order. */
  async readRecords(afterPosition = 0, limit = 1000): Promise<EngineRecord[]> {
    const rows = (await this.db('engine_record')
      .where('position', '>', afterPosition)
      .orderBy('position')
      .limit(limit)) as Record<string, unknown>[];
    return rows.map(toRecord);
  }

  /** Stops the scheduler and waits for queued commands to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    while (this.inFlight > 0 || this.queue.length > 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const listener = await this.listening;
    await listener?.end().catch(() => undefined);
  }

  /**
   * On PostgreSQL, other engine processes announce new activatable jobs with NOTIFY engine_jobs: listen
   * on a connection of our own so that long-polling workers here wake up for them too.
   */
  private async listenForJobs(): Promise<PgListener | undefined> {
    try {
      const connection = (await this.db.client.acquireRawConnection()) as PgListener;
      connection.on('notification', (message) => {
        if (message.channel === JOBS_CHANNEL && message.payload) this.events.emit('jobs', message.payload);
      });
      connection.on('error', () => undefined); // the scheduler's recheck still wakes workers
      await connection.query(`listen ${JOBS_CHANNEL}`);
      return connection;
    } catch {
      return undefined;
    }
  }

  // ---- batching -----------------------------------------------------------------------------

  private submit<T>(handler: Handler<T>, prefetch?: Prefetch): Promise<CommandResult<T>> {
    return new Promise<CommandResult<T>>((resolve, rejectPromise) => {
      this.queue.push({
        handler: handler as Handler<unknown>,
        prefetch,
        resolve: resolve as (r: CommandResult<unknown>) => void,
        reject: rejectPromise,
      });
      if (!this.pumpScheduled) {
        this.pumpScheduled = true;
        setImmediate(() => {
          this.pumpScheduled = false;
          this.pump();
        });
      }
    });
  }

  /**
   * Starts batches while transactions are free: one at a time on PGlite (one connection), two on
   * PostgreSQL, so that one batch's commit overlaps the next one's processing. Row locks keep batches
   * that touch the same instances in order; the record-log lock keeps positions in commit order.
   */
  private pump(): void {
    while (this.inFlight < this.maxInFlight && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatchSize);
      this.inFlight += 1;
      void this.runBatch(batch).finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
    }
  }

  private async runBatch(batch: Queued[]): Promise<void> {
    try {
      await this.execute(batch);
    } catch {
      if (batch.length === 1) {
        await this.execute(batch).catch((error: unknown) => batch[0]!.reject(error));
        return;
      }
      // Isolate the failing command: every other one commits on its own.
      for (const item of batch) await this.execute([item]).catch((error: unknown) => item.reject(error));
    }
  }

  private async execute(batch: Queued[]): Promise<void> {
    const results: CommandResult<unknown>[] = [];
    let ctx!: BatchContext;
    const trace = process.env.POLIS_ENGINE_TRACE ? [performance.now()] : undefined;
    const committed = await this.db.transaction(async (trx) => {
      ctx = new BatchContext(trx, this.clock, this.clock.now(), this.keys, this.definitions);
      trace?.push(performance.now());
      await prefetch(ctx, batch);
      trace?.push(performance.now());
      for (const item of batch) {
        const m = new Machine(ctx);
        const result = await item.handler(ctx, m);
        if (result.ok) await correlateBufferedForNewSubscriptions(ctx, m);
        results.push(result);
      }
      trace?.push(performance.now());
      const flushed = await ctx.flushAll();
      if (this.options.db.dialect === 'postgres' && ctx.jobTypesAvailable.size > 0) {
        await trx.raw(`select pg_notify('${JOBS_CHANNEL}', t) from unnest(?::text[]) as t`, [
          [...ctx.jobTypesAvailable],
        ] as never);
      }
      trace?.push(performance.now());
      return flushed;
    });
    if (trace) {
      trace.push(performance.now());
      const steps = trace.slice(1).map((t, i) => (t - trace[i]!).toFixed(1));
      process.stderr.write(`batch ${batch.length} begin/prefetch/handlers/flush/commit ms: ${steps.join(' ')}\n`);
    }
    const records: EngineRecord[] = committed.map(({ position, record }) => ({ ...record, position, partitionId: 1 }));
    batch.forEach((item, i) => item.resolve(results[i]!));
    for (const [key, waiter] of ctx.awaited) this.waiters.set(key, waiter);
    for (const [key, finished] of ctx.finishedInstances) {
      const waiter = this.waiters.get(key);
      if (waiter) {
        this.waiters.delete(key);
        waiter(finished);
      }
    }
    if (records.length > 0) this.events.emit('records', records);
    for (const type of ctx.jobTypesAvailable) this.events.emit('jobs', type);
  }
}

/** Loads the jobs and process instances a batch will touch: jobs first, then their instances, in key order. */
async function prefetch(ctx: BatchContext, batch: readonly Queued[]): Promise<void> {
  const jobKeys = batch.flatMap((item) => item.prefetch?.jobKeys ?? []);
  if (jobKeys.length > 1) await ctx.jobs.load(jobKeys, true);
  const instanceKeys = [
    ...batch.flatMap((item) => item.prefetch?.instanceKeys ?? []),
    ...jobKeys.map((key) => ctx.jobs.peek(key)?.processInstanceKey).filter((key): key is number => key !== undefined),
  ];
  if (instanceKeys.length > 1) await ctx.instances.load(instanceKeys, true);
}

function toRecord(row: Record<string, unknown>): EngineRecord {
  const value = typeof row.value === 'string' ? JSON.parse(row.value) : row.value;
  return {
    position: Number(row.position),
    key: Number(row.key),
    timestamp: Number(row.timestamp),
    recordType: row.record_type as EngineRecord['recordType'],
    valueType: row.value_type as EngineRecord['valueType'],
    intent: row.intent as string,
    partitionId: 1,
    value,
  };
}

/** Creates the embedded engine over a migrated database. */
export function createEngine(options: EngineOptions): Engine {
  return new Engine(options);
}
