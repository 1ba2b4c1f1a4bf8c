import type { Knex } from 'knex';
import { apiError, defineApiRoute, type ApiRoute } from '../../http/ApiRoute.js';
import { athensToday } from '../../orgchart/athensToday.js';
import { exportAuditCsv } from '../../orgchart/exportAuditCsv.js';
import {
  searchAudit,
  type AuditFilter,
  type AuditPageRequest,
  type AuditSearchError,
} from '../../orgchart/searchAudit.js';
import { anyOf, hasRole, hasScope } from '../../policies/Policy.js';
import { presentAuditEntry } from '../../presenters/presentAuditEntry.js';
import { auditFilterQuerySchema, auditPageSchema, auditSearchQuerySchema } from './schema.js';

const auditors = anyOf(hasRole('admin'), hasScope('audit:read'));

const invalidQuery = (error: AuditSearchError) => apiError(400, error.id, error.message, `query.${error.field}`);

/** The audit trail: searching it page by page, and exporting it as CSV. */
export function auditRoutes({ knex }: { knex: Knex }): ApiRoute[] {
  return [
    defineApiRoute<undefined, AuditFilter & AuditPageRequest>({
      method: 'get',
      path: '/audit',
      operationId: 'searchAudit',
      summary: 'Search the audit trail, newest first',
      tag: 'audit',
      policy: auditors,
      query: auditSearchQuerySchema,
      responses: { 200: { description: 'A page of entries and the cursor of the next.', schema: auditPageSchema } },
      async handle({ query }) {
        const { beforeId, pageSize, ...filter } = query;
        const result = await searchAudit(knex, filter, {
          ...(beforeId ? { beforeId } : {}),
          ...(pageSize ? { pageSize } : {}),
        });
        if (!result.ok) return invalidQuery(result.error);
        return {
          status: 200,
          json: { entries: result.value.entries.map(presentAuditEntry), nextBeforeId: result.value.nextBeforeId },
        };
      },
    }),
    defineApiRoute<undefined, AuditFilter>({
      method: 'get',
      path: '/audit/export.csv',
      operationId: 'exportAuditCsv',
      summary: 'Download the audit entries matching a filter as CSV',
      tag: 'audit',
      policy: auditors,
      query: auditFilterQuerySchema,
      responses: {
        200: {
          description: 'RFC 4180 CSV with a header row, newest first, as an attachment.',
          contentType: 'text/csv',
        },
      },
      async handle({ query }) {
        const result = await exportAuditCsv(knex, query);
        if (!result.ok) return invalidQuery(result.error);
        return { status: 200, text: result.value, contentType: 'text/csv', filename: `audit-${athensToday()}.csv` };
      },
    }),
  ];
}
