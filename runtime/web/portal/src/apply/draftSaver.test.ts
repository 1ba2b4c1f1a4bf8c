import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { draftSaver } from './draftSaver';

describe('the draft saver', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  const recorder = () => {
    const saved: Record<string, unknown>[] = [];
    let announced = 0;
    const saver = draftSaver({
      delayMs: 1500,
      save: async (data) => void saved.push(data),
      onSaved: () => announced++,
    });
    return { saver, saved, announced: () => announced };
  };

  it('should save the last change once the citizen pauses, and say so', async () => {
    // given a citizen typing three letters half a second apart
    const { saver, saved, announced } = recorder();
    saver.changed({ name: 'Ε' });
    await vi.advanceTimersByTimeAsync(500);
    saver.changed({ name: 'Ελ' });
    await vi.advanceTimersByTimeAsync(500);
    saver.changed({ name: 'Ελέ' });
    // when they pause
    await vi.advanceTimersByTimeAsync(1499);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    // then only the last state was saved, once
    expect(saved).toEqual([{ name: 'Ελέ' }]);
    expect(announced()).toBe(1);
  });

  it('should save nothing after a pause for the submission, and again after resuming', async () => {
    // given a change waiting to be saved
    const { saver, saved } = recorder();
    saver.changed({ name: 'Ελένη' });
    // when the citizen submits (the saver pauses), and the submission fails and they change a field
    await saver.pause();
    saver.changed({ name: 'Ελένη Π' });
    await vi.advanceTimersByTimeAsync(5000);
    expect(saved).toEqual([]);
    saver.resume();
    saver.changed({ name: 'Ελένη Παπά' });
    await vi.advanceTimersByTimeAsync(1500);
    // then only the change after resuming was saved
    expect(saved).toEqual([{ name: 'Ελένη Παπά' }]);
  });

  it('should wait for a save in flight before the submission goes ahead, and not announce it', async () => {
    // given a save the server is slow to answer
    let finish = () => {};
    const saved: string[] = [];
    let announced = 0;
    const saver = draftSaver({
      delayMs: 10,
      save: (data) =>
        new Promise<void>((resolve) => {
          finish = () => {
            saved.push(String(data.name));
            resolve();
          };
        }),
      onSaved: () => announced++,
    });
    saver.changed({ name: 'Ελένη' });
    await vi.advanceTimersByTimeAsync(10);
    // when the citizen submits meanwhile
    let paused = false;
    const pausing = saver.pause().then(() => (paused = true));
    await vi.advanceTimersByTimeAsync(100);
    expect(paused).toBe(false);
    finish();
    await pausing;
    // then the pause waited for it, and "Draft saved" is not said over the submission
    expect(saved).toEqual(['Ελένη']);
    expect(announced).toBe(0);
  });
});
