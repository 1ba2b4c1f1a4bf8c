/** How a save ended: saved, refused because someone saved first (stop saving), or failed (try again later). */
export type SaveOutcome = 'saved' | 'conflict' | 'failed';

/** A debounced saver: changes are saved `delayMs` after the last one, one save at a time, none after a conflict. */
export interface Autosave {
  /** Notes a change: a save follows once the changes pause. */
  changed(): void;
  /** Saves now if anything is unsaved (e.g. before deploying); resolves when saved or not. */
  flush(): Promise<SaveOutcome | 'clean'>;
  /** Whether changes are waiting to be saved. */
  dirty(): boolean;
  /** Stops saving (the page is left, or a conflict is being resolved); `resume` starts again, clean. */
  stop(): void;
  resume(): void;
}

/** Creates the autosave of one design; `save` writes the current state and tells how it went. */
export function createAutosave(save: () => Promise<SaveOutcome>, delayMs = 1500): Autosave {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending = false;
  let stopped = false;
  let running: Promise<SaveOutcome> | undefined;

  const run = async (): Promise<SaveOutcome | 'clean'> => {
    clearTimeout(timer);
    if (running) await running;
    if (!pending || stopped) return 'clean';
    pending = false;
    running = save();
    const outcome = await running;
    running = undefined;
    if (outcome === 'conflict') stopped = true;
    if (outcome === 'failed') pending = true;
    return outcome;
  };

  return {
    changed() {
      if (stopped) return;
      pending = true;
      clearTimeout(timer);
      timer = setTimeout(() => void run(), delayMs);
    },
    flush: run,
    dirty: () => pending,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
    resume() {
      stopped = false;
      pending = false;
    },
  };
}
