import type { Knex } from 'knex';
import type { ApplicationView } from '../applications/ApplicationView.js';
import type { AwaitedReply } from './AwaitedReply.js';
import { awaitedReplyOf } from './awaitedReplyOf.js';
import { listReplies } from './listReplies.js';
import type { ReplyView } from './ReplyView.js';

/** What an application waits for from its citizen, and the replies they sent. */
export interface ReplyState {
  /** Null also once a reply to the request is stored, before the process has moved on. */
  readonly awaitingReply: AwaitedReply | null;
  readonly replies: readonly ReplyView[];
}

/** The reply state of one application (reading, not deciding: the caller checks who may see it). */
export async function replyStateOf(knex: Knex, view: ApplicationView): Promise<ReplyState> {
  const awaited = awaitedReplyOf(view);
  const replies = (await listReplies(knex, [view.applicationId])).get(view.applicationId) ?? [];
  const answered =
    awaited !== null &&
    replies.some((r) => r.messageName === awaited.messageName && r.submittedAt.getTime() >= awaited.since.getTime());
  return { awaitingReply: answered ? null : awaited, replies };
}
