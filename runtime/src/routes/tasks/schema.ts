import type { JsonSchema } from '../../http/ApiRoute.js';

const uuid = { type: 'string', format: 'uuid' } as const;
const dateTime = { type: ['string', 'null'], format: 'date-time' } as const;
/** A member of staff as the task routes name them. */
export const personSchema = {
  type: 'object',
  properties: {
    userId: { type: 'string' },
    username: { type: 'string' },
    displayNameEl: { type: 'string' },
    displayNameEn: { type: 'string' },
  },
} as const;
const person = { ...personSchema, type: ['object', 'null'] } as const;

/** A task as the API shows it. */
export const taskSchema: JsonSchema = {
  type: 'object',
  properties: {
    id: uuid,
    status: { enum: ['open', 'claimed', 'completed', 'cancelled'] },
    processId: { type: 'string' },
    processVersion: { type: 'integer' },
    processInstanceKey: { type: 'string' },
    elementId: { type: 'string' },
    name: { type: 'string' },
    formId: { type: ['string', 'null'] },
    formVersion: { type: ['integer', 'null'] },
    candidateGroups: { type: 'array', items: { type: 'string' } },
    candidateUsers: { type: 'array', items: { type: 'string' } },
    assignee: person,
    dueDate: dateTime,
    followUpDate: dateTime,
    priority: { type: ['integer', 'null'] },
    applicationId: { type: ['string', 'null'] },
    protocolNumber: { type: ['string', 'null'] },
    citizenName: { type: ['string', 'null'] },
    createdAt: { type: 'string', format: 'date-time' },
    claimedAt: dateTime,
    completedAt: dateTime,
    completedBy: person,
  },
};

/** GET /tasks query. */
export const listTasksQuery: JsonSchema = {
  type: 'object',
  properties: {
    filter: { enum: ['mine', 'units'], default: 'units' },
    status: { enum: ['active', 'open', 'claimed', 'completed', 'cancelled'], default: 'active' },
    processId: { type: 'string', minLength: 1, maxLength: 200 },
    dueBefore: { type: 'string', format: 'date-time' },
    overdue: { type: 'boolean', description: 'Only tasks whose due date has passed.' },
    citizen: {
      type: 'string',
      minLength: 2,
      maxLength: 200,
      description: 'The citizen: an ΑΦΜ (nine digits, exact) or the start of the name (accents and case ignored).',
    },
    protocolNumber: { type: 'string', minLength: 1, maxLength: 100, description: 'The protocol number, exact.' },
    q: { type: 'string', minLength: 1, maxLength: 200 },
    sort: { enum: ['due', 'created'], default: 'due' },
    cursor: { type: 'string', maxLength: 500 },
    pageSize: { type: 'integer', minimum: 1, maximum: 100, default: 50 },
  },
  // var.<name>=<value>: a top-level process variable equal to the value (as text).
  patternProperties: { '^var\\.[A-Za-z_][A-Za-z0-9_]{0,63}$': { type: 'string', maxLength: 200 } },
  maxProperties: 20,
  additionalProperties: false,
};

/** The task id in the path. */
export const taskIdParams: JsonSchema = {
  type: 'object',
  properties: { taskId: uuid },
  required: ['taskId'],
};

/** POST /tasks/:taskId/assign body. */
export const assignTaskBody: JsonSchema = {
  type: 'object',
  properties: { userId: uuid },
  required: ['userId'],
  additionalProperties: false,
};

/** POST /tasks/:taskId/complete body: the form's data. */
export const completeTaskBody: JsonSchema = {
  type: 'object',
  properties: { data: { type: 'object' } },
  required: ['data'],
  additionalProperties: false,
};

/** The error of a refused task command, with the person it names and the fields to correct. */
export const taskErrorSchema: JsonSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        id: { type: 'string' },
        message: { type: 'string' },
        by: person,
        problems: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              field: { type: 'string' },
              key: { type: 'string' },
              message: { type: 'object', properties: { el: { type: 'string' }, en: { type: 'string' } } },
            },
          },
        },
      },
    },
  },
};
