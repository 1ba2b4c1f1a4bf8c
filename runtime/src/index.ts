export { loadConfig } from './config/loadConfig.js';
export type { Config, ConfigProblem } from './config/Config.js';
export { startRuntime, ListenError, type RunningRuntime } from './lifecycle/startRuntime.js';
export { createLogger } from './lifecycle/createLogger.js';
