import { createServer, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { Express } from 'express';
import type { Logger } from 'pino';
import { engineMigrations, isMigrated, migrate, openDatabase, type Database, type MigrationSet } from '@polis/engine';
import type { Config } from '../config/Config.js';
import type { EngineClient } from '../engine/EngineClient.js';
import { connectEngine, type EngineConnection } from '../engine/connectEngine.js';
import { createApp } from '../http/createApp.js';
import { createIdentity } from '../identity/createIdentity.js';
import { identitySecret } from '../identity/identitySecret.js';
import { sweepExpiredIdentityState } from '../identity/sweepExpiredIdentityState.js';
import { apiRoutes } from '../routes/apiRoutes.js';
import { DEADLINE_JOB_TYPE, deadlineWorker } from '../procedures/deadlineWorker.js';
import { DOCUMENT_JOB_TYPE, documentWorker } from '../documents/documentWorker.js';
import { POLICE_REQUEST_JOB_TYPE, policeRequestWorker } from '../documents/policeRequestWorker.js';
import { deployProcessDefinitions } from '../procedures/deployProcessDefinitions.js';
import { importShippedDesigns } from '../designs/importShippedDesigns.js';
import { shippedFilesDeployedByAnalysts } from '../designs/shippedFilesDeployedByAnalysts.js';
import { loadServiceDefinitions } from '../procedures/loadServiceDefinitions.js';
import { shippedDir } from '../procedures/shippedDir.js';
import { loadFormsFromDirectory } from '../forms/loadFormsFromDirectory.js';
import { serveWebApp, webDistDir } from '../http/serveWebApp.js';
import { anyone, hasRole, staff } from '../policies/Policy.js';
import { createProtocolRegistrar } from '../applications/protocolRegistrar.js';
import { serviceCatalogOf } from '../applications/serviceCatalogOf.js';
import { startOutboxDispatcher } from '../applications/startOutboxDispatcher.js';
import { startReplyOutboxDispatcher } from '../replies/startReplyOutboxDispatcher.js';
import { recordLogInstanceFinder } from '../applications/recordLogInstanceFinder.js';
import { fileAttachmentStore } from '../attachments/fileAttachmentStore.js';
import { s3AttachmentStore } from '../attachments/s3AttachmentStore.js';
import { addWorkingDays } from '../calendar/workingDays.js';
import { formLibraryValidator } from '../forms/formLibraryValidator.js';
import { setDemoPasswords } from '../identity/setDemoPasswords.js';
import { loadDemoOrgChart } from '../orgchart/loadDemoOrgChart.js';
import demoOrgChart from '../orgchart/demo/demoOrgChart.json' with { type: 'json' };
import { runtimeMigrations } from '../store/runtimeMigrations.js';
import { startUserTaskWorker } from '../tasks/startUserTaskWorker.js';
import { userTaskNames } from '../tasks/userTaskNames.js';
import { taskEventsOf } from '../tasks/events/TaskEvents.js';
import { ESCALATE_JOB_TYPE, escalateWorker } from '../notifications/escalateWorker.js';
import { NOTIFY_JOB_TYPE, notifyWorker } from '../notifications/notifyWorker.js';
import { startTaskDeadlineSweeper } from '../notifications/startTaskDeadlineSweeper.js';
import {
  APPLICATION_STATUS_PROJECTION,
  applicationStatusProjection,
} from '../projections/applicationStatusProjection.js';
import { engineRecordSource } from '../projections/engineRecordSource.js';
import { startProjection } from '../projections/startProjection.js';

/** Thrown when the HTTP port cannot be bound. */
export class ListenError extends Error {
  override readonly name = 'ListenError';
}

/** A started runtime: where it listens, and how to stop it gracefully. */
export interface RunningRuntime {
  readonly port: number;
  /** The HTTP application, for tests that enumerate its routes. */
  readonly app: Express;
  readonly database: Database;
  /** The runtime's only way to the engine (embedded or a Zeebe cluster). */
  readonly engine: EngineClient;
  /**
   * Stops accepting requests, lets in-flight ones finish (up to the shutdown timeout), closes the engine
   * connection (job workers finish their running jobs first), then closes the database.
   */
  stop(): Promise<void>;
}

const MIGRATIONS: readonly MigrationSet[] = [engineMigrations, runtimeMigrations];
/** How often expired sessions, provider state and old failed sign-ins are deleted. */
const IDENTITY_SWEEP_INTERVAL_MS = 3600 * 1000;
/** The version the OpenAPI document states. */
const RUNTIME_VERSION = '0.1.0';

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

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Opens and migrates the database, connects to the engine (starting the embedded one), then serves HTTP.
 * @throws DatabaseUnavailableError when the database cannot be opened; EngineUnavailableError when the
 * embedded engine's gateway cannot listen; ListenError when the HTTP port is taken.
 */
export async function startRuntime(
  config: Config,
  logger: Logger,
  { database: given }: { database?: Database } = {},
): Promise<RunningRuntime> {
  const database = given ?? (await openDatabase(config.database));
  let server: Server | undefined;
  let engine: EngineConnection | undefined;
  let userTasks: ReturnType<typeof startUserTaskWorker> | undefined;
  try {
    const ran = await migrate(database.knex, MIGRATIONS);
    logger.info({ database: database.location, migrations: ran }, 'database ready');
    // The inbox's live updates: between runtime processes through LISTEN/NOTIFY on PostgreSQL, in-process on PGlite.
    if (database.dialect === 'postgres' && !(await taskEventsOf(database.knex).listenAcrossProcesses()))
      logger.warn('cannot listen for task changes of other runtime processes; live updates stay in this process');
    const forms = await loadFormsFromDirectory(database.knex, shippedDir('forms'));
    for (const failure of forms.failures)
      logger.error({ file: failure.file, path: failure.path, reason: failure.message }, 'form refused');
    logger.info(
      { forms: forms.saved.length, newVersions: forms.saved.filter((f) => f.created).length },
      'form library loaded',
    );
    const demo = await loadDemoOrgChart(database.knex);
    if (demo) logger.info({ units: demo.units, users: demo.users }, 'demo org chart loaded');
    if (config.identity.kind === 'embedded') {
      const demoUsers = demoOrgChart.users.map((u) => u.username);
      const passwords = await setDemoPasswords(database.knex, demoUsers);
      if (passwords) logger.info({ users: passwords }, 'demo passwords set (see README, "Demo accounts")');
    }
    const identity = await createIdentity(database.knex, config, { logger });
    engine = await connectEngine(config, logger, database);
    logger.info({ engine: engine.kind, gateway: engine.gatewayAddress }, 'engine client ready');
    const client = engine.client;
    // The municipality's procedures: deployed at every start (an unchanged file keeps its version), with the
    // worker that computes working-day deadlines for them.
    const definitionsDir = shippedDir('process-definitions');
    const services = await loadServiceDefinitions(definitionsDir);
    const deployment = await deployProcessDefinitions(client, definitionsDir, logger, {
      leaveAlone: await shippedFilesDeployedByAnalysts(database.knex),
    });
    logger.info(
      { services: services.length, processes: deployment.deployed.length, refused: deployment.failed.length },
      'procedures deployed',
    );
    // The designer's library starts with the shipped procedures as designs, imported once (by file name).
    const designs = await importShippedDesigns(database.knex, definitionsDir, deployment.deployed);
    for (const failure of designs.failed)
      logger.error({ file: failure.file, reason: failure.message }, 'process design not imported');
    if (designs.imported.length > 0)
      logger.info({ designs: designs.imported }, 'shipped procedures imported as designs');
    client.registerWorker({ type: DEADLINE_JOB_TYPE, handler: deadlineWorker() });
    // The citizen's notifications (polis:notify) and the head of unit's escalations (polis:escalate).
    client.registerWorker({ type: NOTIFY_JOB_TYPE, handler: notifyWorker({ knex: database.knex, services }) });
    client.registerWorker({ type: ESCALATE_JOB_TYPE, handler: escalateWorker({ knex: database.knex, services }) });
    // Official documents (polis:document: certificates, permits) and the letter asking the police for an opinion,
    // stored as PDF in the attachment store, which the download routes read from too.
    // With ATTACHMENTS_STORE=s3 the bytes go to the bucket; the attachments directory only stages uploads.
    const attachmentStore = config.attachments.s3
      ? s3AttachmentStore(config.attachments.s3, config.attachments.dir)
      : fileAttachmentStore(config.attachments.dir);
    const documents = { knex: database.knex, store: attachmentStore, publicUrl: config.publicUrl, services };
    client.registerWorker({ type: DOCUMENT_JOB_TYPE, handler: documentWorker(documents) });
    client.registerWorker({ type: POLICE_REQUEST_JOB_TYPE, handler: policeRequestWorker(documents) });
    // Clerks' tasks: user task jobs held open in the task table until a clerk completes them.
    userTasks = startUserTaskWorker({
      knex: database.knex,
      engine: client,
      logger,
      elementName: await userTaskNames(definitionsDir),
    });
    const databaseCheck = async (): Promise<string> => {
      try {
        await database.knex.raw('select 1');
        return (await isMigrated(database.knex, MIGRATIONS)) ? 'ok' : 'migrations pending';
      } catch (error) {
        return message(error) || 'unreachable';
      }
    };
    const engineCheck = async (): Promise<string> => {
      const topology = await client.topology();
      return topology.ok ? 'ok' : `${topology.error.code}: ${topology.error.message}`;
    };
    const knex = database.knex;
    const csrfSecret = await identitySecret(knex, 'csrf_secret', () => randomBytes(32).toString('base64url'));
    // Registers submissions many per transaction; stopped after the last request, before the database closes.
    const registrar = createProtocolRegistrar(knex);
    const app = createApp({
      logger,
      identity: identity.router,
      principal: { knex, csrfSecret, verifyAccessToken: identity.verifyAccessToken },
      api: apiRoutes({
        knex,
        csrfSecret,
        publicUrl: config.publicUrl,
        version: RUNTIME_VERSION,
        services,
        submissions: {
          catalog: serviceCatalogOf(services),
          validator: formLibraryValidator(knex),
          addWorkingDays: (date, n) => addWorkingDays(date, n),
          registrar,
        },
        attachments: { store: attachmentStore, maxBytes: config.attachments.maxBytes },
        tasks: { engine: client },
        designs: { engine: client },
        opinions: { engine: client },
      }),
      webApps: {
        '/app': serveWebApp('staff', webDistDir('staff'), staff),
        '/portal': serveWebApp('portal', webDistDir('portal'), anyone),
        '/designer': serveWebApp('designer', webDistDir('designer'), hasRole('analyst', 'admin')),
      },
      readiness: async () => {
        const [databaseState, engineState] = await Promise.all([databaseCheck(), engineCheck()]);
        return {
          ready: databaseState === 'ok' && engineState === 'ok',
          checks: { database: databaseState, engine: engineState },
        };
      },
    });
    server = createServer(app);
    server.keepAliveTimeout = 5_000;
    const port = await listen(server, config.port, config.host);
    logger.info(
      { port, url: config.publicUrl, engine: config.engine.kind, identity: config.identity.kind },
      'Polis is serving',
    );
    // Starts the processes of registered applications; reads the engine's record log to stay idempotent.
    const dispatcher = startOutboxDispatcher({
      knex,
      engine: client,
      logger,
      finder: config.engine.kind === 'embedded' ? recordLogInstanceFinder(knex) : undefined,
    });
    // Publishes citizens' replies to requests for more information as messages, each once (issue 7).
    const replyDispatcher = startReplyOutboxDispatcher({ knex, engine: client, logger });
    // Expired sign-on state is ignored when read; an hourly sweep keeps the tables small.
    const sweeper = setInterval(() => {
      sweepExpiredIdentityState(knex).then(
        (swept) => logger.debug({ swept }, 'expired identity state swept'),
        (error: unknown) => logger.warn({ err: error }, 'sweeping expired identity state failed'),
      );
    }, IDENTITY_SWEEP_INTERVAL_MS);
    sweeper.unref();
    // Application status and timeline, projected from the engine's record stream (woken by the embedded engine).
    const statusProjection = startProjection({
      name: APPLICATION_STATUS_PROJECTION,
      knex,
      logger,
      handle: applicationStatusProjection(services),
      source: engineRecordSource(engine.onRecords),
    });
    // Reminders of tasks due by the next working day, and escalations of overdue ones (issue 8).
    const taskDeadlines = startTaskDeadlineSweeper({
      knex,
      logger,
      ...(config.taskSweepIntervalMs === undefined ? {} : { intervalMs: config.taskSweepIntervalMs }),
    });
    const running = server;
    const connection = engine;
    const taskWorker = userTasks;
    let stopping: Promise<void> | undefined;
    return {
      port,
      app,
      database,
      engine: client,
      stop() {
        stopping ??= (async () => {
          // Event streams never finish on their own: end them so that the server can close.
          await taskEventsOf(database.knex).close();
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
          await registrar.stop();
          clearInterval(sweeper);
          await dispatcher.stop();
          await replyDispatcher.stop();
          await statusProjection.stop();
          await taskDeadlines.stop();
          await taskWorker.stop(1_000);
          await connection.close(config.shutdownTimeoutMs);
          await database.close();
          logger.info('stopped');
        })();
        return stopping;
      },
    };
  } catch (error) {
    server?.close();
    await taskEventsOf(database.knex).close();
    await userTasks?.stop(1_000);
    await engine?.close(config.shutdownTimeoutMs);
    await database.close();
    throw error;
  }
}
