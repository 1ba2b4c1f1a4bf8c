import type { ReplyView } from '../../replies/ReplyView.js';

/** A reply as the API shows it. */
export function presentReply(reply: ReplyView): Record<string, unknown> {
  return {
    replyId: reply.replyId,
    messageName: reply.messageName,
    formId: reply.formId,
    formVersion: reply.formVersion,
    submittedAt: reply.submittedAt.toISOString(),
    publishedAt: reply.publishedAt?.toISOString() ?? null,
    data: reply.data,
    attachments: reply.attachments,
  };
}
