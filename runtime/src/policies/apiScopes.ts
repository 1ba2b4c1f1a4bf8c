import type { ApiScope } from '../identity/ApiClient.js';

/** The OAuth scopes a third-party system can be granted, with what each allows, as the OpenAPI document lists them. */
export const API_SCOPE_DESCRIPTIONS: Readonly<Record<ApiScope, string>> = {
  'orgchart:read': 'Read the org chart: units, people, memberships, roles, deputies.',
  'orgchart:write': 'Change the org chart and import it.',
  'audit:read': 'Search and export the audit trail.',
  'applications:read': 'Read applications and their status.',
  'applications:write': 'Submit applications on behalf of citizens.',
  'tasks:read': 'Read the task inboxes.',
  'metrics:read': 'Read the KPIs and dashboard figures.',
  'opinions:write': 'List the requests for an opinion sent to other authorities and record their answers.',
};
