import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '@polis/engine';
import { waitFor } from '../../procedures/useProcedureEngine.js';
import { TASK_CHANNEL, TaskEvents, type TaskChange } from './TaskEvents.js';

const change = (taskId: string): TaskChange => ({
  type: 'updated',
  taskId,
  candidateGroups: ['DD.DHM'],
  candidateUsers: [],
  assigneeUserId: null,
});

describe('TaskEvents', () => {
  it('should deliver a change to every subscriber until it unsubscribes, and close them all on shutdown', async () => {
    // given two subscribers in this process (no database needed for in-process delivery)
    const events = new TaskEvents({} as never);
    const first: string[] = [];
    const second: string[] = [];
    let closed = 0;
    const unsubscribeFirst = events.subscribe((c) => first.push(c.taskId));
    events.subscribe(
      (c) => second.push(c.taskId),
      () => closed++,
    );
    // when two changes are published, the first unsubscribing between them, and the events close
    events.publish(change('a'));
    unsubscribeFirst();
    events.publish(change('b'));
    await events.close();
    events.publish(change('c'));
    let closedLate = false;
    events.subscribe(
      () => {},
      () => (closedLate = true),
    );
    // then
    expect(first).toEqual(['a']);
    expect(second).toEqual(['a', 'b']);
    expect(closed).toBe(1);
    expect(closedLate).toBe(true);
    expect(events.subscriberCount).toBe(0);
  });

  describe.skipIf(!process.env.DATABASE_URL)('across runtime processes on PostgreSQL', () => {
    const databases: Database[] = [];
    beforeAll(async () => {
      for (let i = 0; i < 2; i++)
        databases.push(await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL!, poolSize: 2 }));
    });
    afterAll(async () => {
      for (const db of databases) await db.close();
    });

    it('should carry a change published in one process to the streams of another, once', async () => {
      // given two processes' events, both listening
      const [here, there] = databases.map((db) => new TaskEvents(db.knex)) as [TaskEvents, TaskEvents];
      expect(await here.listenAcrossProcesses()).toBe(true);
      expect(await there.listenAcrossProcesses()).toBe(true);
      const seenHere: string[] = [];
      const seenThere: string[] = [];
      here.subscribe((c) => seenHere.push(c.taskId));
      there.subscribe((c) => seenThere.push(c.taskId));
      // when one process publishes a change
      here.publish(change('from-here'));
      // then the other process's subscribers get it, and the publisher's get it once
      await waitFor(() => (seenThere.length > 0 ? true : undefined), 5_000);
      expect(seenThere).toEqual(['from-here']);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(seenHere).toEqual(['from-here']);
      await here.close();
      await there.close();
    });

    it('should listen again when its listening connection is lost, and carry changes again', async () => {
      // given two processes' events, both listening
      const [here, there] = databases.map((db) => new TaskEvents(db.knex)) as [TaskEvents, TaskEvents];
      await here.listenAcrossProcesses();
      await there.listenAcrossProcesses();
      const seenThere: string[] = [];
      there.subscribe((c) => seenThere.push(c.taskId));
      // when the database ends the other process's listening connection (as a restart or a network cut would)
      await databases[0]!.knex.raw(
        `select pg_terminate_backend(pid) from pg_stat_activity
          where pid <> pg_backend_pid() and query = 'listen ${TASK_CHANNEL}' and datname = current_database()`,
      );
      await waitFor(() => (there.listening ? undefined : true), 5_000);
      // then it listens again within the back-off, and a change published afterwards reaches it
      await waitFor(() => (there.listening ? true : undefined), 10_000);
      here.publish(change('after-reconnect'));
      await waitFor(() => (seenThere.includes('after-reconnect') ? true : undefined), 5_000);
      await here.close();
      await there.close();
    });
  });
});
