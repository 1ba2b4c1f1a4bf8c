import type { JsonSchema } from '../../http/ApiRoute.js';

/** The query of GET /me/notifications. */
export const notificationsQuery: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    order: {
      enum: ['unread', 'newest'],
      default: 'unread',
      description: 'unread: unread first, then newest first; newest: newest first.',
    },
    limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
    offset: { type: 'integer', minimum: 0, default: 0 },
    lang: { enum: ['el', 'en'], description: 'The language to render in (else the cookie or Accept-Language).' },
  },
};

/** The path parameters naming one notification. */
export const notificationIdParams: JsonSchema = {
  type: 'object',
  required: ['notificationId'],
  properties: { notificationId: { type: 'string', format: 'uuid' } },
};

/** One notification, rendered in the reader's language. */
export const notificationSchema: JsonSchema = {
  type: 'object',
  required: ['id', 'template', 'title', 'body', 'applicationId', 'taskId', 'createdAt', 'read', 'readAt'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    template: { type: 'string', description: 'What kind of notification, e.g. residence-certificate-issued.' },
    title: { type: 'string' },
    body: { type: 'string' },
    applicationId: { type: ['string', 'null'], format: 'uuid' },
    taskId: { type: ['string', 'null'], format: 'uuid' },
    createdAt: { type: 'string', format: 'date-time' },
    read: { type: 'boolean' },
    readAt: { type: ['string', 'null'], format: 'date-time' },
  },
};

/** A page of the reader's notifications. */
export const notificationPageSchema: JsonSchema = {
  type: 'object',
  required: ['notifications', 'unreadCount', 'total'],
  properties: {
    notifications: { type: 'array', items: notificationSchema },
    unreadCount: { type: 'integer', description: 'Unread notifications in all, not only on this page.' },
    total: { type: 'integer' },
  },
};
