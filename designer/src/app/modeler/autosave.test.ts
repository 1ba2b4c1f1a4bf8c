import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutosave, type SaveOutcome } from './autosave';

describe('the designer autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('should save once after a burst of changes pauses', async () => {
    // given an autosave with a save that succeeds
    const save = vi.fn(async (): Promise<SaveOutcome> => 'saved');
    const autosave = createAutosave(save, 1000);
    // when three changes come quickly
    autosave.changed();
    await vi.advanceTimersByTimeAsync(500);
    autosave.changed();
    autosave.changed();
    // then nothing is saved until the changes pause, then one save
    await vi.advanceTimersByTimeAsync(999);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(autosave.dirty()).toBe(false);
  });

  it('should stop saving after a conflict until resumed', async () => {
    const save = vi.fn(async (): Promise<SaveOutcome> => 'conflict');
    const autosave = createAutosave(save, 10);
    autosave.changed();
    await vi.advanceTimersByTimeAsync(10);
    autosave.changed();
    await vi.advanceTimersByTimeAsync(100);
    expect(save).toHaveBeenCalledTimes(1);
    expect(await autosave.flush()).toBe('clean');
  });

  it('should save pending changes at once on flush, and keep them pending when the save fails', async () => {
    const save = vi.fn(async (): Promise<SaveOutcome> => 'failed');
    const autosave = createAutosave(save, 10_000);
    autosave.changed();
    expect(await autosave.flush()).toBe('failed');
    expect(autosave.dirty()).toBe(true);
  });
});
