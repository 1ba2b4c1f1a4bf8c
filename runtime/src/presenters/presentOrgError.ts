import { apiError, type ApiReply } from '../http/ApiRoute.js';
import type { OrgError, OrgErrorId } from '../orgchart/OrgResult.js';

const CONFLICTS: ReadonlySet<OrgErrorId> = new Set<OrgErrorId>([
  'org_unit_code_taken',
  'username_taken',
  'tax_id_taken',
  'deputy_overlap',
  'org_unit_cycle',
  'deputy_already_ended',
]);

/** The HTTP status of an org chart error: 404 for what does not exist, 409 for a clash with the stored state, else 400. */
export function orgErrorStatus(id: OrgErrorId): 400 | 404 | 409 {
  if (id.endsWith('_not_found')) return 404;
  return CONFLICTS.has(id) ? 409 : 400;
}

/** Where a command's field came from in the request: named ones as given, any other as `body.<field>`. */
export const fieldsIn =
  (named: Readonly<Record<string, string>> = {}) =>
  (field: string): string =>
    named[field] ?? `body.${field}`;

/** A JSON pointer into the body (/users/3/taxId) as the API's field path (body.users[3].taxId). */
export const pointerInBody = (pointer: string): string =>
  pointer
    .split('/')
    .slice(1)
    .filter((s) => s !== '')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, s) => (/^\d+$/.test(s) ? `${path}[${s}]` : `${path}.${s}`), 'body');

/**
 * An org chart command's failure as a JSON error: its stable id and message, its status, and the field at
 * fault named where the request carried it (`params.unitId`, `body.code`).
 */
export function presentOrgError(error: OrgError, where: (field: string) => string = fieldsIn()): ApiReply {
  return apiError(orgErrorStatus(error.id), error.id, error.message, where(error.field));
}

/** The documented response of a 404 or 409 a route answers with {@link presentOrgError}. */
export const orgErrorResponse = (description: string) => ({
  description,
  schema: { $ref: '#/components/schemas/Error' },
});
