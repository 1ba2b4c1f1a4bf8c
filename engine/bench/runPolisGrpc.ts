import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Database } from '../src/store/Database.js';
import { createEngine } from '../src/Engine.js';
import { startGateway } from '../src/gateway/startGateway.js';
import { sdkClient, startBenchWorkers } from './sdkWorkers.js';
import { BENCH_PROCESS, type BenchResult, RssSampler, summarize } from './workload.js';

/**
 * The same workload as runPolis, through the Zeebe gateway served in-process on a free port: instances
 * are created with @camunda8/sdk and their jobs worked by `workers` SDK job workers (maxJobsToActivate
 * 100, long polling). Latency runs from the create call to the instance's completion record; RSS is the
 * whole process's (engine, gateway and clients).
 */
export async function runPolisGrpc(
  name: string,
  db: Database,
  n: number,
  concurrency: number,
  workers: number,
): Promise<BenchResult> {
  const engine = createEngine({ db, schedulerIntervalMs: 0, maxBatchSize: 500 });
  const gateway = await startGateway({ engine, port: 0 });
  const client = sdkClient(gateway.port);
  await client.deployResource({ name: 'bench.bpmn', process: Buffer.from(BENCH_PROCESS) });
  const started = new Map<number, number>();
  const finishedEarly = new Map<number, number>();
  const latencies: number[] = [];
  const rss = new RssSampler();
  const quarters: number[] = [];
  let completed = 0;
  let finish!: () => void;
  const allDone = new Promise<void>((resolve) => (finish = resolve));
  engine.onRecords((records) => {
    const now = performance.now();
    for (const r of records) {
      if (r.valueType !== 'PROCESS_INSTANCE' || r.intent !== 'ELEMENT_COMPLETED') continue;
      if (r.value.bpmnElementType !== 'PROCESS') continue;
      const t0 = started.get(r.key);
      if (t0 === undefined) finishedEarly.set(r.key, now);
      else {
        latencies.push(now - t0);
        started.delete(r.key);
      }
      completed += 1;
      if (completed % Math.ceil(n / 4) === 0) quarters.push(Math.round(rss.sample() / 2 ** 20));
      if (completed === n) finish();
    }
  });
  const jobWorkers = startBenchWorkers(gateway.port, workers);
  const t0 = performance.now();
  let next = 0;
  const starter = async () => {
    while (next < n) {
      next += 1;
      const begin = performance.now();
      const created = await client.createProcessInstance({
        bpmnProcessId: 'bench',
        variables: { amount: next % 2 === 0 ? 100 : 2000 },
      });
      const key = Number(created.processInstanceKey);
      const end = finishedEarly.get(key);
      if (end === undefined) started.set(key, begin);
      else {
        latencies.push(end - begin);
        finishedEarly.delete(key);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, starter));
  await allDone;
  const seconds = (performance.now() - t0) / 1000;
  await jobWorkers.close();
  await client.close(2_000);
  await gateway.close();
  await engine.stop();
  rss.stop();
  return summarize(name, n, concurrency, seconds, latencies, rss, quarters);
}

/**
 * The same gRPC workload with the clients (creators and job workers) in a child process, as workers run
 * in production: the engine process then serves the gateway only. Latency runs from the create call (in
 * the child) to the completion record (here), both on the wall clock.
 */
export async function runPolisGrpcSeparateClients(
  name: string,
  db: Database,
  n: number,
  concurrency: number,
  workers: number,
): Promise<BenchResult> {
  const engine = createEngine({ db, schedulerIntervalMs: 0, maxBatchSize: 500 });
  const gateway = await startGateway({ engine, port: 0 });
  const deployed = await engine.deploy([{ name: 'bench.bpmn', content: BENCH_PROCESS }]);
  if (!deployed.ok) throw new Error(deployed.rejection.reason);
  const wall = () => performance.timeOrigin + performance.now();
  const created = new Map<number, number>();
  const completedAt = new Map<number, number>();
  const rss = new RssSampler();
  const quarters: number[] = [];
  let finish!: () => void;
  const allDone = new Promise<void>((resolve) => (finish = resolve));
  engine.onRecords((records) => {
    for (const r of records) {
      if (
        r.valueType !== 'PROCESS_INSTANCE' ||
        r.intent !== 'ELEMENT_COMPLETED' ||
        r.value.bpmnElementType !== 'PROCESS'
      )
        continue;
      completedAt.set(r.key, wall());
      if (completedAt.size % Math.ceil(n / 4) === 0) quarters.push(Math.round(rss.sample() / 2 ** 20));
      if (completedAt.size === n) finish();
    }
  });
  const child = spawn(
    process.execPath,
    [
      fileURLToPath(new URL('./grpcClients.js', import.meta.url)),
      String(gateway.port),
      String(n),
      String(concurrency),
      String(workers),
    ],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  let buffer = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      const [word, key, at] = line.split(' ');
      if (word === 'created') created.set(Number(key), Number(at));
    }
  });
  const t0 = wall();
  await allDone;
  const seconds = (wall() - t0) / 1000;
  child.stdin.write('stop\n');
  await new Promise((resolve) => child.once('exit', resolve));
  await gateway.close();
  await engine.stop();
  rss.stop();
  const latencies = [...completedAt].flatMap(([key, end]) => {
    const begin = created.get(key);
    return begin === undefined ? [] : [end - begin];
  });
  return summarize(name, n, concurrency, seconds, latencies, rss, quarters);
}
