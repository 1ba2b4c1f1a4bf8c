import type { BatchContext } from '../../processing/BatchContext.js';
import { IncidentEvents } from './IncidentEvents.js';
import { JobEvents } from './JobEvents.js';
import { MessageEvents } from './MessageEvents.js';
import { ProcessInstanceEvents } from './ProcessInstanceEvents.js';
import { SignalEvents } from './SignalEvents.js';
import { TimerEvents } from './TimerEvents.js';
import { VariableEvents } from './VariableEvents.js';

/** All appliers of a batch: processors change state only through these. */
export class Appliers {
  readonly processInstance: ProcessInstanceEvents;
  readonly variable: VariableEvents;
  readonly job: JobEvents;
  readonly incident: IncidentEvents;
  readonly timer: TimerEvents;
  readonly message: MessageEvents;
  readonly signal: SignalEvents;

  constructor(ctx: BatchContext) {
    this.processInstance = new ProcessInstanceEvents(ctx);
    this.variable = new VariableEvents(ctx);
    this.job = new JobEvents(ctx);
    this.incident = new IncidentEvents(ctx);
    this.timer = new TimerEvents(ctx);
    this.message = new MessageEvents(ctx);
    this.signal = new SignalEvents(ctx);
  }
}
