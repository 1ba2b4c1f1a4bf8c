import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../src/store/createTestDatabase.js';
import { engineMigrations } from '../../src/store/engineMigrations.js';
import { openDatabase } from '../../src/store/openDatabase.js';
import type { Database } from '../../src/store/Database.js';

// Runs the built child (`npm test` builds before it tests), as a separate process that can be killed.
const CHILD = fileURLToPath(new URL('../../dist/test/crash/crashChild.js', import.meta.url));

function run(mode: 'load' | 'recover', target: string, onLine?: (line: string, kill: () => void) => void) {
  const child = spawn(process.execPath, [CHILD, mode, target], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) onLine?.(line, () => child.kill('SIGKILL'));
  });
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stderr })),
  );
}

describe('crash recovery', () => {
  it('should complete every instance exactly once after a SIGKILL mid-load and a restart on the same database', async () => {
    if (!existsSync(CHILD)) throw new Error(`${CHILD} is missing: run "npm run build" first`);
    // given a database (PostgreSQL when DATABASE_URL is set, else a PGlite directory)
    let target: string;
    let inspect: () => Promise<Database>;
    let cleanup = async () => undefined as unknown;
    if (process.env.DATABASE_URL) {
      const db = await createTestDatabase([engineMigrations]);
      target = (db.knex.client.config as { connection: { connectionString: string } }).connection.connectionString;
      inspect = async () => db;
      cleanup = () => db.close();
    } else {
      target = join(mkdtempSync(join(tmpdir(), 'polis-crash-')), 'pglite');
      inspect = () => openDatabase({ kind: 'pglite', dataDir: target });
    }
    // when a child starts instances and works jobs, and is killed once 600 instances have started
    const loaded = await run('load', target, (line, kill) => {
      if (line === 'started 600') kill();
    });
    expect(loaded.signal).toBe('SIGKILL');
    // and a new child recovers on the same database
    const recovered = await run('recover', target);
    expect(recovered.stderr).toBe('');
    expect(recovered.code).toBe(0);
    // then every instance in the record log started once and completed exactly once, each job completed once
    const db = await inspect();
    const rows = (await db
      .knex('engine_record')
      .select('key', 'intent', 'value_type')
      .whereRaw(
        "(value_type = 'PROCESS_INSTANCE' and value->>'bpmnElementType' = 'PROCESS') or (value_type = 'JOB' and intent = 'COMPLETED')",
      )) as { key: string; intent: string; value_type: string }[];
    const count = (valueType: string, intent: string) => {
      const counts = new Map<string, number>();
      for (const r of rows)
        if (r.value_type === valueType && r.intent === intent) counts.set(r.key, (counts.get(r.key) ?? 0) + 1);
      return counts;
    };
    const activated = count('PROCESS_INSTANCE', 'ELEMENT_ACTIVATING');
    const completed = count('PROCESS_INSTANCE', 'ELEMENT_COMPLETED');
    expect(activated.size).toBeGreaterThanOrEqual(600);
    expect([...activated.values()].every((n) => n === 1)).toBe(true);
    expect([...activated.keys()].filter((key) => completed.get(key) !== 1)).toEqual([]);
    expect([...count('JOB', 'COMPLETED').values()].every((n) => n === 1)).toBe(true);
    if (!process.env.DATABASE_URL) await db.close();
    await cleanup();
  }, 120_000);
});
