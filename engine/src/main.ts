// `npm run engine`: the embedded engine on its own, serving Zeebe's gateway protocol on 127.0.0.1:26500.
// ZEEBE_GATEWAY_PORT, ZEEBE_GATEWAY_HOST, DATABASE_URL and DATA_DIR configure it; PGlite in ./data by default.
import * as grpc from '@grpc/grpc-js';
import { resolve } from 'node:path';
import { DatabaseUnavailableError } from './errors.js';
import { createEngine } from './Engine.js';
import { startGateway } from './gateway/startGateway.js';
import { engineMigrations } from './store/engineMigrations.js';
import { migrate } from './store/migrate.js';
import { openDatabase, pgliteDirectory } from './store/openDatabase.js';

// grpc-js would print its own lines (e.g. on a busy port); this process reports problems in one line.
grpc.setLogVerbosity(grpc.logVerbosity.NONE);

function fail(message: string, code: number): never {
  process.stderr.write(`polis-engine: ${message}\n`);
  process.exit(code);
}

const portText = process.env.ZEEBE_GATEWAY_PORT ?? '26500';
const port = Number(portText);
if (!/^\d+$/.test(portText) || port < 1 || port > 65535)
  fail(`invalid configuration: ZEEBE_GATEWAY_PORT must be a whole number from 1 to 65535 (got "${portText}")`, 2);
const host = process.env.ZEEBE_GATEWAY_HOST ?? '127.0.0.1';
const url = process.env.DATABASE_URL;
if (url && !/^postgres(ql)?:\/\//.test(url))
  fail('invalid configuration: DATABASE_URL must start with postgres:// or postgresql://', 2);

try {
  const db = await openDatabase(
    url
      ? { kind: 'postgres', url }
      : { kind: 'pglite', dataDir: pgliteDirectory(resolve(process.env.DATA_DIR ?? 'data')) },
  );
  await migrate(db.knex, [engineMigrations]);
  const engine = createEngine({ db });
  const gateway = await startGateway({ engine, host, port }).catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    return fail(
      /address already in use|EADDRINUSE/i.test(message)
        ? `port ${port} is already in use; set ZEEBE_GATEWAY_PORT to a free port`
        : `cannot listen on ${host}:${port}: ${message}`,
      1,
    );
  });
  process.stdout.write(`polis-engine: Zeebe gateway listening on ${gateway.address} (database ${db.location})\n`);
  const stop = async () => {
    await gateway.close();
    await engine.stop();
    await db.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
} catch (error) {
  if (error instanceof DatabaseUnavailableError) fail(error.message, 1);
  throw error;
}
