import type { BatchContext } from '../processing/BatchContext.js';
import type { Machine } from '../processing/Machine.js';
import type { MessageRow, MessageStartSubscriptionRow, MessageSubscriptionRow, Variables } from '../state/types.js';
import { accept, reject, type CommandResult } from './Rejection.js';

/** What a client publishes. */
export interface PublishMessageRequest {
  readonly name: string;
  readonly correlationKey?: string;
  readonly timeToLiveMs?: number;
  readonly messageId?: string;
  readonly variables: Variables;
}

async function correlatedProcesses(ctx: BatchContext, messageKey: number): Promise<Set<string>> {
  const rows = (await ctx.trx('engine_message_correlation').where({ message_key: messageKey })) as {
    bpmn_process_id: string;
  }[];
  return new Set(rows.map((r) => r.bpmn_process_id));
}

/** Delivers a message to one waiting subscription (closing it unless it is a non-interrupting boundary or start). */
async function correlate(m: Machine, subscription: MessageSubscriptionRow, message: MessageRow): Promise<boolean> {
  const doc = await m.instance(subscription.processInstanceKey);
  const owner = doc?.elements[subscription.data.elementInstanceKey];
  if (!doc || !owner || owner.state !== 'ACTIVATED') return false;
  const model = await m.model(doc);
  const catchDef = model.elements.get(subscription.data.elementId);
  const keepsListening =
    (catchDef?.type === 'BOUNDARY_EVENT' || catchDef?.type === 'START_EVENT') && !catchDef.interrupting;
  m.apply.message.subscriptionCorrelated(subscription, message.key, message.data.variables, !keepsListening);
  if (!keepsListening) {
    m.apply.processInstance.updated(doc, owner, {
      subscriptions: (owner.subscriptions ?? []).filter((s) => s.key !== subscription.key),
    });
  }
  await m.apply.message.correlatedToProcess(message.key, subscription.bpmnProcessId);
  await m.triggerEvent(doc, owner, subscription.data.elementId, message.data.variables);
  return true;
}

export async function publishMessage(
  ctx: BatchContext,
  m: Machine,
  request: PublishMessageRequest,
): Promise<CommandResult<{ key: string }>> {
  if (!request.name) return reject('INVALID_ARGUMENT', 'Expected a message name, but it was empty');
  const correlationKey = request.correlationKey ?? '';
  const ttl = Math.max(0, request.timeToLiveMs ?? 0);
  await ctx.flush();
  if (request.messageId) {
    const [duplicate] = (await ctx
      .trx('engine_message')
      .where({ name: request.name, correlation_key: correlationKey, message_id: request.messageId })) as unknown[];
    if (duplicate) {
      return reject(
        'ALREADY_EXISTS',
        `Expected to publish a new message with id '${request.messageId}', but a message with that id was already published`,
      );
    }
  }
  const message: MessageRow = {
    key: await ctx.nextKey(),
    name: request.name,
    correlationKey,
    messageId: request.messageId || null,
    deadline: ctx.now + ttl,
    data: { variables: request.variables, timeToLive: ttl },
  };
  m.apply.message.published(message, ttl > 0);
  const correlatedTo = new Set<string>();
  // Waiting subscriptions: at most one instance per process (the oldest subscription wins).
  const rows = (await ctx
    .trx('engine_message_subscription')
    .where({ message_name: request.name, correlation_key: correlationKey })
    .orderBy('key')) as Record<string, unknown>[];
  for (const subscription of ctx.messageSubscriptions.adopt(rows)) {
    if (correlatedTo.has(subscription.bpmnProcessId) || !ctx.messageSubscriptions.peek(subscription.key)) continue;
    if (await correlate(m, subscription, message)) correlatedTo.add(subscription.bpmnProcessId);
  }
  // Message start events of the latest versions.
  await ctx.flush();
  const starts = (await ctx
    .trx('engine_message_start_subscription')
    .where({ message_name: request.name })
    .orderBy('key')) as Record<string, unknown>[];
  for (const subscription of ctx.messageStartSubscriptions.adopt(starts)) {
    if (correlatedTo.has(subscription.bpmnProcessId)) continue;
    if (correlationKey !== '') {
      const [running] = (await ctx
        .trx('engine_message_start_lock')
        .where({ bpmn_process_id: subscription.bpmnProcessId, correlation_key: correlationKey })) as unknown[];
      if (running) continue;
    }
    if (await startInstance(ctx, m, subscription, message)) correlatedTo.add(subscription.bpmnProcessId);
  }
  await correlateBufferedForNewSubscriptions(ctx, m);
  return accept({ key: String(message.key) });
}

