import type { Knex } from 'knex';
import { athensToday } from '../orgchart/athensToday.js';
import { lockProtocolCounter, type ProtocolCounter, type ProtocolNumber } from './lockProtocolCounter.js';

/** The number and time a registration is written with. */
export interface ProtocolStamp {
  readonly number: ProtocolNumber;
  /** Taken after the year's counter was locked: registration times follow the protocol numbers. */
  readonly registeredAt: Date;
}

/** One thing to register under a protocol number. */
export interface Registration<T> {
  /** The registration's clock: its Athens year chooses the counter. */
  readonly now: () => Date;
  /**
   * Writes the registration inside the batch's transaction, in a savepoint of its own. Throwing rolls back
   * to the savepoint and gives the number back to the next registration; the error rejects `register`.
   */
  write(trx: Knex.Transaction, stamp: ProtocolStamp): Promise<T>;
}

/** What one batch did, for benches and logs. */
export interface BatchReport {
  /** Registrations in the batch, and of those, the ones whose writes committed. */
  readonly size: number;
  readonly registered: number;
  /** From asking the pool for a connection to the end of the commit (or rollback). */
  readonly durationMs: number;
  /** Of which: the commit itself. */
  readonly commitMs: number;
  readonly failed: boolean;
}

/** Registers under gap-free protocol numbers, many registrations per transaction. */
export interface ProtocolRegistrar {
  /**
   * Queues a registration; resolves with what its `write` returned once its batch committed.
   * @throws the error its `write` threw (its writes rolled back, its number given back); the batch's error when
   * the batch's transaction failed (nothing of the batch was written); a RegistrarStoppedError after `stop`.
   */
  register<T>(registration: Registration<T>): Promise<T>;
  /** Takes no more registrations and resolves when the queued ones are settled. */
  stop(): Promise<void>;
}

/** Thrown by `register` after the registrar was stopped: the runtime is shutting down. */
export class RegistrarStoppedError extends Error {
  override readonly name = 'RegistrarStoppedError';
}

/** How a registrar batches. */
export interface ProtocolRegistrarOptions {
  /**
   * Registrations per transaction at most (default 64): each one's savepoint is a subtransaction, and
   * PostgreSQL keeps up to 64 of a transaction's subtransaction ids in shared memory; past that, every
   * other session's snapshot has to look them up on disk while the batch runs.
   */
  readonly maxBatchSize?: number;
  /** Called after each batch. */
  readonly onBatch?: (report: BatchReport) => void;
}

