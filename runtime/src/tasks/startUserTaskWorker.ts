import { hostname } from 'node:os';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { EngineClient } from '../engine/EngineClient.js';
import { delay } from '../engine/JobWorker.js';
import { cancelTask } from './cancelTask.js';
import { upsertTaskFromJob } from './upsertTaskFromJob.js';

/** The job type of BPMN user tasks in Zeebe. */
export const USER_TASK_JOB_TYPE = 'io.camunda.zeebe:userTask';

/** How to run the user-task worker; the timings have defaults for production and are shortened in tests. */
export interface UserTaskWorkerOptions {
  readonly knex: Knex;
  readonly engine: EngineClient;
  readonly logger: Logger;
  /** The name of a user task in its process model, for the inbox; the element id is shown without one. */
  readonly elementName?: (processId: string, elementId: string) => string | undefined;
  /** How long the engine leaves an activated or extended job with us; default a day. */
  readonly leaseMs?: number;
  /** Extend a job's timeout once less than this is left; default 6 hours. */
  readonly renewBeforeMs?: number;
  /** How often leases are looked at; default 10 minutes. */
  readonly sweepIntervalMs?: number;
  /** How long one activation request waits for a job (long poll); default 10 s. */
  readonly pollMs?: number;
  /** Jobs taken per activation request; default 32. */
  readonly maxJobsToActivate?: number;
}

/** The running worker. */
export interface UserTaskWorker {
  /** Extends every lease that is due now; answers how many were extended and how many tasks turned out cancelled. */
  renewLeases(): Promise<{ renewed: number; cancelled: number }>;
  /** Stops activating and renewing; waits for the jobs in hand to be stored. */
  stop(timeoutMs?: number): Promise<void>;
}

const DAY = 24 * 3600_000;
const RENEW_BATCH = 200;

/**
 * The runtime's user-task worker: activates `io.camunda.zeebe:userTask` jobs with a long timeout and keeps each in the
 * task table (one row per element instance) without completing it; extends each job's timeout before it lapses for
 * as long as its task is open, and marks a task cancelled when the engine no longer knows its job. The task is
 * completed later, by completeTask, with the clerk's validated form data.
 */
export function startUserTaskWorker(options: UserTaskWorkerOptions): UserTaskWorker {
  const { knex, engine } = options;
  const log = options.logger.child({ worker: USER_TASK_JOB_TYPE });
  const leaseMs = options.leaseMs ?? DAY;
  const renewBeforeMs = options.renewBeforeMs ?? 6 * 3600_000;
  const worker = `polis-runtime@${hostname()}`;
  let stopped = false;
  let wake = () => {};

  const store = async (job: Parameters<typeof upsertTaskFromJob>[1]) => {
    try {
      const outcome = await upsertTaskFromJob(knex, job, options.elementName?.(job.bpmnProcessId, job.elementId));
      log.debug({ jobKey: job.key, elementInstanceKey: job.elementInstanceKey, outcome }, 'user task stored');
    } catch (error) {
      // Give the job back soon rather than at the end of its long lease, so that it is tried again.
      log.error({ jobKey: job.key, err: error }, 'could not store the user task; the engine will offer it again');
      await engine.updateJobTimeout({ jobKey: job.key, timeoutMs: 30_000 });
    }
  };

  const poll = async () => {
    while (!stopped) {
      const activated = await engine.activateJobs({
        type: USER_TASK_JOB_TYPE,
        worker,
        maxJobsToActivate: options.maxJobsToActivate ?? 32,
        timeoutMs: leaseMs,
        requestTimeoutMs: options.pollMs ?? 10_000,
      });
      if (!activated.ok) {
        if (activated.error.code === 'CANCELLED') return;
        log.warn({ code: activated.error.code, reason: activated.error.message }, 'could not activate user tasks');
        await delay(1_000);
        continue;
      }
      // Jobs that arrive while stopping are stored all the same: the engine has given them to us.
      for (const job of activated.value) await store(job);
    }
  };

  const renewLeases = async () => {
    let renewed = 0;
    let cancelled = 0;
    for (;;) {
      const due = (await knex('task_lease as l')
        .join('task as t', 't.id', 'l.task_id')
        .whereIn('t.status', ['open', 'claimed'])
        .where('l.expires_at', '<', new Date(Date.now() + renewBeforeMs))
        .orderBy('l.expires_at')
        .limit(RENEW_BATCH)
        .select('l.task_id', 'l.job_key')) as { task_id: string; job_key: string | number }[];
      let progressed = 0;
      for (const lease of due) {
        const jobKey = String(lease.job_key);
        const extended = await engine.updateJobTimeout({ jobKey, timeoutMs: leaseMs });
        if (extended.ok) {
          await knex('task_lease')
            .where({ task_id: lease.task_id })
            .update({ expires_at: new Date(Date.now() + leaseMs) });
          renewed++;
          progressed++;
        } else if (extended.error.code === 'NOT_FOUND') {
          if (await cancelTask(knex, lease.task_id, jobKey)) cancelled++;
          progressed++;
        } else if (extended.error.code === 'CANCELLED') {
          return { renewed, cancelled };
        } else {
          // Not activated any more (it timed out while we were away): the poll takes it again, into the same task.
          log.warn({ jobKey, code: extended.error.code, reason: extended.error.message }, 'could not extend a job');
        }
      }
      if (due.length < RENEW_BATCH || progressed === 0) return { renewed, cancelled };
    }
  };

  const sweep = async () => {
    while (!stopped) {
      try {
        const { renewed, cancelled } = await renewLeases();
        if (renewed + cancelled > 0) log.info({ renewed, cancelled }, 'user task leases renewed');
      } catch (error) {
        log.error({ err: error }, 'could not renew user task leases');
      }
      await Promise.race([
        delay(options.sweepIntervalMs ?? 10 * 60_000),
        new Promise<void>((resolve) => (wake = resolve)),
      ]);
    }
  };

  const polling = poll().catch((error: unknown) => log.error({ err: error }, 'the user task worker stopped'));
  const sweeping = sweep();
  let stopping: Promise<void> | undefined;
  return {
    renewLeases,
    stop(timeoutMs = 10_000) {
      stopping ??= (async () => {
        stopped = true;
        wake();
        // A long poll in flight ends when the engine connection closes; its jobs go back to the engine then.
        const done = await Promise.race([
          Promise.all([polling, sweeping]).then(() => 'done' as const),
          delay(timeoutMs),
        ]);
        if (done === 'timeout') log.debug('the user task worker is still waiting for a long poll');
      })();
      return stopping;
    },
  };
}
