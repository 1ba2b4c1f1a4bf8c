import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { milestoneProblems } from './milestoneProblems.js';
import { serviceDefinitionSchema, type ServiceDefinition } from './serviceDefinitionSchema.js';

const validate = new Ajv({ allErrors: true, strict: true }).compile<ServiceDefinition>(serviceDefinitionSchema);

const SUFFIX = '.service.json';

/** Thrown when a shipped `.service.json` file is not valid: a bug in the file, named with every problem. */
export class ServiceDefinitionError extends Error {
  override readonly name = 'ServiceDefinitionError';
}

/**
 * Reads and validates every `<process-id>.service.json` in a folder: the e-service metadata the portal lists,
 * sorted by process id. Each must match its schema, be named after its processId, and sit beside its BPMN file.
 * @throws ServiceDefinitionError listing every invalid file.
 */
export async function loadServiceDefinitions(dir: string): Promise<ServiceDefinition[]> {
  const files = (await readdir(dir)).sort();
  const problems: string[] = [];
  const services: ServiceDefinition[] = [];
  for (const file of files.filter((f) => f.endsWith(SUFFIX))) {
    let document: unknown;
    try {
      document = JSON.parse(await readFile(join(dir, file), 'utf8'));
    } catch (error) {
      problems.push(`${file}: not JSON (${error instanceof Error ? error.message : String(error)})`);
      continue;
    }
    if (!validate(document)) {
      for (const e of validate.errors ?? []) problems.push(`${file}: ${e.instancePath || '/'} ${e.message ?? ''}`);
      continue;
    }
    const processId = file.slice(0, -SUFFIX.length);
    if (document.processId !== processId)
      problems.push(`${file}: processId is '${document.processId}'; name the file after it`);
    else if (!files.includes(`${processId}.bpmn`)) problems.push(`${file}: there is no ${processId}.bpmn beside it`);
    else {
      const before = problems.length;
      if (document.milestones?.length)
        problems.push(...milestoneProblems(file, document, await readFile(join(dir, `${processId}.bpmn`), 'utf8')));
      if (problems.length === before) services.push(document);
    }
  }
  if (problems.length > 0)
    throw new ServiceDefinitionError(`Expected valid e-service definitions in ${dir}, but:\n${problems.join('\n')}`);
  return services;
}
