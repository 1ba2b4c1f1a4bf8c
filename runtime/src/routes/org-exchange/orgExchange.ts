import type { Knex } from 'knex';
import { defineApiRoute, type ApiRoute } from '../../http/ApiRoute.js';
import { exportOrgChart } from '../../orgchart/exportOrgChart.js';
import { importOrgChart } from '../../orgchart/importOrgChart.js';
import { exportOrgChartCsv, importOrgChartCsv } from '../../orgchart/orgChartCsv.js';
import type { OrgChartDocument } from '../../orgchart/orgChartSchema.js';
import { anyOf, hasRole, hasScope } from '../../policies/Policy.js';
import { orgErrorResponse, pointerInBody, presentOrgError } from '../../presenters/presentOrgError.js';
import { splitOrgChartCsv } from './splitOrgChartCsv.js';
import { CSV_DESCRIPTION, exportQuerySchema, importResponseSchema, orgChartDocumentSchema } from './schema.js';

/** Whole-org-chart exchange: export as JSON or CSV, and atomic, idempotent import of either. */
export function orgExchangeRoutes({ knex }: { knex: Knex }): ApiRoute[] {
  return [
    defineApiRoute<undefined, { format: 'json' | 'csv' }>({
      method: 'get',
      path: '/org/export',
      operationId: 'exportOrgChart',
      summary: 'Download the whole org chart',
      tag: 'org chart',
      policy: anyOf(hasRole('admin'), hasScope('orgchart:read')),
      query: exportQuerySchema,
      responses: {
        200: {
          description: `An attachment: the org chart document with format=json; with format=csv, ${CSV_DESCRIPTION}`,
          schema: orgChartDocumentSchema,
        },
      },
      async handle({ query }) {
        if (query.format === 'csv') {
          const { units, people } = await exportOrgChartCsv(knex);
          return { status: 200, text: `${units}\r\n${people}`, contentType: 'text/csv', filename: 'org-chart.csv' };
        }
        const document: OrgChartDocument = await exportOrgChart(knex);
        return {
          status: 200,
          text: JSON.stringify(document, null, 2),
          contentType: 'application/json',
          filename: 'org-chart.json',
        };
      },
    }),
    defineApiRoute<OrgChartDocument | string>({
      method: 'post',
      path: '/org/import',
      operationId: 'importOrgChart',
      summary: 'Import a whole org chart (JSON document or CSV), all or nothing',
      tag: 'org chart',
      policy: anyOf(hasRole('admin'), hasScope('orgchart:write')),
      body: orgChartDocumentSchema,
      acceptsCsv: true,
      responses: {
        200: {
          description:
            'Imported: units matched by code and users by username are updated, the rest added; importing the ' +
            `same document again changes nothing. As text/csv: ${CSV_DESCRIPTION}`,
          schema: importResponseSchema,
        },
        409: orgErrorResponse('A unit would end up below itself, or deputy arrangements overlap.'),
      },
      async handle({ body, actor }) {
        const files = typeof body === 'string' ? splitOrgChartCsv(body) : undefined;
        if (files && !files.ok) return presentOrgError(files.error, (field) => field);
        const result = files
          ? await importOrgChartCsv(knex, actor, files.value)
          : await importOrgChart(knex, actor, body);
        // A JSON document's errors point into the body; a CSV's name the section, line and column as they are.
        if (!result.ok)
          return presentOrgError(result.error, (field) => (field.startsWith('/') ? pointerInBody(field) : field));
        return { status: 200, json: { counts: result.value } };
      },
    }),
  ];
}
