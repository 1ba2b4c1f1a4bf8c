import type { ServerResponse } from 'node:http';
import type { Knex } from 'knex';
import type { SessionUser } from '../../identity/sessions.js';
import { ownerReaching, taskScopeOf, type TaskScope } from '../taskScope.js';
import { taskEventsOf, type TaskChange } from './TaskEvents.js';

/** How a task event stream behaves; the defaults are production's, tests shorten them. */
export interface TaskEventStreamOptions {
  /** A comment line this often keeps proxies from closing an idle stream; default 25 s. */
  readonly heartbeatMs?: number;
  /** How long a computed scope (units, roles, deputised colleagues) is trusted; default 60 s. */
  readonly scopeTtlMs?: number;
  /** How long the browser waits before reconnecting, sent as `retry:`; default 5 s. */
  readonly retryMs?: number;
}

/** Whether the session the stream was opened with is still signed in; asked at every heartbeat. */
export type SessionCheck = () => Promise<boolean>;

/** Whether a change concerns the user: a task their scope reaches, or one just taken from them (or whom they act for). */
function concerns(scope: TaskScope, user: SessionUser, change: TaskChange): boolean {
  if (ownerReaching(scope, change)) return true;
  const holders = [user.id, ...user.actingFor.map((a) => a.userId)];
  return change.previousAssigneeUserId !== undefined && holders.includes(change.previousAssigneeUserId ?? '');
}

/**
 * Serves the user's task changes as server-sent events (`event: task`, data `{ type, taskId }`) on the response
 * until the client goes away, its session ends or the runtime shuts down: only changes of tasks the user may see,
 * a heartbeat comment, no buffering by proxies or compression.
 */
export function streamTaskEvents(
  knex: Knex,
  user: SessionUser,
  res: ServerResponse,
  options: TaskEventStreamOptions & { readonly signedIn?: SessionCheck } = {},
): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    // no-transform keeps the compression middleware (and proxies) from holding events back to compress them.
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.socket?.setNoDelay(true);
  res.socket?.setTimeout(0);
  const write = (text: string) => {
    res.write(text);
    // A compression middleware adds flush(); without one the write goes out as it is.
    (res as ServerResponse & { flush?: () => void }).flush?.();
  };
  write(`retry: ${options.retryMs ?? 5_000}\n: connected\n\n`);

  let scope: { value: Promise<TaskScope>; at: number } | undefined;
  const scopeNow = () => {
    if (!scope || Date.now() - scope.at > (options.scopeTtlMs ?? 60_000)) {
      const value = taskScopeOf(knex, user);
      const current = { value, at: Date.now() };
      scope = current;
      // A scope that could not be read is read again for the next change.
      value.catch(() => {
        if (scope === current) scope = undefined;
      });
    }
    return scope.value;
  };
  void scopeNow();
  // Changes are judged one after the other, so that they reach the client in the order they happened.
  let queue = Promise.resolve();
  let ended = false;
  const onChange = (change: TaskChange) => {
    queue = queue.then(async () => {
      if (ended) return;
      const visible = concerns(await scopeNow(), user, change);
      if (visible && !ended)
        write(`event: task\ndata: ${JSON.stringify({ type: change.type, taskId: change.taskId })}\n\n`);
    });
    queue = queue.catch(() => undefined); // the change is lost to this stream; the next one is judged afresh
  };
  // A stream outlives the request that opened it: once its session is signed out or expired, it ends (and the
  // browser's reconnection is refused).
  const beat = async () => {
    if (options.signedIn && !(await options.signedIn().catch(() => true))) {
      finish();
      res.end();
    } else if (!ended) write(': heartbeat\n\n');
  };
  const heartbeat = setInterval(() => void beat(), options.heartbeatMs ?? 25_000);
  heartbeat.unref();
  let unsubscribe = () => {};
  const finish = () => {
    if (ended) return;
    ended = true;
    clearInterval(heartbeat);
    unsubscribe();
  };
  unsubscribe = taskEventsOf(knex).subscribe(onChange, () => {
    finish();
    res.end();
  });
  res.on('close', finish);
}
