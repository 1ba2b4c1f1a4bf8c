import type { ElementProcessor } from '../ElementProcessor.js';

/** Elements that do nothing but pass the token on: none events, manual and undefined tasks, gateways. */
export const completeAtOnce: ElementProcessor = {
  async onActivate(m, doc, ei) {
    m.scheduleCompletion(doc, ei);
  },
};
