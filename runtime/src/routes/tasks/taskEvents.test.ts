import { describe, expect, it } from 'vitest';
import { sessionDigest } from '../../identity/sessions.js';
import { waitFor } from '../../procedures/useProcedureEngine.js';
import { taskEventsOf } from '../../tasks/events/TaskEvents.js';
import { useTaskEngine } from './useTaskEngine.js';

/** An open event stream as a browser's EventSource would read it: the raw text so far, and how to end it. */
interface OpenStream {
  readonly response: Response;
  /** Every chunk read so far, joined. */
  text(): string;
  /** The `task` events read so far. */
  events(): { type: string; taskId: string }[];
  /** Resolves when the server ends the stream. */
  readonly ended: Promise<void>;
  close(): void;
}

// Generous: each test waits for the engine and the worker, on a machine other test files keep busy.
describe('the inbox live updates (GET /api/v1/tasks/events)', { timeout: 90_000 }, () => {
  const { app, applyForCertificate, sessionCookie } = useTaskEngine({ eventStream: { heartbeatMs: 200 } });

  async function connect(username: string): Promise<OpenStream> {
    const abort = new AbortController();
    const response = await fetch(`${app.baseUrl}/api/v1/tasks/events`, {
      headers: { accept: 'text/event-stream', cookie: await sessionCookie(username), 'accept-encoding': 'gzip' },
      signal: abort.signal,
    });
    let text = '';
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    const ended = (async () => {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          text += decoder.decode(value, { stream: true });
        }
      } catch {
        // aborted by the test
      }
    })();
    return {
      response,
      text: () => text,
      events: () =>
        text
          .split('\n\n')
          .filter((block) => block.startsWith('event: task\n'))
          .map((block) => JSON.parse(block.split('\ndata: ')[1]!) as { type: string; taskId: string }),
      ended,
      close: () => abort.abort(),
    };
  }

  it('should stream a created task to the clerks of its unit and not to others, unbuffered', async () => {
    // given a clerk of the Municipal Registry (DD.DHM) and one of Road Works (DT.OD) listening
    const petrou = await connect('k.petrou');
    const marinos = await connect('s.marinos');
    try {
      // when a residence certificate application (a task for DD.DHM) arrives
      const { taskId } = await applyForCertificate();
      // then the registry clerk's stream tells of it at once
      expect(petrou.response.status).toBe(200);
      expect(petrou.response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
      expect(petrou.response.headers.get('cache-control')).toBe('no-cache, no-transform');
      expect(petrou.response.headers.get('x-accel-buffering')).toBe('no');
      expect(petrou.response.headers.get('content-encoding')).toBeNull();
      expect(petrou.text()).toMatch(/^retry: \d+\n/);
      await waitFor(() => (petrou.events().some((e) => e.taskId === taskId) ? true : undefined), 20_000);
      expect(petrou.events()).toContainEqual({ type: 'created', taskId });
      // and the other clerk's stream, alive (heartbeats after the task arrived), says nothing of it
      const heartbeats = marinos.text().split(': heartbeat').length;
      await waitFor(() => (marinos.text().split(': heartbeat').length > heartbeats ? true : undefined), 20_000);
      expect(marinos.events()).toEqual([]);
    } finally {
      petrou.close();
      marinos.close();
    }
  });

  it('should tell of claims and completions, and tell the clerk a task was assigned away from them', async () => {
    // given a task claimed by k.petrou, whose head of unit listens too
    const { taskId } = await applyForCertificate();
    const clerk = await app.as('clerk');
    expect((await clerk.request('POST', `/api/v1/tasks/${taskId}/claim`)).status).toBe(200);
    const petrou = await connect('k.petrou');
    const colleague = await connect('m.panagiotou');
    try {
      // when the head of unit gives it to m.panagiotou, who completes it
      const head = await app.as('headOfUnit');
      const assigned = await head.request('POST', `/api/v1/tasks/${taskId}/assign`, {
        userId: await app.userId('m.panagiotou'),
      });
      expect(assigned.status).toBe(200);
      const completed = await (
        await app.asUser('m.panagiotou')
      ).request('POST', `/api/v1/tasks/${taskId}/complete`, { data: { decision: 'approve', certifiedYears: '2025' } });
      expect(completed.status).toBe(200);
      // then both hear of the reassignment and the completion, in that order
      for (const stream of [petrou, colleague]) {
        await waitFor(() => (stream.events().some((e) => e.type === 'completed') ? true : undefined), 20_000);
        expect(stream.events().filter((e) => e.taskId === taskId)).toEqual([
          { type: 'updated', taskId },
          { type: 'completed', taskId },
        ]);
      }
    } finally {
      petrou.close();
      colleague.close();
    }
  });

  it('should answer 406 to a request that does not ask for an event stream, refuse citizens, and be documented', async () => {
    // when a plain JSON request and a citizen's request come
    const plain = await (await app.as('clerk')).request('GET', '/api/v1/tasks/events');
    const citizen = await (
      await app.as('citizen')
    ).request('GET', '/api/v1/tasks/events', undefined, { accept: 'text/event-stream' });
    // then
    expect(plain.status).toBe(406);
    expect(plain.json.error.id).toBe('event_stream_only');
    expect(citizen.status).toBe(403);
    const document = (await (await app.as('anonymous')).request('GET', '/api/v1/openapi.json')).json;
    expect(document.paths['/tasks/events'].get.responses['200'].content).toEqual({ 'text/event-stream': {} });
  });

  it('should end a stream once its session is signed out', async () => {
    // given a clerk listening
    const cookie = await sessionCookie('k.petrou');
    const response = await fetch(`${app.baseUrl}/api/v1/tasks/events`, {
      headers: { accept: 'text/event-stream', cookie },
    });
    expect(response.status).toBe(200);
    const reading = response.text();
    // when the session is deleted (sign-out)
    await app.db
      .knex('session')
      .where('id', sessionDigest(cookie.split('=')[1]!))
      .delete();
    // then the stream ends by the next heartbeat, and reconnecting is refused
    await expect(reading).resolves.toContain(': connected');
    const again = await fetch(`${app.baseUrl}/api/v1/tasks/events`, {
      headers: { accept: 'text/event-stream', cookie },
    });
    expect(again.status).toBe(401);
  });

  it('should let go of a stream when its client disconnects, and end every stream on shutdown', async () => {
    // given two clerks listening
    const events = taskEventsOf(app.db.knex);
    const before = events.subscriberCount;
    const leaving = await connect('k.petrou');
    const staying = await connect('m.panagiotou');
    await waitFor(() => (events.subscriberCount === before + 2 ? true : undefined));
    // when one goes away
    leaving.close();
    // then the server stops serving it
    await waitFor(() => (events.subscriberCount === before + 1 ? true : undefined));
    // and when the runtime shuts down, the other stream ends (the browser will reconnect)
    await events.close();
    await staying.ended;
    expect(events.subscriberCount).toBe(0);
  });
});
