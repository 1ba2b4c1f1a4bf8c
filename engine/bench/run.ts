// `npm run bench -w engine [-- --n 5000 --concurrency 64 --workers 4] [--via grpc]`: instances per second
// for start → service task → exclusive gateway → end, on PGlite and PostgreSQL, beside bpmn-engine; with
// `--via grpc` also through the Zeebe gateway with @camunda8/sdk clients and job workers.
import knexFactory from 'knex';
import { randomBytes } from 'node:crypto';
import { createTestDatabase } from '../src/store/createTestDatabase.js';
import { engineMigrations } from '../src/store/engineMigrations.js';
import { migrate } from '../src/store/migrate.js';
import { openDatabase } from '../src/store/openDatabase.js';
import { runBpmnEngine } from './runBpmnEngine.js';
import { runPolis } from './runPolis.js';
import { runPolisGrpc, runPolisGrpcSeparateClients } from './runPolisGrpc.js';
import type { BenchResult } from './workload.js';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

const n = option('n', 5000);
const concurrency = option('concurrency', 128);
const workers = option('workers', 8);
const postgresUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const viaGrpc = process.argv.includes('--via') && process.argv[process.argv.indexOf('--via') + 1] === 'grpc';

type Runner = typeof runPolis;

async function onPostgres(run: Runner, label: string): Promise<BenchResult | string> {
  const name = `polis_bench_${randomBytes(4).toString('hex')}`;
  const admin = knexFactory({ client: 'pg', connection: postgresUrl, pool: { min: 0, max: 1 } });
  try {
    await admin.raw(`create database "${name}"`);
  } catch (error) {
    await admin.destroy();
    return `PostgreSQL not reachable at ${postgresUrl}: ${(error as Error).message}`;
  }
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 4 });
  try {
    await migrate(db.knex, [engineMigrations]);
    return await run(label, db, n, concurrency, workers);
  } finally {
    await db.close();
    await admin.raw(`drop database if exists "${name}" with (force)`);
    await admin.destroy();
  }
}

async function onPglite(run: Runner, label: string): Promise<BenchResult> {
  const saved = process.env.DATABASE_URL;
  delete process.env.DATABASE_URL;
  const db = await createTestDatabase([engineMigrations]);
  if (saved !== undefined) process.env.DATABASE_URL = saved;
  try {
    return await run(label, db, n, concurrency, workers);
  } finally {
    await db.close();
  }
}

function print(result: BenchResult, baseline?: BenchResult, inProcess?: BenchResult): void {
  const ratio =
    (inProcess ? `  ${(result.perSecond / inProcess.perSecond).toFixed(2)}× in-process` : '') +
    (baseline ? `  ${(result.perSecond / baseline.perSecond).toFixed(2)}× bpmn-engine` : '');
  console.log(
    `${result.name.padEnd(34)} N=${result.n} concurrency=${result.concurrency}  ${result.perSecond.toFixed(0).padStart(6)} instances/s` +
      `  p50=${result.p50.toFixed(1)} ms  p99=${result.p99.toFixed(1)} ms  peak RSS=${result.peakRssMb} MB` +
      `  RSS at 25/50/75/100%: ${result.rssAtQuartersMb.join('/')} MB${ratio}`,
  );
}

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
console.log(
  `engine bench: start → service task (job) → exclusive gateway → end; ${workers} worker loops (maxJobs 100)` +
    (viaGrpc ? `; gRPC: ${workers} @camunda8/sdk workers, creates through the SDK, gateway in-process` : ''),
);
const baseline = only && only !== 'bpmn-engine' ? undefined : await runBpmnEngine(n, concurrency);
if (baseline) print(baseline);
if (!only || only === 'postgres') {
  const pg = await onPostgres(runPolis, 'Polis engine on PostgreSQL');
  if (typeof pg === 'string') console.log(pg);
  else {
    print(pg, baseline);
    if (viaGrpc) {
      const grpc = await onPostgres(runPolisGrpc, 'Polis via gRPC on PostgreSQL');
      if (typeof grpc === 'string') console.log(grpc);
      else print(grpc, baseline, pg);
      const apart = await onPostgres(runPolisGrpcSeparateClients, 'gRPC, clients in own process, PG');
      if (typeof apart === 'string') console.log(apart);
      else print(apart, baseline, pg);
    }
  }
}
if (!only || only === 'pglite') {
  const pglite = await onPglite(runPolis, 'Polis engine on PGlite');
  print(pglite, baseline);
  if (viaGrpc) {
    print(await onPglite(runPolisGrpc, 'Polis via gRPC on PGlite'), baseline, pglite);
    print(await onPglite(runPolisGrpcSeparateClients, 'gRPC, clients in own process, PGlite'), baseline, pglite);
  }
}
