import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// These tests run the built entry point as `npm start` does (`npm test` builds before it tests).
const MAIN = fileURLToPath(new URL('../dist/src/main.js', import.meta.url));

interface Exit {
  code: number | null;
  stderr: string;
  stdout: string;
}

function start(env: Record<string, string>): { child: ChildProcess; exited: Promise<Exit> } {
  const child = spawn(process.execPath, [MAIN], {
    // The embedded engine's gateway on a free port: 26500 may be taken by another runtime or `npm run engine`.
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ZEEBE_GATEWAY_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<Exit>((resolve) => child.on('exit', (code) => resolve({ code, stderr, stdout })));
  return { child, exited };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitForReady(port: number, exited: Promise<Exit>): Promise<void> {
  let done = false;
  void exited.then(() => (done = true));
  // Up to a minute: the first start migrates a new database and hashes the demo passwords, slow on a busy machine.
  for (let i = 0; i < 600 && !done; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`runtime did not become ready: ${JSON.stringify(await Promise.race([exited, 'still running']))}`);
}

describe('the runtime process', () => {
  beforeAll(() => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build" first`);
  });

  it('should exit with code 2 and one line naming the variable on bad configuration', async () => {
    const { exited } = start({ PORT: 'abc' });
    const { code, stderr } = await exited;
    expect(code).toBe(2);
    expect(stderr).toBe('polis: invalid configuration: PORT must be a whole number from 1 to 65535 (got "abc")\n');
  });

  it('should exit with one line naming an unreachable database, without its password', async () => {
    const { exited } = start({ PORT: String(await freePort()), DATABASE_URL: 'postgres://polis:pw@127.0.0.1:1/polis' });
    const { code, stderr } = await exited;
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^polis: Cannot reach the database at postgres:\/\/polis:\*\*\*@127\.0\.0\.1:1\/polis: .+\n$/,
    );
  });

  describe('on embedded defaults', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'polis-main-'));
    let port: number;
    let first: ReturnType<typeof start>;

    beforeAll(async () => {
      port = await freePort();
      first = start({ PORT: String(port), DATA_DIR: dataDir });
      await waitForReady(port, first.exited);
    }, 90_000);

    afterAll(() => {
      first.child.kill('SIGKILL');
    });

    it('should serve the landing page', async () => {
      const response = await fetch(`http://127.0.0.1:${port}/`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('Polis');
    });

    it('should refuse a second process on the same data directory with one line', async () => {
      const { exited } = start({ PORT: String(await freePort()), DATA_DIR: dataDir });
      const { code, stderr } = await exited;
      expect(code).toBe(1);
      expect(stderr).toMatch(/^polis: The data directory .+ is in use by another Polis process \(pid \d+\).+\n$/);
    });

    it('should refuse a busy port with one line', async () => {
      const { exited } = start({ PORT: String(port), DATA_DIR: mkdtempSync(join(tmpdir(), 'polis-main-')) });
      const { code, stderr } = await exited;
      expect(code).toBe(1);
      expect(stderr).toBe(
        `polis: Port ${port} is already in use; stop the other program or set PORT to a free port.\n`,
      );
    }, 90_000);

    it('should report the engine as ready', async () => {
      const response = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(await response.json()).toEqual({ status: 'ready', checks: { database: 'ok', engine: 'ok' } });
    });

    it('should refuse a busy engine gateway port with one line', async () => {
      const busy = createServer();
      await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
      const { port: gatewayPort } = busy.address() as { port: number };
      try {
        const { exited } = start({
          PORT: String(await freePort()),
          DATA_DIR: mkdtempSync(join(tmpdir(), 'polis-main-')),
          ZEEBE_GATEWAY_PORT: String(gatewayPort),
        });
        const { code, stderr } = await exited;
        expect(code).toBe(1);
        expect(stderr).toBe(
          `polis: Port ${gatewayPort} of the embedded engine's gateway is already in use; stop the other program or set ZEEBE_GATEWAY_PORT to a free port.\n`,
        );
      } finally {
        await new Promise((resolve) => busy.close(resolve));
      }
    }, 90_000);

    it('should stop gracefully on SIGTERM, releasing the data directory', async () => {
      first.child.kill('SIGTERM');
      const { code, stdout } = await first.exited;
      expect(code).toBe(0);
      expect(stdout).toContain('"msg":"stopped"');
      expect(existsSync(join(dataDir, 'pglite.lock'))).toBe(false);
    });
  });
});
