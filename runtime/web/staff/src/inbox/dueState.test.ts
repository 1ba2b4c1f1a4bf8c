import { describe, expect, it } from 'vitest';
import { dueState } from './dueState';

const now = new Date(2026, 10, 25, 15, 30);
const at = (day: number, hour: number) => new Date(2026, 10, day, hour).toISOString();

describe('the due state of a task', () => {
  it('should call a task overdue once its due instant has passed, and due today until midnight', () => {
    expect(dueState(at(25, 15), now)).toBe('overdue');
    expect(dueState(at(20, 9), now)).toBe('overdue');
    expect(dueState(at(25, 18), now)).toBe('today');
    expect(dueState(at(25, 23), now)).toBe('today');
  });

  it('should tell a task due within three days from a later one, and one without a due date', () => {
    expect(dueState(at(26, 0), now)).toBe('soon');
    expect(dueState(at(28, 12), now)).toBe('soon');
    expect(dueState(at(29, 0), now)).toBe('later');
    expect(dueState(null, now)).toBe('none');
    expect(dueState('not a date', now)).toBe('none');
  });
});
