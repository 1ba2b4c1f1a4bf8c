import type { Knex } from 'knex';
import type { ProcessDefinitionModel } from '../model/ProcessModel.js';
import { readProcesses } from '../model/readProcesses.js';
import type { ProcessDefinitionRow } from './types.js';

/** A deployed process definition with its parsed model. */
export interface DeployedProcess {
  readonly row: ProcessDefinitionRow;
  readonly model: ProcessDefinitionModel;
}

function toRow(c: Record<string, unknown>): ProcessDefinitionRow {
  return {
    key: Number(c.key),
    bpmnProcessId: c.bpmn_process_id as string,
    version: Number(c.version),
    resourceName: c.resource_name as string,
    checksum: c.checksum as string,
    resource: c.resource as string,
    deploymentKey: Number(c.deployment_key),
    deployedAt: Number(c.deployed_at),
  };
}

/** Parsed process definitions by key: a definition is parsed once per engine process, never per instance. */
export class DefinitionCache {
  private readonly byKey = new Map<number, DeployedProcess>();

  /** Adds a freshly deployed definition whose model is already parsed. */
  remember(row: ProcessDefinitionRow, model: ProcessDefinitionModel): DeployedProcess {
    const deployed = { row, model };
    this.byKey.set(row.key, deployed);
    return deployed;
  }

  /** Drops a deleted definition. */
  forget(key: number): void {
    this.byKey.delete(key);
  }

  async byDefinitionKey(db: Knex | Knex.Transaction, key: number): Promise<DeployedProcess | undefined> {
    const cached = this.byKey.get(key);
    if (cached) return cached;
    const [columns] = (await db('engine_process_definition').where({ key })) as Record<string, unknown>[];
    return columns ? this.parse(toRow(columns)) : undefined;
  }

  /** The latest version of a process, or a given version; read from the database so other engines' deploys count. */
  async byProcessId(
    db: Knex | Knex.Transaction,
    bpmnProcessId: string,
    version?: number,
    latestInBatch?: Map<string, number>,
  ): Promise<DeployedProcess | undefined> {
    const latest = version === undefined || version < 0;
    const known = latest ? latestInBatch?.get(bpmnProcessId) : undefined;
    if (known !== undefined) return this.byDefinitionKey(db, known);
    let query = db('engine_process_definition').select('key').where({ bpmn_process_id: bpmnProcessId });
    query = version === undefined || version < 0 ? query.orderBy('version', 'desc').limit(1) : query.where({ version });
    const [found] = (await query) as { key: string }[];
    if (!found) return undefined;
    if (latest) latestInBatch?.set(bpmnProcessId, Number(found.key));
    return this.byDefinitionKey(db, Number(found.key));
  }

  private async parse(row: ProcessDefinitionRow): Promise<DeployedProcess> {
    const { processes, problems } = await readProcesses(row.resourceName, row.resource);
    const model = processes.find((p) => p.bpmnProcessId === row.bpmnProcessId);
    if (!model) {
      throw new Error(
        `Expected stored process ${row.bpmnProcessId} v${row.version} to parse, but: ${problems.map((p) => p.message).join('; ')}`,
      );
    }
    return this.remember(row, model);
  }
}
