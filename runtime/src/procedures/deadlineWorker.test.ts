import { describe, expect, it } from 'vitest';
import type { EngineJob } from '../engine/JobWorker.js';
import { deadlineWorker } from './deadlineWorker.js';

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
