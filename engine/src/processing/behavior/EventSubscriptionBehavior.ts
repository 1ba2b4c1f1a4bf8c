import type { ElementDefinition } from '../../model/ProcessModel.js';
import { nextCycleDate, scheduleTimer } from '../../timer/timerSchedule.js';
import type { ElementInstance, OwnedSubscription, ProcessInstanceDoc, TimerRow } from '../../state/types.js';
import type { Machine } from '../Machine.js';

/** Opens and closes the timer, message and signal subscriptions that an element instance owns. */
export class EventSubscriptionBehavior {
  constructor(private readonly m: Machine) {}

  /** A correlation key must be a string or a number, as in Zeebe. */
  correlationKeyOf(doc: ProcessInstanceDoc, scopeKey: number, def: ElementDefinition): string | { error: string } {
    const expression = def.message?.correlationKey;
    if (!expression) return '';
    const result = this.m.variables.evaluate(doc, scopeKey, expression);
    if (!result.ok) return { error: result.message };
    if (typeof result.value === 'string') return result.value;
    if (typeof result.value === 'number') return String(result.value);
    const found =
      result.value === null
        ? 'NULL'
        : Array.isArray(result.value)
          ? 'ARRAY'
          : typeof result.value.toString().toUpperCase();
    return {
      error: `Failed to extract the correlation key for '${expression.source}': The value must be either a string or a number, but was ${found === 'NULL' ? 'NULL' : JSON.stringify(result.value)}.`,
    };
  }

  /**
   * Opens one subscription per catching element for the owner. Returns an error sentence (and opens
   * nothing more) when an expression cannot be evaluated.
   */
  async open(
    doc: ProcessInstanceDoc,
    owner: ElementInstance,
    catches: readonly ElementDefinition[],
  ): Promise<string | undefined> {
    const { ctx, apply, variables } = this.m;
    const opened: OwnedSubscription[] = [...(owner.subscriptions ?? [])];
    const scopeKey = owner.key;
    for (const def of catches) {
      if (def.eventType === 'TIMER' && def.timer) {
        const evaluated = variables.evaluate(doc, scopeKey, def.timer.expression);
        if (!evaluated.ok) return evaluated.message;
        const text = typeof evaluated.value === 'string' ? evaluated.value : JSON.stringify(evaluated.value);
        const schedule = scheduleTimer(def.timer.kind, text, ctx.now);
        if (typeof schedule === 'string')
          return `Invalid timer ${def.timer.kind} expression '${def.timer.expression.source}': ${schedule}`;
        const timer: TimerRow = {
          key: await ctx.nextKey(),
          dueDate: schedule.dueDate,
          processInstanceKey: doc.key,
          processDefinitionKey: doc.processDefinitionKey,
          data: {
            elementId: owner.elementId,
            elementInstanceKey: owner.key,
            targetElementId: def.id,
            repetitions: schedule.repetitions,
            ...(schedule.cycle ? { cycle: schedule.cycle } : {}),
            bpmnProcessId: doc.bpmnProcessId,
          },
        };
        apply.timer.created(timer);
        opened.push({ kind: 'timer', key: timer.key, elementId: def.id });
      } else if ((def.eventType === 'MESSAGE' || def.type === 'RECEIVE_TASK') && def.message) {
        const name = variables.evaluate(doc, scopeKey, def.message.name);
        if (!name.ok) return name.message;
        if (typeof name.value !== 'string')
          return `Expected the message name '${def.message.name.source}' to be a string, but was ${JSON.stringify(name.value)}`;
        const correlationKey = this.correlationKeyOf(doc, scopeKey, def);
        if (typeof correlationKey !== 'string') return correlationKey.error;
        const subscription = {
          key: await ctx.nextKey(),
          messageName: name.value,
          correlationKey,
          processInstanceKey: doc.key,
          bpmnProcessId: doc.bpmnProcessId,
          data: { elementInstanceKey: owner.key, elementId: def.id, interrupting: def.interrupting },
        };
        apply.message.subscriptionCreated(subscription);
        opened.push({ kind: 'message', key: subscription.key, elementId: def.id });
        this.m.pendingBufferedCorrelations.push(subscription.key);
      } else if (def.eventType === 'SIGNAL' && def.signal) {
        const name = variables.evaluate(doc, scopeKey, def.signal.name);
        if (!name.ok) return name.message;
        const subscription = {
          key: await ctx.nextKey(),
          signalName: String(name.value),
          processInstanceKey: doc.key,
          processDefinitionKey: doc.processDefinitionKey,
          data: { elementId: def.id, elementInstanceKey: owner.key, bpmnProcessId: doc.bpmnProcessId },
        };
        apply.signal.subscriptionCreated(subscription);
        opened.push({ kind: 'signal', key: subscription.key, elementId: def.id });
      }
    }
    apply.processInstance.updated(doc, owner, { subscriptions: opened });
    return undefined;
  }

  /** Closes every subscription the owner holds (or only those of one catching element). */
  async close(doc: ProcessInstanceDoc, owner: ElementInstance, onlyElementId?: string): Promise<void> {
    const { ctx, apply } = this.m;
    const keep: OwnedSubscription[] = [];
    for (const subscription of owner.subscriptions ?? []) {
      if (onlyElementId !== undefined && subscription.elementId !== onlyElementId) {
        keep.push(subscription);
        continue;
      }
      if (subscription.kind === 'timer') {
        const timer = await ctx.timers.get(subscription.key);
        if (timer) apply.timer.canceled(timer);
      } else if (subscription.kind === 'message') {
        const row = await ctx.messageSubscriptions.get(subscription.key);
        if (row) apply.message.subscriptionDeleted(row);
      } else {
        const row = await ctx.signalSubscriptions.get(subscription.key);
        if (row) apply.signal.subscriptionDeleted(row);
      }
    }
    if ((owner.subscriptions?.length ?? 0) > 0) apply.processInstance.updated(doc, owner, { subscriptions: keep });
  }

  /** Schedules the next occurrence of a repeating boundary or start timer; false when the cycle is over. */
  async repeat(timer: TimerRow): Promise<TimerRow | undefined> {
    const { ctx } = this.m;
    if (!timer.data.cycle || timer.data.repetitions === 1 || timer.data.repetitions === 0) return undefined;
    const next = nextCycleDate(timer.data.cycle, Math.max(ctx.now, timer.dueDate), false);
    if (typeof next === 'string') return undefined;
    return {
      ...timer,
      key: await ctx.nextKey(),
      dueDate: next.dueDate,
      data: { ...timer.data, repetitions: timer.data.repetitions < 0 ? -1 : timer.data.repetitions - 1 },
    };
  }
}
