import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Knex } from 'knex';
import { systemActor } from '../orgchart/Actor.js';
import type { DeployedProcess } from '../engine/EngineClient.js';
import { createDesign } from './createDesign.js';
import { recordDeployment } from './recordDeployment.js';

/** What importing the shipped definitions did: the files imported now, and those that could not be read. */
export interface ShippedDesignsImport {
  readonly imported: readonly string[];
  readonly failed: readonly { readonly file: string; readonly message: string }[];
}

/**
 * Makes every shipped `.bpmn` file of a folder a design in the designer's library, once: a file imported at an
 * earlier start (by its name) is left alone, however its design was edited since. The versions the start-up just
 * deployed from those files (`deployed`) are recorded as the new designs' deployments, so the library shows them live.
 */
export async function importShippedDesigns(
  knex: Knex,
  dir: string,
  deployed: readonly DeployedProcess[] = [],
): Promise<ShippedDesignsImport> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.bpmn')).sort();
  const known = new Set(
    ((await knex('process_design').whereNotNull('source_file').select('source_file')) as { source_file: string }[]).map(
      (r) => r.source_file,
    ),
  );
  const imported: string[] = [];
  const failed: { file: string; message: string }[] = [];
  for (const file of files.filter((f) => !known.has(f))) {
    const created = await createDesign(knex, systemActor, {
      xml: await readFile(join(dir, file), 'utf8'),
      sourceFile: file,
    });
    if (!created.ok) {
      failed.push({ file, message: created.error.message });
      continue;
    }
    imported.push(file);
    const { designId, bpmnProcessId, revision } = created.value;
    const process = deployed.find((p) => p.resourceName === file && p.bpmnProcessId === bpmnProcessId);
    if (process) await recordDeployment(knex, systemActor, { designId, revision, process });
  }
  return { imported, failed };
}
