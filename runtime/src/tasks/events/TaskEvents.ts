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
  end(): Promise<void>;
}

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
    if (this.listener)
      this.knex
        .raw('select pg_notify(?, ?)', [TASK_CHANNEL, JSON.stringify({ origin: this.origin, change })])
        .catch(() => undefined); // the other processes' inboxes catch up on their next reload
  }

  /**
   * On PostgreSQL, listens on a connection of its own for the changes other runtime processes publish.
   * Answers false when the database cannot (PGlite): the changes then stay in this process.
   */
  async listenAcrossProcesses(): Promise<boolean> {
    if (this.listener || this.closed) return !!this.listener;
    try {
      const connection = (await this.knex.client.acquireRawConnection()) as PgListener;
      connection.on('notification', (message) => {
        if (message.channel !== TASK_CHANNEL || !message.payload) return;
        const { origin, change } = JSON.parse(message.payload) as { origin: string; change: TaskChange };
        if (origin !== this.origin) this.deliver(change);
      });
      connection.on('error', () => undefined); // a lost listener only delays other processes' inboxes
      await connection.query(`listen ${TASK_CHANNEL}`);
      this.listener = connection;
      return true;
    } catch {
      return false;
    }
  }

  /** Ends every stream and stops listening; later subscribers are closed at once. */
  async close(): Promise<void> {
    this.closed = true;
    const subscribers = [...this.subscribers];
    this.subscribers.clear();
    for (const subscriber of subscribers) subscriber.onClose();
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
