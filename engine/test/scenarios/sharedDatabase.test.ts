import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/Engine.js';
import { ControlledClock } from '../../src/feel/Clock.js';
import { createTestDatabase } from '../../src/store/createTestDatabase.js';
import type { Database } from '../../src/store/Database.js';
import { engineMigrations } from '../../src/store/engineMigrations.js';
import { bpmn, flow, ok, serviceTask } from './harness.js';

const PROCESS = bpmn(
  'shared',
  `<bpmn:startEvent id="start" />
  <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1M</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
  ${serviceTask('work', 'shared-work')}
  <bpmn:endEvent id="end" />
  ${flow('f1', 'start', 'wait')}${flow('f2', 'wait', 'work')}${flow('f3', 'work', 'end')}`,
);

describe('two engines on one database', () => {
  let db: Database;
  let a: Engine;
  let b: Engine;
  const clock = new ControlledClock();

  beforeAll(async () => {
    db = await createTestDatabase([engineMigrations]);
    a = createEngine({ db, clock, schedulerIntervalMs: 0 });
    b = createEngine({ db, clock, schedulerIntervalMs: 0 });
  });
  afterAll(async () => {
    await a.stop();
    await b.stop();
    await db.close();
  });

  it('should fire each timer once and activate each job once when both engines work at the same time', async () => {
    // given 40 instances waiting on a timer, started through both engines
    ok(await a.deploy([{ name: 'shared.bpmn', content: PROCESS }]));
    const created = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? a : b).createProcessInstance({ bpmnProcessId: 'shared' })),
    );
    expect(created.every((c) => c.ok)).toBe(true);
    // when time passes and both engines fire due timers, then both activate jobs concurrently
    clock.advance(61_000);
    await Promise.all([a.tick(), b.tick()]);
    const request = { type: 'shared-work', worker: 'x', timeoutMs: 60_000, maxJobsToActivate: 15 };
    const batches = await Promise.all([
      a.activateJobs(request),
      b.activateJobs(request),
      a.activateJobs(request),
      b.activateJobs(request),
    ]);
    // then every timer triggered exactly once and no job was handed out twice
    const records = await a.readRecords(0, 100_000);
    const triggered = records.filter((r) => r.valueType === 'TIMER' && r.intent === 'TRIGGERED').map((r) => r.key);
    expect(triggered).toHaveLength(40);
    expect(new Set(triggered).size).toBe(40);
    const keys = batches.flatMap((batch) => ok(batch).map((job) => job.key));
    expect(keys).toHaveLength(40);
    expect(new Set(keys).size).toBe(40);
  });

  // PGlite serves one process only; across processes, PostgreSQL's NOTIFY carries the wake-up.
  it.runIf(process.env.DATABASE_URL)('should wake the other engine when jobs of a type appear', async () => {
    // given engine b waits for jobs of a type
    const woken = new Promise<string>((resolve) => {
      const off = b.onJobsAvailable((type) => {
        if (type === 'shared-work') {
          off();
          resolve(type);
        }
      });
    });
    // when engine a creates such a job (the timer fires and the service task activates)
    ok(await a.createProcessInstance({ bpmnProcessId: 'shared' }));
    clock.advance(61_000);
    await a.tick();
    // then b hears about it
    expect(await woken).toBe('shared-work');
  });
});
