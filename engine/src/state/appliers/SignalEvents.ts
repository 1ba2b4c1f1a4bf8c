import type { BatchContext } from '../../processing/BatchContext.js';
import type { JsonValue } from '../../feel/feel.js';
import type { SignalSubscriptionRow, Variables } from '../types.js';

/** Appliers of SIGNAL and SIGNAL_SUBSCRIPTION events. */
export class SignalEvents {
  constructor(private readonly ctx: BatchContext) {}

  broadcasted(key: number, signalName: string, variables: Variables): void {
    this.ctx.record('SIGNAL', 'BROADCASTED', key, {
      signalName,
      variables: variables as { [key: string]: JsonValue },
      tenantId: '<default>',
    });
  }

  subscriptionCreated(subscription: SignalSubscriptionRow): void {
    this.ctx.signalSubscriptions.put(subscription);
    this.ctx.record('SIGNAL_SUBSCRIPTION', 'CREATED', subscription.key, this.value(subscription));
  }

  subscriptionDeleted(subscription: SignalSubscriptionRow): void {
    this.ctx.signalSubscriptions.delete(subscription.key);
    this.ctx.record('SIGNAL_SUBSCRIPTION', 'DELETED', subscription.key, this.value(subscription));
  }

  private value(subscription: SignalSubscriptionRow) {
    return {
      processDefinitionKey: subscription.processDefinitionKey,
      bpmnProcessId: subscription.data.bpmnProcessId,
      catchEventId: subscription.data.elementId,
      catchEventInstanceKey: subscription.data.elementInstanceKey,
      signalName: subscription.signalName,
      tenantId: '<default>',
    };
  }
}
