import type { Knex } from 'knex';
import { apiError, defineApiRoute, type ApiRoute } from '../../http/ApiRoute.js';
import { assignMembership } from '../../orgchart/assignMembership.js';
import type { Role } from '../../orgchart/AppUser.js';
import { createUser, type NewUser } from '../../orgchart/createUser.js';
import { getUserDetail } from '../../orgchart/getUserDetail.js';
import { grantRole } from '../../orgchart/grantRole.js';
import { listUsers, type UserQuery } from '../../orgchart/listUsers.js';
import { removeMembership } from '../../orgchart/removeMembership.js';
import { revokeRole } from '../../orgchart/revokeRole.js';
import { updateUser, type UserChanges } from '../../orgchart/updateUser.js';
import { anyOf, hasRole, hasScope, staff } from '../../policies/Policy.js';
import type { Principal } from '../../policies/Principal.js';
import { fieldsIn, orgErrorResponse, presentOrgError } from '../../presenters/presentOrgError.js';
import {
  presentMembership,
  presentRoleGrant,
  presentUserDetail,
  presentUserSummary,
} from '../../presenters/presentUser.js';
import {
  createUserBodySchema,
  grantRoleBodySchema,
  listUsersQuerySchema,
  membershipBodySchema,
  membershipParamsSchema,
  membershipResponseSchema,
  roleParamsSchema,
  roleResponseSchema,
  updateUserBodySchema,
  userDetailResponseSchema,
  userPageSchema,
  userParamsSchema,
  userResponseSchema,
} from './schema.js';

const readers = anyOf(staff, hasScope('orgchart:read'));
const writers = anyOf(hasRole('admin'), hasScope('orgchart:write'));
const inPath = fieldsIn({ userId: 'params.userId', orgUnitId: 'params.unitId', roleId: 'params.roleId' });

/** Citizens' data is for admins and for systems granted orgchart:read; other staff see staff only. */
const seesCitizens = (principal: Principal) =>
  principal.kind === 'client' || (principal.kind === 'user' && principal.user.roles.some((r) => r.role === 'admin'));

const citizensForbidden = () =>
  apiError(403, 'forbidden', 'Only admins may see citizens: their personal data is not for other staff.');

type UserParams = { userId: string };

