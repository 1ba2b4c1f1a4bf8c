import type { ElementProcessor } from '../ElementProcessor.js';
import { jobTaskBehavior } from './JobWorkerTaskProcessor.js';
import { throwingBehavior } from './throwingBehavior.js';

/** End events: none, terminate, error, escalation, signal, and message (job-based). */
export const EndEventProcessor: ElementProcessor = {
  async onActivate(m, doc, ei, def) {
    switch (def.eventType) {
      case 'TERMINATE': {
        const scope = doc.elements[ei.flowScopeKey];
        if (scope) await m.terminateChildren(doc, scope, ei.key);
        m.scheduleCompletion(doc, ei);
        return;
      }
      case 'MESSAGE':
        await jobTaskBehavior.createJob(m, doc, ei, def);
        return;
      default:
        await throwingBehavior(m, doc, ei, def);
    }
  },
  async onTerminate(m, doc, ei) {
    await jobTaskBehavior.cancelJob(m, doc, ei);
  },
};
