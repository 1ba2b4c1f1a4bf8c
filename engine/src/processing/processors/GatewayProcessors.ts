import type { ElementDefinition, SequenceFlow } from '../../model/ProcessModel.js';
import type { ElementInstance, ProcessInstanceDoc } from '../../state/types.js';
import type { Machine } from '../Machine.js';
import type { ElementProcessor } from '../ElementProcessor.js';

/**
 * Picks the outgoing flows of an exclusive (`firstOnly`) or inclusive gateway: flows whose condition is
 * true (flows without one count as true), else the default flow. Raises a CONDITION_ERROR incident and
 * returns undefined when a condition gives no boolean or nothing can be taken.
 */
async function conditionalFlows(
  m: Machine,
  doc: ProcessInstanceDoc,
  ei: ElementInstance,
  def: ElementDefinition,
  firstOnly: boolean,
): Promise<readonly SequenceFlow[] | undefined> {
  if (def.outgoing.length <= 1 && !def.outgoing[0]?.condition) return def.outgoing;
  const taken: SequenceFlow[] = [];
  for (const flow of def.outgoing) {
    if (flow.id === def.defaultFlowId) continue;
    if (!flow.condition) {
      taken.push(flow);
    } else {
      const result = m.variables.evaluate(doc, ei.key, flow.condition);
      if (!result.ok || typeof result.value !== 'boolean') {
        const reason = result.ok
          ? `Expected result of the expression '${flow.condition.feel ?? ''}' to be 'BOOLEAN', but was ${JSON.stringify(result.value)}.`
          : result.message;
        await m.raiseIncident(doc, ei, 'CONDITION_ERROR', reason, 'complete');
        return undefined;
      }
      if (result.value) taken.push(flow);
    }
    if (firstOnly && taken.length > 0) return taken;
  }
  if (taken.length > 0) return taken;
  const fallback = def.outgoing.find((f) => f.id === def.defaultFlowId);
  if (fallback) return [fallback];
  await m.raiseIncident(
    doc,
    ei,
    'CONDITION_ERROR',
    'Expected at least one condition to evaluate to true, or to have a default flow',
    'complete',
  );
  return undefined;
}

/** Exclusive gateway: the first flow whose condition is true, else the default; an incident when neither. */
export const ExclusiveGatewayProcessor: ElementProcessor = {
  async onActivate(m, doc, ei) {
    m.scheduleCompletion(doc, ei);
  },
  selectFlows: (m, doc, ei, def) => conditionalFlows(m, doc, ei, def, true),
};

/** Inclusive gateway: every flow whose condition is true, else the default; an incident when none. */
export const InclusiveGatewayProcessor: ElementProcessor = {
  async onActivate(m, doc, ei) {
    m.scheduleCompletion(doc, ei);
  },
  selectFlows: (m, doc, ei, def) => conditionalFlows(m, doc, ei, def, false),
};

/** Event-based gateway: waits for the first of its events, then takes only that branch. */
export const EventBasedGatewayProcessor: ElementProcessor = {
  async onActivate(m, doc, ei, def) {
    const model = await m.model(doc);
    const targets = def.outgoing.map((f) => model.elements.get(f.targetId)!);
    const failure = await m.subscriptions.open(doc, ei, targets);
    if (failure) {
      await m.subscriptions.close(doc, ei);
      await m.raiseIncident(doc, ei, 'EXTRACT_VALUE_ERROR', failure, 'activate');
    }
  },
  async selectFlows(_m, _doc, ei, def) {
    return def.outgoing.filter((f) => f.targetId === ei.triggeredElementId);
  },
  async onComplete(m, doc, ei) {
    if (ei.triggeredElementId) m.handoff.set(`${doc.key}/${ei.triggeredElementId}`, ei.eventVariables ?? {});
    m.apply.processInstance.updated(doc, ei, { eventVariables: undefined });
    return true;
  },
};
