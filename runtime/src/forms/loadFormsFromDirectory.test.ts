import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useOrgChartDatabase } from '../orgchart/useOrgChartDatabase.js';
import { getFormVersion } from './getFormVersion.js';
import { loadFormsFromDirectory } from './loadFormsFromDirectory.js';
import { validateSubmission } from './validateSubmission.js';

const FORMS_DIR = fileURLToPath(new URL('../../../forms', import.meta.url));

describe('loadFormsFromDirectory', () => {
  const fixture = useOrgChartDatabase();

  it("should load every form of the repository's forms/ directory, and create nothing when loaded again", async () => {
    const { knex } = fixture.db;
    // when the repository's forms are loaded
    const loaded = await loadFormsFromDirectory(knex, FORMS_DIR);
    // then each is saved as version 1, and none is refused
    expect(loaded.failures).toEqual([]);
    expect(loaded.saved).toContainEqual({ formId: 'polis-palette-sample', version: 1, created: true });
    // and the sample validates a submission
    const sample = await getFormVersion(knex, 'polis-palette-sample');
    expect(sample.ok && validateSubmission(sample.value, {}).ok).toBe(false);
    // when they are loaded again (a restart), then nothing new is created
    const again = await loadFormsFromDirectory(knex, FORMS_DIR);
    expect(again.saved.every((s) => !s.created && s.version === 1)).toBe(true);
  });

  it('should name the file and the JSON path of a broken form, and still load the others', async () => {
    const { knex } = fixture.db;
    // given a directory with a good form, one that is not JSON, one with an unsupported field, and a stray file
    const dir = mkdtempSync(join(tmpdir(), 'polis-forms-'));
    writeFileSync(join(dir, 'good.form.json'), JSON.stringify({ components: [{ type: 'textfield', key: 'a' }] }));
    writeFileSync(join(dir, 'not-json.form.json'), '{ "components": [');
    writeFileSync(
      join(dir, 'broken.form.json'),
      JSON.stringify({ components: [{ type: 'panel', key: 'p', components: [{ type: 'address', key: 'home' }] }] }),
    );
    writeFileSync(join(dir, 'notes.txt'), 'not a form');
    // when it is loaded
    const loaded = await loadFormsFromDirectory(knex, dir);
    // then the good form is saved and the others are reported by file and path
    expect(loaded.saved).toEqual([{ formId: 'good', version: 1, created: true }]);
    expect(loaded.failures).toEqual([
      expect.objectContaining({ file: 'broken.form.json', path: '$.components[0].components[0].type' }),
      expect.objectContaining({ file: 'not-json.form.json', path: '$' }),
    ]);
    expect(loaded.failures[0]!.message).toMatch(
      /^broken\.form\.json: \$\.components\[0\]\.components\[0\]\.type: .*"home"/,
    );
    // and a missing directory loads nothing
    expect(await loadFormsFromDirectory(knex, join(dir, 'missing'))).toEqual({ saved: [], failures: [] });
  });
});
