import type { Variables } from '../state/types.js';
import type { Machine } from './Machine.js';

/**
 * Broadcasts a signal: starts instances at signal start events and triggers every waiting signal
 * catch event, boundary event and event sub-process with that name.
 */
export async function broadcastSignalFrom(m: Machine, signalName: string, variables: Variables): Promise<number> {
  const { ctx } = m;
  const key = await ctx.nextKey();
  m.apply.signal.broadcasted(key, signalName, variables);
  await ctx.flush();
  const rows = (await ctx
    .trx('engine_signal_subscription')
    .where({ signal_name: signalName })
    .orderBy('key')) as Record<string, unknown>[];
  for (const subscription of ctx.signalSubscriptions.adopt(rows)) {
    if (!ctx.signalSubscriptions.peek(subscription.key)) continue;
    if (subscription.processInstanceKey === null) {
      const deployed = await ctx.definitions.byDefinitionKey(ctx.trx, subscription.processDefinitionKey);
      if (deployed) await m.createInstance(deployed, variables, { startEventId: subscription.data.elementId });
      await m.run();
      continue;
    }
    const doc = await m.instance(subscription.processInstanceKey);
    const owner = doc?.elements[subscription.data.elementInstanceKey];
    if (!doc || !owner) continue;
    const model = await m.model(doc);
    const catchDef = model.elements.get(subscription.data.elementId);
    const keepsListening = catchDef?.type === 'BOUNDARY_EVENT' && !catchDef.interrupting;
    const espNonInterrupting = catchDef?.type === 'START_EVENT' && !catchDef.interrupting;
    if (!keepsListening && !espNonInterrupting) await m.subscriptions.close(doc, owner, subscription.data.elementId);
    await m.triggerEvent(doc, owner, subscription.data.elementId, variables);
  }
  return key;
}
