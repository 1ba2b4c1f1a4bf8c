import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
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
  // The port is chosen first: the embedded identity provider's issuer URL is built from PUBLIC_URL.
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = { ...process.env, PORT: String(port), PUBLIC_URL: baseUrl, DATA_DIR: dataDir, ZEEBE_GATEWAY_PORT: '0' };
  const loaded = loadConfig(env, process.cwd());
  if (!loaded.ok) throw new Error(`${loaded.problem.variable} ${loaded.problem.message}`);
  const runtime = await startRuntime({ ...loaded.value, host: '127.0.0.1' }, pino({ level: 'warn' }));
  return { ...runtime, baseUrl };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