/** People: the directory for staff, and creating users, memberships and roles for admins. */
export function orgUserRoutes({ knex }: { knex: Knex }): ApiRoute[] {
  return [
    defineApiRoute<undefined, UserQuery>({
      method: 'get',
      path: '/org/users',
      operationId: 'listUsers',
      summary: 'Search people by name, unit and kind',
      tag: 'org chart',
      policy: readers,
      query: listUsersQuerySchema,
      responses: {
        200: { description: 'A page of users by username, and the total.', schema: userPageSchema },
        404: orgErrorResponse('The unit does not exist.'),
      },
      async handle({ query, principal }) {
        if (query.kind === 'citizen' && !seesCitizens(principal)) return citizensForbidden();
        const kind = query.kind ?? (seesCitizens(principal) ? undefined : 'staff');
        const result = await listUsers(knex, { ...query, ...(kind ? { kind } : {}) });
        if (!result.ok) return presentOrgError(result.error, fieldsIn({ unitId: 'query.unitId' }));
        return { status: 200, json: { users: result.value.users.map(presentUserSummary), total: result.value.total } };
      },
    }),
    defineApiRoute<undefined, Record<string, never>, UserParams>({
      method: 'get',
      path: '/org/users/:userId',
      operationId: 'getUser',
      summary: 'One user with memberships, roles and deputy arrangements',
      tag: 'org chart',
      policy: readers,
      params: userParamsSchema,
      responses: {
        200: { description: 'The user.', schema: userDetailResponseSchema },
        404: orgErrorResponse('No such user.'),
      },
      async handle({ params, principal }) {
        const result = await getUserDetail(knex, params.userId);
        if (!result.ok) return presentOrgError(result.error, inPath);
        if (result.value.kind === 'citizen' && !seesCitizens(principal)) return citizensForbidden();
        return { status: 200, json: { user: presentUserDetail(result.value) } };
      },
    }),
    defineApiRoute<NewUser>({
      method: 'post',
      path: '/org/users',
      operationId: 'createUser',
      summary: 'Create a member of staff or a citizen',
      tag: 'org chart',
      policy: writers,
      body: createUserBodySchema,
      responses: {
        201: { description: 'The user, created, without memberships or roles yet.', schema: userResponseSchema },
        409: orgErrorResponse('The username or the ΑΦΜ is taken.'),
      },
      async handle({ body, actor }) {
        const result = await createUser(knex, actor, body);
        if (!result.ok) return presentOrgError(result.error);
        return { status: 201, json: { user: presentUserSummary({ ...result.value, memberships: [], roles: [] }) } };
      },
    }),
    defineApiRoute<UserChanges, Record<string, never>, UserParams>({
      method: 'patch',
      path: '/org/users/:userId',
      operationId: 'updateUser',
      summary: 'Change a user’s names or email, or (de)activate them',
      tag: 'org chart',
      policy: writers,
      params: userParamsSchema,
      body: updateUserBodySchema,
      responses: {
        200: { description: 'The user, changed.', schema: userResponseSchema },
        404: orgErrorResponse('No such user.'),
      },
      async handle({ params, body, actor }) {
        const result = await updateUser(knex, actor, params.userId, body);
        if (!result.ok) return presentOrgError(result.error, inPath);
        return { status: 200, json: { user: presentUserSummary(result.value) } };
      },
    }),
    defineApiRoute<{ position: string; primary: boolean }, Record<string, never>, UserParams & { unitId: string }>({
      method: 'put',
      path: '/org/users/:userId/memberships/:unitId',
      operationId: 'putMembership',
      summary: 'Make a user a member of a unit, or change their position there',
      tag: 'org chart',
      policy: writers,
      params: membershipParamsSchema,
      body: membershipBodySchema,
      responses: {
        200: { description: 'The membership as it now is.', schema: membershipResponseSchema },
        404: orgErrorResponse('No such user or unit.'),
      },
      async handle({ params, body, actor }) {
        const result = await assignMembership(knex, actor, {
          userId: params.userId,
          orgUnitId: params.unitId,
          ...body,
        });
        if (!result.ok) return presentOrgError(result.error, inPath);
        return { status: 200, json: { membership: presentMembership(result.value) } };
      },
    }),
    defineApiRoute<undefined, Record<string, never>, UserParams & { unitId: string }>({
      method: 'delete',
      path: '/org/users/:userId/memberships/:unitId',
      operationId: 'removeMembership',
      summary: 'End a user’s membership of a unit',
      tag: 'org chart',
      policy: writers,
      params: membershipParamsSchema,
      responses: {
        204: { description: 'The membership is gone.' },
        404: orgErrorResponse('No such user or unit, or the user is not a member of it.'),
      },
      async handle({ params, actor }) {
        const result = await removeMembership(knex, actor, params.userId, params.unitId);
        return result.ok ? { status: 204 } : presentOrgError(result.error, inPath);
      },
    }),
    defineApiRoute<{ role: Role; orgUnitId: string | null }, Record<string, never>, UserParams>({
      method: 'post',
      path: '/org/users/:userId/roles',
      operationId: 'grantRole',
      summary: 'Grant a user a role in a unit, or everywhere',
      tag: 'org chart',
      policy: writers,
      params: userParamsSchema,
      body: grantRoleBodySchema,
      responses: {
        201: {
          description: 'The grant, with the id that revokes it (the existing one if already held).',
          schema: roleResponseSchema,
        },
        404: orgErrorResponse('No such user or unit.'),
      },
      async handle({ params, body, actor }) {
        const result = await grantRole(knex, actor, { userId: params.userId, ...body });
        if (!result.ok) return presentOrgError(result.error, fieldsIn({ userId: 'params.userId' }));
        return { status: 201, json: { role: presentRoleGrant(result.value) } };
      },
    }),
    defineApiRoute<undefined, Record<string, never>, UserParams & { roleId: string }>({
      method: 'delete',
      path: '/org/users/:userId/roles/:roleId',
      operationId: 'revokeRole',
      summary: 'Take a role grant away from a user',
      tag: 'org chart',
      policy: writers,
      params: roleParamsSchema,
      responses: {
        204: { description: 'The grant is gone.' },
        404: orgErrorResponse('No such user, or the user holds no grant with that id.'),
      },
      async handle({ params, actor }) {
        const result = await revokeRole(knex, actor, params.userId, params.roleId);
        return result.ok ? { status: 204 } : presentOrgError(result.error, inPath);
      },
    }),
  ];
}
