import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Knex } from 'knex';
import { systemActor } from '../orgchart/Actor.js';
import { saveFormVersion } from './saveFormVersion.js';

const SUFFIX = '.form.json';

/** What loading a directory of forms did: the versions each file ended at, and the files refused with why. */
export interface FormsLoaded {
  readonly saved: readonly { readonly formId: string; readonly version: number; readonly created: boolean }[];
  readonly failures: readonly {
    readonly file: string;
    /** The JSON path in the file, e.g. `$.components[2].key` (`$` for a file that is not JSON). */
    readonly path: string;
    /** `<file>: <path>: <what is wrong>`, ready for the log. */
    readonly message: string;
  }[];
}

/**
 * Loads every `<form-id>.form.json` of a directory (the repository's forms/) into the form library as the system,
 * in file-name order: a file whose content changed becomes a new version, an unchanged one stays as it is. A file
 * that is not JSON or not a valid form is reported, naming the file and the JSON path, and the others still load.
 * A missing directory loads nothing.
 */
export async function loadFormsFromDirectory(knex: Knex, dir: string): Promise<FormsLoaded> {
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith(SUFFIX)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { saved: [], failures: [] };
    throw error;
  }
  const saved: FormsLoaded['saved'][number][] = [];
  const failures: FormsLoaded['failures'][number][] = [];
  const fail = (file: string, path: string, message: string) =>
    failures.push({ file, path, message: `${file}: ${path}: ${message}` });
  for (const file of files) {
    const formId = file.slice(0, -SUFFIX.length);
    let definition: unknown;
    try {
      definition = JSON.parse(await readFile(join(dir, file), 'utf8'));
    } catch (error) {
      fail(file, '$', `not valid JSON (${(error as Error).message}).`);
      continue;
    }
    if (typeof definition !== 'object' || definition === null || Array.isArray(definition)) {
      fail(file, '$', 'expected a Form.io form object with a components array.');
      continue;
    }
    const result = await saveFormVersion(knex, systemActor, {
      formId,
      definition: definition as Record<string, unknown>,
    });
    if (result.ok) saved.push({ formId, version: result.value.version.version, created: result.value.created });
    else
      for (const problem of result.error.problems)
        fail(file, problem.field === 'formId' ? '$' : problem.field.replace(/^definition/, '$'), problem.message);
  }
  return { saved, failures };
}
