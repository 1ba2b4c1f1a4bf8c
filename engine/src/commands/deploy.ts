import { createHash } from 'node:crypto';
import type { DeploymentProblem } from '../model/DeploymentProblem.js';
import { formatProblem } from '../model/DeploymentProblem.js';
import type { ProcessDefinitionModel } from '../model/ProcessModel.js';
import { readProcesses } from '../model/readProcesses.js';
import type { BatchContext } from '../processing/BatchContext.js';
import type { Machine } from '../processing/Machine.js';
import { scheduleTimer } from '../timer/timerSchedule.js';
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
  if (problems.length > 0) {
    return reject(
      'INVALID_ARGUMENT',
      `Expected to deploy new resources, but encountered the following errors:\n${problems.map(formatProblem).join('\n')}`,
    );
  }
  return accept(parsed);
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
    if (start.eventType === 'TIMER' && start.timer && !start.timer.expression.feel) {
      const schedule = scheduleTimer(start.timer.kind, start.timer.expression.source, ctx.now);
      if (typeof schedule === 'string') continue;
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
    } else if (start.eventType === 'MESSAGE' && start.message) {
      const name = start.message.name.feel ? undefined : start.message.name.source;
      if (!name) continue;
      m.apply.message.startSubscriptionCreated({
        key: await ctx.nextKey(),
        messageName: name,
        bpmnProcessId: process.bpmnProcessId,
        processDefinitionKey: definitionKey,
        data: { startEventId: startId, version: 0 },
      });
    } else if (start.eventType === 'SIGNAL' && start.signal) {
      m.apply.signal.subscriptionCreated({
        key: await ctx.nextKey(),
        signalName: start.signal.name.source,
        processInstanceKey: null,
        processDefinitionKey: definitionKey,
        data: { elementId: startId, elementInstanceKey: -1, bpmnProcessId: process.bpmnProcessId },
      });
    }
  }
}
