// `npm run bench -w runtime -- submissions [--n 100] [--repeats 20] [--batch 64,100]`: submit-to-protocol-number latency of
// concurrent submissions on PostgreSQL (DATABASE_URL, default the local server) and on PGlite.
import { runSubmissionsBench } from './submissions.js';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

const which = process.argv.slice(2).find((a) => !a.startsWith('--') && !/^\d+$/.test(a)) ?? 'submissions';
if (which !== 'submissions') {
  console.error(`Unknown bench "${which}"; the runtime has: submissions.`);
  process.exit(2);
}
const batchIndex = process.argv.indexOf('--batch');
const maxBatchSizes = (batchIndex >= 0 ? process.argv[batchIndex + 1]! : '64').split(',').map(Number);
await runSubmissionsBench({ n: option('n', 100), repeats: option('repeats', 20), maxBatchSizes });
