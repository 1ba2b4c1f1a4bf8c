import type { JsonValue } from '../../feel/feel.js';
import type { ElementDefinition } from '../../model/ProcessModel.js';
import type { ElementInstance, ProcessInstanceDoc } from '../../state/types.js';
import type { ElementProcessor } from '../ElementProcessor.js';
import type { Machine } from '../Machine.js';

async function startInner(
  m: Machine,
  doc: ProcessInstanceDoc,
  body: ElementInstance,
  def: ElementDefinition,
): Promise<void> {
  const mi = body.multiInstance!;
  const index = mi.nextIndex;
  const locals: Record<string, JsonValue> = { loopCounter: index + 1 };
  if (def.multiInstance!.inputElement) locals[def.multiInstance!.inputElement] = mi.items[index] ?? null;
  m.apply.processInstance.updated(doc, body, { multiInstance: { ...mi, nextIndex: index + 1, active: mi.active + 1 } });
  const inner = await m.activateChild(doc, body, def.id, { inner: true, locals });
  m.apply.processInstance.updated(doc, inner, { loopCounter: index + 1 });
}

/** The body of a multi-instance activity: one inner instance per item, in parallel or in sequence. */
export const MultiInstanceBodyProcessor: ElementProcessor = {
  async onActivate(m, doc, ei, def) {
    const loop = def.multiInstance!;
    const collection = m.variables.evaluate(doc, ei.key, loop.inputCollection);
    if (!collection.ok || !Array.isArray(collection.value)) {
      const reason = collection.ok
        ? `Expected result of the expression '${loop.inputCollection.feel ?? loop.inputCollection.source}' to be 'ARRAY', but was ${collection.value === null ? "'NULL'" : JSON.stringify(collection.value)}.`
        : collection.message;
      await m.raiseIncident(doc, ei, 'EXTRACT_VALUE_ERROR', reason, 'activate');
      return;
    }
    const items = collection.value;
    if (loop.outputCollection) {
      await m.variables.setLocal(doc, ei.key, { [loop.outputCollection]: items.map(() => null) });
    }
    m.apply.processInstance.updated(doc, ei, { multiInstance: { items, nextIndex: 0, completed: 0, active: 0 } });
    if (items.length === 0) {
      m.scheduleCompletion(doc, ei);
      return;
    }
    const first = loop.sequential ? 1 : items.length;
    for (let i = 0; i < first; i++) await startInner(m, doc, ei, def);
  },

  async onChildDone(m, doc, body, def) {
    if (body.state !== 'ACTIVATED') {
      await m.scopeMayComplete(doc, body);
      return;
    }
    const mi = body.multiInstance!;
    const done = { ...mi, active: mi.active - 1, completed: mi.completed + 1 };
    m.apply.processInstance.updated(doc, body, { multiInstance: done });
    const loop = def.multiInstance!;
    if (mi.conditionMet) {
      await m.terminateChildren(doc, body);
      m.scheduleCompletion(doc, body);
      return;
    }
    if (loop.sequential && done.nextIndex < mi.items.length) {
      await startInner(m, doc, body, def);
      return;
    }
    if (body.children === 0 && done.nextIndex >= mi.items.length) m.scheduleCompletion(doc, body);
  },

  async onComplete(m, doc, ei, def) {
    const name = def.multiInstance!.outputCollection;
    if (name) await m.variables.propagate(doc, ei.flowScopeKey, { [name]: doc.variables[ei.key]?.[name] ?? [] });
    return true;
  },
};

/**
 * Before an inner instance completes, while its variables are still there: collects its output element
 * into the body's output collection and evaluates the completion condition in its scope, as Zeebe does.
 * Returns false when an expression fails (an incident is raised on the inner instance).
 */
export async function completeInner(
  m: Machine,
  doc: ProcessInstanceDoc,
  inner: ElementInstance,
  def: ElementDefinition,
): Promise<boolean> {
  if (!(await collectOutputElement(m, doc, inner, def))) return false;
  const loop = def.multiInstance;
  const body = doc.elements[inner.flowScopeKey];
  if (!loop?.completionCondition || !body?.multiInstance || body.state !== 'ACTIVATED') return true;
  const mi = body.multiInstance;
  const result = m.variables.evaluate(doc, inner.key, loop.completionCondition, {
    numberOfInstances: mi.items.length,
    numberOfActiveInstances: mi.active - 1,
    numberOfCompletedInstances: mi.completed + 1,
  });
  if (!result.ok || typeof result.value !== 'boolean') {
    const reason = result.ok
      ? `Expected result of the expression '${loop.completionCondition.feel ?? ''}' to be 'BOOLEAN', but was ${JSON.stringify(result.value)}.`
      : result.message;
    await m.raiseIncident(doc, inner, 'EXTRACT_VALUE_ERROR', reason, 'complete');
    return false;
  }
  if (result.value) m.apply.processInstance.updated(doc, body, { multiInstance: { ...mi, conditionMet: true } });
  return true;
}

/** Collects an inner instance's output element into the body's output collection before it completes. */
async function collectOutputElement(
  m: Machine,
  doc: ProcessInstanceDoc,
  inner: ElementInstance,
  def: ElementDefinition,
): Promise<boolean> {
  const loop = def.multiInstance;
  const body = doc.elements[inner.flowScopeKey];
  if (!loop?.outputCollection || !loop.outputElement || !body || inner.loopCounter === undefined) return true;
  const result = m.variables.evaluate(doc, inner.key, loop.outputElement);
  if (!result.ok) {
    await m.raiseIncident(doc, inner, 'EXTRACT_VALUE_ERROR', result.message, 'complete');
    return false;
  }
  const current = doc.variables[body.key]?.[loop.outputCollection];
  const list = Array.isArray(current) ? [...current] : [];
  list[inner.loopCounter - 1] = result.value;
  await m.variables.setLocal(doc, body.key, { [loop.outputCollection]: list });
  return true;
}
