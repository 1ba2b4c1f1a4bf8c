import type { Request } from 'express';
import type { Knex } from 'knex';
import { formatAthensDateTime } from '../../applications/formatAthensDateTime.js';
import { languageOf } from '../../http/languageOf.js';
import { translator, type MessageKey } from '../../i18n/index.js';
import { el } from '../../i18n/el.js';
import { apiError, defineApiRoute, type ApiReply, type ApiRoute } from '../../http/ApiRoute.js';
import type { EngineClient } from '../../engine/EngineClient.js';
import { checkDesign, resourceNameOf } from '../../designs/checkDesign.js';
import { createDesign } from '../../designs/createDesign.js';
import { deployDesign } from '../../designs/deployDesign.js';
import { duplicateDesign } from '../../designs/duplicateDesign.js';
import { getDesign } from '../../designs/getDesign.js';
import { listDesignDeployments } from '../../designs/listDesignDeployments.js';
import { listDesigns } from '../../designs/listDesigns.js';
import type { DesignError } from '../../designs/ProcessDesign.js';
import { saveDesign } from '../../designs/saveDesign.js';
import { hasRole } from '../../policies/Policy.js';
import { presentDeployment, presentDesign, presentDesignSummary } from './presentDesign.js';
import {
  createDesignBody,
  deploymentSchema,
  designIdParams,
  designSchema,
  designSummarySchema,
  duplicateDesignBody,
  listDesignsQuery,
  problemSchema,
  saveDesignBody,
  validateDesignBody,
} from './schema.js';

const TAG = 'designs';
/** Analysts design the procedures; admins may step in. */
const designers = hasRole('analyst', 'admin');
const errorSchema = { $ref: '#/components/schemas/Error' };
const notFound = { description: 'No design has this id.', schema: errorSchema };
const params = designIdParams;

/** A design error as the API answers it, its message in the caller's language (the command's English otherwise). */
function failure(error: DesignError, req: Request): ApiReply {
  const language = languageOf(req);
  const key = `design.error.${error.id}` as MessageKey;
  const savedBy = error.details?.savedBy as { displayNameEl?: string; displayNameEn?: string } | undefined;
  const params: Record<string, string> = {
    detail: error.message,
    revision: String(error.details?.revision ?? ''),
    name: (language === 'el' ? savedBy?.displayNameEl : savedBy?.displayNameEn) ?? 'Polis',
    when: typeof error.details?.savedAt === 'string' ? formatAthensDateTime(new Date(error.details.savedAt)) : '',
    count: String((error.details?.problems as unknown[] | undefined)?.length ?? ''),
  };
  const template = (el as Record<string, string>)[key] === undefined ? undefined : translator(language)(key);
  const message = template?.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole) ?? error.message;
  return {
    status: error.status,
    json: { error: { id: error.id, message, ...(error.field ? { field: error.field } : {}), ...error.details } },
  };
}

/** The revision of an If-Match header (`3`, `"3"` or `W/"3"`), or undefined. */
export function revisionOfIfMatch(header: string | undefined): number | undefined {
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header?.trim() ?? '');
  return match ? Number(match[1]) : undefined;
}

