import type { Knex } from 'knex';
import type { Principal } from '../policies/Principal.js';
import { unitsInScope } from '../policies/unitsInScope.js';
import {
  EXTERNAL_REQUEST_COLUMNS,
  externalRequestFromRow,
  type ExternalRequest,
  type ExternalRequestRow,
} from './ExternalRequest.js';

/**
 * The requests to other authorities a principal may follow, oldest first: for staff, those on applications of
 * units their clerk, head-of-unit or manager scope reaches (admins: all); for a system with opinions:write, all.
 */
export async function listExternalRequests(
  knex: Knex,
  principal: Principal,
  status: 'open' | 'answered' | 'all',
  limit = 200,
): Promise<ExternalRequest[]> {
  const query = knex('external_request as r')
    .join('application as a', 'a.id', 'r.application_id')
    .join('document as d', 'd.id', 'r.document_id')
    .select(...EXTERNAL_REQUEST_COLUMNS)
    .orderBy([{ column: 'r.sent_at' }, { column: 'r.id' }])
    .limit(limit);
  if (status === 'open') void query.whereNull('r.answered_at');
  if (status === 'answered') void query.whereNotNull('r.answered_at');
  if (principal.kind === 'anonymous') return [];
  if (principal.kind === 'user') {
    const { user } = principal;
    if (user.kind !== 'staff') return [];
    if (!user.roles.some((r) => r.role === 'admin')) {
      const scope = await unitsInScope(knex, user, ['clerk', 'head_of_unit', 'manager']);
      if (!scope.everywhere) void query.whereIn('a.owner_unit_id', [...scope.unitIds]);
    }
  }
  return ((await query) as ExternalRequestRow[]).map(externalRequestFromRow);
}
