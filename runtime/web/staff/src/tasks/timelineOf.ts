import type { HistoryEvent, Person } from './taskTypes';

/** One step of a process instance as the timeline shows it: an element, whether it is current, done or stopped. */
export interface TimelineStep {
  readonly elementId: string;
  readonly name: string | null;
  readonly elementType: string;
  readonly intent: 'active' | 'completed' | 'terminated';
  /** When the step began, or when it ended once it has. */
  readonly at: string;
  readonly by?: Person;
}

/** Elements that only route the flow: a clerk learns nothing from them. */
const HIDDEN = new Set([
  'SEQUENCE_FLOW',
  'EXCLUSIVE_GATEWAY',
  'PARALLEL_GATEWAY',
  'INCLUSIVE_GATEWAY',
  'EVENT_BASED_GATEWAY',
  'PROCESS',
]);

/** The steps of a process instance from its history events (oldest first): one per element it entered. */
export function timelineOf(events: readonly HistoryEvent[]): TimelineStep[] {
  const steps: TimelineStep[] = [];
  for (const event of events) {
    if (HIDDEN.has(event.elementType)) continue;
    if (event.intent === 'ELEMENT_ACTIVATED') {
      steps.push({
        elementId: event.elementId,
        name: event.elementName,
        elementType: event.elementType,
        intent: 'active',
        at: event.at,
      });
      continue;
    }
    if (event.intent !== 'ELEMENT_COMPLETED' && event.intent !== 'ELEMENT_TERMINATED') continue;
    const index = steps.findLastIndex((s) => s.elementId === event.elementId && s.intent === 'active');
    const step = {
      elementId: event.elementId,
      name: event.elementName,
      elementType: event.elementType,
      intent: event.intent === 'ELEMENT_COMPLETED' ? ('completed' as const) : ('terminated' as const),
      at: event.at,
      ...(event.by ? { by: event.by } : {}),
    };
    if (index >= 0) steps[index] = step;
    else steps.push(step);
  }
  return steps;
}
