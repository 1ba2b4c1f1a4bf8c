import type { Knex } from 'knex';
import { defineApiRoute, type ApiRoute } from '../../http/ApiRoute.js';
import { languageOf } from '../../http/languageOf.js';
import { staff } from '../../policies/Policy.js';
import { commentOnTask } from '../../tasks/commentOnTask.js';
import { findTaskInScope } from '../../tasks/findTaskInScope.js';
import { linkTaskAttachment } from '../../tasks/linkTaskAttachment.js';
import { listTaskAttachments } from '../../tasks/listTaskAttachments.js';
import { listTaskComments } from '../../tasks/listTaskComments.js';
import { deleteTaskDraft, getTaskDraft, saveTaskDraft } from '../../tasks/taskDrafts.js';
import {
  commentBody,
  commentSchema,
  draftBody,
  draftSchema,
  linkAttachmentBody,
  taskAttachmentSchema,
} from './collaborationSchema.js';
import { presentComment, presentDraft, presentTaskAttachment } from './presentCollaboration.js';
import { taskIdParams } from './schema.js';
import { refusal, TASK_ERRORS, userOf } from './taskRefusal.js';

type TaskParams = { taskId: string };

/** What clerks add to a task: comments, linked attachments, and the assignee's draft of the completion form. */
export function taskCollaborationRoutes({ knex }: { knex: Knex }): ApiRoute[] {
  const common = { tag: 'tasks', policy: staff, params: taskIdParams } as const;
  return [
    defineApiRoute<undefined, Record<string, never>, TaskParams>({
      ...common,
      method: 'get',
      path: '/tasks/:taskId/comments',
      operationId: 'listTaskComments',
      summary: 'The comments on the task’s case (every task of its application), oldest first',
      responses: {
        200: {
          description: 'The comments.',
          schema: { type: 'object', properties: { comments: { type: 'array', items: commentSchema } } },
        },
        404: TASK_ERRORS,
      },
      async handle({ params, principal, req }) {
        const found = await findTaskInScope(knex, userOf(principal), params.taskId);
        if (!found.ok) return refusal(found.error, languageOf(req));
        const comments = await listTaskComments(knex, found.value.task);
        return { status: 200, json: { comments: comments.map(presentComment) } };
      },
    }),
    defineApiRoute<{ text: string }, Record<string, never>, TaskParams>({
      ...common,
      method: 'post',
      path: '/tasks/:taskId/comments',
      operationId: 'commentOnTask',
      summary: 'Comment on a task; the comment stays with its application for the tasks that follow',
      body: commentBody,
      responses: {
        201: { description: 'The comment.', schema: { type: 'object', properties: { comment: commentSchema } } },
        400: TASK_ERRORS,
        404: TASK_ERRORS,
      },
      async handle({ params, body, principal, actor, req }) {
        const result = await commentOnTask(knex, actor, userOf(principal), params.taskId, body.text);
        if (!result.ok) return refusal(result.error, languageOf(req));
        return { status: 201, json: { comment: presentComment(result.value) } };
      },
    }),
    defineApiRoute<undefined, Record<string, never>, TaskParams>({
      ...common,
      method: 'get',
      path: '/tasks/:taskId/attachments',
      operationId: 'listTaskAttachments',
      summary: 'The files of the task’s case: the application’s and those linked to its tasks',
      responses: {
        200: {
          description: 'The files; download each with GET /attachments/:attachmentId.',
          schema: { type: 'object', properties: { attachments: { type: 'array', items: taskAttachmentSchema } } },
        },
        404: TASK_ERRORS,
      },
      async handle({ params, principal, req }) {
        const found = await findTaskInScope(knex, userOf(principal), params.taskId);
        if (!found.ok) return refusal(found.error, languageOf(req));
        const attachments = await listTaskAttachments(knex, found.value.task);
        return { status: 200, json: { attachments: attachments.map(presentTaskAttachment) } };
      },
    }),
    defineApiRoute<{ attachmentId: string }, Record<string, never>, TaskParams>({
      ...common,
      method: 'post',
      path: '/tasks/:taskId/attachments',
      operationId: 'linkTaskAttachment',
      summary: 'Link a file uploaded with POST /attachments to the task’s case',
      body: linkAttachmentBody,
      responses: {
        200: {
          description: 'Already linked.',
          schema: { type: 'object', properties: { attachment: taskAttachmentSchema } },
        },
        201: { description: 'Linked.', schema: { type: 'object', properties: { attachment: taskAttachmentSchema } } },
        404: TASK_ERRORS,
      },
      async handle({ params, body, principal, actor, req }) {
        const result = await linkTaskAttachment(knex, actor, userOf(principal), params.taskId, body.attachmentId);
        if (!result.ok) return refusal(result.error, languageOf(req));
        const { attachment, linked } = result.value;
        return { status: linked ? 201 : 200, json: { attachment: presentTaskAttachment(attachment) } };
      },
    }),
    defineApiRoute<undefined, Record<string, never>, TaskParams>({
      ...common,
      method: 'get',
      path: '/tasks/:taskId/draft',
      operationId: 'getTaskDraft',
      summary: 'My draft of the task’s completion form (I hold the task)',
      responses: {
        200: {
          description: 'The draft, or null.',
          schema: { type: 'object', properties: { draft: { ...draftSchema, type: ['object', 'null'] } } },
        },
        404: TASK_ERRORS,
        409: TASK_ERRORS,
      },
      async handle({ params, principal, req }) {
        const result = await getTaskDraft(knex, userOf(principal), params.taskId);
        if (!result.ok) return refusal(result.error, languageOf(req));
        return { status: 200, json: { draft: result.value && presentDraft(result.value) } };
      },
    }),
    defineApiRoute<{ data: Record<string, unknown> }, Record<string, never>, TaskParams>({
      ...common,
      method: 'put',
      path: '/tasks/:taskId/draft',
      operationId: 'saveTaskDraft',
      summary: 'Save my draft of the task’s completion form, unvalidated; deleted when the task is completed',
      body: draftBody,
      responses: {
        200: { description: 'The draft as saved.', schema: { type: 'object', properties: { draft: draftSchema } } },
        400: TASK_ERRORS,
        404: TASK_ERRORS,
        409: TASK_ERRORS,
      },
      async handle({ params, body, principal, req }) {
        const result = await saveTaskDraft(knex, userOf(principal), params.taskId, body.data);
        if (!result.ok) return refusal(result.error, languageOf(req));
        return { status: 200, json: { draft: presentDraft(result.value) } };
      },
    }),
    defineApiRoute<undefined, Record<string, never>, TaskParams>({
      ...common,
      method: 'delete',
      path: '/tasks/:taskId/draft',
      operationId: 'deleteTaskDraft',
      summary: 'Throw away my draft of the task’s completion form',
      responses: { 204: { description: 'Gone (or there was none).' }, 404: TASK_ERRORS, 409: TASK_ERRORS },
      async handle({ params, principal, req }) {
        const result = await deleteTaskDraft(knex, userOf(principal), params.taskId);
        if (!result.ok) return refusal(result.error, languageOf(req));
        return { status: 204 };
      },
    }),
  ];
}
