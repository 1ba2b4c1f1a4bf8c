import { onBeforeUnmount, onMounted, ref } from 'vue';

/** One change the server reports on GET /tasks/events (the event carries no task data: refetch). */
export interface TaskEvent {
  readonly type: 'created' | 'updated' | 'completed' | 'cancelled';
  readonly taskId: string;
}

/** Parses an event's data; undefined for anything that is not a task change. */
export function parseTaskEvent(data: string): TaskEvent | undefined {
  try {
    const event = JSON.parse(data) as { type?: unknown; taskId?: unknown };
    const types = ['created', 'updated', 'completed', 'cancelled'];
    if (typeof event.taskId === 'string' && typeof event.type === 'string' && types.includes(event.type))
      return { type: event.type as TaskEvent['type'], taskId: event.taskId };
  } catch {
    // Not one of ours.
  }
  return undefined;
}

/** A delay for the n-th reconnection in a row: 1 s, 2 s, 4 s … up to 30 s. */
export const reconnectDelay = (attempt: number) => Math.min(30_000, 1_000 * 2 ** Math.max(0, attempt));

/**
 * Subscribes to the task events while the page is shown. `onChanges` gets the changes gathered over `debounceMs`
 * (a burst of events refreshes once), and an empty list when the stream (re)opens, since missed events are not
 * replayed. A stream the browser gave up on (an error answer, a restarted server) is reopened with a growing delay.
 */
export function useTaskEvents(url: string, onChanges: (events: TaskEvent[]) => void, debounceMs = 400) {
  const connected = ref(false);
  let source: EventSource | undefined;
  let pending: TaskEvent[] = [];
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let attempts = 0;
  let stopped = false;
  let opened = false;

  const flush = () => {
    flushTimer = undefined;
    const events = pending;
    pending = [];
    onChanges(events);
  };
  const schedule = () => {
    flushTimer ??= setTimeout(flush, debounceMs);
  };

  function open(): void {
    if (stopped) return;
    source = new EventSource(url, { withCredentials: true });
    source.addEventListener('open', () => {
      connected.value = true;
      // The first opening needs no refresh (the page has just loaded); a reopening does.
      if (attempts > 0 || opened) schedule();
      opened = true;
      attempts = 0;
    });
    source.addEventListener('task', (message) => {
      const event = parseTaskEvent((message as MessageEvent<string>).data);
      if (!event) return;
      pending.push(event);
      schedule();
    });
    source.addEventListener('error', () => {
      connected.value = false;
      // CONNECTING: the browser retries by itself (the server's `retry:`); CLOSED: it gave up, so we retry.
      if (source?.readyState !== EventSource.CLOSED) return;
      source.close();
      retryTimer = setTimeout(open, reconnectDelay(attempts++));
    });
  }
  onMounted(open);
  onBeforeUnmount(() => {
    stopped = true;
    source?.close();
    clearTimeout(flushTimer);
    clearTimeout(retryTimer);
  });
  return { connected };
}