interface Member {
  readonly registration: Registration<unknown>;
  outcome?: { ok: true; value: unknown } | { ok: false; error: unknown };
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

const athensYear = (at: Date) => Number(athensToday(at).slice(0, 4));

/** node-postgres sends a query without bindings as a simple query, which may hold several statements; PGlite not. */
const acceptsMultipleStatements = (knex: Knex) =>
  (knex.client as { config?: { client?: unknown } }).config?.client === 'pg';

/** Per batch: the locked counter of each year, and whether a member's savepoint is still open. */
interface BatchState {
  readonly counters: Map<number, { counter: ProtocolCounter; lastAt: number }>;
  readonly multiStatement: boolean;
  savepointOpen: boolean;
}

/** Starts the member's savepoint, releasing the previous member's in the same round trip where possible. */
async function openSavepoint(trx: Knex.Transaction, state: BatchState): Promise<void> {
  if (state.savepointOpen && state.multiStatement)
    await trx.raw('release savepoint registration; savepoint registration');
  else {
    if (state.savepointOpen) await trx.raw('release savepoint registration');
    await trx.raw('savepoint registration');
  }
  state.savepointOpen = true;
}

/** Numbers and writes one member in its savepoint; a failure of the savepoint itself fails the batch. */
async function registerMember(trx: Knex.Transaction, member: Member, state: BatchState): Promise<void> {
  const { now, write } = member.registration;
  let registeredAt = now();
  let year = athensYear(registeredAt);
  for (let locked = state.counters.get(year); !locked; locked = state.counters.get(year)) {
    state.counters.set(year, { counter: await lockProtocolCounter(trx, year), lastAt: -Infinity });
    // Waiting for the lock may have taken us past midnight on 31 December: read the clock again.
    registeredAt = now();
    year = athensYear(registeredAt);
  }
  const entry = state.counters.get(year)!;
  // The clock may step back (NTP): within a batch, a later number never shows an earlier time.
  if (registeredAt.getTime() < entry.lastAt) registeredAt = new Date(entry.lastAt);
  await openSavepoint(trx, state);
  try {
    const value = await write(trx, { number: entry.counter.peek(), registeredAt });
    entry.counter.take();
    entry.lastAt = registeredAt.getTime();
    member.outcome = { ok: true, value };
  } catch (error) {
    // The savepoint stays (rolled back to its start): the next member releases it.
    await trx.raw('rollback to savepoint registration');
    member.outcome = { ok: false, error };
  }
}

/**
 * Runs one batch: one transaction, the counter of each year locked once, each member taken from `next`
 * (members queued while the batch runs join it) written in its savepoint. Members settle after the commit.
 */
async function runBatch(knex: Knex, next: () => Member | undefined, onBatch?: (r: BatchReport) => void) {
  const started = performance.now();
  const members: Member[] = [];
  let committing = 0;
  try {
    await knex.transaction(async (trx) => {
      const state: BatchState = {
        counters: new Map(),
        multiStatement: acceptsMultipleStatements(knex),
        savepointOpen: false,
      };
      for (let member = next(); member; member = next()) {
        members.push(member);
        await registerMember(trx, member, state);
      }
      for (const { counter } of state.counters.values()) await counter.save();
      committing = performance.now();
    });
  } catch (error) {
    // No connection could be had: the members waiting for this batch learn it now, rather than wait for another.
    if (members.length === 0) for (let member = next(); member; member = next()) members.push(member);
    for (const member of members) member.reject(error);
    report(true);
    return;
  }
  for (const { outcome, resolve, reject } of members)
    if (outcome?.ok) resolve(outcome.value);
    else reject(outcome?.error);
  report(false);

  function report(failed: boolean) {
    const ended = performance.now();
    onBatch?.({
      size: members.length,
      registered: failed ? 0 : members.filter((m) => m.outcome?.ok).length,
      durationMs: ended - started,
      commitMs: committing ? ended - committing : 0,
      failed,
    });
  }
}

/** Registers one registration in a transaction of its own: for callers without a registrar. */
export function registerAlone<T>(knex: Knex, registration: Registration<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let member: Member | undefined = { registration, resolve: resolve as (v: unknown) => void, reject };
    void runBatch(knex, () => {
      const taken = member;
      member = undefined;
      return taken;
    });
  });
}

/**
 * Starts a group-commit registrar: registrations queue, and one transaction at a time registers up to
 * `maxBatchSize` of them with one lock of the counter and one commit. An idle registrar starts a batch at
 * once; registrations arriving while a batch runs join it until it commits, then form the next one. Several
 * processes may share the database: their batches serialize on the counter row. Its owner stops it.
 */
export function createProtocolRegistrar(knex: Knex, options: ProtocolRegistrarOptions = {}): ProtocolRegistrar {
  const maxBatchSize = options.maxBatchSize ?? 64;
  const queue: Member[] = [];
  let running: Promise<void> | undefined;
  let stopped = false;

  const drive = async () => {
    while (queue.length > 0) {
      let taken = 0;
      await runBatch(knex, () => (taken++ < maxBatchSize ? queue.shift() : undefined), options.onBatch);
    }
    running = undefined;
  };

  return {
    register<T>(registration: Registration<T>) {
      if (stopped) return Promise.reject(new RegistrarStoppedError('The protocol registrar has been stopped.'));
      return new Promise<T>((resolve, reject) => {
        queue.push({ registration, resolve: resolve as (v: unknown) => void, reject });
        running ??= drive();
      });
    },
    async stop() {
      stopped = true;
      await running;
    },
  };
}
