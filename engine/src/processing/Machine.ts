import type { ElementDefinition, ProcessDefinitionModel, SequenceFlow } from '../model/ProcessModel.js';
import { blankElement } from '../model/ProcessModel.js';
import { Appliers } from '../state/appliers/Appliers.js';
import type { DeployedProcess } from '../state/DefinitionCache.js';
import type { ElementInstance, ProcessInstanceDoc, RetryStep, Variables } from '../state/types.js';
import type { BatchContext } from './BatchContext.js';
import { EventSubscriptionBehavior } from './behavior/EventSubscriptionBehavior.js';
import { VariableBehavior } from './behavior/VariableBehavior.js';
import type { ElementProcessor } from './ElementProcessor.js';
import { completeInner } from './processors/MultiInstanceBodyProcessor.js';
import { processorFor } from './processors/processorFor.js';

type Step = { kind: 'activate' | 'complete'; instanceKey: number; elementKey: number };

/** Zeebe's incident types. */
export type IncidentType =
  | 'JOB_NO_RETRIES'
  | 'UNHANDLED_ERROR_EVENT'
  | 'IO_MAPPING_ERROR'
  | 'CONDITION_ERROR'
  | 'EXTRACT_VALUE_ERROR'
  | 'CALLED_ELEMENT_ERROR'
  | 'UNKNOWN';

/**
 * Drives element instances through their lifecycle for one command: activation, completion,
 * termination, sequence flows, scopes, events and incidents. State changes go through the appliers.
 */
export class Machine {
  readonly apply: Appliers;
  readonly variables: VariableBehavior;
  readonly subscriptions: EventSubscriptionBehavior;
  /** Message subscriptions opened in this command that may match a buffered message. */
  readonly pendingBufferedCorrelations: number[] = [];
  /** Message start locks released in this command: a buffered message may start the next instance. */
  readonly releasedStartLocks: { bpmnProcessId: string; correlationKey: string }[] = [];
  private readonly queue: Step[] = [];
  /** Event variables an event-based gateway hands to the catch event it chose. */
  readonly handoff = new Map<string, Variables>();

  constructor(readonly ctx: BatchContext) {
    this.apply = new Appliers(ctx);
    this.variables = new VariableBehavior(ctx, this.apply);
    this.subscriptions = new EventSubscriptionBehavior(this);
  }

  // ---- lookups ------------------------------------------------------------------------------

  async instance(key: number): Promise<ProcessInstanceDoc | undefined> {
    return this.ctx.instances.get(key);
  }

  async definitionOf(doc: ProcessInstanceDoc): Promise<DeployedProcess> {
    const deployed = await this.ctx.definitions.byDefinitionKey(this.ctx.trx, doc.processDefinitionKey);
    if (!deployed)
      throw new Error(`Expected process definition ${doc.processDefinitionKey} to exist, but it is missing`);
    return deployed;
  }

  async model(doc: ProcessInstanceDoc): Promise<ProcessDefinitionModel> {
    return (await this.definitionOf(doc)).model;
  }

  async element(doc: ProcessInstanceDoc, ei: ElementInstance): Promise<ElementDefinition> {
    if (ei.type === 'PROCESS') return processElement(await this.model(doc));
    const def = (await this.model(doc)).elements.get(ei.elementId);
    if (!def) throw new Error(`Expected element ${ei.elementId} in ${doc.bpmnProcessId}, but it is missing`);
    return def;
  }

  processor(ei: ElementInstance): ElementProcessor {
    return processorFor(ei.type);
  }

  // ---- creating instances -------------------------------------------------------------------

  /** Creates a process instance document and activates its process element (and then the start event). */
  async createInstance(
    deployed: DeployedProcess,
    variables: Variables,
    options: {
      startEventId?: string;
      parent?: { doc: ProcessInstanceDoc; ei: ElementInstance };
      eventVariables?: Variables;
    } = {},
  ): Promise<ProcessInstanceDoc> {
    const key = await this.ctx.nextKey();
    const doc: ProcessInstanceDoc = {
      key,
      bpmnProcessId: deployed.row.bpmnProcessId,
      version: deployed.row.version,
      processDefinitionKey: deployed.row.key,
      parentProcessInstanceKey: options.parent?.doc.key ?? -1,
      parentElementInstanceKey: options.parent?.ei.key ?? -1,
      elements: {},
      variables: {},
    };
    this.apply.processInstance.created(doc);
    const root = this.apply.processInstance.activating(
      doc,
      key,
      deployed.row.bpmnProcessId,
      'PROCESS',
      'UNSPECIFIED',
      -1,
    );
    await this.variables.setLocal(doc, key, variables);
    this.apply.processInstance.activated(doc, root);
    const startId =
      options.startEventId ??
      deployed.model.startEventIds.find((id) => deployed.model.elements.get(id)?.eventType === 'NONE');
    if (!startId) throw new Error(`Expected a start event in ${doc.bpmnProcessId}, but found none to start with`);
    const start = await this.activateChild(doc, root, startId);
    if (options.eventVariables)
      this.apply.processInstance.updated(doc, start, { eventVariables: options.eventVariables });
    await this.openScopeSubscriptions(doc, root, processElement(deployed.model));
    return doc;
  }

