import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import knexFactory, { type Knex } from 'knex';
import { engineMigrations, migrate, openDatabase, type Database } from '@polis/engine';
import type { EngineClient } from '../src/engine/EngineClient.js';
import { loadFormsFromDirectory } from '../src/forms/loadFormsFromDirectory.js';
import type { SessionUser } from '../src/identity/sessions.js';
import { loadDemoOrgChart } from '../src/orgchart/loadDemoOrgChart.js';
import { shippedDir } from '../src/procedures/shippedDir.js';
import { runtimeMigrations } from '../src/store/runtimeMigrations.js';
import { claimTask } from '../src/tasks/claimTask.js';
import { completeTask } from '../src/tasks/completeTask.js';
import { listTasks, type TaskQuery } from '../src/tasks/listTasks.js';
import { generateTasks } from './tasksData.js';

/** The database --keep leaves and --reuse measures again. */
const KEPT = 'polis_bench_tasks';

const postgresUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/** The engine as the bench sees it: every job completion is taken at once (no engine round trip is measured). */
const instantEngine = {
  completeJob: () => Promise.resolve({ ok: true as const, value: undefined }),
} as unknown as EngineClient;

/** A signed-in user as the session middleware builds one, deputising for the named colleagues. */
async function sessionUser(knex: Knex, username: string, actingFor: readonly string[] = []): Promise<SessionUser> {
  const user = (await knex('app_user').where({ username }).first()) as {
    id: string;
    username: string;
    display_name_el: string;
    display_name_en: string;
  };
  const roles = (await knex('user_role').where({ user_id: user.id }).select('role', 'org_unit_id')) as {
    role: SessionUser['roles'][number]['role'];
    org_unit_id: string | null;
  }[];
  const colleagues = (await knex('app_user').whereIn('username', actingFor).select('id', 'username')) as {
    id: string;
    username: string;
  }[];
  return {
    id: user.id,
    username: user.username,
    displayNameEl: user.display_name_el,
    displayNameEn: user.display_name_en,
    kind: 'staff',
    roles: roles.map((r) => ({ role: r.role, orgUnitId: r.org_unit_id })),
    actingFor: colleagues.map((c) => ({ userId: c.id, username: c.username })),
  };
}

interface Timing {
  readonly label: string;
  readonly who: string;
  readonly samples: number[];
  readonly rows: number;
}

async function timed(runs: number, warmup: number, run: () => Promise<number>): Promise<[number[], number]> {
  let rows = 0;
  for (let i = 0; i < warmup; i++) rows = await run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    rows = await run();
    samples.push(performance.now() - started);
  }
  return [samples.sort((a, b) => a - b), rows];
}

const HEADER = `${'case'.padEnd(44)} ${'who'.padEnd(30)}   p50 ms   p95 ms   p99 ms  rows`;

function printRows(timings: readonly Timing[]): void {
  const cell = (ms: number) => ms.toFixed(2).padStart(7);
  for (const t of timings)
    console.log(
      `${t.label.padEnd(44)} ${t.who.padEnd(30)} ${cell(percentile(t.samples, 50))}  ${cell(percentile(t.samples, 95))}` +
        `  ${cell(percentile(t.samples, 99))}  ${String(t.rows).padStart(4)}`,
    );
}

/** The SQL of the last query run on a knex instance, for EXPLAIN. */
function lastQueryOf(knex: Knex): () => { sql: string; bindings: readonly Knex.RawBinding[] } {
  let last = { sql: '', bindings: [] as readonly Knex.RawBinding[] };
  knex.on('query', (q: { sql: string; bindings?: readonly Knex.RawBinding[] }) => {
    // The query event gives the SQL as sent to PostgreSQL ($1, $2, … in order): back to knex's placeholders.
    last = { sql: q.sql.replace(/\$\d+/g, '?'), bindings: q.bindings ?? [] };
  });
  return () => last;
}

const BASE: TaskQuery = { filter: 'units', status: 'active', sort: 'due', pageSize: 50 };

async function inboxCases(knex: Knex, runs: number, explain: boolean): Promise<Timing[]> {
  const last = lastQueryOf(knex);
  const people = [
    { who: 'k.petrou (clerk, 1 unit)', user: await sessionUser(knex, 'k.petrou') },
    { who: 'm.konstantinou (head of DD)', user: await sessionUser(knex, 'm.konstantinou') },
    { who: 'l.vlachos deputising', user: await sessionUser(knex, 'l.vlachos', ['m.panagiotou']) },
  ];
  const timings: Timing[] = [];
  for (const { who, user } of people) {
    const first = await listTasks(knex, user, BASE);
    const sample = first.tasks[7] ?? first.tasks[0];
    const cases: [string, TaskQuery][] = [
      ['units, first page of 50 by due date', BASE],
      ['units, second page (cursor)', { ...BASE, cursor: first.nextCursor ?? undefined }],
      ['mine, first page', { ...BASE, filter: 'mine' }],
      ['units, overdue', { ...BASE, overdue: true }],
      ['units, processId=citizen-request', { ...BASE, processId: 'citizen-request' }],
      ['units, var.zone=Β', { ...BASE, variables: { zone: 'Β' } }],
      ['units, citizen ΑΦΜ', { ...BASE, citizen: String(sample?.variables.afm ?? '000000000') }],
      ['units, citizen name "Ζαχαρόπουλος Μαρ"', { ...BASE, citizen: 'Ζαχαρόπουλος Μαρ' }],
      ['units, broad name prefix "Ζαχαρ" (5%)', { ...BASE, citizen: 'ζαχαρ' }],
      ['units, protocol number', { ...BASE, protocolNumber: sample?.protocolNumber ?? 'none' }],
      ['units, sorted by creation', { ...BASE, sort: 'created' }],
    ];
    for (const [label, query] of cases) {
      const [samples, rows] = await timed(runs, 10, async () => (await listTasks(knex, user, query)).tasks.length);
      timings.push({ label, who, samples, rows });
      if (!explain) printRows(timings.slice(-1));
      if (explain && who.startsWith('m.konstantinou')) {
        const { sql, bindings } = last();
        const plan = (await knex.raw(`explain (analyze, buffers, costs off) ${sql}`, bindings)) as {
          rows: { 'QUERY PLAN': string }[];
        };
        console.log(`\n--- ${label} (${who})\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`);
      }
    }
  }
  return timings;
}

