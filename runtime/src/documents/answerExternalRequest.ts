import type { Knex } from 'knex';
import { staffMayReadApplications } from '../applications/staffMayReadApplications.js';
import type { EngineClient } from '../engine/EngineClient.js';
import type { Actor } from '../orgchart/Actor.js';
import { appendAudit } from '../orgchart/appendAudit.js';
import type { Principal } from '../policies/Principal.js';
import {
  EXTERNAL_REQUEST_COLUMNS,
  externalRequestFromRow,
  type ExternalAnswer,
  type ExternalRequest,
  type ExternalRequestRow,
} from './ExternalRequest.js';

/** Why an answer was not recorded. */
export type AnswerError =
  | { readonly id: 'external_request_not_found'; readonly message: string }
  | { readonly id: 'external_request_already_answered'; readonly message: string; readonly answeredAt: Date }
  | { readonly id: 'attachment_not_usable'; readonly message: string }
  | { readonly id: 'engine_unavailable'; readonly message: string };

/** The outcome of recording an answer. */
export type AnswerResult =
  { readonly ok: true; readonly value: ExternalRequest } | { readonly ok: false; readonly error: AnswerError };

/** How long the engine keeps the message when the process is not yet waiting for it (its letter's job racing). */
const MESSAGE_TTL_MS = 24 * 3600 * 1000;

const fail = (error: AnswerError): AnswerResult => ({ ok: false, error });

async function requestRow(knex: Knex, requestId: string): Promise<ExternalRequestRow | undefined> {
  return (await knex('external_request as r')
    .join('application as a', 'a.id', 'r.application_id')
    .join('document as d', 'd.id', 'r.document_id')
    .where('r.id', requestId)
    .first(...EXTERNAL_REQUEST_COLUMNS)) as ExternalRequestRow | undefined;
}

const alreadyAnswered = (answeredAt: Date | string): AnswerResult => {
  const at = new Date(answeredAt);
  return fail({
    id: 'external_request_already_answered',
    message: `The answer to this request was recorded at ${at.toISOString()}.`,
    answeredAt: at,
  });
};

/** The variables the process's gateway reads after the police opinion (public-space-permit: policeOpinion). */
const messageVariables = (requestId: string, answer: ExternalAnswer) => ({
  policeOpinion: answer.opinion,
  policeRemarks: answer.text,
  policeRequestId: requestId,
  ...(answer.attachmentId ? { policeOpinionAttachmentId: answer.attachmentId } : {}),
});

/**
 * Records the opinion received for a request (once: a second answer is refused naming when the first was
 * recorded) with an audit entry, links its scanned letter to the application, then publishes the request's
 * message (police-opinion, correlated by the application's id) so that the process moves on. Staff may answer the
 * requests of applications they may read; a system holding opinions:write, any. The engine call cannot sit in a
 * transaction (the embedded engine may share the only connection): when it fails, the answer is withdrawn again
 * (audited) so that it can be sent anew.
 */
export async function answerExternalRequest(
  knex: Knex,
  engine: Pick<EngineClient, 'publishMessage'>,
  actor: Actor,
  principal: Principal,
  requestId: string,
  answer: ExternalAnswer,
): Promise<AnswerResult> {
  const notFound = fail({ id: 'external_request_not_found', message: 'There is no such request.' });
  const row = await requestRow(knex, requestId);
  if (!row || principal.kind === 'anonymous') return notFound;
  const user = principal.kind === 'user' ? principal.user : undefined;
  if (user && !(await staffMayReadApplications(knex, user, row.owner_unit_id))) return notFound;
  if (row.answered_at !== null) return alreadyAnswered(row.answered_at);
  if (answer.attachmentId !== undefined) {
    const attachment = (await knex('attachment').where({ id: answer.attachmentId }).first()) as
      { uploaded_by: string; application_id: string | null } | undefined;
    const usable =
      attachment &&
      (attachment.application_id === row.application_id ||
        (attachment.application_id === null && attachment.uploaded_by === user?.id));
    if (!usable)
      return fail({
        id: 'attachment_not_usable',
        message: 'The attachment does not exist, was not uploaded by you, or belongs to another application.',
      });
  }
  const stored = await knex.transaction(async (trx) => {
    const [updated] = (await trx('external_request')
      .where({ id: requestId })
      .whereNull('answered_at')
      .update({
        answered_at: trx.fn.now(),
        answer: JSON.stringify(answer),
        answered_by: user?.id ?? null,
        answered_by_client: principal.kind === 'client' ? principal.clientId : null,
      })
      .returning('answered_at')) as { answered_at: Date }[];
    if (!updated) return undefined;
    if (answer.attachmentId !== undefined)
      await trx('attachment')
        .where({ id: answer.attachmentId })
        .whereNull('application_id')
        .update({ application_id: row.application_id });
    await appendAudit(trx, actor, {
      action: 'external_request.answered',
      objectType: 'external_request',
      objectId: requestId,
      details: { applicationId: row.application_id, opinion: answer.opinion, attachmentId: answer.attachmentId },
    });
    return updated;
  });
  if (!stored) return alreadyAnswered((await requestRow(knex, requestId))!.answered_at!);
  const published = await engine.publishMessage({
    name: row.message_name,
    correlationKey: row.correlation_key,
    variables: messageVariables(requestId, answer),
    // The same request's message is taken once, even if this call is repeated after a lost answer.
    messageId: `external-request-${requestId}`,
    timeToLiveMs: MESSAGE_TTL_MS,
  });
  if (!published.ok && published.error.code !== 'ALREADY_EXISTS') {
    await knex.transaction(async (trx) => {
      await trx('external_request')
        .where({ id: requestId })
        .update({ answered_at: null, answer: null, answered_by: null, answered_by_client: null });
      await appendAudit(trx, actor, {
        action: 'external_request.answer_withdrawn',
        objectType: 'external_request',
        objectId: requestId,
        details: { reason: `${published.error.code}: ${published.error.message}` },
      });
    });
    return fail({
      id: 'engine_unavailable',
      message: `The engine did not take the answer (${published.error.code}); nothing was recorded, try again.`,
    });
  }
  return { ok: true, value: externalRequestFromRow((await requestRow(knex, requestId))!) };
}
