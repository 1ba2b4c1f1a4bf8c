export { loadConfig } from './config/loadConfig.js';
export type { Config, ConfigProblem } from './config/Config.js';
export { startRuntime, ListenError, type RunningRuntime } from './lifecycle/startRuntime.js';
export { createLogger } from './lifecycle/createLogger.js';
export {
  EngineClient,
  type EngineResource,
  type DeployedProcess,
  type StartedInstance,
} from './engine/EngineClient.js';
export type { EngineError, EngineResult } from './engine/EngineResult.js';
export { connectEngine, EngineUnavailableError, type EngineConnection } from './engine/connectEngine.js';
export {
  BpmnError,
  type EngineJob,
  type JobHandler,
  type RegisteredWorker,
  type WorkerOptions,
} from './engine/JobWorker.js';
