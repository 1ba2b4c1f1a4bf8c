import type { ElementProcessor } from '../ElementProcessor.js';

/** Intermediate catch events and receive tasks: wait for their timer, message or signal. */
export const CatchEventProcessor: ElementProcessor = {
  async onActivate(m, doc, ei, def) {
    if (ei.eventVariables !== undefined || def.eventType === 'LINK') {
      m.scheduleCompletion(doc, ei); // chosen by an event-based gateway, or reached by a link
      return;
    }
    const failure = await m.subscriptions.open(doc, ei, [def]);
    if (failure) {
      await m.subscriptions.close(doc, ei);
      await m.raiseIncident(doc, ei, 'EXTRACT_VALUE_ERROR', failure, 'activate');
    }
  },
};

/** Boundary events and start events: the event already happened; pass its variables on. */
export const EventOccurredProcessor: ElementProcessor = {
  async onActivate(m, doc, ei) {
    m.scheduleCompletion(doc, ei);
  },
};
