import { Zeebe } from '@camunda8/sdk';
import * as grpc from '@grpc/grpc-js';
import type { Logger } from 'pino';
import { createEngine, startGateway, type Database, type Engine, type RunningGateway } from '@polis/engine';
import type { EngineTarget } from '../config/Config.js';
import { EngineClient } from './EngineClient.js';

/** Thrown when the embedded engine's gateway cannot listen (its port is taken, or not allowed). */
export class EngineUnavailableError extends Error {
  override readonly name = 'EngineUnavailableError';
}

/** The runtime's connection to its engine, and what it started to have one. */
export interface EngineConnection {
  readonly client: EngineClient;
  readonly kind: EngineTarget['kind'];
  /** host:port of the gateway the client talks to. */
  readonly gatewayAddress: string;
  /** Stops the workers, the client, then (when embedded) the gateway and the engine; the database stays open. */
  close(timeoutMs?: number): Promise<void>;
  /**
   * Embedded only: calls the listener after the engine commits records (projections wake on it instead of waiting
   * for their next poll); returns an unsubscribe function.
   */
  readonly onRecords?: (listener: () => void) => () => void;
}

const EMBEDDED_GATEWAY_HOST = '127.0.0.1';

/** The SDK client, configured only from our configuration (explicit keys win over the SDK's own environment reading). */
function createZeebeClient(address: string, tls: boolean, target: EngineTarget): Zeebe.ZeebeGrpcClient {
  const oauth = target.kind === 'zeebe' ? target.oauth : undefined;
  return new Zeebe.ZeebeGrpcClient({
    config: {
      ZEEBE_GRPC_ADDRESS: `${tls ? 'grpcs' : 'grpc'}://${address}`,
      // An empty ZEEBE_ADDRESS keeps the SDK from also reading ours from the environment and warning about it.
      ZEEBE_ADDRESS: '',
      CAMUNDA_AUTH_STRATEGY: oauth ? 'OAUTH' : 'NONE',
      ...(oauth && {
        ZEEBE_CLIENT_ID: oauth.clientId,
        ZEEBE_CLIENT_SECRET: oauth.clientSecret,
        CAMUNDA_OAUTH_URL: oauth.authorizationServerUrl,
        ...(oauth.audience !== undefined && { ZEEBE_TOKEN_AUDIENCE: oauth.audience }),
        // Tokens stay in memory: nothing is written to the home directory.
        CAMUNDA_TOKEN_DISK_CACHE_DISABLE: true,
      }),
      zeebeGrpcSettings: {
        // We log refusals and outages ourselves, as structured records; the SDK would print to stdout.
        ZEEBE_CLIENT_LOG_LEVEL: 'NONE',
        // Network errors and back-pressure are retried a few times, then returned to the caller as values.
        ZEEBE_GRPC_CLIENT_MAX_RETRIES: 3,
        ZEEBE_GRPC_CLIENT_MAX_RETRY_TIMEOUT_SECONDS: 2,
        // Shorter long polls let a worker's close finish soon after its last job.
        ZEEBE_GRPC_WORKER_LONGPOLL_SECONDS: 10,
      },
    },
  });
}

async function startEmbedded(port: number, database: Database): Promise<{ engine: Engine; gateway: RunningGateway }> {
  const engine = createEngine({ db: database });
  try {
    const gateway = await startGateway({ engine, host: EMBEDDED_GATEWAY_HOST, port });
    return { engine, gateway };
  } catch (error) {
    await engine.stop();
    const message = error instanceof Error ? error.message : String(error);
    throw new EngineUnavailableError(
      /address already in use|EADDRINUSE/i.test(message)
        ? `Port ${port} of the embedded engine's gateway is already in use; stop the other program or set ZEEBE_GATEWAY_PORT to a free port.`
        : `The embedded engine's gateway cannot listen on ${EMBEDDED_GATEWAY_HOST}:${port}: ${message.split('\n')[0]}`,
    );
  }
}

/**
 * Connects the runtime to its engine: with the embedded engine, first starts it in-process on the runtime's
 * database and serves its gateway on 127.0.0.1; with a Zeebe cluster, connects to ZEEBE_ADDRESS. Either way
 * the runtime then talks to the engine only through the Zeebe client.
 * @throws EngineUnavailableError when the embedded gateway cannot listen.
 */
export async function connectEngine(
  config: { readonly engine: EngineTarget },
  logger: Logger,
  database: Database,
): Promise<EngineConnection> {
  const target = config.engine;
  const log = logger.child({ component: 'engine' });
  // grpc-js (shared by the gateway and the client) writes its errors to stderr, where the runtime keeps one
  // line for a fatal error; route them into the structured log instead.
  const line = (...args: unknown[]) => args.map(String).join(' ');
  grpc.setLogger({
    error: (...args: unknown[]) => log.warn({ grpc: line(...args) }, 'grpc'),
    info: (...args: unknown[]) => log.debug({ grpc: line(...args) }, 'grpc'),
    debug: (...args: unknown[]) => log.trace({ grpc: line(...args) }, 'grpc'),
  });
  if (target.kind === 'zeebe') {
    const client = new EngineClient(createZeebeClient(target.address, target.tls, target), log, target.address);
    return { client, kind: 'zeebe', gatewayAddress: target.address, close: (timeoutMs) => client.close(timeoutMs) };
  }

  const { engine, gateway } = await startEmbedded(target.gatewayPort, database);
  const client = new EngineClient(createZeebeClient(gateway.address, false, target), log, gateway.address);
  let closing: Promise<void> | undefined;
  return {
    client,
    kind: 'embedded',
    gatewayAddress: gateway.address,
    onRecords: (listener) => engine.onRecords(() => listener()),
    close(timeoutMs) {
      closing ??= (async () => {
        await client.close(timeoutMs);
        await gateway.close();
        await engine.stop();
      })();
      return closing;
    },
  };
}
