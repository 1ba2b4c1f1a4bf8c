import type { ElementProcessor } from '../ElementProcessor.js';

/** The process itself: its start event is activated when the instance is created. */
export const ProcessProcessor: ElementProcessor = {
  async onActivate() {},
  async onChildDone(m, doc, scope) {
    await m.scopeMayComplete(doc, scope);
  },
};

/** An embedded sub-process: starts at its none start event, completes when nothing runs inside. */
export const SubProcessProcessor: ElementProcessor = {
  async onActivate(m, doc, ei, def) {
    await m.activateChild(doc, ei, def.noneStartEventId!);
  },
  async onChildDone(m, doc, scope) {
    await m.scopeMayComplete(doc, scope);
  },
};

/** An event sub-process: its start event carries the triggering event's variables. */
export const EventSubProcessProcessor: ElementProcessor = {
  async onActivate(m, doc, ei, def) {
    const variables = ei.eventVariables;
    m.apply.processInstance.updated(doc, ei, { eventVariables: undefined });
    const start = await m.activateChild(doc, ei, ei.triggeredElementId ?? def.startEventIds[0]!);
    if (variables) m.apply.processInstance.updated(doc, start, { eventVariables: variables });
  },
  async onChildDone(m, doc, scope) {
    await m.scopeMayComplete(doc, scope);
  },
};
