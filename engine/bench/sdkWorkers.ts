import { Camunda8 } from '@camunda8/sdk';

type ZeebeClient = ReturnType<Camunda8['getZeebeGrpcApiClient']>;

/** An @camunda8/sdk Zeebe client for a plaintext gateway on this machine, quiet. */
export function sdkClient(port: number): ZeebeClient {
  return new Camunda8({
    ZEEBE_GRPC_ADDRESS: `grpc://127.0.0.1:${port}`,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_LOG_LEVEL: 'error',
    zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE' },
  }).getZeebeGrpcApiClient();
}

/**
 * The bench's job workers, each on its own client (its own channel, as separate worker processes
 * would be), completing `bench-work` jobs with the doubled amount.
 */
export function startBenchWorkers(port: number, workers: number) {
  const clients = Array.from({ length: workers }, () => sdkClient(port));
  const jobWorkers = clients.map((zbc, i) =>
    zbc.createWorker<{ amount: number }>({
      taskType: 'bench-work',
      id: `bench-${i}`,
      maxJobsToActivate: 100,
      timeout: 60_000,
      // Ask again as soon as capacity frees up; the gateway long-polls, so an idle worker costs nothing.
      pollInterval: 5,
      // The SDK arms a client-side timer of longPoll + 1 s per poll that outlives a closed worker: keep it short.
      longPoll: 5_000,
      loglevel: 'NONE',
      taskHandler: (job) => job.complete({ amount: Number(job.variables.amount) * 2 }),
    }),
  );
  return {
    async close(): Promise<void> {
      await Promise.all(jobWorkers.map((w) => w.close(2_000)));
      await Promise.all(clients.map((c) => c.close(2_000)));
    },
  };
}
