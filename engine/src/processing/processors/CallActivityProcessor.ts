import type { ElementProcessor } from '../ElementProcessor.js';

/** Call activity: starts the called process as a child instance and completes when it completes. */
export const CallActivityProcessor: ElementProcessor = {
  async onActivate(m, doc, ei, def) {
    const called = def.calledElement!;
    const processId = m.variables.evaluate(doc, ei.key, called.processId);
    if (!processId.ok || typeof processId.value !== 'string') {
      const reason = processId.ok
        ? `Expected result of the expression '${called.processId.source}' to be 'STRING', but was ${JSON.stringify(processId.value)}.`
        : processId.message;
      await m.raiseIncident(doc, ei, 'EXTRACT_VALUE_ERROR', reason, 'activate');
      return;
    }
    const deployed = await m.ctx.definitions.byProcessId(
      m.ctx.trx,
      processId.value,
      undefined,
      m.ctx.latestDefinitions,
    );
    if (!deployed) {
      await m.raiseIncident(
        doc,
        ei,
        'CALLED_ELEMENT_ERROR',
        `Expected process with BPMN process id '${processId.value}' to be deployed, but not found.`,
        'activate',
      );
      return;
    }
    const hasNoneStart = deployed.model.startEventIds.some(
      (id) => deployed.model.elements.get(id)?.eventType === 'NONE',
    );
    if (!hasNoneStart) {
      await m.raiseIncident(
        doc,
        ei,
        'CALLED_ELEMENT_ERROR',
        `Expected process with BPMN process id '${processId.value}' to have a none start event, but not found.`,
        'activate',
      );
      return;
    }
    const variables = called.propagateAllParentVariables
      ? m.variables.visible(doc, ei.key)
      : { ...(doc.variables[ei.key] ?? {}) };
    const child = await m.createInstance(deployed, variables, { parent: { doc, ei } });
    m.apply.processInstance.updated(doc, ei, { calledInstanceKey: child.key });
  },
  async onTerminate(m, doc, ei) {
    if (ei.calledInstanceKey === undefined) return;
    const child = await m.instance(ei.calledInstanceKey);
    const root = child?.elements[child.key];
    if (child && root) await m.terminate(child, root);
    m.apply.processInstance.updated(doc, ei, { calledInstanceKey: undefined });
  },
};
