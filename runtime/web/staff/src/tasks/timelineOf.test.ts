import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from './taskTypes';
import { timelineOf } from './timelineOf';

const ev = (at: string, elementId: string, elementType: string, intent: HistoryEvent['intent']): HistoryEvent => ({
  at,
  elementId,
  elementName: elementId === 'check' ? 'Έλεγχος αίτησης' : null,
  elementType,
  intent,
});
const petrou = { userId: 'u1', username: 'k.petrou', displayNameEl: 'Κ. Πέτρου', displayNameEn: 'K. Petrou' };

describe('the timeline of a process instance', () => {
  it('should show one step per element entered, done or current, and leave out flows and gateways', () => {
    const events: HistoryEvent[] = [
      ev('t1', 'submitted', 'START_EVENT', 'ELEMENT_ACTIVATED'),
      ev('t1', 'submitted', 'START_EVENT', 'ELEMENT_COMPLETED'),
      ev('t1', 'f1', 'SEQUENCE_FLOW', 'SEQUENCE_FLOW_TAKEN'),
      ev('t1', 'toCheck', 'EXCLUSIVE_GATEWAY', 'ELEMENT_ACTIVATED'),
      ev('t2', 'check', 'USER_TASK', 'ELEMENT_ACTIVATED'),
      { ...ev('t3', 'check', 'USER_TASK', 'ELEMENT_COMPLETED'), by: petrou },
      ev('t4', 'check', 'USER_TASK', 'ELEMENT_ACTIVATED'),
    ];
    expect(timelineOf(events)).toEqual([
      { elementId: 'submitted', name: null, elementType: 'START_EVENT', intent: 'completed', at: 't1' },
      {
        elementId: 'check',
        name: 'Έλεγχος αίτησης',
        elementType: 'USER_TASK',
        intent: 'completed',
        at: 't3',
        by: petrou,
      },
      { elementId: 'check', name: 'Έλεγχος αίτησης', elementType: 'USER_TASK', intent: 'active', at: 't4' },
    ]);
  });

  it('should mark a step that was stopped', () => {
    const steps = timelineOf([
      ev('t1', 'check', 'USER_TASK', 'ELEMENT_ACTIVATED'),
      ev('t2', 'check', 'USER_TASK', 'ELEMENT_TERMINATED'),
    ]);
    expect(steps.map((s) => s.intent)).toEqual(['terminated']);
  });
});
