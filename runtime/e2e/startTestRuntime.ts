import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { loadConfig } from '../src/config/loadConfig.js';
import { startRuntime, type RunningRuntime } from '../src/lifecycle/startRuntime.js';

/**
 * Starts the runtime on a free port with its own PGlite directory (or DATABASE_URL's PostgreSQL), and its
 * embedded engine's gateway on a free port too (26500 may be taken by `npm run engine` or another runtime).
 */
export async function startTestRuntime(): Promise<RunningRuntime & { baseUrl: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'polis-e2e-'));
  const loaded = loadConfig({ ...process.env, PORT: '1', DATA_DIR: dataDir, ZEEBE_GATEWAY_PORT: '0' }, process.cwd());
  if (!loaded.ok) throw new Error(`${loaded.problem.variable} ${loaded.problem.message}`);
  const runtime = await startRuntime({ ...loaded.value, port: 0, host: '127.0.0.1' }, pino({ level: 'warn' }));
  return { ...runtime, baseUrl: `http://127.0.0.1:${runtime.port}` };
}
