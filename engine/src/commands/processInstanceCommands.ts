import type { BatchContext } from '../processing/BatchContext.js';
import type { Machine } from '../processing/Machine.js';
import type { Variables } from '../state/types.js';
import { accept, reject, type CommandResult } from './Rejection.js';

/** What a client asks for to start an instance. */
export interface CreateProcessInstanceRequest {
  readonly bpmnProcessId?: string;
  readonly processDefinitionKey?: string | number;
  /** -1 or undefined: the latest version. */
  readonly version?: number;
  readonly variables?: unknown;
}

/** A started process instance. */
export interface CreatedProcessInstance {
  readonly processInstanceKey: string;
  readonly processDefinitionKey: string;
  readonly bpmnProcessId: string;
  readonly version: number;
}

export async function createProcessInstance(
  ctx: BatchContext,
  m: Machine,
  request: CreateProcessInstanceRequest,
  variables: Variables,
): Promise<CommandResult<CreatedProcessInstance>> {
  const deployed =
    request.processDefinitionKey !== undefined && Number(request.processDefinitionKey) > 0
      ? await ctx.definitions.byDefinitionKey(ctx.trx, Number(request.processDefinitionKey))
      : request.bpmnProcessId
        ? await ctx.definitions.byProcessId(ctx.trx, request.bpmnProcessId, request.version, ctx.latestDefinitions)
        : undefined;
  if (!deployed) {
    if (!request.bpmnProcessId && request.processDefinitionKey === undefined) {
      return reject('INVALID_ARGUMENT', 'Expected a BPMN process id or a process definition key, but got neither');
    }
    const what =
      request.processDefinitionKey !== undefined && Number(request.processDefinitionKey) > 0
        ? `key '${request.processDefinitionKey}'`
        : request.version !== undefined && request.version >= 0
          ? `BPMN process id '${request.bpmnProcessId}' and version '${request.version}'`
          : `BPMN process id '${request.bpmnProcessId}'`;
    return reject('NOT_FOUND', `Expected to find process definition with ${what}, but none found`);
  }
  const hasNone = deployed.model.startEventIds.some((id) => deployed.model.elements.get(id)?.eventType === 'NONE');
  if (!hasNone) {
    return reject(
      'INVALID_STATE',
      `Expected to create instance of process with none start event, but there is no such event`,
    );
  }
  const doc = await m.createInstance(deployed, variables);
  await m.run();
  return accept({
    processInstanceKey: String(doc.key),
    processDefinitionKey: String(deployed.row.key),
    bpmnProcessId: deployed.row.bpmnProcessId,
    version: deployed.row.version,
  });
}

export async function cancelProcessInstance(
  ctx: BatchContext,
  m: Machine,
  processInstanceKey: number,
): Promise<CommandResult<void>> {
  const doc = await m.instance(processInstanceKey);
  const root = doc?.elements[processInstanceKey];
  if (!doc || !root) {
    return reject(
      'NOT_FOUND',
      `Expected to cancel a process instance with key '${processInstanceKey}', but no such process was found`,
    );
  }
  if (doc.parentProcessInstanceKey > 0) {
    return reject(
      'INVALID_STATE',
      `Expected to cancel a process instance with key '${processInstanceKey}', but it is created by a parent process instance. Cancel the root process instance '${doc.parentProcessInstanceKey}' instead.`,
    );
  }
  await m.terminate(doc, root);
  await m.run();
  void ctx;
  return accept(undefined);
}

async function findInstanceOfElement(ctx: BatchContext, m: Machine, elementInstanceKey: number) {
  const direct = await m.instance(elementInstanceKey);
  if (direct) return direct;
  await ctx.instances.flush();
  const [row] = (await ctx
    .trx('engine_process_instance')
    .select('key')
    .whereRaw("data->'elements'->? is not null", [String(elementInstanceKey)])
    .limit(1)) as { key: string }[];
  return row ? m.instance(Number(row.key)) : undefined;
}

export async function setVariables(
  ctx: BatchContext,
  m: Machine,
  elementInstanceKey: number,
  variables: Variables,
  local: boolean,
): Promise<CommandResult<{ key: string }>> {
  const doc = await findInstanceOfElement(ctx, m, elementInstanceKey);
  if (!doc || !doc.elements[elementInstanceKey]) {
    return reject(
      'NOT_FOUND',
      `Expected to update variables for element with key '${elementInstanceKey}', but no such element was found`,
    );
  }
  if (local) await m.variables.setLocal(doc, elementInstanceKey, variables);
  else await m.variables.propagate(doc, elementInstanceKey, variables);
  const key = await ctx.nextKey();
  ctx.record('VARIABLE_DOCUMENT', 'UPDATED', key, {
    scopeKey: elementInstanceKey,
    updateSemantics: local ? 'LOCAL' : 'PROPAGATE',
    variables: variables as { [name: string]: never },
    tenantId: '<default>',
  });
  return accept({ key: String(key) });
}