  // ---- lifecycle ----------------------------------------------------------------------------

  /** Creates an element instance (ACTIVATING) in a flow scope and queues its activation. */
  async activateChild(
    doc: ProcessInstanceDoc,
    scope: ElementInstance,
    elementId: string,
    options: { inner?: boolean; locals?: Variables } = {},
  ): Promise<ElementInstance> {
    const model = await this.model(doc);
    const def = model.elements.get(elementId);
    if (!def) throw new Error(`Expected element ${elementId} in ${doc.bpmnProcessId}, but it is missing`);
    const type = def.multiInstance && !options.inner ? 'MULTI_INSTANCE_BODY' : def.type;
    const ei = this.apply.processInstance.activating(
      doc,
      await this.ctx.nextKey(),
      def.id,
      type,
      def.eventType,
      scope.key,
    );
    if (options.locals) await this.variables.setLocal(doc, ei.key, options.locals);
    const handed = this.handoff.get(`${doc.key}/${def.id}`);
    if (handed) {
      this.handoff.delete(`${doc.key}/${def.id}`);
      this.apply.processInstance.updated(doc, ei, { eventVariables: handed });
    }
    this.queue.push({ kind: 'activate', instanceKey: doc.key, elementKey: ei.key });
    return ei;
  }

  /** Queues the completion of an activated element instance. */
  scheduleCompletion(doc: ProcessInstanceDoc, ei: ElementInstance): void {
    this.queue.push({ kind: 'complete', instanceKey: doc.key, elementKey: ei.key });
  }

  /** Runs queued steps until there are none. */
  async run(): Promise<void> {
    while (this.queue.length > 0) {
      const step = this.queue.shift()!;
      const doc = await this.instance(step.instanceKey);
      const ei = doc?.elements[step.elementKey];
      if (!doc || !ei) continue; // terminated meanwhile
      if (step.kind === 'activate') await this.activate(doc, ei);
      else await this.complete(doc, ei);
    }
  }

  /** Retries the step an incident stopped. */
  async retry(doc: ProcessInstanceDoc, ei: ElementInstance, step: RetryStep): Promise<void> {
    this.apply.processInstance.updated(doc, ei, { retryStep: undefined, incidentKey: undefined });
    if (step === 'activate') await this.activate(doc, ei);
    else await this.complete(doc, ei);
    await this.run();
  }

  private async activate(doc: ProcessInstanceDoc, ei: ElementInstance): Promise<void> {
    const def = await this.element(doc, ei);
    if (ei.state === 'ACTIVATING') {
      if (ei.type !== 'MULTI_INSTANCE_BODY' && def.inputs.length > 0) {
        const inputs = this.variables.applyMappings(doc, ei.key, def.inputs);
        if (typeof inputs === 'string') {
          await this.raiseIncident(doc, ei, 'IO_MAPPING_ERROR', inputs, 'activate');
          return;
        }
        await this.variables.setLocal(doc, ei.key, inputs);
      }
      const isInner = def.multiInstance !== undefined && ei.type !== 'MULTI_INSTANCE_BODY';
      if (!isInner && def.boundaryEventIds.length > 0) {
        const model = await this.model(doc);
        const failure = await this.subscriptions.open(
          doc,
          ei,
          def.boundaryEventIds.map((id) => model.elements.get(id)!),
        );
        if (failure) {
          await this.subscriptions.close(doc, ei);
          await this.raiseIncident(doc, ei, 'EXTRACT_VALUE_ERROR', failure, 'activate');
          return;
        }
      }
      if (def.eventSubProcessIds.length > 0 && ei.type !== 'MULTI_INSTANCE_BODY')
        await this.openScopeSubscriptions(doc, ei, def);
      this.apply.processInstance.activated(doc, ei);
    }
    await this.processor(ei).onActivate(this, doc, ei, def);
  }

