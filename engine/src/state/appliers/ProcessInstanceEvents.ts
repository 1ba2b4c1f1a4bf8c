import type { BatchContext } from '../../processing/BatchContext.js';
import type { BpmnElementType, BpmnEventType, SequenceFlow } from '../../model/ProcessModel.js';
import type { RecordValue } from '../../records/Record.js';
import type { ElementInstance, ProcessInstanceDoc } from '../types.js';

/** The record value Zeebe writes for an element instance. */
export function elementValue(
  doc: ProcessInstanceDoc,
  ei: Pick<ElementInstance, 'elementId' | 'type' | 'eventType' | 'flowScopeKey'>,
): RecordValue {
  return {
    bpmnProcessId: doc.bpmnProcessId,
    version: doc.version,
    processDefinitionKey: doc.processDefinitionKey,
    processInstanceKey: doc.key,
    elementId: ei.elementId,
    flowScopeKey: ei.flowScopeKey,
    bpmnElementType: ei.type,
    bpmnEventType: ei.eventType,
    parentProcessInstanceKey: doc.parentProcessInstanceKey,
    parentElementInstanceKey: doc.parentElementInstanceKey,
    tenantId: '<default>',
  };
}

/** Appliers of PROCESS_INSTANCE events: the only code that adds, changes or removes element instances. */
export class ProcessInstanceEvents {
  constructor(private readonly ctx: BatchContext) {}

  /** A new process instance document (its root element instance is activated separately). */
  created(doc: ProcessInstanceDoc): void {
    this.ctx.instances.put(doc);
  }

  activating(
    doc: ProcessInstanceDoc,
    key: number,
    elementId: string,
    type: BpmnElementType,
    eventType: BpmnEventType,
    flowScopeKey: number,
  ): ElementInstance {
    const ei: ElementInstance = { key, elementId, type, eventType, flowScopeKey, state: 'ACTIVATING', children: 0 };
    doc.elements[key] = ei;
    const scope = doc.elements[flowScopeKey];
    if (scope) scope.children += 1;
    this.ctx.instances.touch(doc.key);
    this.ctx.record('PROCESS_INSTANCE', 'ELEMENT_ACTIVATING', key, elementValue(doc, ei));
    return ei;
  }

  activated(doc: ProcessInstanceDoc, ei: ElementInstance): void {
    ei.state = 'ACTIVATED';
    this.ctx.instances.touch(doc.key);
    this.ctx.record('PROCESS_INSTANCE', 'ELEMENT_ACTIVATED', ei.key, elementValue(doc, ei));
  }

  completing(doc: ProcessInstanceDoc, ei: ElementInstance): void {
    ei.state = 'COMPLETING';
    this.ctx.instances.touch(doc.key);
    this.ctx.record('PROCESS_INSTANCE', 'ELEMENT_COMPLETING', ei.key, elementValue(doc, ei));
  }

  completed(doc: ProcessInstanceDoc, ei: ElementInstance): void {
    this.remove(doc, ei);
    this.ctx.record('PROCESS_INSTANCE', 'ELEMENT_COMPLETED', ei.key, elementValue(doc, ei));
  }

  terminating(doc: ProcessInstanceDoc, ei: ElementInstance): void {
    ei.state = 'TERMINATING';
    this.ctx.instances.touch(doc.key);
    this.ctx.record('PROCESS_INSTANCE', 'ELEMENT_TERMINATING', ei.key, elementValue(doc, ei));
  }

  terminated(doc: ProcessInstanceDoc, ei: ElementInstance): void {
    this.remove(doc, ei);
    this.ctx.record('PROCESS_INSTANCE', 'ELEMENT_TERMINATED', ei.key, elementValue(doc, ei));
  }

  async sequenceFlowTaken(doc: ProcessInstanceDoc, flow: SequenceFlow, flowScopeKey: number): Promise<void> {
    const key = await this.ctx.nextKey();
    this.ctx.record(
      'PROCESS_INSTANCE',
      'SEQUENCE_FLOW_TAKEN',
      key,
      elementValue(doc, { elementId: flow.id, type: 'SEQUENCE_FLOW', eventType: 'UNSPECIFIED', flowScopeKey }),
    );
  }

  /** A token waits at a joining gateway. */
  tokenArrived(doc: ProcessInstanceDoc, scope: ElementInstance, gatewayId: string, flowId: string): void {
    scope.joins ??= {};
    const gateway = (scope.joins[gatewayId] ??= {});
    gateway[flowId] = (gateway[flowId] ?? 0) + 1;
    this.ctx.instances.touch(doc.key);
  }

  /** A joining gateway consumes one token from each of the given flows. */
  tokensConsumed(doc: ProcessInstanceDoc, scope: ElementInstance, gatewayId: string, flowIds: readonly string[]): void {
    const gateway = scope.joins?.[gatewayId];
    if (!gateway) return;
    for (const flowId of flowIds) {
      const left = (gateway[flowId] ?? 0) - 1;
      if (left > 0) gateway[flowId] = left;
      else delete gateway[flowId];
    }
    if (Object.keys(gateway).length === 0) delete scope.joins![gatewayId];
    this.ctx.instances.touch(doc.key);
  }

  /** Changes processing bookkeeping on an element instance (incident retry step, owned subscriptions, …). */
  updated(doc: ProcessInstanceDoc, ei: ElementInstance, change: Partial<ElementInstance>): void {
    Object.assign(ei, change);
    this.ctx.instances.touch(doc.key);
  }

  /** The process instance has ended: its runtime state goes; its records stay. */
  finished(doc: ProcessInstanceDoc): void {
    this.ctx.instances.delete(doc.key);
  }

  private remove(doc: ProcessInstanceDoc, ei: ElementInstance): void {
    delete doc.elements[ei.key];
    // The root scope's variables outlive the process element: the ended instance hands them on.
    if (ei.key !== doc.key) delete doc.variables[ei.key];
    const scope = doc.elements[ei.flowScopeKey];
    if (scope) scope.children -= 1;
    this.ctx.instances.touch(doc.key);
  }
}