/** Creates an instance at a message start event; a correlation key locks it until the instance ends. */
async function startInstance(
  ctx: BatchContext,
  m: Machine,
  subscription: MessageStartSubscriptionRow,
  message: MessageRow,
): Promise<boolean> {
  const deployed = await ctx.definitions.byDefinitionKey(ctx.trx, subscription.processDefinitionKey);
  if (!deployed) return false;
  const doc = await m.createInstance(
    deployed,
    {},
    { startEventId: subscription.data.startEventId, eventVariables: message.data.variables },
  );
  if (message.correlationKey !== '') {
    doc.messageStartCorrelationKey = message.correlationKey;
    await m.apply.message.startLockTaken(subscription.bpmnProcessId, message.correlationKey, doc.key);
  }
  m.apply.message.startCorrelated(subscription, message, doc);
  await m.apply.message.correlatedToProcess(message.key, subscription.bpmnProcessId);
  await m.run();
  return true;
}

/**
 * When a message-started instance ends, the oldest message buffered meanwhile with its correlation key
 * starts the next instance (of the latest version), as in Zeebe.
 */
async function startFromBuffered(
  ctx: BatchContext,
  m: Machine,
  bpmnProcessId: string,
  correlationKey: string,
): Promise<void> {
  await ctx.flush();
  const [locked] = (await ctx
    .trx('engine_message_start_lock')
    .where({ bpmn_process_id: bpmnProcessId, correlation_key: correlationKey })) as unknown[];
  if (locked) return;
  const starts = ctx.messageStartSubscriptions.adopt(
    (await ctx
      .trx('engine_message_start_subscription')
      .where({ bpmn_process_id: bpmnProcessId })
      .orderBy('key')) as Record<string, unknown>[],
  );
  const names = new Map(starts.map((s) => [s.messageName, s]));
  if (names.size === 0) return;
  const rows = (await ctx
    .trx('engine_message')
    .whereIn('name', [...names.keys()])
    .where({ correlation_key: correlationKey })
    .where('deadline', '>', ctx.now)
    .orderBy('key')) as Record<string, unknown>[];
  for (const message of ctx.messages.adopt(rows)) {
    if (!ctx.messages.peek(message.key)) continue;
    if ((await correlatedProcesses(ctx, message.key)).has(bpmnProcessId)) continue;
    await startInstance(ctx, m, names.get(message.name)!, message);
    return;
  }
}

/**
 * New subscriptions opened by a command take a matching buffered message at once, oldest first; a released
 * message start lock lets a buffered message start the next instance.
 */
export async function correlateBufferedForNewSubscriptions(ctx: BatchContext, m: Machine): Promise<void> {
  while (m.pendingBufferedCorrelations.length > 0 || m.releasedStartLocks.length > 0) {
    const released = m.releasedStartLocks.shift();
    if (released) {
      await startFromBuffered(ctx, m, released.bpmnProcessId, released.correlationKey);
      continue;
    }
    const key = m.pendingBufferedCorrelations.shift()!;
    const subscription = ctx.messageSubscriptions.peek(key);
    if (!subscription) continue;
    await ctx.flush();
    const rows = (await ctx
      .trx('engine_message')
      .where({ name: subscription.messageName, correlation_key: subscription.correlationKey })
      .where('deadline', '>', ctx.now)
      .orderBy('key')) as Record<string, unknown>[];
    for (const message of ctx.messages.adopt(rows)) {
      if (!ctx.messages.peek(message.key)) continue;
      if ((await correlatedProcesses(ctx, message.key)).has(subscription.bpmnProcessId)) continue;
      await correlate(m, subscription, message);
      break;
    }
  }
}

/** Removes buffered messages whose time to live is over. */
export async function expireMessages(ctx: BatchContext, m: Machine, limit: number): Promise<number> {
  await ctx.flush();
  const rows = (await ctx
    .trx('engine_message')
    .where('deadline', '<=', ctx.now)
    .orderBy('deadline')
    .limit(limit)
    .forUpdate()
    .skipLocked()) as Record<string, unknown>[];
  const messages = ctx.messages.adopt(rows).filter((row) => ctx.messages.peek(row.key));
  for (const message of messages) {
    m.apply.message.expired(message);
    await ctx.trx('engine_message_correlation').where({ message_key: message.key }).delete();
  }
  return messages.length;
}
