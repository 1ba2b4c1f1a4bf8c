import type { Database } from '../src/store/Database.js';
import { createEngine } from '../src/Engine.js';
import { BENCH_PROCESS, type BenchResult, RssSampler, summarize } from './workload.js';

/** Runs N instances with `concurrency` in flight and `workers` job-worker loops against the embedded engine. */
export async function runPolis(
  name: string,
  db: Database,
  n: number,
  concurrency: number,
  workers: number,
): Promise<BenchResult> {
  const engine = createEngine({ db, schedulerIntervalMs: 0, maxBatchSize: 500 });
  const deployed = await engine.deploy([{ name: 'bench.bpmn', content: BENCH_PROCESS }]);
  if (!deployed.ok) throw new Error(deployed.rejection.reason);
  const started = new Map<number, number>();
  const latencies: number[] = [];
  const rss = new RssSampler();
  const quarters: number[] = [];
  let completed = 0;
  let finish!: () => void;
  const allDone = new Promise<void>((resolve) => (finish = resolve));
  engine.onRecords((records) => {
    const now = performance.now();
    for (const r of records) {
      if (
        r.valueType === 'PROCESS_INSTANCE' &&
        r.intent === 'ELEMENT_COMPLETED' &&
        r.value.bpmnElementType === 'PROCESS'
      ) {
        const t0 = started.get(r.key);
        if (t0 !== undefined) {
          latencies.push(now - t0);
          started.delete(r.key);
        }
        completed += 1;
        if (completed % Math.ceil(n / 4) === 0) quarters.push(Math.round(rss.sample() / 2 ** 20));
        if (completed === n) finish();
      }
    }
  });
  let stop = false;
  const worker = async () => {
    while (!stop) {
      const jobs = await engine.activateJobs({
        type: 'bench-work',
        worker: 'bench',
        timeoutMs: 60_000,
        maxJobsToActivate: 100,
      });
      if (!jobs.ok || jobs.value.length === 0) {
        // Long polling: wake when jobs of the type appear (or after 50 ms).
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, 50);
          const off = engine.onJobsAvailable((type) => type === 'bench-work' && done());
          function done() {
            clearTimeout(timer);
            off();
            resolve();
          }
        });
        continue;
      }
      await Promise.all(
        jobs.value.map((job) =>
          engine.completeJob({ jobKey: job.key, variables: { amount: Number(job.variables.amount) * 2 } }),
        ),
      );
    }
  };
  const t0 = performance.now();
  const loops = Array.from({ length: workers }, worker);
  let next = 0;
  const starter = async () => {
    while (next < n) {
      next += 1;
      const begin = performance.now();
      const created = await engine.createProcessInstance({
        bpmnProcessId: 'bench',
        variables: { amount: next % 2 === 0 ? 100 : 2000 },
      });
      if (!created.ok) throw new Error(created.rejection.reason);
      const key = Number(created.value.processInstanceKey);
      if (!latencies.length || !started.has(key)) started.set(key, begin);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, starter));
  await allDone;
  const seconds = (performance.now() - t0) / 1000;
  stop = true;
  await Promise.all(loops);
  await engine.stop();
  rss.stop();
  return summarize(name, n, concurrency, seconds, latencies, rss, quarters);
}
