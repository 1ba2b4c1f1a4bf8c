import type { ElementProcessor } from '../ElementProcessor.js';
import { jobTaskBehavior } from './JobWorkerTaskProcessor.js';
import { throwingBehavior } from './throwingBehavior.js';

/** Intermediate throw events: none, escalation, signal, link (jumps to its catch), message (job-based). */
export const IntermediateThrowEventProcessor: ElementProcessor = {
  async onActivate(m, doc, ei, def) {
    if (def.eventType === 'MESSAGE') {
      await jobTaskBehavior.createJob(m, doc, ei, def);
      return;
    }
    await throwingBehavior(m, doc, ei, def);
  },
  async selectFlows(_m, _doc, _ei, def) {
    return def.eventType === 'LINK' ? [] : def.outgoing;
  },
  /** A link throw event jumps to its catch event once it has completed, as in Zeebe. */
  async onCompleted(m, doc, ei, def) {
    if (def.eventType !== 'LINK') return;
    const model = await m.model(doc);
    const target = [...model.elements.values()].find(
      (e) =>
        e.type === 'INTERMEDIATE_CATCH_EVENT' &&
        e.eventType === 'LINK' &&
        e.link === def.link &&
        e.scopeId === def.scopeId,
    );
    const scope = doc.elements[ei.flowScopeKey];
    if (target && scope) await m.activateChild(doc, scope, target.id);
  },
  async onTerminate(m, doc, ei) {
    await jobTaskBehavior.cancelJob(m, doc, ei);
  },
};
