/** The engine's notion of time; tests inject a controllable clock and move it forward. */
export interface Clock {
  now(): number;
}

/** The wall clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** A clock that stands still until a test moves it. */
export class ControlledClock implements Clock {
  constructor(private current: number = Date.parse('2026-01-05T08:00:00Z')) {}
  now(): number {
    return this.current;
  }
  /** Moves time forward by a number of milliseconds. */
  advance(ms: number): void {
    this.current += ms;
  }
  set(epochMs: number): void {
    this.current = epochMs;
  }
}
