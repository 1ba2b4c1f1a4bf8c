import type { JsonSchema } from '../../http/ApiRoute.js';

const uuid = { type: 'string', format: 'uuid' } as const;
/** About 1.5 million characters: a large diagram is a few hundred kilobytes; the JSON body limit is 2 MB. */
export const MAX_XML_LENGTH = 1_500_000;
const xml = { type: 'string', minLength: 1, maxLength: MAX_XML_LENGTH, description: 'BPMN 2.0 XML.' } as const;
const name = { type: 'string', minLength: 1, maxLength: 200 } as const;
const author = {
  type: 'object',
  properties: {
    userId: { type: ['string', 'null'] },
    displayNameEl: { type: ['string', 'null'] },
    displayNameEn: { type: ['string', 'null'] },
  },
} as const;
const bilingual = {
  type: 'object',
  required: ['el', 'en'],
  properties: { el: { type: 'string' }, en: { type: 'string' } },
} as const;

/** The path parameters naming one design. */
export const designIdParams: JsonSchema = {
  type: 'object',
  required: ['designId'],
  properties: { designId: uuid },
};

/** The query of GET /designs. */
export const listDesignsQuery: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { q: { type: 'string', maxLength: 200, description: 'Part of the name or process id.' } },
};

/** The body of POST /designs: a blank process with a name, or imported XML. */
export const createDesignBody: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { name, xml },
};

/** The body of PUT /designs/:designId. */
export const saveDesignBody: JsonSchema = {
  type: 'object',
  required: ['xml'],
  additionalProperties: false,
  properties: {
    xml,
    name,
    revision: {
      type: 'integer',
      minimum: 1,
      description: 'The revision the XML was edited from (or send it as If-Match).',
    },
  },
};

/** The body of POST /designs/:designId/duplicate. */
export const duplicateDesignBody: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { name },
};

/** The body of POST /designs/:designId/validate: the XML to check, else the saved revision is checked. */
export const validateDesignBody: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { xml },
};

const summaryProperties = {
  designId: uuid,
  name: { type: 'string' },
  bpmnProcessId: { type: 'string' },
  revision: { type: 'integer' },
  updatedAt: { type: 'string', format: 'date-time' },
  updatedBy: author,
  sourceFile: { type: ['string', 'null'] },
  deployedVersion: { type: ['integer', 'null'] },
} as const;

/** A design in the list. */
export const designSummarySchema: JsonSchema = {
  type: 'object',
  required: ['designId', 'name', 'bpmnProcessId', 'revision', 'updatedAt'],
  properties: summaryProperties,
};

/** A design with its XML. */
export const designSchema: JsonSchema = {
  type: 'object',
  required: ['designId', 'name', 'bpmnProcessId', 'revision', 'updatedAt', 'xml'],
  properties: { ...summaryProperties, xml: { type: 'string' }, createdAt: { type: 'string', format: 'date-time' } },
};

/** One problem of a design, on its element. */
export const problemSchema: JsonSchema = {
  type: 'object',
  required: ['rule', 'message', 'severity'],
  properties: {
    elementId: { type: ['string', 'null'], description: 'The element (or process) id; null for the document.' },
    rule: { type: 'string', description: '`engine` for the engine’s validation, `polis/…` for the Polis rules.' },
    message: bilingual,
    severity: { enum: ['error', 'warning'] },
  },
};

/** A deployment of a design. */
export const deploymentSchema: JsonSchema = {
  type: 'object',
  required: ['deploymentId', 'designId', 'version', 'processDefinitionKey', 'deployedAt'],
  properties: {
    deploymentId: uuid,
    designId: uuid,
    designRevision: { type: 'integer' },
    bpmnProcessId: { type: 'string' },
    version: { type: 'integer' },
    processDefinitionKey: { type: 'string' },
    deployedAt: { type: 'string', format: 'date-time' },
    deployedBy: author,
  },
};
