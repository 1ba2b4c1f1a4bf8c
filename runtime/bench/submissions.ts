import { randomBytes } from 'node:crypto';
import knexFactory from 'knex';
import { engineMigrations, migrate, openDatabase, type Database } from '@polis/engine';
import { createTestDatabase } from '@polis/engine/testing';
import { submitApplication, type SubmissionResult } from '../src/applications/submitApplication.js';
import { testSubmissionDependencies } from '../src/applications/testSubmissionDependencies.js';
import { loadDemoOrgChart } from '../src/orgchart/loadDemoOrgChart.js';
import { runtimeMigrations } from '../src/store/runtimeMigrations.js';

const postgresUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/** N submissions at once (plus `repeats` retries of some of them with the same key), timed one by one. */
async function run(label: string, db: Database, n: number, repeats: number): Promise<void> {
  const knex = db.knex;
  await loadDemoOrgChart(knex);
  const citizens = (await knex('app_user').where({ kind: 'citizen' }).pluck('id')) as string[];
  const deps = testSubmissionDependencies();
  const submit = async (i: number, key: string): Promise<[number, SubmissionResult]> => {
    const citizenUserId = citizens[i % citizens.length]!;
    const started = performance.now();
    const result = await submitApplication(
      knex,
      { userId: citizenUserId, sourceIp: undefined },
      {
        serviceId: 'residence-certificate',
        data: { fullName: `Αιτών ${i}`, year: 2025 },
        idempotencyKey: key,
        citizenUserId,
      },
      deps,
    );
    return [performance.now() - started, result];
  };
  // Warm the pool and the plans, then go.
  for (let i = 0; i < 5; i++) await submit(i, `warmup-${i}`);
  const run = randomBytes(4).toString('hex');
  const started = performance.now();
  const timed = await Promise.all([
    ...Array.from({ length: n }, (_, i) => submit(i, `bench-${run}-${i}`)),
    ...Array.from({ length: repeats }, (_, i) => submit(i, `bench-${run}-${i}`)),
  ]);
  const elapsed = performance.now() - started;
  const failed = timed.filter(([, r]) => !r.ok);
  if (failed.length) throw new Error(`Expected every submission to be registered, but ${failed.length} were not`);
  const latencies = timed.map(([ms]) => ms).sort((a, b) => a - b);
  const sequences = (await knex('application').orderBy('protocol_sequence').pluck('protocol_sequence')) as number[];
  const gapFree = sequences.every((s, i) => s === i + 1);
  const applications = sequences.length - 5;
  console.log(
    `${label.padEnd(22)} ${n} submissions + ${repeats} retries at once: p50=${percentile(latencies, 50).toFixed(1)} ms` +
      `  p95=${percentile(latencies, 95).toFixed(1)} ms  max=${latencies.at(-1)!.toFixed(1)} ms` +
      `  all in ${elapsed.toFixed(0)} ms (${((n + repeats) / (elapsed / 1000)).toFixed(0)}/s)` +
      `  applications=${applications}  protocol numbers 1..${sequences.length} ${gapFree ? 'gap-free' : 'WITH GAPS'}`,
  );
  if (!gapFree || applications !== n) process.exitCode = 1;
}

async function onPostgres(n: number, repeats: number): Promise<void> {
  const name = `polis_bench_${randomBytes(4).toString('hex')}`;
  const admin = knexFactory({ client: 'pg', connection: postgresUrl, pool: { min: 0, max: 1 } });
  try {
    await admin.raw(`create database "${name}"`);
  } catch (error) {
    await admin.destroy();
    console.log(`PostgreSQL not reachable at ${postgresUrl}: ${(error as Error).message}`);
    return;
  }
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 10 });
  try {
    await migrate(db.knex, [engineMigrations, runtimeMigrations]);
    await run('PostgreSQL (pool 10)', db, n, repeats);
  } finally {
    await db.close();
    await admin.raw(`drop database if exists "${name}" with (force)`);
    await admin.destroy();
  }
}

async function onPglite(n: number, repeats: number): Promise<void> {
  const saved = process.env.DATABASE_URL;
  delete process.env.DATABASE_URL;
  const db = await createTestDatabase([engineMigrations, runtimeMigrations]);
  if (saved !== undefined) process.env.DATABASE_URL = saved;
  try {
    await run('PGlite (1 connection)', db, n, repeats);
  } finally {
    await db.close();
  }
}

/**
 * The submissions bench: validation (a fake validator: the form library's is not wired here), the
 * transaction that stores the application with its protocol number and outbox row, and the audit entry.
 */
export async function runSubmissionsBench({ n, repeats }: { n: number; repeats: number }): Promise<void> {
  console.log('submissions bench: submit → protocol number (one transaction), latency per submission');
  await onPostgres(n, repeats);
  await onPglite(n, repeats);
}
