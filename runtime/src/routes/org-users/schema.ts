import type { JsonSchema } from '../../http/ApiRoute.js';
import { ROLES } from '../../orgchart/AppUser.js';
import {
  membershipSchema,
  roleGrantSchema,
  userDetailSchema,
  userSummarySchema,
} from '../../presenters/presentUser.js';

const uuid = { type: 'string', format: 'uuid' } as const;
const text = { type: 'string', minLength: 1, maxLength: 300 } as const;
const email = { type: ['string', 'null'], format: 'email', maxLength: 254 } as const;

/** The path of one user. */
export const userParamsSchema: JsonSchema = {
  type: 'object',
  required: ['userId'],
  properties: { userId: uuid },
};

/** The path of one membership. */
export const membershipParamsSchema: JsonSchema = {
  type: 'object',
  required: ['userId', 'unitId'],
  properties: { userId: uuid, unitId: uuid },
};

/** The path of one role grant. */
export const roleParamsSchema: JsonSchema = {
  type: 'object',
  required: ['userId', 'roleId'],
  properties: {
    userId: uuid,
    roleId: { type: 'string', pattern: '^[1-9][0-9]{0,17}$', description: 'The id of the grant, from its roles list.' },
  },
};

/** GET /org/users. */
export const listUsersQuerySchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    q: { type: 'string', maxLength: 100, description: 'Part of a username, a name (Greek or English) or an email.' },
    unitId: { ...uuid, description: 'Members of this unit or of any unit below it.' },
    kind: { enum: ['staff', 'citizen'], description: 'Citizens are listed to admins only.' },
    limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
    offset: { type: 'integer', minimum: 0, default: 0 },
  },
};

/** POST /org/users. */
export const createUserBodySchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['username', 'displayNameEl', 'displayNameEn', 'kind'],
  properties: {
    username: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]*$', maxLength: 64 },
    displayNameEl: text,
    displayNameEn: text,
    email,
    kind: { enum: ['staff', 'citizen'] },
    taxId: { type: ['string', 'null'], pattern: '^[0-9]{9}$', description: 'ΑΦΜ: 9 digits with a valid check digit.' },
  },
};

/** PATCH /org/users/:userId: any of the fields. */
export const updateUserBodySchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    displayNameEl: text,
    displayNameEn: text,
    email,
    active: { type: 'boolean', description: 'False deactivates the user: they can no longer sign in.' },
  },
};

/** PUT /org/users/:userId/memberships/:unitId. */
export const membershipBodySchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['position', 'primary'],
  properties: {
    position: { ...text, description: 'The job title in the unit, e.g. Προϊστάμενος/η Τμήματος.' },
    primary: { type: 'boolean', description: 'True makes this the user’s primary unit (and the others not).' },
  },
};

/** POST /org/users/:userId/roles. */
export const grantRoleBodySchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['role', 'orgUnitId'],
  properties: {
    role: { enum: [...ROLES] },
    orgUnitId: {
      type: ['string', 'null'],
      format: 'uuid',
      description: 'The unit (and the units below it) the role applies in; null for everywhere.',
    },
  },
};

/** The answer of GET /org/users. */
export const userPageSchema: JsonSchema = {
  type: 'object',
  required: ['users', 'total'],
  properties: {
    users: { type: 'array', items: userSummarySchema },
    total: { type: 'integer', description: 'How many users match, on all pages.' },
  },
};

/** The answer of GET /org/users/:userId. */
export const userDetailResponseSchema: JsonSchema = {
  type: 'object',
  required: ['user'],
  properties: { user: userDetailSchema },
};

/** The answer of POST and PATCH. */
export const userResponseSchema: JsonSchema = {
  type: 'object',
  required: ['user'],
  properties: { user: userSummarySchema },
};

/** The answer of PUT …/memberships/:unitId. */
export const membershipResponseSchema: JsonSchema = {
  type: 'object',
  required: ['membership'],
  properties: { membership: membershipSchema },
};

/** The answer of POST …/roles. */
export const roleResponseSchema: JsonSchema = {
  type: 'object',
  required: ['role'],
  properties: { role: roleGrantSchema },
};
