import type { JsonSchema } from '../../http/ApiRoute.js';
import { FORM_ID_PATTERN } from '../../forms/FormVersion.js';

/** The path parameters naming one form. */
export const formIdParams: JsonSchema = {
  type: 'object',
  required: ['formId'],
  properties: { formId: { type: 'string', pattern: FORM_ID_PATTERN } },
};

/** The path parameters naming one version of a form. */
export const formVersionParams: JsonSchema = {
  type: 'object',
  required: ['formId', 'version'],
  properties: { formId: { type: 'string', pattern: FORM_ID_PATTERN }, version: { type: 'integer', minimum: 1 } },
};

/** The body of POST /forms/:formId/versions. */
export const saveFormVersionBody: JsonSchema = {
  type: 'object',
  required: ['definition'],
  additionalProperties: false,
  properties: {
    definition: {
      type: 'object',
      description:
        'The Form.io form JSON (an object with a components array); `title` is the Greek title, `properties.titleEn` the English one.',
    },
  },
};

/** The body of POST /forms/:formId/versions/:version/validate. */
export const validateSubmissionBody: JsonSchema = {
  type: 'object',
  required: ['data'],
  additionalProperties: false,
  properties: { data: { type: 'object', description: 'The submission’s data, as the Form.io renderer gives it.' } },
};

/** One form in the list. */
export const formSummarySchema: JsonSchema = {
  type: 'object',
  required: ['formId', 'latestVersion', 'titleEl', 'titleEn', 'checksum', 'updatedAt'],
  properties: {
    formId: { type: 'string' },
    latestVersion: { type: 'integer' },
    titleEl: { type: 'string' },
    titleEn: { type: 'string' },
    checksum: { type: 'string' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
};

/** One immutable version of a form, with its Form.io definition. */
export const formVersionSchema: JsonSchema = {
  type: 'object',
  required: ['formId', 'version', 'titleEl', 'titleEn', 'checksum', 'createdAt', 'definition'],
  properties: {
    formId: { type: 'string' },
    version: { type: 'integer' },
    titleEl: { type: 'string' },
    titleEn: { type: 'string' },
    checksum: { type: 'string', description: 'SHA-256 of the definition’s canonical JSON.' },
    createdAt: { type: 'string', format: 'date-time' },
    definition: { type: 'object' },
  },
};

const bilingual: JsonSchema = {
  type: 'object',
  required: ['el', 'en'],
  properties: { el: { type: 'string' }, en: { type: 'string' } },
};

/** What validating a submission answers: valid with the cleaned data, or the errors per field. */
export const submissionCheckSchema: JsonSchema = {
  type: 'object',
  required: ['valid', 'errors'],
  properties: {
    valid: { type: 'boolean' },
    data: { type: 'object', description: 'The cleaned data (present when valid): no empty or hidden fields.' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'key', 'message'],
        properties: {
          field: { type: 'string', description: 'The JSON path of the field, e.g. data.applicant.taxId.' },
          key: { type: 'string' },
          message: bilingual,
        },
      },
    },
  },
};
