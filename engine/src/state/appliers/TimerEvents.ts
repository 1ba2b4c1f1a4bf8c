import type { BatchContext } from '../../processing/BatchContext.js';
import type { RecordValue } from '../../records/Record.js';
import type { TimerRow } from '../types.js';

function timerValue(timer: TimerRow): RecordValue {
  return {
    elementInstanceKey: timer.data.elementInstanceKey,
    processInstanceKey: timer.processInstanceKey ?? -1,
    processDefinitionKey: timer.processDefinitionKey,
    dueDate: timer.dueDate,
    targetElementId: timer.data.targetElementId,
    repetitions: timer.data.repetitions,
    tenantId: '<default>',
  };
}

/** Appliers of TIMER events. */
export class TimerEvents {
  constructor(private readonly ctx: BatchContext) {}

  created(timer: TimerRow): void {
    this.ctx.timers.put(timer);
    this.ctx.record('TIMER', 'CREATED', timer.key, timerValue(timer));
  }

  triggered(timer: TimerRow): void {
    this.ctx.timers.delete(timer.key);
    this.ctx.record('TIMER', 'TRIGGERED', timer.key, timerValue(timer));
  }

  canceled(timer: TimerRow): void {
    this.ctx.timers.delete(timer.key);
    this.ctx.record('TIMER', 'CANCELED', timer.key, timerValue(timer));
  }
}