async function claimAndComplete(knex: Knex, count: number): Promise<Timing[]> {
  const user = await sessionUser(knex, 'k.petrou');
  const actor = { userId: user.id, sourceIp: '127.0.0.1' };
  const ids = (await knex('task_candidate as tc')
    .join('task as t', 't.id', 'tc.task_id')
    .where({ 'tc.candidate': 'group:DD.DHM', 't.status': 'open', 't.process_id': 'residence-certificate' })
    .orderBy('tc.due_sort')
    .limit(count + 10)
    .pluck('t.id')) as string[];
  const claims: number[] = [];
  const completions: number[] = [];
  for (const [i, id] of ids.entries()) {
    let started = performance.now();
    const claimed = await claimTask(knex, actor, user, id);
    const claimMs = performance.now() - started;
    started = performance.now();
    const completed = await completeTask(knex, instantEngine, actor, user, id, {
      decision: 'approve',
      certifiedYears: '5',
    });
    const completeMs = performance.now() - started;
    if (!claimed.ok || !completed.ok)
      throw new Error(`Expected the task ${id} to be claimed and completed: ${JSON.stringify([claimed, completed])}`);
    // The first ten warm the plans.
    if (i >= 10) {
      claims.push(claimMs);
      completions.push(completeMs);
    }
  }
  const who = 'k.petrou';
  return [
    { label: 'claim', who, samples: claims.sort((a, b) => a - b), rows: 1 },
    { label: 'complete (form validated; engine instant*)', who, samples: completions.sort((a, b) => a - b), rows: 1 },
  ];
}

async function onPostgres(options: TasksBenchOptions): Promise<void> {
  const name = options.keep || options.reuse ? KEPT : `polis_bench_tasks_${randomBytes(3).toString('hex')}`;
  const admin = knexFactory({ client: 'pg', connection: postgresUrl, pool: { min: 0, max: 1 } });
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  let db: Database | undefined;
  try {
    if (!options.reuse) await admin.raw(`create database "${name}"`);
    db = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 10 });
    if (!options.reuse) {
      await migrate(db.knex, [engineMigrations, runtimeMigrations]);
      await loadDemoOrgChart(db.knex);
      await loadFormsFromDirectory(db.knex, shippedDir('forms'));
      const report = await generateTasks(db.knex, { tasks: options.tasks, units: options.units });
      console.log(
        `PostgreSQL: ${report.tasks} open tasks (${report.claimed} claimed, ${report.overdue} overdue), ` +
          `${report.candidates} candidate rows, ${report.units} units; loaded in ${(report.loadMs / 1000).toFixed(1)} s, ` +
          `indexes built in ${(report.indexMs / 1000).toFixed(1)} s\n`,
      );
    } else console.log(`PostgreSQL: reusing ${name} as a previous run left it\n`);
    console.log(
      `load average before measuring: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} (${cpus().length} cores)`,
    );
    console.log(HEADER);
    const timings = await inboxCases(db.knex, options.runs, options.explain);
    const commands = await claimAndComplete(db.knex, options.runs);
    printRows(commands);
    if (options.explain) {
      console.log(`\n${HEADER}`);
      printRows([...timings, ...commands]);
    }
    console.log(
      `load average after: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    console.log(
      '* complete runs the real completeTask; its EngineClient is a fake whose completeJob resolves at once.',
    );
    console.log('Targets (issue 8): inbox p95 ≤ 10 ms; claim and complete p95 ≤ 30 ms.');
  } finally {
    await db?.close();
    if (!options.keep && !options.reuse) await admin.raw(`drop database if exists "${name}" with (force)`);
    await admin.destroy();
  }
}

/** What the tasks bench is asked for. */
export interface TasksBenchOptions {
  readonly tasks: number;
  readonly units: number;
  /** Timed runs per case (after 10 warm-up runs). */
  readonly runs: number;
  /** Prints EXPLAIN ANALYZE of each inbox query for the head of a directorate. */
  readonly explain: boolean;
  /** Keeps the database (polis_bench_tasks) afterwards, for looking at plans by hand. */
  readonly keep: boolean;
  /** Measures on the database a run with --keep left, without generating the data again. */
  readonly reuse: boolean;
}

/**
 * The inbox bench of issue 8: a generated municipality's worth of open tasks in PostgreSQL, then the inbox query
 * for several clerks (their units' tasks by due date, the next page, their own, with filters) and claim + complete.
 */
export async function runTasksBench(options: TasksBenchOptions): Promise<void> {
  console.log(`tasks bench: ${options.tasks} tasks across ${options.units} units, ${options.runs} runs per case`);
  await onPostgres(options);
}
