import { Engine } from 'bpmn-engine';
import * as elements from 'bpmn-elements';
import { BpmnModdle } from 'bpmn-moddle';
import serialize, { TypeResolver } from 'moddle-context-serializer';
import { BPMN_ENGINE_PROCESS, type BenchResult, RssSampler, summarize } from './workload.js';

/** The same workload on the bpmn-engine package, in memory, with an asynchronous service (like a worker). */
export async function runBpmnEngine(n: number, concurrency: number): Promise<BenchResult> {
  // Parse and serialize the model once, as a long-running bpmn-engine service would.
  const moddleContext = await new BpmnModdle().fromXML(BPMN_ENGINE_PROCESS);
  const sourceContext = serialize(moddleContext as never, TypeResolver(elements as Record<string, unknown>));
  const latencies: number[] = [];
  const rss = new RssSampler();
  const quarters: number[] = [];
  let next = 0;
  let completed = 0;
  const runOne = async (i: number) => {
    const begin = performance.now();
    const engine = new Engine({ name: `bench-${i}`, sourceContext });
    await new Promise<void>((resolve, reject) => {
      engine.once('end', () => resolve());
      engine.once('error', reject);
      void engine.execute({
        variables: { amount: i % 2 === 0 ? 100 : 2000 },
        services: {
          isBig: () => (i % 2 === 0 ? 100 : 2000) > 1000,
          work: (_context: unknown, callback: (error: unknown, result?: unknown) => void) =>
            setImmediate(() => callback(null, { done: true })),
        },
      });
    });
    latencies.push(performance.now() - begin);
    completed += 1;
    if (completed % Math.ceil(n / 4) === 0) quarters.push(Math.round(rss.sample() / 2 ** 20));
  };
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) await runOne(next++);
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  rss.stop();
  return summarize('bpmn-engine (in memory)', n, concurrency, seconds, latencies, rss, quarters);
}
