import type { ElementProcessor } from '../ElementProcessor.js';
import { JobWorkerTaskProcessor } from './JobWorkerTaskProcessor.js';

/** Script tasks: a FEEL expression whose result becomes `resultVariable`; job-based when there is no script. */
export const ScriptTaskProcessor: ElementProcessor = {
  async onActivate(m, doc, ei, def) {
    if (!def.script) {
      await JobWorkerTaskProcessor.onActivate(m, doc, ei, def);
      return;
    }
    const result = m.variables.evaluate(doc, ei.key, def.script.expression);
    if (!result.ok) {
      await m.raiseIncident(doc, ei, 'EXTRACT_VALUE_ERROR', result.message, 'activate');
      return;
    }
    m.apply.processInstance.updated(doc, ei, { eventVariables: { [def.script.resultVariable]: result.value } });
    m.scheduleCompletion(doc, ei);
  },
  async onTerminate(m, doc, ei, def) {
    await JobWorkerTaskProcessor.onTerminate?.(m, doc, ei, def);
  },
};
