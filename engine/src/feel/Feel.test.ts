import { describe, expect, it } from 'vitest';
import { ControlledClock } from './Clock.js';
import { checkFeelSyntax, evaluateFeel } from './feel.js';

describe('FEEL', () => {
  const clock = new ControlledClock(Date.parse('2026-03-25T10:00:00Z'));

  it('should evaluate over variables and give JSON values', () => {
    expect(evaluateFeel('{total: a * 2, items: [1, 2]}', { a: 21 }, clock)).toEqual({
      ok: true,
      value: { total: 42, items: [1, 2] },
    });
    expect(evaluateFeel('date("2026-01-01") + duration("P1D")', {}, clock)).toEqual({ ok: true, value: '2026-01-02' });
  });

  it('should take now() from the engine clock', () => {
    expect(evaluateFeel('string(now())', {}, clock)).toEqual({ ok: true, value: '2026-03-25T10:00:00Z' });
  });

  it("should provide Camunda's extra functions", () => {
    expect(evaluateFeel('get or else(missing, "fallback")', {}, clock)).toEqual({ ok: true, value: 'fallback' });
    expect(evaluateFeel('is defined(x)', { x: 1 }, clock)).toEqual({ ok: true, value: true });
    expect(evaluateFeel('is empty([])', {}, clock)).toEqual({ ok: true, value: true });
  });

  it('should give null for a missing variable, as Zeebe does', () => {
    expect(evaluateFeel('missing', {}, clock)).toEqual({ ok: true, value: null });
  });

  it('should report a syntax error with its position', () => {
    expect(checkFeelSyntax('amount >')).toEqual({ message: expect.stringContaining('incomplete'), from: 8, to: 8 });
    expect(checkFeelSyntax('a + ) b')?.message).toContain("unexpected ')'");
    expect(checkFeelSyntax('amount > 100')).toBeUndefined();
  });
});
