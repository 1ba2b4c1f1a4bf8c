import { createServer, type Server } from 'node:http';
import type { Logger } from 'pino';
import { engineMigrations, isMigrated, migrate, openDatabase, type Database, type MigrationSet } from '@polis/engine';
import type { Config } from '../config/Config.js';
import { createApp } from '../http/createApp.js';
import { runtimeMigrations } from '../store/runtimeMigrations.js';

/** Thrown when the HTTP port cannot be bound. */
export class ListenError extends Error {
  override readonly name = 'ListenError';
}

/** A started runtime: where it listens, and how to stop it gracefully. */
export interface RunningRuntime {
  readonly port: number;
  readonly database: Database;
  /** Stops accepting requests, lets in-flight ones finish (up to the shutdown timeout), then closes the database. */
  stop(): Promise<void>;
}

const MIGRATIONS: readonly MigrationSet[] = [engineMigrations, runtimeMigrations];

function listen(server: Server, port: number, host: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      const where = `${host ?? 'every interface'} port ${port}`;
      if (error.code === 'EADDRINUSE')
        reject(new ListenError(`Port ${port} is already in use; stop the other program or set PORT to a free port.`));
      else if (error.code === 'EACCES')
        reject(
          new ListenError(`Not allowed to listen on ${where}; set PORT above 1023 or run with the needed rights.`),
        );
      else reject(new ListenError(`Cannot listen on ${where}: ${error.message}`));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/**
 * Opens and migrates the database, then serves HTTP.
 * @throws DatabaseUnavailableError when the database cannot be opened; ListenError when the port is taken.
 */
export async function startRuntime(config: Config, logger: Logger): Promise<RunningRuntime> {
  const database = await openDatabase(config.database);
  let server: Server | undefined;
  try {
    const ran = await migrate(database.knex, MIGRATIONS);
    logger.info({ database: database.location, migrations: ran }, 'database ready');
    const app = createApp({
      logger,
      readiness: async () => {
        try {
          await database.knex.raw('select 1');
          const migrated = await isMigrated(database.knex, MIGRATIONS);
          return { ready: migrated, checks: { database: migrated ? 'ok' : 'migrations pending' } };
        } catch (error) {
          return { ready: false, checks: { database: error instanceof Error ? error.message : 'unreachable' } };
        }
      },
    });
    server = createServer(app);
    server.keepAliveTimeout = 5_000;
    const port = await listen(server, config.port, config.host);
    logger.info(
      { port, url: config.publicUrl, engine: config.engine.kind, identity: config.identity.kind },
      'Polis is serving',
    );
    const running = server;
    let stopping: Promise<void> | undefined;
    return {
      port,
      database,
      stop() {
        stopping ??= (async () => {
          await new Promise<void>((resolve) => {
            const force = setTimeout(() => {
              logger.warn('shutdown timeout: closing the remaining connections');
              running.closeAllConnections();
            }, config.shutdownTimeoutMs);
            force.unref();
            running.close(() => {
              clearTimeout(force);
              resolve();
            });
            running.closeIdleConnections();
          });
          await database.close();
          logger.info('stopped');
        })();
        return stopping;
      },
    };
  } catch (error) {
    server?.close();
    await database.close();
    throw error;
  }
}
