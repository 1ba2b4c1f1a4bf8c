import type { ActivatedJob, ActivateJobsRequest } from '../commands/jobCommands.js';
import type { CommandResult } from '../commands/Rejection.js';
import type { Engine } from '../Engine.js';

/** How often a waiting request looks again even without a wake-up (jobs made by another engine process). */
const RECHECK_MS = 1000;

/**
 * Long polling for job activation: a request with no jobs waits until jobs of its type appear (woken
 * by the engine as soon as they commit, not by a poll interval), its request timeout passes, or the
 * client goes away.
 */
export class JobActivator {
  private readonly waiting = new Map<string, Set<() => void>>();
  private readonly unsubscribe: () => void;
  private closed = false;

  constructor(private readonly engine: Engine) {
    this.unsubscribe = engine.onJobsAvailable((type) => {
      for (const wake of this.waiting.get(type) ?? []) wake();
    });
  }

  /**
   * Activates jobs, waiting up to `requestTimeoutMs` for some to appear (0 or less: answer at once).
   * `cancelled` tells when the client has gone, so nothing is activated for nobody.
   */
  async activate(
    request: ActivateJobsRequest,
    requestTimeoutMs: number,
    cancelled: () => boolean,
  ): Promise<CommandResult<ActivatedJob[]>> {
    const deadline = Date.now() + Math.max(0, requestTimeoutMs);
    for (;;) {
      if (cancelled() || this.closed) return { ok: true, value: [] };
      const result = await this.engine.activateJobs(request);
      if (!result.ok || result.value.length > 0 || Date.now() >= deadline) return result;
      await this.waitFor(request.type, Math.min(RECHECK_MS, deadline - Date.now()), cancelled);
    }
  }

  /** Resolves when jobs of the type may be there, after `ms`, or when the client is gone. */
  waitFor(type: string, ms: number, cancelled: () => boolean): Promise<void> {
    return new Promise((resolve) => {
      if (this.closed) return resolve();
      const waiters = this.waiting.get(type) ?? new Set<() => void>();
      this.waiting.set(type, waiters);
      const done = () => {
        clearTimeout(timer);
        clearInterval(watch);
        waiters.delete(done);
        if (waiters.size === 0) this.waiting.delete(type);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      const watch = setInterval(() => cancelled() && done(), 100);
      waiters.add(done);
    });
  }

  /** Ends every wait: requests still polling answer with what they have (a closing gateway keeps none open). */
  close(): void {
    this.closed = true;
    this.unsubscribe();
    for (const waiters of this.waiting.values()) for (const wake of waiters) wake();
  }
}