  /** Opens the start-event subscriptions of a scope's event sub-processes. */
  async openScopeSubscriptions(doc: ProcessInstanceDoc, scope: ElementInstance, def: ElementDefinition): Promise<void> {
    if (def.eventSubProcessIds.length === 0) return;
    const model = await this.model(doc);
    const starts = def.eventSubProcessIds
      .map((id) => model.elements.get(id)!)
      .map((esp) => model.elements.get(esp.startEventIds[0]!)!)
      .filter((start) => start.eventType !== 'ERROR' && start.eventType !== 'ESCALATION');
    const failure = await this.subscriptions.open(doc, scope, starts);
    if (failure) await this.raiseIncident(doc, scope, 'EXTRACT_VALUE_ERROR', failure, 'activate');
  }

  /** Completes an element instance: output mappings, COMPLETED, then its outgoing flows or its scope. */
  async complete(doc: ProcessInstanceDoc, ei: ElementInstance): Promise<void> {
    if (ei.state !== 'ACTIVATED' && ei.state !== 'COMPLETING') return;
    const def = await this.element(doc, ei);
    const processor = this.processor(ei);
    // An inner multi-instance activity returns to its body; only the body takes the outgoing flows.
    const isInner = def.multiInstance !== undefined && ei.type !== 'MULTI_INSTANCE_BODY';
    let flows: readonly SequenceFlow[] = isInner ? [] : def.outgoing;
    if (ei.state === 'ACTIVATED') {
      if (processor.selectFlows) {
        const selected = await processor.selectFlows(this, doc, ei, def);
        if (!selected) return;
        flows = selected;
      }
      this.apply.processInstance.completing(doc, ei);
    } else if (processor.selectFlows) {
      const selected = await processor.selectFlows(this, doc, ei, def);
      if (!selected) return;
      flows = selected;
    }
    if (processor.onComplete && !(await processor.onComplete(this, doc, ei, def))) return;
    if (!(await this.applyOutputs(doc, ei, def))) return;
    if (def.multiInstance && ei.type !== 'MULTI_INSTANCE_BODY' && !(await completeInner(this, doc, ei, def))) return;
    await this.subscriptions.close(doc, ei);
    this.apply.processInstance.completed(doc, ei);
    await processor.onCompleted?.(this, doc, ei, def);
    await this.afterDone(doc, ei, def, flows);
  }

  private async applyOutputs(doc: ProcessInstanceDoc, ei: ElementInstance, def: ElementDefinition): Promise<boolean> {
    const isBody = ei.type === 'MULTI_INSTANCE_BODY';
    const outputs = isBody || ei.type === 'PROCESS' ? [] : def.outputs;
    const eventVariables = ei.eventVariables;
    if (eventVariables) {
      this.apply.processInstance.updated(doc, ei, { eventVariables: undefined });
      if (outputs.length > 0) await this.variables.setLocal(doc, ei.key, eventVariables);
      else if (!(def.type === 'CALL_ACTIVITY' && def.calledElement && !def.calledElement.propagateAllChildVariables)) {
        await this.variables.propagate(doc, ei.key, eventVariables);
      }
    }
    if (outputs.length === 0) return true;
    const result = this.variables.applyMappings(doc, ei.key, outputs);
    if (typeof result === 'string') {
      if (eventVariables) this.apply.processInstance.updated(doc, ei, { eventVariables: undefined });
      await this.raiseIncident(doc, ei, 'IO_MAPPING_ERROR', result, 'complete');
      return false;
    }
    await this.variables.propagate(doc, ei.flowScopeKey, result);
    return true;
  }

  /** After COMPLETED or TERMINATED: take flows, or let the scope (or the parent process) go on. */
  private async afterDone(
    doc: ProcessInstanceDoc,
    ei: ElementInstance,
    def: ElementDefinition,
    flows: readonly SequenceFlow[],
  ): Promise<void> {
    if (ei.type === 'PROCESS') {
      await this.instanceEnded(doc, true);
      return;
    }
    const scope = doc.elements[ei.flowScopeKey];
    if (!scope) return;
    for (const flow of flows) await this.takeFlow(doc, scope, flow);
    const scopeDef = await this.element(doc, scope);
    const scopeProcessor = this.processor(scope);
    if (scopeProcessor.onChildDone) await scopeProcessor.onChildDone(this, doc, scope, scopeDef, ei);
    else await this.scopeMayComplete(doc, scope);
    void def;
  }

