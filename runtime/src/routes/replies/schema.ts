import type { JsonSchema } from '../../http/ApiRoute.js';

/** The body of POST /applications/:applicationId/replies. */
export const submitReplyBody: JsonSchema = {
  type: 'object',
  required: ['messageName', 'data', 'idempotencyKey'],
  additionalProperties: false,
  properties: {
    messageName: {
      type: 'string',
      minLength: 1,
      maxLength: 200,
      description: 'The message the application waits for (its `awaitingReply.messageName`), e.g. "citizen-reply".',
    },
    data: {
      type: 'object',
      description: 'The filled-in reply form, validated against the latest version of the message’s form.',
    },
    idempotencyKey: {
      type: 'string',
      pattern: '^[A-Za-z0-9._:-]{8,200}$',
      description: 'Chosen once per reply (e.g. a UUID) and sent again on a retry: the retry answers the same reply.',
    },
  },
};

/** A stored reply, as POST answers it. */
export const storedReplySchema: JsonSchema = {
  type: 'object',
  required: ['reply'],
  properties: {
    reply: {
      type: 'object',
      required: ['replyId', 'applicationId', 'messageName', 'submittedAt'],
      properties: {
        replyId: { type: 'string', format: 'uuid' },
        applicationId: { type: 'string', format: 'uuid' },
        messageName: { type: 'string' },
        submittedAt: { type: 'string', format: 'date-time' },
      },
    },
  },
};

/** One reply with its data and attachments. */
export const replySchema: JsonSchema = {
  type: 'object',
  required: ['replyId', 'messageName', 'formId', 'formVersion', 'submittedAt', 'publishedAt', 'data', 'attachments'],
  properties: {
    replyId: { type: 'string', format: 'uuid' },
    messageName: { type: 'string' },
    formId: { type: 'string' },
    formVersion: { type: 'integer' },
    submittedAt: { type: 'string', format: 'date-time' },
    publishedAt: { type: ['string', 'null'], format: 'date-time' },
    data: { type: 'object' },
    attachments: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string', format: 'uuid' },
          originalName: { type: 'string' },
          mediaType: { type: 'string' },
          size: { type: 'integer' },
        },
      },
    },
  },
};

/** What the application waits for, and the replies sent. */
export const replyStateSchema: JsonSchema = {
  type: 'object',
  required: ['awaitingReply', 'replies'],
  properties: {
    awaitingReply: {
      oneOf: [
        { type: 'null' },
        {
          type: 'object',
          required: ['messageName', 'formId', 'since'],
          properties: {
            messageName: { type: 'string' },
            formId: { type: 'string' },
            since: { type: 'string', format: 'date-time' },
          },
        },
      ],
    },
    replies: { type: 'array', items: replySchema },
  },
};
