import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { DeployedProcess, EngineClient } from '../engine/EngineClient.js';
import type { EngineError } from '../engine/EngineResult.js';

/** What deploying the shipped procedures did: the processes now deployed, and the files the engine refused. */
export interface ProcessDefinitionsDeployment {
  readonly deployed: readonly DeployedProcess[];
  readonly failed: readonly { readonly file: string; readonly error: EngineError }[];
  /** Files left alone because analysts have deployed their process from the designer since. */
  readonly skipped: readonly string[];
}

/** How the shipped folder is deployed. */
export interface ProcessDefinitionsOptions {
  /**
   * Files not to deploy (by file name, `residence-certificate.bpmn`): their process is the designer's now, and a
   * restart must not bring the shipped version back over what an analyst deployed.
   */
  readonly leaveAlone?: ReadonlySet<string>;
}

/**
 * Deploys every `.bpmn` file of a folder, one deployment each so that one broken file does not hold back the
 * others. Redeploying an unchanged file creates no new version: the engine, like Zeebe, recognises an
 * identical resource under the same name and answers with the version it has.
 */
export async function deployProcessDefinitions(
  engine: EngineClient,
  dir: string,
  logger: Logger,
  options: ProcessDefinitionsOptions = {},
): Promise<ProcessDefinitionsDeployment> {
  const all = (await readdir(dir)).filter((f) => f.endsWith('.bpmn')).sort();
  const skipped = all.filter((f) => options.leaveAlone?.has(f));
  for (const file of skipped)
    logger.info({ file }, 'shipped process definition left alone: analysts have deployed it from the designer');
  const files = all.filter((f) => !skipped.includes(f));
  const deployed: DeployedProcess[] = [];
  const failed: { file: string; error: EngineError }[] = [];
  for (const file of files) {
    const result = await engine.deploy([{ name: file, content: await readFile(join(dir, file)) }]);
    if (result.ok) {
      deployed.push(...result.value.processes);
      for (const p of result.value.processes)
        logger.info({ bpmnProcessId: p.bpmnProcessId, version: p.version, file }, 'process definition deployed');
    } else {
      failed.push({ file, error: result.error });
      logger.error({ file, code: result.error.code, reason: result.error.message }, 'process definition refused');
    }
  }
  return { deployed, failed, skipped };
}