  /** Completes a scope with nothing left running in it; finishes a terminating one. */
  async scopeMayComplete(doc: ProcessInstanceDoc, scope: ElementInstance): Promise<void> {
    if (scope.children > 0) return;
    if (scope.state === 'TERMINATING') return; // its termination finishes it
    if (scope.state !== 'ACTIVATED') return;
    if (scope.joins && Object.keys(scope.joins).length > 0) {
      await this.checkInclusiveJoins(doc, scope);
      return;
    }
    this.scheduleCompletion(doc, scope);
  }

  async takeFlow(doc: ProcessInstanceDoc, scope: ElementInstance, flow: SequenceFlow): Promise<void> {
    await this.apply.processInstance.sequenceFlowTaken(doc, flow, scope.key);
    const model = await this.model(doc);
    const target = model.elements.get(flow.targetId)!;
    const joins =
      (target.type === 'PARALLEL_GATEWAY' || target.type === 'INCLUSIVE_GATEWAY') && target.incoming.length > 1;
    if (!joins) {
      await this.activateChild(doc, scope, target.id);
      return;
    }
    this.apply.processInstance.tokenArrived(doc, scope, target.id, flow.id);
    if (target.type === 'PARALLEL_GATEWAY') {
      const tokens = scope.joins?.[target.id] ?? {};
      if (target.incoming.every((id) => (tokens[id] ?? 0) > 0)) {
        this.apply.processInstance.tokensConsumed(doc, scope, target.id, target.incoming);
        await this.activateChild(doc, scope, target.id);
      }
    } else {
      await this.checkInclusiveJoins(doc, scope);
    }
  }

  /** An inclusive join fires once no running element of its scope can still reach it. */
  async checkInclusiveJoins(doc: ProcessInstanceDoc, scope: ElementInstance): Promise<void> {
    const model = await this.model(doc);
    for (const [gatewayId, tokens] of Object.entries(scope.joins ?? {})) {
      const gateway = model.elements.get(gatewayId);
      if (gateway?.type !== 'INCLUSIVE_GATEWAY') continue;
      const running = Object.values(doc.elements).filter((e) => e.flowScopeKey === scope.key);
      const reachable = running.some((e) => e.elementId !== gatewayId && canReach(model, e.elementId, gatewayId));
      if (reachable) continue;
      this.apply.processInstance.tokensConsumed(doc, scope, gatewayId, Object.keys(tokens));
      await this.activateChild(doc, scope, gatewayId);
    }
  }

  /** Terminates an element instance and everything inside it, at once. */
  async terminate(doc: ProcessInstanceDoc, ei: ElementInstance): Promise<void> {
    if (ei.state === 'TERMINATING' || !doc.elements[ei.key]) return;
    const def = await this.element(doc, ei);
    this.apply.processInstance.terminating(doc, ei);
    await this.subscriptions.close(doc, ei);
    await this.resolveIncidentOf(doc, ei);
    await this.processor(ei).onTerminate?.(this, doc, ei, def);
    for (const child of Object.values(doc.elements).filter((e) => e.flowScopeKey === ei.key))
      await this.terminate(doc, child);
    if (ei.joins) this.apply.processInstance.updated(doc, ei, { joins: undefined });
    this.apply.processInstance.terminated(doc, ei);
    if (ei.type === 'PROCESS') await this.instanceEnded(doc, false);
  }

  /** Terminates every child of a scope (an interrupting event sub-process, a terminate end event). */
  async terminateChildren(doc: ProcessInstanceDoc, scope: ElementInstance, except?: number): Promise<void> {
    for (const child of Object.values(doc.elements).filter((e) => e.flowScopeKey === scope.key && e.key !== except)) {
      await this.terminate(doc, child);
    }
    if (scope.joins) this.apply.processInstance.updated(doc, scope, { joins: undefined });
  }

