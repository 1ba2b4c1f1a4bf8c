import { createHash } from 'node:crypto';
import type { DeploymentProblem } from '../model/DeploymentProblem.js';
import { formatProblem } from '../model/DeploymentProblem.js';
import type { ElementDefinition, Expression, ProcessDefinitionModel } from '../model/ProcessModel.js';
import { readProcesses } from '../model/readProcesses.js';
import type { BatchContext } from '../processing/BatchContext.js';
import type { Machine } from '../processing/Machine.js';
import { scheduleTimer, type TimerSchedule } from '../timer/timerSchedule.js';
import { evaluateFeel } from '../feel/feel.js';
import { systemClock, type Clock } from '../feel/Clock.js';
import { accept, reject, type CommandResult } from './Rejection.js';

/** A resource to deploy: a file name and its BPMN XML. */
export interface DeploymentResource {
  readonly name: string;
  readonly content: string;
}

/** A deployed (or already deployed, identical) process definition. */
export interface DeployedProcessMetadata {
  readonly bpmnProcessId: string;
  readonly version: number;
  readonly processDefinitionKey: string;
  readonly resourceName: string;
  readonly checksum: string;
  readonly duplicate: boolean;
}

export interface DeploymentResult {
  readonly deploymentKey: string;
  readonly processes: readonly DeployedProcessMetadata[];
}

/** Parses and validates every resource first (outside the transaction), so a bad one rejects all. */
export async function validateResources(
  resources: readonly DeploymentResource[],
): Promise<CommandResult<{ resource: DeploymentResource; process: ProcessDefinitionModel }[]>> {
  if (resources.length === 0)
    return reject('INVALID_ARGUMENT', 'Expected to deploy at least one resource, but none was given');
  const { problems, parsed } = await findDeploymentProblems(resources);
  if (problems.length > 0) {
    return reject(
      'INVALID_ARGUMENT',
      `Expected to deploy new resources, but encountered the following errors:\n${problems.map(formatProblem).join('\n')}`,
    );
  }
  return accept(parsed);
}

/** Every problem that keeps the resources from deploying (none: they deploy), and the processes that parsed. */
export async function findDeploymentProblems(resources: readonly DeploymentResource[]): Promise<{
  problems: DeploymentProblem[];
  parsed: { resource: DeploymentResource; process: ProcessDefinitionModel }[];
}> {
  const problems: DeploymentProblem[] = [];
  const parsed: { resource: DeploymentResource; process: ProcessDefinitionModel }[] = [];
  const seen = new Map<string, string>();
  for (const resource of resources) {
    if (!/\.(bpmn|xml)$/i.test(resource.name)) {
      problems.push({
        resourceName: resource.name,
        elementId: undefined,
        message: 'only BPMN resources (.bpmn or .xml) can be deployed',
      });
      continue;
    }
    const { processes, problems: found } = await readProcesses(resource.name, resource.content);
    problems.push(...found);
    for (const process of processes) {
      problems.push(...startEventProblems(resource.name, process));
      const other = seen.get(process.bpmnProcessId);
      if (other) {
        problems.push({
          resourceName: resource.name,
          elementId: process.bpmnProcessId,
          message: `the process id is also defined in ${other}; deploy each process once`,
        });
      }
      seen.set(process.bpmnProcessId, resource.name);
      parsed.push({ resource, process });
    }
  }
  return { problems, parsed };
}

/** Stores new versions (or finds identical ones) and replaces start-event subscriptions of the new latest versions. */
export async function deploy(
  ctx: BatchContext,
  m: Machine,
  parsed: readonly { resource: DeploymentResource; process: ProcessDefinitionModel }[],
): Promise<CommandResult<DeploymentResult>> {
  const deploymentKey = await ctx.nextKey();
  const processes: DeployedProcessMetadata[] = [];
  for (const { resource, process } of parsed) {
    const checksum = createHash('sha256').update(resource.content).digest('hex');
    // Serialize version numbering per process across engine processes.
    await ctx.trx.raw('select pg_advisory_xact_lock(hashtext(?))', [`deploy:${process.bpmnProcessId}`]);
    const [latest] = (await ctx
      .trx('engine_process_definition')
      .where({ bpmn_process_id: process.bpmnProcessId })
      .orderBy('version', 'desc')
      .limit(1)) as { key: string; version: number; checksum: string; resource_name: string }[];
    if (latest && latest.checksum === checksum && latest.resource_name === resource.name) {
      processes.push({
        bpmnProcessId: process.bpmnProcessId,
        version: Number(latest.version),
        processDefinitionKey: String(latest.key),
        resourceName: resource.name,
        checksum,
        duplicate: true,
      });
      continue;
    }
    const version = latest ? Number(latest.version) + 1 : 1;
    const key = await ctx.nextKey();
    const row = {
      key,
      bpmnProcessId: process.bpmnProcessId,
      version,
      resourceName: resource.name,
      checksum,
      resource: resource.content,
      deploymentKey,
      deployedAt: ctx.now,
    };
    await ctx.trx('engine_process_definition').insert({
      key,
      bpmn_process_id: row.bpmnProcessId,
      version,
      resource_name: row.resourceName,
      checksum,
      resource: row.resource,
      deployment_key: deploymentKey,
      deployed_at: ctx.now,
    });
    const deployed = ctx.definitions.remember(row, process);
    ctx.latestDefinitions.set(process.bpmnProcessId, key);
    ctx.record('PROCESS', 'CREATED', key, {
      bpmnProcessId: row.bpmnProcessId,
      version,
      processDefinitionKey: key,
      resourceName: row.resourceName,
      checksum,
      duplicate: false,
      tenantId: '<default>',
    });
    await replaceStartSubscriptions(ctx, m, deployed.row.key, process, latest ? Number(latest.key) : undefined);
    processes.push({
      bpmnProcessId: process.bpmnProcessId,
      version,
      processDefinitionKey: String(key),
      resourceName: resource.name,
      checksum,
      duplicate: false,
    });
  }
  ctx.record('DEPLOYMENT', 'CREATED', deploymentKey, {
    resources: parsed.map(({ resource }) => ({ resourceName: resource.name })),
    processesMetadata: processes.map((p) => ({ ...p })),
    tenantId: '<default>',
  });
  return accept({ deploymentKey: String(deploymentKey), processes });
}

