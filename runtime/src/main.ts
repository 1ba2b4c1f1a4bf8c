// The runtime's entry point: `npm start` runs this after building.
import { DatabaseUnavailableError } from '@polis/engine';
import { loadConfig } from './config/loadConfig.js';
import { EngineUnavailableError } from './engine/connectEngine.js';
import { createLogger } from './lifecycle/createLogger.js';
import { ListenError, startRuntime } from './lifecycle/startRuntime.js';

const loaded = loadConfig(process.env, process.cwd());
if (!loaded.ok) {
  process.stderr.write(`polis: invalid configuration: ${loaded.problem.variable} ${loaded.problem.message}\n`);
  process.exit(2);
}
const config = loaded.value;
const logger = createLogger(config.logLevel);

try {
  const runtime = await startRuntime(config, logger);
  let signals = 0;
  const shutdown = (signal: NodeJS.Signals) => {
    signals += 1;
    if (signals > 1) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    logger.info({ signal }, 'shutting down');
    runtime.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
} catch (error) {
  if (
    error instanceof DatabaseUnavailableError ||
    error instanceof EngineUnavailableError ||
    error instanceof ListenError
  ) {
    logger.flush();
    process.stderr.write(`polis: ${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
