import type { JsonSchema } from '../../http/ApiRoute.js';
import { orgChartSchema } from '../../orgchart/orgChartSchema.js';

// The document schema without its own dialect and id: here it is one part of the OpenAPI 3.1 document.
const { $schema: _dialect, $id: _id, ...documentSchema } = orgChartSchema;

/** The org chart document, the body of POST /org/import as JSON and the answer of GET /org/export?format=json. */
export const orgChartDocumentSchema: JsonSchema = documentSchema;

/** GET /org/export. */
export const exportQuerySchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    format: {
      enum: ['json', 'csv'],
      default: 'json',
      description:
        'json: the org chart document; csv: units.csv then people.csv in one file, each with its header row.',
    },
  },
};

/** The answer of POST /org/import. */
export const importResponseSchema: JsonSchema = {
  type: 'object',
  required: ['counts'],
  properties: {
    counts: {
      type: 'object',
      required: ['units', 'users', 'deputies'],
      properties: { units: { type: 'integer' }, users: { type: 'integer' }, deputies: { type: 'integer' } },
    },
  },
};

/** What the CSV body of an import and the CSV export hold, for the OpenAPI document. */
export const CSV_DESCRIPTION =
  'CSV: the rows of units.csv (header code,name_el,name_en,kind,parent,head), then those of people.csv (header ' +
  'username,display_name_el,…,roles), in one file; the people section starts at its header row. An error names ' +
  'the section, the line of the whole file and the column, e.g. people.csv:12:tax_id.';
