import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { attachmentReferences } from '../applications/attachmentReferences.js';
import { listApplications } from '../applications/listApplications.js';
import type { SubmissionFieldError, SubmissionValidator } from '../applications/SubmissionValidator.js';
import { el } from '../i18n/el.js';
import { en } from '../i18n/en.js';
import type { Actor } from '../orgchart/Actor.js';
import { appendAudit } from '../orgchart/appendAudit.js';
import type { ServiceDefinition } from '../procedures/serviceDefinitionSchema.js';
import { awaitedReplyOf } from './awaitedReplyOf.js';
import { messageFormOf } from './messageFormOf.js';

/** What a citizen sends to answer a request for more information. */
export interface ReplySubmission {
  readonly applicationId: string;
  readonly messageName: string;
  readonly data: unknown;
  /** Chosen by the client once per reply and sent again on a retry. */
  readonly idempotencyKey: string;
  readonly citizenUserId: string;
}

/** What a reply needs besides the database. */
export interface ReplyDependencies {
  readonly validator: SubmissionValidator;
  /** The e-services with their `messageForms`. */
  readonly services: readonly ServiceDefinition[];
  readonly now?: () => Date;
}

/** A stored reply. */
export interface StoredReply {
  readonly replyId: string;
  readonly applicationId: string;
  readonly messageName: string;
  readonly submittedAt: Date;
}

/** Why a reply was not stored. */
export type ReplyError =
  | { readonly id: 'application_not_found'; readonly message: string }
  | { readonly id: 'message_not_answerable'; readonly message: string }
  | { readonly id: 'reply_not_awaited'; readonly message: string }
  | { readonly id: 'form_not_published'; readonly message: string }
  | { readonly id: 'idempotency_key_reused'; readonly message: string }
  | { readonly id: 'invalid_reply'; readonly message: string; readonly errors: readonly SubmissionFieldError[] };

/** The outcome: the reply (stored now, or by an earlier request with the same key), or why not. */
export type ReplyResult =
  | { readonly ok: true; readonly created: boolean; readonly value: StoredReply }
  | { readonly ok: false; readonly error: ReplyError };

interface ReplyRow {
  id: string;
  application_id: string;
  message_name: string;
  submitted_at: Date | string;
}

const stored = (row: ReplyRow): StoredReply => ({
  replyId: row.id,
  applicationId: row.application_id,
  messageName: row.message_name,
  submittedAt: new Date(row.submitted_at),
});

/** How long the engine keeps a published reply to refuse a second one with the same id (Zeebe dedupes by id). */
export const REPLY_MESSAGE_TTL_MS = 3600_000;

async function existing(knex: Knex, citizenUserId: string, key: string): Promise<ReplyRow | undefined> {
  return (await knex('application_reply')
    .where({ citizen_user_id: citizenUserId, idempotency_key: key })
    .first('id', 'application_id', 'message_name', 'submitted_at')) as ReplyRow | undefined;
}

function replay(row: ReplyRow, submission: ReplySubmission): ReplyResult {
  if (row.application_id !== submission.applicationId || row.message_name !== submission.messageName)
    return {
      ok: false,
      error: {
        id: 'idempotency_key_reused',
        message: `This idempotency key was used for another reply; use a new key for a new reply.`,
      },
    };
  return { ok: true, created: false, value: stored(row) };
}

const isIdempotencyConflict = (error: unknown) => {
  const { code, message, constraint } = error as { code?: string; message?: string; constraint?: string };
  return code === '23505' && `${constraint ?? ''} ${message ?? ''}`.includes('idempotency_key');
};

/** Thrown inside the transaction to roll it back with a refusal. */
class Refusal extends Error {
  constructor(readonly error: ReplyError) {
    super(error.id);
  }
}

const notAwaited = (messageName: string): ReplyError => ({
  id: 'reply_not_awaited',
  message: `The application is not waiting for ${messageName} from you.`,
});

/**
 * Stores a citizen's reply to their application's request for more information and queues its message: checks
 * that the application is theirs and its process waits for that message, validates the data against the latest
 * version of the message's form, then in one transaction (the application row locked, so that two replies to one
 * request cannot both pass) stores the reply, links its attachments, queues the message in the outbox (published
 * with the reply's id as message id) and appends the audit entry. A repeat with the same key answers the first.
 */
