import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';

/** What happened to a task, as the inbox's live updates name it. */
export type TaskChangeType = 'created' | 'updated' | 'completed' | 'cancelled';

/** One change of a task, with what deciding who may see it needs (never the task's data). */
export interface TaskChange {
  readonly type: TaskChangeType;
  readonly taskId: string;
  readonly candidateGroups: readonly string[];
  readonly candidateUsers: readonly string[];
  readonly assigneeUserId: string | null;
  /** Whom the task was with before the change: a task assigned away still reaches their inbox, to leave it. */
  readonly previousAssigneeUserId?: string | null;
}

/** The PostgreSQL channel on which runtime processes tell each other about task changes. */
export const TASK_CHANNEL = 'polis_tasks';

/** The part of a node-postgres client that listening needs. */
interface PgListener {
  query(sql: string): Promise<unknown>;
  on(event: 'notification', listener: (message: { channel: string; payload?: string }) => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  on(event: 'end', listener: () => void): void;
  end(): Promise<void>;
}

/** The first wait before listening again after the listening connection was lost; it doubles up to the maximum. */
const RELISTEN_FIRST_MS = 1_000;
const RELISTEN_MAX_MS = 30_000;

type Subscriber = { readonly onChange: (change: TaskChange) => void; readonly onClose: () => void };

/**
 * The task changes of one database, published by the task commands and the user-task worker after their
 * transactions commit, for the inbox's event streams. In-process by default; {@link listenAcrossProcesses}
 * carries them between runtime processes on PostgreSQL through LISTEN/NOTIFY.
 */
export class TaskEvents {
  private readonly subscribers = new Set<Subscriber>();
  private readonly origin = randomUUID();
  private listener: PgListener | undefined;
  /** Set once listening across processes worked: changes are then always told to the others. */
  private acrossProcesses = false;
  private relistenMs = RELISTEN_FIRST_MS;
  private relistenTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly knex: Knex) {}

  /** Calls onChange with every change until unsubscribed; onClose when the events close (shutdown). */
  subscribe(onChange: (change: TaskChange) => void, onClose: () => void = () => {}): () => void {
    const subscriber = { onChange, onClose };
    if (this.closed) {
      onClose();
      return () => {};
    }
    this.subscribers.add(subscriber);
    return () => void this.subscribers.delete(subscriber);
  }

  /** How many streams listen now. */
  get subscriberCount(): number {
    return this.subscribers.size;
  }

  /** Announces a committed change here and, when listening across processes, to the other processes. */
  publish(change: TaskChange): void {
    if (this.closed) return;
    this.deliver(change);
    if (this.acrossProcesses)
      this.knex
        .raw('select pg_notify(?, ?)', [TASK_CHANNEL, JSON.stringify({ origin: this.origin, change })])
        .catch(() => undefined); // the other processes' inboxes catch up on their next reload
  }

  /**
   * On PostgreSQL, listens on a connection of its own for the changes other runtime processes publish; when that
   * connection is lost (a restarted database, a network cut), listens again with a back-off (1 s doubling to 30 s).
   * Answers false when the database cannot (PGlite): the changes then stay in this process.
   */
  async listenAcrossProcesses(): Promise<boolean> {
    if (this.closed) return false;
    if (this.listener) return true;
    this.acrossProcesses = await this.listen();
    return this.acrossProcesses;
  }

  /** Whether a listening connection is open now. */
  get listening(): boolean {
    return this.listener !== undefined;
  }

  private async listen(): Promise<boolean> {
    let connection: PgListener;
    try {
      connection = (await this.knex.client.acquireRawConnection()) as PgListener;
    } catch {
      return false;
    }
    const lost = () => {
      if (this.listener !== connection) return;
      this.listener = undefined;
      this.relistenLater();
    };
    connection.on('notification', (message) => {
      if (message.channel !== TASK_CHANNEL || !message.payload) return;
      const { origin, change } = JSON.parse(message.payload) as { origin: string; change: TaskChange };
      if (origin !== this.origin) this.deliver(change);
    });
    connection.on('error', lost);
    connection.on('end', lost);
    try {
      await connection.query(`listen ${TASK_CHANNEL}`);
    } catch {
      await connection.end().catch(() => undefined);
      return false;
    }
    if (this.closed) {
      await connection.end().catch(() => undefined);
      return false;
    }
    this.listener = connection;
    this.relistenMs = RELISTEN_FIRST_MS;
    return true;
  }

  private relistenLater(): void {
    if (this.closed || this.relistenTimer) return;
    this.relistenTimer = setTimeout(() => {
      this.relistenTimer = undefined;
      void this.listen().then((listening) => {
        if (listening) return;
        this.relistenMs = Math.min(this.relistenMs * 2, RELISTEN_MAX_MS);
        this.relistenLater();
      });
    }, this.relistenMs);
    this.relistenTimer.unref();
  }

  /** Ends every stream and stops listening; later subscribers are closed at once. */
  async close(): Promise<void> {
    this.closed = true;
    const subscribers = [...this.subscribers];
    this.subscribers.clear();
    for (const subscriber of subscribers) subscriber.onClose();
    clearTimeout(this.relistenTimer);
    this.relistenTimer = undefined;
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
  }

  private deliver(change: TaskChange): void {
    for (const subscriber of this.subscribers) subscriber.onChange(change);
  }
}

const byDatabase = new WeakMap<Knex, TaskEvents>();

/**
 * The task events of a database handle. Every writer of the task table through the same handle (commands,
 * worker) reaches the same emitter without being handed one.
 */
export function taskEventsOf(knex: Knex): TaskEvents {
  let events = byDatabase.get(knex);
  if (!events) {
    events = new TaskEvents(knex);
    byDatabase.set(knex, events);
  }
  return events;
}
