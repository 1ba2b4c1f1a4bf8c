import type { Knex } from 'knex';
import { apiError, defineApiRoute, type ApiRoute } from '../../http/ApiRoute.js';
import { languageOf } from '../../http/languageOf.js';
import { translator } from '../../i18n/index.js';
import { listNotifications } from '../../notifications/listNotifications.js';
import { markAllNotificationsRead, markNotificationRead } from '../../notifications/markNotificationsRead.js';
import type { Principal } from '../../policies/Principal.js';
import { signedIn } from '../../policies/Policy.js';
import { presentNotification } from './presentNotification.js';
import { notificationIdParams, notificationPageSchema, notificationSchema, notificationsQuery } from './schema.js';

const userIdOf = (principal: Principal): string => {
  if (principal.kind !== 'user')
    throw new Error('Expected the signedIn policy to admit only users, but another got in');
  return principal.user.id;
};

/** The signed-in person's notifications (citizens and staff alike): list, mark one read, mark all read. */
export function notificationRoutes({ knex }: { readonly knex: Knex }): ApiRoute[] {
  return [
    defineApiRoute<undefined, { order: 'unread' | 'newest'; limit: number; offset: number; lang?: string }>({
      method: 'get',
      path: '/me/notifications',
      operationId: 'listMyNotifications',
      summary: 'The signed-in person’s notifications, a page at a time, with how many are unread',
      tag: 'notifications',
      policy: signedIn,
      query: notificationsQuery,
      responses: { 200: { description: 'A page of notifications.', schema: notificationPageSchema } },
      async handle({ query, principal, req }) {
        const page = await listNotifications(knex, userIdOf(principal), query);
        const language = languageOf(req);
        return {
          status: 200,
          json: {
            notifications: page.notifications.map((n) => presentNotification(n, language)),
            unreadCount: page.unreadCount,
            total: page.total,
          },
        };
      },
    }),
    defineApiRoute<undefined, Record<string, never>, { notificationId: string }>({
      method: 'post',
      path: '/me/notifications/:notificationId/read',
      operationId: 'markNotificationRead',
      summary: 'Mark one of the signed-in person’s notifications read',
      tag: 'notifications',
      policy: signedIn,
      params: notificationIdParams,
      responses: {
        200: { description: 'The notification, read.', schema: notificationSchema },
        404: { description: 'The person has no notification with this id.' },
      },
      async handle({ params, principal, req }) {
        const language = languageOf(req);
        const result = await markNotificationRead(knex, userIdOf(principal), params.notificationId);
        if (!result.ok)
          return apiError(
            404,
            result.error.id,
            translator(language)('notification.error.notification_not_found'),
            'params.notificationId',
          );
        return { status: 200, json: presentNotification(result.value, language) };
      },
    }),
    defineApiRoute({
      method: 'post',
      path: '/me/notifications/read-all',
      operationId: 'markAllNotificationsRead',
      summary: 'Mark every notification of the signed-in person read',
      tag: 'notifications',
      policy: signedIn,
      responses: {
        200: {
          description: 'How many were marked.',
          schema: {
            type: 'object',
            required: ['marked', 'unreadCount'],
            properties: { marked: { type: 'integer' }, unreadCount: { type: 'integer' } },
          },
        },
      },
      async handle({ principal }) {
        const marked = await markAllNotificationsRead(knex, userIdOf(principal));
        return { status: 200, json: { marked, unreadCount: 0 } };
      },
    }),
  ];
}