async function replaceStartSubscriptions(
  ctx: BatchContext,
  m: Machine,
  definitionKey: number,
  process: ProcessDefinitionModel,
  previousKey: number | undefined,
): Promise<void> {
  if (previousKey !== undefined) {
    // The new version replaces the old one's timer, message and signal start events.
    await ctx.flush();
    const timers = ctx.timers.adopt(
      await ctx.trx('engine_timer').where({ process_definition_key: previousKey }).whereNull('process_instance_key'),
    );
    for (const timer of timers) m.apply.timer.canceled(timer);
    const messages = ctx.messageStartSubscriptions.adopt(
      await ctx.trx('engine_message_start_subscription').where({ process_definition_key: previousKey }),
    );
    for (const subscription of messages) m.apply.message.startSubscriptionDeleted(subscription);
    const signals = ctx.signalSubscriptions.adopt(
      await ctx
        .trx('engine_signal_subscription')
        .where({ process_definition_key: previousKey })
        .whereNull('process_instance_key'),
    );
    for (const subscription of signals) m.apply.signal.subscriptionDeleted(subscription);
  }
  for (const startId of process.startEventIds) {
    const start = process.elements.get(startId)!;
    const subscription = startSubscriptionOf(start, ctx.clock, ctx.now);
    if (typeof subscription === 'string')
      throw new Error(`Expected ${startId} to have been validated, but: ${subscription}`);
    if (subscription.kind === 'timer') {
      const { schedule } = subscription;
      m.apply.timer.created({
        key: await ctx.nextKey(),
        dueDate: schedule.dueDate,
        processInstanceKey: null,
        processDefinitionKey: definitionKey,
        data: {
          elementId: startId,
          elementInstanceKey: -1,
          targetElementId: startId,
          repetitions: schedule.repetitions,
          ...(schedule.cycle ? { cycle: schedule.cycle } : {}),
          bpmnProcessId: process.bpmnProcessId,
        },
      });
    } else if (subscription.kind === 'message') {
      m.apply.message.startSubscriptionCreated({
        key: await ctx.nextKey(),
        messageName: subscription.name,
        bpmnProcessId: process.bpmnProcessId,
        processDefinitionKey: definitionKey,
        data: { startEventId: startId, version: 0 },
      });
    } else if (subscription.kind === 'signal' && start.signal) {
      m.apply.signal.subscriptionCreated({
        key: await ctx.nextKey(),
        signalName: subscription.kind === 'signal' ? subscription.name : start.signal.name.source,
        processInstanceKey: null,
        processDefinitionKey: definitionKey,
        data: { elementId: startId, elementInstanceKey: -1, bpmnProcessId: process.bpmnProcessId },
      });
    }
  }
}

type StartSubscription =
  { kind: 'none' } | { kind: 'timer'; schedule: TimerSchedule } | { kind: 'message' | 'signal'; name: string };

/**
 * What a start event subscribes to once deployed. Expressions on start events are evaluated at deploy
 * time without variables, as in Zeebe; a sentence explains why one cannot be.
 */
function startSubscriptionOf(start: ElementDefinition, clock: Clock, now: number): StartSubscription | string {
  const evaluated = (expression: Expression, what: string): string | { error: string } => {
    if (!expression.feel) return expression.source;
    const result = evaluateFeel(expression.feel, {}, clock);
    if (!result.ok)
      return { error: `the ${what} '${expression.source}' cannot be evaluated at deploy time: ${result.message}` };
    if (typeof result.value !== 'string' || result.value === '') {
      return {
        error: `the ${what} '${expression.source}' must give a text at deploy time (start events see no variables), but gave ${JSON.stringify(result.value)}`,
      };
    }
    return result.value;
  };
  if (start.eventType === 'TIMER' && start.timer) {
    const text = evaluated(start.timer.expression, `timer ${start.timer.kind}`);
    if (typeof text !== 'string') return text.error;
    const schedule = scheduleTimer(start.timer.kind, text, now);
    return typeof schedule === 'string' ? `the timer ${start.timer.kind} ${schedule}` : { kind: 'timer', schedule };
  }
  if (start.eventType === 'MESSAGE' && start.message) {
    const name = evaluated(start.message.name, 'message name');
    return typeof name === 'string' ? { kind: 'message', name } : name.error;
  }
  if (start.eventType === 'SIGNAL' && start.signal) {
    const name = evaluated(start.signal.name, 'signal name');
    return typeof name === 'string' ? { kind: 'signal', name } : name.error;
  }
  return { kind: 'none' };
}

/** Problems of process-level start events whose expressions cannot be evaluated at deploy time. */
function startEventProblems(resourceName: string, process: ProcessDefinitionModel): DeploymentProblem[] {
  return process.startEventIds.flatMap((id) => {
    const result = startSubscriptionOf(process.elements.get(id)!, systemClock, Date.now());
    return typeof result === 'string' ? [{ resourceName, elementId: id, message: result }] : [];
  });
}
