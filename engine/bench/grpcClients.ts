// The client side of `bench --via grpc`, in its own process as real workers would be: creates N
// instances through @camunda8/sdk with `concurrency` calls in flight and works their jobs with
// `workers` SDK job workers. Prints `created <key> <epoch ms>` per instance and `done` at the end.
import { Camunda8 } from '@camunda8/sdk';

const [portText = '', nText = '', concurrencyText = '', workersText = ''] = process.argv.slice(2);
const port = Number(portText);
const n = Number(nText);
const concurrency = Number(concurrencyText);
const workers = Number(workersText);

const sdk = () =>
  new Camunda8({
    ZEEBE_GRPC_ADDRESS: `grpc://127.0.0.1:${port}`,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_LOG_LEVEL: 'error',
    zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE' },
  }).getZeebeGrpcApiClient();

const now = () => performance.timeOrigin + performance.now();
const client = sdk();
const workerClients = Array.from({ length: workers }, sdk);
const jobWorkers = workerClients.map((zbc, i) =>
  zbc.createWorker<{ amount: number }>({
    taskType: 'bench-work',
    id: `bench-${i}`,
    maxJobsToActivate: 100,
    timeout: 60_000,
    pollInterval: 5,
    longPoll: 5_000,
    loglevel: 'NONE',
    taskHandler: (job) => job.complete({ amount: Number(job.variables.amount) * 2 }),
  }),
);
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
  await Promise.all(jobWorkers.map((w) => w.close(2_000)));
  await Promise.all([client, ...workerClients].map((c) => c.close(2_000)));
  process.exit(0);
});