/** The process designs (drafts) of the designer: list, create or import, save with a revision, check, deploy. */
export function designRoutes({ knex, engine }: { knex: Knex; engine: EngineClient | undefined }): ApiRoute[] {
  return [
    defineApiRoute<undefined, { q?: string }>({
      method: 'get',
      path: '/designs',
      operationId: 'listDesigns',
      summary: 'The process designs, most recently changed first, optionally searched by name or process id',
      tag: TAG,
      policy: designers,
      query: listDesignsQuery,
      responses: {
        200: {
          description: 'The designs, without their XML.',
          schema: { type: 'object', properties: { designs: { type: 'array', items: designSummarySchema } } },
        },
      },
      async handle({ query }) {
        return { status: 200, json: { designs: (await listDesigns(knex, query.q)).map(presentDesignSummary) } };
      },
    }),
    defineApiRoute<{ name?: string; xml?: string }>({
      method: 'post',
      path: '/designs',
      operationId: 'createDesign',
      summary: 'Create a design: a blank process with a name, or an imported .bpmn document',
      tag: TAG,
      policy: designers,
      body: createDesignBody,
      responses: {
        201: { description: 'The new design, at revision 1.', schema: designSchema },
        400: {
          description: 'Neither a name nor XML, or XML that cannot be read or has no process.',
          schema: errorSchema,
        },
      },
      async handle({ body, actor, req }) {
        if (body.name === undefined && body.xml === undefined)
          return apiError(
            400,
            'design_source_missing',
            translator(languageOf(req))('design.error.design_source_missing'),
            'body.name',
          );
        const result = await createDesign(knex, actor, body);
        return result.ok ? { status: 201, json: presentDesign(result.value) } : failure(result.error, req);
      },
    }),
    defineApiRoute<undefined, Record<string, never>, { designId: string }>({
      method: 'get',
      path: '/designs/:designId',
      operationId: 'getDesign',
      summary: 'A design with its BPMN XML and the revision a save must name',
      tag: TAG,
      policy: designers,
      params,
      responses: { 200: { description: 'The design.', schema: designSchema }, 404: notFound },
      async handle({ params: { designId }, req }) {
        const result = await getDesign(knex, designId);
        return result.ok ? { status: 200, json: presentDesign(result.value) } : failure(result.error, req);
      },
    }),
    defineApiRoute<{ xml: string; name?: string; revision?: number }, Record<string, never>, { designId: string }>({
      method: 'put',
      path: '/designs/:designId',
      operationId: 'saveDesign',
      summary: 'Save a design edited from a revision (If-Match or `revision`); a stale save is refused, not merged',
      tag: TAG,
      policy: designers,
      params,
      body: saveDesignBody,
      responses: {
        200: { description: 'The design at its next revision.', schema: designSchema },
        404: notFound,
        409: {
          description:
            'Someone saved a newer revision: `revision`, `savedBy` and `savedAt` say which, who and when; nothing was written.',
          schema: errorSchema,
        },
        428: { description: 'Neither If-Match nor `revision` said which revision was edited.', schema: errorSchema },
      },
      async handle({ params: { designId }, body, actor, req }) {
        const revision = revisionOfIfMatch(req.get('if-match')) ?? body.revision;
        if (revision === undefined)
          return apiError(
            428,
            'design_revision_missing',
            'Say which revision you edited: send it as If-Match or as `revision`.',
            'body.revision',
          );
        const result = await saveDesign(knex, actor, { designId, xml: body.xml, name: body.name, revision });
        return result.ok ? { status: 200, json: presentDesign(result.value) } : failure(result.error, req);
      },
    }),
    defineApiRoute<{ name?: string }, Record<string, never>, { designId: string }>({
      method: 'post',
      path: '/designs/:designId/duplicate',
      operationId: 'duplicateDesign',
      summary: 'Copy a design into a new one whose process has a new id',
      tag: TAG,
      policy: designers,
      params,
      body: duplicateDesignBody,
      responses: { 201: { description: 'The copy, at revision 1.', schema: designSchema }, 404: notFound },
      async handle({ params: { designId }, body, actor, req }) {
        const result = await duplicateDesign(knex, actor, designId, body?.name);
        return result.ok ? { status: 201, json: presentDesign(result.value) } : failure(result.error, req);
      },
    }),
    defineApiRoute<{ xml?: string }, Record<string, never>, { designId: string }>({
      method: 'post',
      path: '/designs/:designId/validate',
      operationId: 'validateDesign',
      summary: 'Check a design (or the XML sent) as a deployment would: the engine’s validation and the Polis rules',
      tag: TAG,
      policy: designers,
      params,
      body: validateDesignBody,
      responses: {
        200: {
          description: 'The problems, each on its element (none: it deploys).',
          schema: { type: 'object', properties: { problems: { type: 'array', items: problemSchema } } },
        },
        404: notFound,
      },
      async handle({ params: { designId }, body, req }) {
        const design = await getDesign(knex, designId);
        if (!design.ok) return failure(design.error, req);
        const problems = await checkDesign(
          knex,
          resourceNameOf(design.value.bpmnProcessId),
          body?.xml ?? design.value.xml,
        );
        return { status: 200, json: { problems: problems.map((p) => ({ ...p, elementId: p.elementId ?? null })) } };
      },
    }),
    defineApiRoute<undefined, Record<string, never>, { designId: string }>({
      method: 'post',
      path: '/designs/:designId/deploy',
      operationId: 'deployDesign',
      summary: 'Deploy the saved design: validated first, deployed only without errors',
      tag: TAG,
      policy: designers,
      params,
      responses: {
        201: { description: 'The deployment: the version the process now has.', schema: deploymentSchema },
        404: notFound,
        422: { description: 'The design has problems (`problems`, each on its element); nothing was deployed.' },
        503: { description: 'The engine is not reachable.', schema: errorSchema },
      },
      async handle({ params: { designId }, actor, req }) {
        if (!engine) return apiError(503, 'engine_unavailable', 'The engine is not connected; try again shortly.');
        const result = await deployDesign(knex, engine, actor, designId);
        if (!result.ok) {
          const problems = result.error.details?.problems as { elementId?: string }[] | undefined;
          return problems
            ? failure(
                {
                  ...result.error,
                  details: { problems: problems.map((p) => ({ ...p, elementId: p.elementId ?? null })) },
                },
                req,
              )
            : failure(result.error, req);
        }
        return { status: 201, json: presentDeployment(result.value) };
      },
    }),
    defineApiRoute<undefined, Record<string, never>, { designId: string }>({
      method: 'get',
      path: '/designs/:designId/deployments',
      operationId: 'listDesignDeployments',
      summary: 'The deployments made from a design, newest first',
      tag: TAG,
      policy: designers,
      params,
      responses: {
        200: {
          description: 'The deployments.',
          schema: { type: 'object', properties: { deployments: { type: 'array', items: deploymentSchema } } },
        },
        404: notFound,
      },
      async handle({ params: { designId }, req }) {
        const design = await getDesign(knex, designId);
        if (!design.ok) return failure(design.error, req);
        return {
          status: 200,
          json: { deployments: (await listDesignDeployments(knex, designId)).map(presentDeployment) },
        };
      },
    }),
  ];
}
