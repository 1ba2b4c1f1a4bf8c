import type { BatchContext } from '../processing/BatchContext.js';
import type { Machine } from '../processing/Machine.js';
import { accept, reject, type CommandResult } from './Rejection.js';

/**
 * Deletes a deployed process definition that no instance runs any more: its start-event subscriptions
 * go with it, and the previous version (if any) becomes the latest again.
 */
export async function deleteResource(ctx: BatchContext, m: Machine, resourceKey: number): Promise<CommandResult<void>> {
  const [definition] = (await ctx.trx('engine_process_definition').where({ key: resourceKey }).forUpdate()) as {
    bpmn_process_id: string;
    version: number;
  }[];
  if (!definition) {
    return reject('NOT_FOUND', `Expected to delete resource but no resource found with key \`${resourceKey}\``);
  }
  await ctx.flush();
  const [running] = (await ctx
    .trx('engine_process_instance')
    .where({ process_definition_key: resourceKey })
    .limit(1)) as unknown[];
  if (running) {
    return reject(
      'INVALID_STATE',
      `Expected to delete process definition with key '${resourceKey}', but there are running instances of it; cancel or finish them first`,
    );
  }
  const timers = ctx.timers.adopt(
    await ctx.trx('engine_timer').where({ process_definition_key: resourceKey }).whereNull('process_instance_key'),
  );
  for (const timer of timers) if (ctx.timers.peek(timer.key)) m.apply.timer.canceled(timer);
  const messages = ctx.messageStartSubscriptions.adopt(
    await ctx.trx('engine_message_start_subscription').where({ process_definition_key: resourceKey }),
  );
  for (const subscription of messages)
    if (ctx.messageStartSubscriptions.peek(subscription.key)) m.apply.message.startSubscriptionDeleted(subscription);
  const signals = ctx.signalSubscriptions.adopt(
    await ctx
      .trx('engine_signal_subscription')
      .where({ process_definition_key: resourceKey })
      .whereNull('process_instance_key'),
  );
  for (const subscription of signals)
    if (ctx.signalSubscriptions.peek(subscription.key)) m.apply.signal.subscriptionDeleted(subscription);
  await ctx.trx('engine_process_definition').where({ key: resourceKey }).delete();
  ctx.latestDefinitions.delete(definition.bpmn_process_id);
  ctx.definitions.forget(resourceKey);
  ctx.record('PROCESS', 'DELETED', resourceKey, {
    bpmnProcessId: definition.bpmn_process_id,
    version: Number(definition.version),
    processDefinitionKey: resourceKey,
    tenantId: '<default>',
  });
  return accept(undefined);
}
