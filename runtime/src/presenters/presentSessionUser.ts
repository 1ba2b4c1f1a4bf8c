import type { JsonSchema } from '../http/ApiRoute.js';
import type { SessionUser } from '../identity/sessions.js';
import { ROLES } from '../orgchart/AppUser.js';

/** The signed-in user as the API shows them. */
export const presentSessionUser = (user: SessionUser) => ({
  id: user.id,
  username: user.username,
  displayNameEl: user.displayNameEl,
  displayNameEn: user.displayNameEn,
  kind: user.kind,
  roles: user.roles.map((r) => ({ role: r.role, orgUnitId: r.orgUnitId })),
  actingFor: user.actingFor.map((a) => ({ userId: a.userId, username: a.username })),
});

/** The JSON Schema of {@link presentSessionUser}'s output. */
export const sessionUserSchema: JsonSchema = {
  type: 'object',
  required: ['id', 'username', 'displayNameEl', 'displayNameEn', 'kind', 'roles', 'actingFor'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    username: { type: 'string' },
    displayNameEl: { type: 'string' },
    displayNameEn: { type: 'string' },
    kind: { enum: ['staff', 'citizen'] },
    roles: {
      type: 'array',
      items: {
        type: 'object',
        required: ['role', 'orgUnitId'],
        properties: { role: { enum: [...ROLES] }, orgUnitId: { type: ['string', 'null'], format: 'uuid' } },
      },
    },
    actingFor: {
      type: 'array',
      description: 'Colleagues this user deputises for today.',
      items: {
        type: 'object',
        required: ['userId', 'username'],
        properties: { userId: { type: 'string', format: 'uuid' }, username: { type: 'string' } },
      },
    },
  },
};
