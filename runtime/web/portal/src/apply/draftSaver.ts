/** Saves what a citizen types a moment after they stop, one save at a time; pausable around a submission. */
export interface DraftSaver {
  /** Notes a change; it is saved once no other change follows within the delay. */
  changed(data: Record<string, unknown>): void;
  /** Drops a pending change and stops saving, once the save in flight (if any) has finished. */
  pause(): Promise<void>;
  /** Saves again after a pause (a submission that failed). */
  resume(): void;
  /** Saves a pending change now (leaving the page). */
  flush(): void;
}

/**
 * A debounced saver: `save` is called with the last change after `delayMs` without another one, never twice at
 * once, and never after `pause()` (so that no draft lands after the submission that deletes it). `onSaved` is
 * told of each save that succeeded while not paused; a failed save is left to the next change.
 */
export function draftSaver(options: {
  readonly save: (data: Record<string, unknown>) => Promise<void>;
  readonly delayMs: number;
  readonly onSaved?: () => void;
}): DraftSaver {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: Record<string, unknown> | undefined;
  let inFlight: Promise<void> = Promise.resolve();
  let paused = false;

  function flush(): void {
    clearTimeout(timer);
    const data = pending;
    pending = undefined;
    if (!data || paused) return;
    inFlight = inFlight.then(async () => {
      try {
        await options.save(data);
        if (!paused) options.onSaved?.();
      } catch {
        // Not worth interrupting the citizen for: the next change tries again.
      }
    });
  }

  return {
    changed(data) {
      if (paused) return;
      pending = data;
      clearTimeout(timer);
      timer = setTimeout(flush, options.delayMs);
    },
    async pause() {
      paused = true;
      clearTimeout(timer);
      pending = undefined;
      await inFlight;
    },
    resume() {
      paused = false;
    },
    flush,
  };
}
