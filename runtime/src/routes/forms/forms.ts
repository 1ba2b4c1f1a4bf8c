import type { Knex } from 'knex';
import { apiError, defineApiRoute, type ApiReply, type ApiRoute } from '../../http/ApiRoute.js';
import type { FormError } from '../../forms/FormResult.js';
import type { FormDefinition, FormVersion } from '../../forms/FormVersion.js';
import { getFormVersion } from '../../forms/getFormVersion.js';
import { listForms } from '../../forms/listForms.js';
import { saveFormVersion } from '../../forms/saveFormVersion.js';
import { validateSubmission } from '../../forms/validateSubmission.js';
import { anyone, hasRole, staff } from '../../policies/Policy.js';
import {
  formIdParams,
  formSummarySchema,
  formVersionParams,
  formVersionSchema,
  saveFormVersionBody,
  submissionCheckSchema,
  validateSubmissionBody,
} from './schema.js';

const TAG = 'forms';
const error = { description: 'The form or version does not exist.', schema: { $ref: '#/components/schemas/Error' } };

function presentFormVersion(version: FormVersion) {
  return {
    formId: version.formId,
    version: version.version,
    titleEl: version.titleEl,
    titleEn: version.titleEn,
    checksum: version.checksum,
    createdAt: version.createdAt.toISOString(),
    definition: version.definition,
  };
}

function failure({ id, field, message, problems }: FormError): ApiReply {
  if (id === 'form_not_found' || id === 'form_version_not_found') return apiError(404, id, message, `params.${field}`);
  const inBody = (f: string) => (f === 'formId' ? 'params.formId' : `body.${f}`);
  return {
    status: 400,
    json: {
      error: { id, message, field: inBody(field), problems: problems.map((p) => ({ ...p, field: inBody(p.field) })) },
    },
  };
}

/** The form library: staff list it, analysts save versions, anyone reads a form and checks a submission. */
export function formRoutes({ knex }: { knex: Knex }): ApiRoute[] {
  return [
    defineApiRoute({
      method: 'get',
      path: '/forms',
      operationId: 'listForms',
      summary: 'The forms of the library, each with its latest version',
      tag: TAG,
      policy: staff,
      responses: {
        200: {
          description: 'Every form, by id.',
          schema: { type: 'object', properties: { forms: { type: 'array', items: formSummarySchema } } },
        },
      },
      async handle() {
        const forms = await listForms(knex);
        return { status: 200, json: { forms: forms.map((f) => ({ ...f, updatedAt: f.updatedAt.toISOString() })) } };
      },
    }),
    defineApiRoute<undefined, Record<string, never>, { formId: string }>({
      method: 'get',
      path: '/forms/:formId',
      operationId: 'getLatestFormVersion',
      summary: 'The latest version of a form, with its Form.io definition',
      tag: TAG,
      policy: anyone,
      params: formIdParams,
      responses: { 200: { description: 'The latest version.', schema: formVersionSchema }, 404: error },
      async handle({ params }) {
        const result = await getFormVersion(knex, params.formId);
        return result.ok ? { status: 200, json: presentFormVersion(result.value) } : failure(result.error);
      },
    }),
    defineApiRoute<undefined, Record<string, never>, { formId: string; version: number }>({
      method: 'get',
      path: '/forms/:formId/versions/:version',
      operationId: 'getFormVersion',
      summary: 'One version of a form, as submissions made with it are validated',
      tag: TAG,
      policy: anyone,
      params: formVersionParams,
      responses: { 200: { description: 'The version.', schema: formVersionSchema }, 404: error },
      async handle({ params }) {
        const result = await getFormVersion(knex, params.formId, params.version);
        return result.ok ? { status: 200, json: presentFormVersion(result.value) } : failure(result.error);
      },
    }),
    defineApiRoute<{ definition: FormDefinition }, Record<string, never>, { formId: string }>({
      method: 'post',
      path: '/forms/:formId/versions',
      operationId: 'saveFormVersion',
      summary: 'Save a form definition as its next version (unchanged content keeps the latest version)',
      tag: TAG,
      policy: hasRole('analyst', 'admin'),
      params: formIdParams,
      body: saveFormVersionBody,
      responses: {
        201: { description: 'A new version.', schema: formVersionSchema },
        200: { description: 'The content equals the latest version, which is answered.', schema: formVersionSchema },
      },
      async handle({ params, body, actor }) {
        const result = await saveFormVersion(knex, actor, { formId: params.formId, definition: body.definition });
        if (!result.ok) return failure(result.error);
        return { status: result.value.created ? 201 : 200, json: presentFormVersion(result.value.version) };
      },
    }),
    defineApiRoute<{ data: Record<string, unknown> }, Record<string, never>, { formId: string; version: number }>({
      method: 'post',
      path: '/forms/:formId/versions/:version/validate',
      operationId: 'validateFormSubmission',
      summary: 'Check a submission’s data against a form version, field by field (the portal’s live checks)',
      tag: TAG,
      policy: anyone,
      params: formVersionParams,
      body: validateSubmissionBody,
      responses: { 200: { description: 'Valid or not, with the errors.', schema: submissionCheckSchema }, 404: error },
      async handle({ params, body }) {
        const version = await getFormVersion(knex, params.formId, params.version);
        if (!version.ok) return failure(version.error);
        const result = validateSubmission(version.value, body.data);
        return {
          status: 200,
          json: result.ok ? { valid: true, data: result.value, errors: [] } : { valid: false, errors: result.errors },
        };
      },
    }),
  ];
}
