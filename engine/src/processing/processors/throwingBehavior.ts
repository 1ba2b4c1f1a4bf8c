import type { ElementDefinition } from '../../model/ProcessModel.js';
import type { ElementInstance, ProcessInstanceDoc } from '../../state/types.js';
import type { Machine } from '../Machine.js';
import { broadcastSignalFrom } from '../signals.js';

/** What a throwing event does before it completes: throw an error or escalation, or broadcast a signal. */
export async function throwingBehavior(
  m: Machine,
  doc: ProcessInstanceDoc,
  ei: ElementInstance,
  def: ElementDefinition,
): Promise<void> {
  if ((def.eventType === 'ERROR' || def.eventType === 'ESCALATION') && def.code) {
    const code = m.variables.evaluate(doc, ei.key, def.code);
    if (!code.ok) {
      await m.raiseIncident(doc, ei, 'EXTRACT_VALUE_ERROR', code.message, 'activate');
      return;
    }
    const text = String(code.value);
    const caught = await m.throwEvent(doc, ei, def.eventType, text, {});
    if (def.eventType === 'ERROR') {
      if (!caught) {
        await m.raiseIncident(
          doc,
          ei,
          'UNHANDLED_ERROR_EVENT',
          `Expected to throw an error event with the code '${text}', but it was not caught. No error events are available in the scope.`,
          'activate',
        );
      }
      return; // a caught error terminated this element with its scope
    }
    if (doc.elements[ei.key]) m.scheduleCompletion(doc, ei);
    return;
  }
  if (def.eventType === 'SIGNAL' && def.signal) {
    const name = m.variables.evaluate(doc, ei.key, def.signal.name);
    if (!name.ok) {
      await m.raiseIncident(doc, ei, 'EXTRACT_VALUE_ERROR', name.message, 'activate');
      return;
    }
    m.scheduleCompletion(doc, ei);
    await broadcastSignalFrom(m, String(name.value), {});
    return;
  }
  m.scheduleCompletion(doc, ei);
}
