import { describe, expect, it } from 'vitest';
import { parseTaskEvent, reconnectDelay } from './useTaskEvents';

describe('the task events', () => {
  it('should read a task change and ignore anything else', () => {
    expect(parseTaskEvent('{"type":"created","taskId":"t1"}')).toEqual({ type: 'created', taskId: 't1' });
    expect(parseTaskEvent('{"type":"deleted","taskId":"t1"}')).toBeUndefined();
    expect(parseTaskEvent('heartbeat')).toBeUndefined();
  });

  it('should wait longer after each failed reconnection, up to half a minute', () => {
    expect([0, 1, 2, 3, 10].map(reconnectDelay)).toEqual([1_000, 2_000, 4_000, 8_000, 30_000]);
  });
});
