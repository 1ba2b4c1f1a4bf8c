import { afterAll, beforeAll } from 'vitest';
import { createEngine, type Engine } from '../../src/Engine.js';
import { startGateway, type GatewayOptions, type RunningGateway } from '../../src/gateway/startGateway.js';
import type { EngineRecord } from '../../src/records/Record.js';
import { createTestDatabase } from '../../src/store/createTestDatabase.js';
import type { Database } from '../../src/store/Database.js';
import { engineMigrations } from '../../src/store/engineMigrations.js';

/** An engine on a fresh test database with a gateway on a free port, for one test file. */
export interface GatewayFixture {
  engine: Engine;
  gateway: RunningGateway;
  db: Database;
  /** `127.0.0.1:<port>` of the gateway. */
  address: string;
  /** Every record written since the file began, in log order. */
  records(): Promise<EngineRecord[]>;
  /** Whether the process element of the instance has COMPLETED / TERMINATED. */
  state(processInstanceKey: string): Promise<'ACTIVE' | 'COMPLETED' | 'TERMINATED'>;
  /** Waits until the instance has ended (or `timeoutMs` passed) and tells how it ended. */
  ended(processInstanceKey: string, timeoutMs?: number): Promise<'ACTIVE' | 'COMPLETED' | 'TERMINATED'>;
}

/** Starts the engine and gateway in beforeAll and closes them (gateway first) in afterAll. */
export function useGateway(options: Omit<GatewayOptions, 'engine' | 'port'> = {}): GatewayFixture {
  const fixture = {} as GatewayFixture;
  beforeAll(async () => {
    const db = await createTestDatabase([engineMigrations]);
    const engine = createEngine({ db, schedulerIntervalMs: 50 });
    const gateway = await startGateway({ ...options, engine, port: 0 });
    const records = () => engine.readRecords(0, 100_000);
    const state = async (processInstanceKey: string) => {
      const root = (await records()).filter(
        (r) => r.valueType === 'PROCESS_INSTANCE' && String(r.key) === processInstanceKey,
      );
      if (root.some((r) => r.intent === 'ELEMENT_COMPLETED')) return 'COMPLETED' as const;
      if (root.some((r) => r.intent === 'ELEMENT_TERMINATED')) return 'TERMINATED' as const;
      return 'ACTIVE' as const;
    };
    Object.assign(fixture, {
      engine,
      gateway,
      db,
      address: `127.0.0.1:${gateway.port}`,
      records,
      state,
      async ended(processInstanceKey: string, timeoutMs = 5_000) {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
          const now = await state(processInstanceKey);
          if (now !== 'ACTIVE' || Date.now() > deadline) return now;
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
      },
    } satisfies GatewayFixture);
  });
  afterAll(async () => {
    await fixture.gateway?.close();
    await fixture.engine?.stop();
    await fixture.db?.close();
  });
  return fixture;
}

/** Polls `check` until it returns something other than undefined, failing after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Expected a condition to hold within ${timeoutMs} ms, but it did not`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