  private async instanceEnded(doc: ProcessInstanceDoc, completed: boolean): Promise<void> {
    const variables = doc.variables[doc.key] ?? {};
    this.ctx.finishedInstances.set(doc.key, { completed, variables });
    if (doc.messageStartCorrelationKey !== undefined) {
      await this.apply.message.startLockReleased(doc.bpmnProcessId, doc.messageStartCorrelationKey);
      this.releasedStartLocks.push({
        bpmnProcessId: doc.bpmnProcessId,
        correlationKey: doc.messageStartCorrelationKey,
      });
    }
    for (const incident of await this.incidentsOfInstance(doc.key)) this.apply.incident.resolved(incident);
    this.apply.processInstance.finished(doc);
    if (completed && doc.parentProcessInstanceKey > 0) {
      const parent = await this.instance(doc.parentProcessInstanceKey);
      const callActivity = parent?.elements[doc.parentElementInstanceKey];
      if (parent && callActivity && callActivity.state === 'ACTIVATED') {
        this.apply.processInstance.updated(parent, callActivity, {
          eventVariables: variables,
          calledInstanceKey: undefined,
        });
        this.scheduleCompletion(parent, callActivity);
      }
    }
  }

  private async incidentsOfInstance(processInstanceKey: number) {
    await this.ctx.incidents.flush();
    const rows = (await this.ctx
      .trx('engine_incident')
      .where({ process_instance_key: processInstanceKey })
      .forUpdate()) as Record<string, unknown>[];
    return this.ctx.incidents.adopt(rows).filter((row) => this.ctx.incidents.peek(row.key));
  }

  // ---- incidents ----------------------------------------------------------------------------

  /** Raises an incident on an element instance; resolving it retries `step`. */
  async raiseIncident(
    doc: ProcessInstanceDoc,
    ei: ElementInstance,
    errorType: IncidentType,
    errorMessage: string,
    step: RetryStep | undefined,
    jobKey?: number,
  ): Promise<void> {
    const key = await this.ctx.nextKey();
    this.apply.incident.created({
      key,
      processInstanceKey: doc.key,
      jobKey: jobKey ?? null,
      data: {
        errorType,
        errorMessage,
        elementId: ei.elementId,
        elementInstanceKey: ei.key,
        bpmnProcessId: doc.bpmnProcessId,
        processDefinitionKey: doc.processDefinitionKey,
        variableScopeKey: ei.key,
        createdAt: this.ctx.now,
      },
    });
    this.apply.processInstance.updated(doc, ei, { incidentKey: key, ...(step ? { retryStep: step } : {}) });
  }

  private async resolveIncidentOf(doc: ProcessInstanceDoc, ei: ElementInstance): Promise<void> {
    if (ei.incidentKey === undefined) return;
    const incident = await this.ctx.incidents.get(ei.incidentKey);
    if (incident) this.apply.incident.resolved(incident);
    this.apply.processInstance.updated(doc, ei, { incidentKey: undefined, retryStep: undefined });
  }

  // ---- events -------------------------------------------------------------------------------

  /**
   * An event fired for a subscription of `owner` (a timer, a message, a signal): interrupt or not,
   * and go on at the catching element with the event's variables.
   */
  async triggerEvent(
    doc: ProcessInstanceDoc,
    owner: ElementInstance,
    catchElementId: string,
    variables: Variables,
  ): Promise<void> {
    const model = await this.model(doc);
    const catchDef = model.elements.get(catchElementId);
    if (!catchDef) return;
    if (catchDef.type === 'BOUNDARY_EVENT') {
      const scope = doc.elements[owner.flowScopeKey];
      if (!scope) return;
      if (catchDef.interrupting) await this.terminate(doc, owner);
      const boundary = await this.activateChild(doc, scope, catchDef.id);
      this.apply.processInstance.updated(doc, boundary, { eventVariables: variables });
    } else if (
      catchDef.type === 'START_EVENT' &&
      catchDef.scopeId &&
      model.elements.get(catchDef.scopeId)?.type === 'EVENT_SUB_PROCESS'
    ) {
      if (catchDef.interrupting) {
        await this.subscriptions.close(doc, owner);
        await this.terminateChildren(doc, owner);
      }
      const esp = await this.activateChild(doc, owner, catchDef.scopeId);
      this.apply.processInstance.updated(doc, esp, { eventVariables: variables, triggeredElementId: catchDef.id });
    } else if (owner.type === 'EVENT_BASED_GATEWAY') {
      await this.subscriptions.close(doc, owner);
      this.apply.processInstance.updated(doc, owner, { triggeredElementId: catchDef.id, eventVariables: variables });
      this.scheduleCompletion(doc, owner);
    } else {
      await this.subscriptions.close(doc, owner);
      this.apply.processInstance.updated(doc, owner, { eventVariables: variables });
      this.scheduleCompletion(doc, owner);
    }
    await this.run();
  }

