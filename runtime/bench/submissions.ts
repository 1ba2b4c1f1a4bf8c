import { randomBytes } from 'node:crypto';
import knexFactory from 'knex';
import { engineMigrations, migrate, openDatabase, type Database } from '@polis/engine';
import { createTestDatabase } from '@polis/engine/testing';
import { createProtocolRegistrar, type BatchReport } from '../src/applications/protocolRegistrar.js';
import { submitApplication, type SubmissionResult } from '../src/applications/submitApplication.js';
import { testSubmissionDependencies } from '../src/applications/testSubmissionDependencies.js';
import { loadDemoOrgChart } from '../src/orgchart/loadDemoOrgChart.js';
import { runtimeMigrations } from '../src/store/runtimeMigrations.js';

const postgresUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/** How submissions are registered: a transaction each (the old way), or batched by a registrar. */
type Mode = { kind: 'alone' } | { kind: 'group'; maxBatchSize: number };

const modeLabel = (mode: Mode) =>
  mode.kind === 'alone' ? 'one transaction each' : `group commit ≤${mode.maxBatchSize}`;

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

/** N submissions at once (plus `repeats` retries of some of them with the same key), timed one by one. */
async function run(label: string, db: Database, mode: Mode, n: number, repeats: number): Promise<void> {
  const knex = db.knex;
  await loadDemoOrgChart(knex);
  await knex.raw('truncate application_outbox, application, protocol_counter cascade');
  const citizens = (await knex('app_user').where({ kind: 'citizen' }).pluck('id')) as string[];
  const batches: BatchReport[] = [];
  const registrar =
    mode.kind === 'group'
      ? createProtocolRegistrar(knex, { maxBatchSize: mode.maxBatchSize, onBatch: (b) => batches.push(b) })
      : undefined;
  const deps = testSubmissionDependencies({ registrar });
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
  batches.length = 0;
  const run = randomBytes(4).toString('hex');
  const started = performance.now();
  const timed = await Promise.all([
    ...Array.from({ length: n }, (_, i) => submit(i, `bench-${run}-${i}`)),
    ...Array.from({ length: repeats }, (_, i) => submit(i, `bench-${run}-${i}`)),
  ]);
  const elapsed = performance.now() - started;
  await registrar?.stop();
  const failed = timed.filter(([, r]) => !r.ok);
  if (failed.length) throw new Error(`Expected every submission to be registered, but ${failed.length} were not`);
  const latencies = timed.map(([ms]) => ms).sort((a, b) => a - b);
  const sequences = (await knex('application').orderBy('protocol_sequence').pluck('protocol_sequence')) as number[];
  const gapFree = sequences.every((s, i) => s === i + 1);
  const applications = sequences.length - 5;
  console.log(
    `${label.padEnd(22)} ${modeLabel(mode).padEnd(20)} ${n} submissions + ${repeats} retries at once: p50=${percentile(latencies, 50).toFixed(1)} ms` +
      `  p95=${percentile(latencies, 95).toFixed(1)} ms  max=${latencies.at(-1)!.toFixed(1)} ms` +
      `  all in ${elapsed.toFixed(0)} ms (${((n + repeats) / (elapsed / 1000)).toFixed(0)}/s)` +
      `  applications=${applications}  protocol numbers 1..${sequences.length} ${gapFree ? 'gap-free' : 'WITH GAPS'}`,
  );
  if (registrar)
    console.log(
      `${''.padEnd(43)} batches=${batches.length} sizes=${batches.map((b) => b.size).join(',')}` +
        `  mean batch ${mean(batches.map((b) => b.durationMs)).toFixed(1)} ms` +
        ` (commit ${mean(batches.map((b) => b.commitMs)).toFixed(1)} ms,` +
        ` per member ${(
          batches.reduce((a, b) => a + b.durationMs, 0) /
          Math.max(
            1,
            batches.reduce((a, b) => a + b.size, 0),
          )
        ).toFixed(2)} ms)`,
    );
  if (!gapFree || applications !== n) process.exitCode = 1;
}

async function onPostgres(modes: readonly Mode[], n: number, repeats: number): Promise<void> {
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
    for (const mode of modes) await run('PostgreSQL (pool 10)', db, mode, n, repeats);
  } finally {
    await db.close();
    await admin.raw(`drop database if exists "${name}" with (force)`);
    await admin.destroy();
  }
}

async function onPglite(modes: readonly Mode[], n: number, repeats: number): Promise<void> {
  const saved = process.env.DATABASE_URL;
  delete process.env.DATABASE_URL;
  const db = await createTestDatabase([engineMigrations, runtimeMigrations]);
  if (saved !== undefined) process.env.DATABASE_URL = saved;
  try {
    for (const mode of modes) await run('PGlite (1 connection)', db, mode, n, repeats);
  } finally {
    await db.close();
  }
}

/**
 * The submissions bench: validation (a fake validator: the form library's is not wired here), then the
 * registration that stores the application with its protocol number, outbox row and audit entry: in a
 * transaction of its own (as without a registrar), and batched by the group-commit registrar.
 */
export async function runSubmissionsBench({
  n,
  repeats,
  maxBatchSizes,
}: {
  n: number;
  repeats: number;
  maxBatchSizes: readonly number[];
}): Promise<void> {
  console.log('submissions bench: submit → protocol number, latency per submission (target p95 ≤ 150 ms)');
  const modes: Mode[] = [
    { kind: 'alone' },
    ...maxBatchSizes.map((size) => ({ kind: 'group' as const, maxBatchSize: size })),
  ];
  await onPostgres(modes, n, repeats);
  await onPglite(modes, n, repeats);
}
