import { describe, expect, it } from 'vitest';
import { compileFormSchema } from './compileFormSchema.js';

describe('compileFormSchema', () => {
  it('should compile fields, layouts, containers, grids and files to a draft 2020-12 schema of the data', () => {
    // given a form with a panel around a container, a grid, choices, a file and Polis fields
    const schema = compileFormSchema({
      title: 'Αίτηση',
      components: [
        {
          type: 'panel',
          key: 'page1',
          components: [
            {
              type: 'container',
              key: 'applicant',
              label: 'Αιτών',
              components: [
                { type: 'polis-afm', key: 'taxId', label: 'ΑΦΜ', validate: { required: true } },
                { type: 'textfield', key: 'name', validate: { minLength: 2, maxLength: '50', pattern: '[Α-Ωα-ω ]+' } },
              ],
            },
          ],
        },
        { type: 'number', key: 'area', validate: { min: 0, max: 1000 } },
        {
          type: 'radio',
          key: 'kind',
          values: [
            { label: 'Α', value: 'a' },
            { label: 'Β', value: '2' },
          ],
        },
        { type: 'selectboxes', key: 'bins', values: [{ label: 'Καφέ', value: 'brown' }] },
        { type: 'datetime', key: 'from' },
        { type: 'email', key: 'email' },
        { type: 'datagrid', key: 'rows', components: [{ type: 'polis-iban', key: 'iban' }] },
        { type: 'file', key: 'deed', fileMaxSize: '1MB' },
        { type: 'content', key: 'note', html: '<p>Σημείωση</p>' },
        { type: 'button', key: 'submit' },
      ],
    });
    // then it describes the data object exactly
    expect(schema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: 'Αίτηση',
      type: 'object',
      additionalProperties: false,
      properties: {
        applicant: {
          type: 'object',
          required: ['taxId'],
          additionalProperties: false,
          properties: {
            taxId: { type: 'string', format: 'polis-afm', title: 'ΑΦΜ' },
            name: { type: 'string', minLength: 2, maxLength: 50, pattern: '^(?:[Α-Ωα-ω ]+)$' },
          },
        },
        area: { type: 'number', minimum: 0, maximum: 1000 },
        kind: { enum: ['a', '2', 2] },
        bins: { type: 'object', properties: { brown: { type: 'boolean' } }, additionalProperties: false },
        from: { type: 'string', format: 'polis-date' },
        email: { type: 'string', format: 'email' },
        rows: { type: 'array', items: { type: 'object', properties: { iban: { format: 'polis-iban' } } } },
        deed: {
          type: 'array',
          maxItems: 1,
          items: { required: ['id', 'name', 'size', 'type'], properties: { size: { maximum: 1024 ** 2 } } },
        },
        submit: { type: 'boolean' },
      },
    });
    expect(Object.keys(schema.properties as object)).not.toContain('note');
    expect(Object.keys(schema.properties as object)).not.toContain('page1');
  });

  it('should make a required checkbox a ticked one, and required lists non-empty', () => {
    const schema = compileFormSchema({
      components: [
        { type: 'checkbox', key: 'agree', validate: { required: true } },
        { type: 'textfield', key: 'phones', multiple: true, validate: { required: true } },
        { type: 'hidden', key: 'ref', validate: { required: true }, hidden: true },
      ],
    });
    expect(schema).toMatchObject({
      required: ['agree', 'phones'],
      properties: { agree: { type: 'boolean', const: true }, phones: { type: 'array', minItems: 1 } },
    });
  });

  it('should throw for a definition that cannot be saved', () => {
    expect(() => compileFormSchema({ components: [{ type: 'form', key: 'other' }] })).toThrow(/embeds another form/);
  });
});
