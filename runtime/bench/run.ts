// `npm run bench -w runtime -- submissions [--n 100] [--repeats 20] [--batch 64,100]`: submit-to-protocol-number latency of
// concurrent submissions on PostgreSQL (DATABASE_URL, default the local server) and on PGlite.
// `npm run bench -w runtime -- tasks [--tasks 1000000] [--units 60] [--runs 200] [--explain] [--keep] [--reuse]`: the inbox query,
// claim and complete over a generated million open tasks in PostgreSQL.
import { runSubmissionsBench } from './submissions.js';
import { runTasksBench } from './tasks.js';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

const BENCHES = ['submissions', 'tasks'];
const which = process.argv.slice(2).find((a) => !a.startsWith('--') && !/^\d+(,\d+)*$/.test(a)) ?? 'submissions';
if (!BENCHES.includes(which)) {
  console.error(`Unknown bench "${which}"; the runtime has: ${BENCHES.join(', ')}.`);
  process.exit(2);
}
if (which === 'tasks') {
  await runTasksBench({
    tasks: option('tasks', 1_000_000),
    units: option('units', 60),
    runs: option('runs', 200),
    explain: process.argv.includes('--explain'),
    keep: process.argv.includes('--keep'),
    reuse: process.argv.includes('--reuse'),
  });
} else {
  const batchIndex = process.argv.indexOf('--batch');
  const maxBatchSizes = (batchIndex >= 0 ? process.argv[batchIndex + 1]! : '64').split(',').map(Number);
  await runSubmissionsBench({ n: option('n', 100), repeats: option('repeats', 20), maxBatchSizes });
}
