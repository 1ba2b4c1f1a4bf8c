import { describe, expect, it } from 'vitest';
import { athensToday, deputyStatus } from './deputyStatus';

describe('deputy arrangements', () => {
  it('should hold on both their first and last day', () => {
    const arrangement = { fromDate: '2025-08-01', toDate: '2025-08-15' };
    expect(deputyStatus(arrangement, '2025-07-31')).toBe('upcoming');
    expect(deputyStatus(arrangement, '2025-08-01')).toBe('active');
    expect(deputyStatus(arrangement, '2025-08-15')).toBe('active');
    expect(deputyStatus(arrangement, '2025-08-16')).toBe('ended');
  });

  it("should take today's date in Athens, not in UTC", () => {
    // 22:30 UTC on 31 July is already 1 August in Athens (UTC+3 in summer)
    expect(athensToday(new Date('2025-07-31T22:30:00Z'))).toBe('2025-08-01');
  });
});
