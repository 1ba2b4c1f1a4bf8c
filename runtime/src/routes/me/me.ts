import { defineApiRoute, type ApiRoute } from '../../http/ApiRoute.js';
import { csrfToken } from '../../middlewares/csrfToken.js';
import { signedIn } from '../../policies/Policy.js';
import { presentSessionUser, sessionUserSchema } from '../../presenters/presentSessionUser.js';

/** GET /me: who is signed in, their roles, whom they act for today, and the CSRF token for their changes. */
export function meRoutes({ csrfSecret }: { csrfSecret: string }): ApiRoute[] {
  return [
    defineApiRoute({
      method: 'get',
      path: '/me',
      operationId: 'getMe',
      summary: 'The signed-in user, their roles and the CSRF token of their session',
      tag: 'identity',
      policy: signedIn,
      responses: {
        200: {
          description: 'The signed-in user.',
          schema: {
            type: 'object',
            required: ['user', 'csrfToken'],
            properties: { user: sessionUserSchema, csrfToken: { type: 'string' } },
          },
        },
      },
      async handle({ principal }) {
        if (principal.kind !== 'user') throw new Error('Expected the signedIn policy to admit only users.');
        return {
          status: 200,
          json: { user: presentSessionUser(principal.user), csrfToken: csrfToken(csrfSecret, principal.sessionId) },
        };
      },
    }),
  ];
}
