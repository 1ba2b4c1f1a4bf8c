import type { BatchContext } from '../../processing/BatchContext.js';
import type { JsonValue } from '../../feel/feel.js';
import type { RecordValue } from '../../records/Record.js';
import type {
  MessageRow,
  MessageStartSubscriptionRow,
  MessageSubscriptionRow,
  ProcessInstanceDoc,
  Variables,
} from '../types.js';

function messageValue(message: MessageRow): RecordValue {
  return {
    name: message.name,
    correlationKey: message.correlationKey,
    messageId: message.messageId ?? '',
    timeToLive: message.data.timeToLive,
    deadline: message.deadline,
    variables: message.data.variables as { [key: string]: JsonValue },
    tenantId: '<default>',
  };
}

function subscriptionValue(
  subscription: MessageSubscriptionRow,
  messageKey: number,
  variables: Variables,
): RecordValue {
  return {
    processInstanceKey: subscription.processInstanceKey,
    elementInstanceKey: subscription.data.elementInstanceKey,
    elementId: subscription.data.elementId,
    bpmnProcessId: subscription.bpmnProcessId,
    messageName: subscription.messageName,
    correlationKey: subscription.correlationKey,
    messageKey,
    interrupting: subscription.data.interrupting,
    variables: variables as { [key: string]: JsonValue },
    tenantId: '<default>',
  };
}

/** Appliers of MESSAGE, PROCESS_MESSAGE_SUBSCRIPTION and MESSAGE_START_EVENT_SUBSCRIPTION events. */
export class MessageEvents {
  constructor(private readonly ctx: BatchContext) {}

  published(message: MessageRow, buffered: boolean): void {
    if (buffered) this.ctx.messages.put(message);
    this.ctx.record('MESSAGE', 'PUBLISHED', message.key, messageValue(message));
  }

  expired(message: MessageRow): void {
    this.ctx.messages.delete(message.key);
    this.ctx.record('MESSAGE', 'EXPIRED', message.key, messageValue(message));
  }

  async correlatedToProcess(messageKey: number, bpmnProcessId: string): Promise<void> {
    await this.ctx
      .trx('engine_message_correlation')
      .insert({ message_key: messageKey, bpmn_process_id: bpmnProcessId })
      .onConflict()
      .ignore();
  }

  subscriptionCreated(subscription: MessageSubscriptionRow): void {
    this.ctx.messageSubscriptions.put(subscription);
    this.ctx.record(
      'PROCESS_MESSAGE_SUBSCRIPTION',
      'CREATED',
      subscription.key,
      subscriptionValue(subscription, -1, {}),
    );
  }

  subscriptionCorrelated(
    subscription: MessageSubscriptionRow,
    messageKey: number,
    variables: Variables,
    close: boolean,
  ): void {
    if (close) this.ctx.messageSubscriptions.delete(subscription.key);
    this.ctx.record(
      'PROCESS_MESSAGE_SUBSCRIPTION',
      'CORRELATED',
      subscription.key,
      subscriptionValue(subscription, messageKey, variables),
    );
  }

  subscriptionDeleted(subscription: MessageSubscriptionRow): void {
    this.ctx.messageSubscriptions.delete(subscription.key);
    this.ctx.record(
      'PROCESS_MESSAGE_SUBSCRIPTION',
      'DELETED',
      subscription.key,
      subscriptionValue(subscription, -1, {}),
    );
  }

  startSubscriptionCreated(subscription: MessageStartSubscriptionRow): void {
    this.ctx.messageStartSubscriptions.put(subscription);
    this.ctx.record('MESSAGE_START_EVENT_SUBSCRIPTION', 'CREATED', subscription.key, {
      processDefinitionKey: subscription.processDefinitionKey,
      bpmnProcessId: subscription.bpmnProcessId,
      startEventId: subscription.data.startEventId,
      messageName: subscription.messageName,
      tenantId: '<default>',
    });
  }

  startSubscriptionDeleted(subscription: MessageStartSubscriptionRow): void {
    this.ctx.messageStartSubscriptions.delete(subscription.key);
    this.ctx.record('MESSAGE_START_EVENT_SUBSCRIPTION', 'DELETED', subscription.key, {
      processDefinitionKey: subscription.processDefinitionKey,
      bpmnProcessId: subscription.bpmnProcessId,
      startEventId: subscription.data.startEventId,
      messageName: subscription.messageName,
      tenantId: '<default>',
    });
  }

  startCorrelated(subscription: MessageStartSubscriptionRow, message: MessageRow, doc: ProcessInstanceDoc): void {
    this.ctx.record('MESSAGE_START_EVENT_SUBSCRIPTION', 'CORRELATED', subscription.key, {
      processDefinitionKey: subscription.processDefinitionKey,
      bpmnProcessId: subscription.bpmnProcessId,
      startEventId: subscription.data.startEventId,
      messageName: subscription.messageName,
      messageKey: message.key,
      correlationKey: message.correlationKey,
      processInstanceKey: doc.key,
      variables: message.data.variables as { [key: string]: JsonValue },
      tenantId: '<default>',
    });
  }

  /** Holds the correlation key of a message-started instance, so no second one starts while it runs. */
  async startLockTaken(bpmnProcessId: string, correlationKey: string, processInstanceKey: number): Promise<void> {
    await this.ctx.trx('engine_message_start_lock').insert({
      bpmn_process_id: bpmnProcessId,
      correlation_key: correlationKey,
      process_instance_key: processInstanceKey,
    });
  }

  async startLockReleased(bpmnProcessId: string, correlationKey: string): Promise<void> {
    await this.ctx
      .trx('engine_message_start_lock')
      .where({ bpmn_process_id: bpmnProcessId, correlation_key: correlationKey })
      .delete();
  }
}
