import type { JsonSchema } from '../http/ApiRoute.js';
import { ROLES } from '../orgchart/AppUser.js';
import type { Membership } from '../orgchart/assignMembership.js';
import type { RoleGrant } from '../orgchart/grantRole.js';
import type { UserDetail, UserSummary } from '../orgchart/UserSummary.js';
import { deputySchema, presentDeputy } from './presentDeputy.js';

/** A user's membership of a unit as the API shows it. */
export const presentMembership = (membership: Pick<Membership, 'orgUnitId' | 'position' | 'primary'>) => ({
  orgUnitId: membership.orgUnitId,
  position: membership.position,
  primary: membership.primary,
});

/** A role grant as the API shows it. */
export const presentRoleGrant = (grant: Pick<RoleGrant, 'role' | 'orgUnitId'> & { id: string }) => ({
  id: grant.id,
  role: grant.role,
  orgUnitId: grant.orgUnitId,
});

/** A user with memberships and roles, as lists of people show them. */
export const presentUserSummary = (user: UserSummary) => ({
  id: user.id,
  username: user.username,
  displayNameEl: user.displayNameEl,
  displayNameEn: user.displayNameEn,
  email: user.email,
  kind: user.kind,
  taxId: user.taxId,
  active: user.active,
  memberships: user.memberships.map(presentMembership),
  roles: user.roles.map(presentRoleGrant),
});

/** A user with memberships, roles and deputy arrangements. */
export const presentUserDetail = (user: UserDetail) => ({
  ...presentUserSummary(user),
  deputies: user.deputies.map(presentDeputy),
});

/** The JSON Schema of {@link presentMembership}'s output. */
export const membershipSchema: JsonSchema = {
  type: 'object',
  required: ['orgUnitId', 'position', 'primary'],
  properties: {
    orgUnitId: { type: 'string', format: 'uuid' },
    position: { type: 'string' },
    primary: { type: 'boolean', description: 'The unit the user belongs to first; at most one.' },
  },
};

/** The JSON Schema of {@link presentRoleGrant}'s output. */
export const roleGrantSchema: JsonSchema = {
  type: 'object',
  required: ['id', 'role', 'orgUnitId'],
  properties: {
    id: { type: 'string', pattern: '^[1-9][0-9]*$', description: 'What DELETE …/roles/{roleId} takes.' },
    role: { enum: [...ROLES] },
    orgUnitId: {
      type: ['string', 'null'],
      format: 'uuid',
      description: 'The unit (and the units below it) the role applies in; null for everywhere.',
    },
  },
};

const summaryProperties = {
  id: { type: 'string', format: 'uuid' },
  username: { type: 'string' },
  displayNameEl: { type: 'string' },
  displayNameEn: { type: 'string' },
  email: { type: ['string', 'null'] },
  kind: { enum: ['staff', 'citizen'] },
  taxId: { type: ['string', 'null'], description: 'ΑΦΜ' },
  active: { type: 'boolean' },
  memberships: { type: 'array', items: membershipSchema },
  roles: { type: 'array', items: roleGrantSchema },
} as const;

/** The JSON Schema of {@link presentUserSummary}'s output. */
export const userSummarySchema: JsonSchema = {
  type: 'object',
  required: Object.keys(summaryProperties),
  properties: summaryProperties,
};

/** The JSON Schema of {@link presentUserDetail}'s output. */
export const userDetailSchema: JsonSchema = {
  type: 'object',
  required: [...Object.keys(summaryProperties), 'deputies'],
  properties: {
    ...summaryProperties,
    deputies: {
      type: 'array',
      description: 'The arrangements in which the user is the absent user or the deputy.',
      items: deputySchema,
    },
  },
};
