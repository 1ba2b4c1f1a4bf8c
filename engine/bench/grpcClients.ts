// The client side of `bench --via grpc`, in its own process as real workers would be: creates N
// instances through @camunda8/sdk with `concurrency` calls in flight and works their jobs with
// `workers` SDK job workers. Prints `created <key> <epoch ms>` per instance and `done` at the end.
import { sdkClient, startBenchWorkers } from './sdkWorkers.js';

const [portText = '', nText = '', concurrencyText = '', workersText = ''] = process.argv.slice(2);
const port = Number(portText);
const n = Number(nText);
const concurrency = Number(concurrencyText);
const workers = Number(workersText);

const now = () => performance.timeOrigin + performance.now();
const client = sdkClient(port);
const jobWorkers = startBenchWorkers(port, workers);
let next = 0;
let lines: string[] = [];
const starter = async () => {
  while (next < n) {
    next += 1;
    const begin = now();
    const created = await client.createProcessInstance({
      bpmnProcessId: 'bench',
      variables: { amount: next % 2 === 0 ? 100 : 2000 },
    });
    lines.push(`created ${created.processInstanceKey} ${begin}`);
    if (lines.length >= 200) {
      process.stdout.write(`${lines.join('\n')}\n`);
      lines = [];
    }
  }
};
await Promise.all(Array.from({ length: concurrency }, starter));
process.stdout.write(`${lines.join('\n')}\n`);
process.stdout.write('all created\n');
// Keep working jobs until the parent says it has seen every completion.
process.stdin.once('data', async () => {
  await jobWorkers.close();
  await client.close(2_000);
  process.exit(0);
});
