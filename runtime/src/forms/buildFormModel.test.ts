import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FormDefinition } from './FormVersion.js';
import { buildFormModel } from './buildFormModel.js';
import { validateSubmission } from './validateSubmission.js';

const problemsOf = (definition: FormDefinition) => {
  const result = buildFormModel(definition);
  return result.ok ? [] : result.error.problems;
};

describe('buildFormModel', () => {
  it('should refuse what is not a form, naming the components array', () => {
    expect(buildFormModel({ title: 'Χωρίς πεδία' })).toEqual({
      ok: false,
      error: expect.objectContaining({ id: 'form_definition_invalid', field: 'definition.components' }),
    });
  });

  it('should refuse JavaScript and advanced logic, naming the component and the property', () => {
    // given components with customConditional, calculateValue, validate.custom and logic
    const problems = problemsOf({
      components: [
        { type: 'textfield', key: 'a', customConditional: 'show = data.b === 1;' },
        { type: 'number', key: 'b', calculateValue: 'value = 1;' },
        { type: 'textfield', key: 'c', validate: { custom: 'valid = input.length > 2;' } },
        { type: 'textfield', key: 'd', logic: [{ name: 'x', trigger: { type: 'simple' }, actions: [] }] },
      ],
    });
    // then each is refused where it is
    expect(problems.map((p) => p.field)).toEqual([
      'definition.components[0].customConditional',
      'definition.components[1].calculateValue',
      'definition.components[2].validate.custom',
      'definition.components[3].logic',
    ]);
    expect(problems[0]!.message).toContain('Component "a" of type "textfield"');
  });

  it('should refuse unsupported types, bad and duplicate keys, dynamic selects and unknown condition targets', () => {
    const problems = problemsOf({
      components: [
        { type: 'address', key: 'home' },
        { type: 'textfield', key: 'applicant.name' },
        { type: 'panel', key: 'p', components: [{ type: 'textfield', key: 'x' }] },
        { type: 'textfield', key: 'x' },
        { type: 'select', key: 'street', dataSrc: 'url', data: { url: 'https://example.gr/streets' } },
        { type: 'textfield', key: 'y', validate: { pattern: '[a-' } },
        { type: 'textfield', key: 'z', conditional: { show: true, when: 'nowhere', eq: '1' } },
        {
          type: 'textfield',
          key: 'w',
          conditional: { show: true, conditions: [{ component: 'x', operator: 'isDateEqual' }] },
        },
      ],
    });
    expect(problems.map((p) => p.field)).toEqual([
      'definition.components[0].type',
      'definition.components[1].key',
      'definition.components[3].key',
      'definition.components[4].dataSrc',
      'definition.components[5].validate.pattern',
      'definition.components[6].conditional.conditions[0].component',
      'definition.components[7].conditional.conditions[0].operator',
    ]);
    expect(problems[0]!.message).toContain('"home" of type "address"');
    expect(problems[2]!.message).toContain('repeats a key');
  });

  it('should allow the same key in different containers and grids', () => {
    expect(
      problemsOf({
        components: [
          { type: 'container', key: 'applicant', components: [{ type: 'textfield', key: 'name' }] },
          { type: 'datagrid', key: 'children', components: [{ type: 'textfield', key: 'name' }] },
          { type: 'textfield', key: 'name' },
        ],
      }),
    ).toEqual([]);
  });

  it("should accept or refuse each of Form.io's own test forms, refusals naming a component", () => {
    // given the 55 third-party Form.io forms of the shared test data
    const root = '/work/shared/testdata/formio';
    const files = ['forms', 'formtest', 'fixtures'].flatMap((dir) =>
      readdirSync(`${root}/${dir}`).map((file) => `${root}/${dir}/${file}`),
    );
    expect(files).toHaveLength(55);
    const accepted: string[] = [];
    for (const file of files) {
      // when each is checked
      const definition = JSON.parse(readFileSync(file, 'utf8')) as FormDefinition;
      const result = buildFormModel(definition);
      if (result.ok) {
        accepted.push(file);
        // then an accepted one compiles and validates a submission to a result, never a crash
        const outcome = validateSubmission({ formId: 'formio', version: 1, checksum: file, definition }, {});
        expect(typeof outcome.ok).toBe('boolean');
      } else
        for (const problem of result.error.problems) {
          // and every refusal says which component and where
          expect(problem.message, file).toMatch(/^Component "[^"]+"/);
          expect(problem.field, file).toMatch(/^definition\.components\[\d+\]/);
        }
    }
    expect(accepted).toHaveLength(29);
    expect(accepted.some((f) => f.endsWith('formtest/clearOnHide.json'))).toBe(true);
  });
});
