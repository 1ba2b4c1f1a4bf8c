import type { JsonSchema } from '../../http/ApiRoute.js';
import { MAX_COMMENT_LENGTH } from '../../tasks/commentOnTask.js';
import { listTasksQuery, personSchema, taskSchema } from './schema.js';

const uuid = { type: 'string', format: 'uuid' } as const;
const dateTime = { type: 'string', format: 'date-time' } as const;
const person = personSchema;

/** A comment; `text` is plain text as typed. */
export const commentSchema: JsonSchema = {
  type: 'object',
  properties: {
    id: uuid,
    taskId: uuid,
    elementName: { type: ['string', 'null'] },
    text: { type: 'string', description: 'Plain text as typed: show it as text, never as HTML.' },
    author: person,
    createdAt: dateTime,
  },
};

/** POST /tasks/:taskId/comments body. */
export const commentBody: JsonSchema = {
  type: 'object',
  properties: { text: { type: 'string', minLength: 1, maxLength: MAX_COMMENT_LENGTH } },
  required: ['text'],
  additionalProperties: false,
};

/** A file of a task's case. */
export const taskAttachmentSchema: JsonSchema = {
  type: 'object',
  properties: {
    attachmentId: uuid,
    originalName: { type: 'string' },
    mediaType: { type: 'string' },
    size: { type: 'integer' },
    source: { enum: ['application', 'task'] },
    linkedBy: { ...person, type: ['object', 'null'] },
    linkedAt: dateTime,
  },
};

/** POST /tasks/:taskId/attachments body. */
export const linkAttachmentBody: JsonSchema = {
  type: 'object',
  properties: { attachmentId: uuid },
  required: ['attachmentId'],
  additionalProperties: false,
};

/** The assignee's draft. */
export const draftSchema: JsonSchema = {
  type: 'object',
  properties: { data: { type: 'object' }, updatedAt: dateTime },
};

/** PUT /tasks/:taskId/draft body. */
export const draftBody: JsonSchema = {
  type: 'object',
  properties: { data: { type: 'object' } },
  required: ['data'],
  additionalProperties: false,
};

/** POST /tasks/bulk/claim body. */
export const bulkClaimBody: JsonSchema = {
  type: 'object',
  properties: { taskIds: { type: 'array', items: uuid, minItems: 1, maxItems: 100, uniqueItems: true } },
  required: ['taskIds'],
  additionalProperties: false,
};

/** POST /tasks/bulk/assign body. */
export const bulkAssignBody: JsonSchema = {
  type: 'object',
  properties: {
    taskIds: { type: 'array', items: uuid, minItems: 1, maxItems: 100, uniqueItems: true },
    userId: uuid,
  },
  required: ['taskIds', 'userId'],
  additionalProperties: false,
};

/** The answer of a bulk command: one result per task, in the order given. */
export const bulkResultsSchema: JsonSchema = {
  type: 'object',
  properties: {
    results: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          taskId: uuid,
          ok: { type: 'boolean' },
          task: taskSchema,
          error: { type: 'object', properties: { id: { type: 'string' }, message: { type: 'string' } } },
        },
      },
    },
  },
};

/**
 * A saved filter's query: the query of GET /tasks as it is validated there (whatever filters it gains), but as
 * JSON (numbers and booleans as such) and without a cursor, which belongs to one moment's page.
 */
export function savedFilterQuery(): JsonSchema {
  const { cursor: _cursor, ...properties } = listTasksQuery.properties as Record<string, JsonSchema>;
  return { ...listTasksQuery, properties };
}

/** POST /me/task-filters body. */
export const taskFilterBody = (): JsonSchema => ({
  type: 'object',
  properties: { name: { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S' }, query: savedFilterQuery() },
  required: ['name', 'query'],
  additionalProperties: false,
});

/** A saved filter. */
export const taskFilterSchema: JsonSchema = {
  type: 'object',
  properties: { id: uuid, name: { type: 'string' }, query: { type: 'object' }, createdAt: dateTime },
};

/** The filter id in the path. */
export const filterIdParams: JsonSchema = {
  type: 'object',
  properties: { filterId: uuid },
  required: ['filterId'],
};

/** A task's process history. */
export const taskHistorySchema: JsonSchema = {
  type: 'object',
  properties: {
    processInstanceKey: { type: 'string' },
    processDefinitionKey: { type: ['string', 'null'] },
    processId: { type: 'string' },
    processVersion: { type: 'integer' },
    bpmnXml: { type: ['string', 'null'] },
    activeElementIds: { type: 'array', items: { type: 'string' } },
    completedElementIds: { type: 'array', items: { type: 'string' } },
    events: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          at: dateTime,
          elementId: { type: 'string' },
          elementName: { type: ['string', 'null'] },
          elementType: { type: 'string' },
          intent: { type: 'string' },
          by: person,
        },
      },
    },
  },
};
