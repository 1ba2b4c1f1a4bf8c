import { describe, expect, it } from 'vitest';
import type { EngineJob } from '../engine/JobWorker.js';
import { deadlineWorker } from './deadlineWorker.js';
import { dueDateOf } from './dueDateOf.js';

describe('dueDateOf', () => {
  const citizenRequest = {
    expectedDuration: {
      workingDays: 10,
      byVariable: { variable: 'category', workingDays: { lighting: 5, cleaning: 3 } },
    },
  };

  it('should give the end of office hours after the working days of the submitted category', () => {
    // filed on Holy Wednesday 2026: lighting 5 working days crosses Easter
    expect(dueDateOf(citizenRequest, { category: 'lighting' }, '2026-04-08')).toBe('2026-04-17T15:00:00+03:00');
    expect(dueDateOf(citizenRequest, { category: 'cleaning' }, '2026-01-02')).toBe('2026-01-08T15:00:00+02:00');
    // an unknown category takes the service's default; 6 January is a holiday
    expect(dueDateOf(citizenRequest, { category: 'noise' }, '2026-01-02')).toBe('2026-01-19T15:00:00+02:00');
  });
});

describe('deadlineWorker', () => {
  const job = (customHeaders: Record<string, unknown>) => ({ elementId: 'replyDeadline', customHeaders }) as EngineJob;

  it('should set the result variable to the working-day deadline from today in Athens', async () => {
    // given Friday 3 April 2026, 22:30 UTC = Saturday 01:30 in Athens
    const handler = deadlineWorker({ now: () => new Date('2026-04-03T22:30:00Z') });
    // when / then: 10 working days from Saturday 4 April skip the Easter holidays (10–13 April)
    expect(await handler(job({ workingDays: '10', resultVariable: 'replyDue' }))).toEqual({
      replyDue: '2026-04-21T15:00:00+03:00',
    });
  });

  it('should fail the job when its headers are missing', () => {
    const handler = deadlineWorker();
    expect(() => handler(job({ workingDays: 'ten' }))).toThrow(/workingDays/);
  });
});