export async function submitReply(
  knex: Knex,
  actor: Actor,
  submission: ReplySubmission,
  deps: ReplyDependencies,
): Promise<ReplyResult> {
  const { applicationId, messageName, citizenUserId, idempotencyKey } = submission;
  const now = deps.now ?? (() => new Date());
  const earlier = await existing(knex, citizenUserId, idempotencyKey);
  if (earlier) return replay(earlier, submission);

  const [view] = await listApplications(knex, { applicationId }, 1);
  if (!view || view.citizenUserId !== citizenUserId)
    return { ok: false, error: { id: 'application_not_found', message: 'There is no such application of yours.' } };
  const formId = messageFormOf(deps.services, view.serviceId, messageName);
  if (formId === undefined)
    return {
      ok: false,
      error: {
        id: 'message_not_answerable',
        message: `The service ${view.serviceId} takes no reply named ${messageName}.`,
      },
    };
  const awaited = awaitedReplyOf(view);
  if (awaited?.messageName !== messageName) return { ok: false, error: notAwaited(messageName) };
  const form = await deps.validator.latest(formId);
  if (!form) return { ok: false, error: { id: 'form_not_published', message: `The form ${formId} is not published.` } };
  const validation = await deps.validator.validate(form, submission.data);
  if (!validation.ok)
    return {
      ok: false,
      error: { id: 'invalid_reply', message: 'Some fields need correcting.', errors: validation.errors },
    };
  const data = validation.value;
  const references = attachmentReferences(form, data);
  const attachmentIds = [...new Set(references.map((r) => r.attachmentId).filter((id) => /^[0-9a-f-]{36}$/i.test(id)))];

  try {
    const { row, created } = await knex.transaction(async (trx): Promise<{ row: ReplyRow; created: boolean }> => {
      await trx('application').where({ id: applicationId }).forUpdate().first('id');
      // A request with the same key that held the lock before this one: its reply is the answer.
      const same = await existing(trx, citizenUserId, idempotencyKey);
      if (same) return { row: same, created: false };
      // A reply to this request already stored (the projection may not show the process moving on yet).
      const answered = await trx('application_reply')
        .where({ application_id: applicationId, message_name: messageName })
        .where('submitted_at', '>=', awaited.since)
        .first('id');
      if (answered) throw new Refusal(notAwaited(messageName));
      const replyId = randomUUID();
      const submittedAt = now();
      await trx('application_reply').insert({
        id: replyId,
        application_id: applicationId,
        message_name: messageName,
        form_id: form.formId,
        form_version: form.version,
        data: JSON.stringify(data),
        citizen_user_id: citizenUserId,
        idempotency_key: idempotencyKey,
        submitted_at: submittedAt,
      });
      await trx('reply_outbox').insert({
        reply_id: replyId,
        payload: JSON.stringify({
          name: messageName,
          correlationKey: applicationId,
          messageId: replyId,
          timeToLiveMs: REPLY_MESSAGE_TTL_MS,
          variables: { ...data, replyId, repliedAt: submittedAt.toISOString() },
        }),
      });
      const linked = (await trx('attachment')
        .whereIn('id', attachmentIds)
        .where({ uploaded_by: citizenUserId, application_id: null })
        .update({ application_id: applicationId, reply_id: replyId }, ['id'])) as { id: string }[];
      const linkedIds = new Set(linked.map((l) => l.id));
      const problems = references
        .filter((r) => !linkedIds.has(r.attachmentId))
        .map((r) => ({
          field: r.field,
          key: r.field,
          message: { el: el['application.attachmentUnusable'], en: en['application.attachmentUnusable'] },
        }));
      if (problems.length > 0)
        throw new Refusal({ id: 'invalid_reply', message: 'Some fields need correcting.', errors: problems });
      await appendAudit(trx, actor, {
        action: 'application.reply_submitted',
        objectType: 'application',
        objectId: applicationId,
        details: { replyId, messageName, formId: form.formId, formVersion: form.version, attachments: linked.length },
      });
      const row = { id: replyId, application_id: applicationId, message_name: messageName, submitted_at: submittedAt };
      return { row, created: true };
    });
    return created ? { ok: true, created, value: stored(row) } : replay(row, submission);
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, error: error.error };
    if (!isIdempotencyConflict(error)) throw error;
    // A request with the same key committed first: answer its reply.
    const first = await existing(knex, citizenUserId, idempotencyKey);
    if (!first) throw error;
    return replay(first, submission);
  }
}