  /**
   * Throws an error or escalation from an element instance: the nearest catching boundary event or
   * event sub-process, searched upward and across call activities, takes over. Returns false when
   * nothing catches it.
   */
  async throwEvent(
    doc: ProcessInstanceDoc,
    from: ElementInstance,
    kind: 'ERROR' | 'ESCALATION',
    code: string,
    variables: Variables,
  ): Promise<boolean> {
    let currentDoc = doc;
    let current: ElementInstance | undefined = from;
    while (current) {
      const model = await this.model(currentDoc);
      const def = current.type === 'PROCESS' ? processElement(model) : model.elements.get(current.elementId);
      const isInner = def?.multiInstance !== undefined && current.type !== 'MULTI_INSTANCE_BODY';
      if (def && !isInner) {
        const boundary = def.boundaryEventIds
          .map((id) => model.elements.get(id)!)
          .find((b) => b.eventType === kind && catches(b, code));
        if (boundary) {
          await this.catchThrown(currentDoc, current, boundary, variables);
          return true;
        }
        const esp = def.eventSubProcessIds
          .map((id) => model.elements.get(id)!)
          .find((e) => {
            const start = model.elements.get(e.startEventIds[0]!);
            return start?.eventType === kind && catches(start, code);
          });
        if (esp) {
          const start = model.elements.get(esp.startEventIds[0]!)!;
          if (start.interrupting) {
            await this.subscriptions.close(currentDoc, current);
            await this.terminateChildren(currentDoc, current);
          }
          const activated = await this.activateChild(currentDoc, current, esp.id);
          this.apply.processInstance.updated(currentDoc, activated, {
            eventVariables: variables,
            triggeredElementId: start.id,
          });
          await this.run();
          return true;
        }
      }
      if (current.type === 'PROCESS') {
        if (currentDoc.parentProcessInstanceKey <= 0) return false;
        const parent = await this.instance(currentDoc.parentProcessInstanceKey);
        if (!parent) return false;
        current = parent.elements[currentDoc.parentElementInstanceKey];
        currentDoc = parent;
        continue;
      }
      current = currentDoc.elements[current.flowScopeKey];
    }
    return false;
  }

  private async catchThrown(
    doc: ProcessInstanceDoc,
    host: ElementInstance,
    boundary: ElementDefinition,
    variables: Variables,
  ): Promise<void> {
    const scope = doc.elements[host.flowScopeKey];
    if (!scope) return;
    if (boundary.interrupting) await this.terminate(doc, host);
    const activated = await this.activateChild(doc, scope, boundary.id);
    this.apply.processInstance.updated(doc, activated, { eventVariables: variables });
    await this.run();
  }
}

function catches(def: ElementDefinition, code: string): boolean {
  if (!def.code) return true; // no code: catches all
  return def.code.feel ? false : def.code.source === code;
}

const processElements = new WeakMap<ProcessDefinitionModel, ElementDefinition>();

/** The process itself as an element: a scope with the root start events and event sub-processes. */
export function processElement(model: ProcessDefinitionModel): ElementDefinition {
  let def = processElements.get(model);
  if (!def) {
    def = {
      ...blankElement(model.bpmnProcessId, 'PROCESS', model.name, undefined),
      eventSubProcessIds: [...model.elements.values()]
        .filter((e) => e.type === 'EVENT_SUB_PROCESS' && e.scopeId === undefined)
        .map((e) => e.id),
      startEventIds: model.startEventIds,
    };
    processElements.set(model, def);
  }
  return def;
}

const reachability = new WeakMap<ProcessDefinitionModel, Map<string, Set<string>>>();

/** Whether a token at `fromId` can still arrive at `toId` by following sequence flows. */
function canReach(model: ProcessDefinitionModel, fromId: string, toId: string): boolean {
  let cache = reachability.get(model);
  if (!cache) reachability.set(model, (cache = new Map()));
  let reached = cache.get(fromId);
  if (!reached) {
    reached = new Set();
    const stack = [fromId];
    while (stack.length > 0) {
      const id = stack.pop()!;
      const element = model.elements.get(id);
      const next = [...(element?.outgoing.map((f) => f.targetId) ?? []), ...(element?.boundaryEventIds ?? [])];
      for (const target of next) {
        if (!reached.has(target)) {
          reached.add(target);
          stack.push(target);
        }
      }
    }
    cache.set(fromId, reached);
  }
  return reached.has(toId);
}
