import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { EngineClient } from '../engine/EngineClient.js';
import { systemActor } from '../orgchart/Actor.js';
import { appendAudit } from '../orgchart/appendAudit.js';
import {
  startOutboxPoller,
  type ClaimedOutboxRow,
  type OutboxPoller,
  type OutboxTiming,
} from '../outbox/startOutboxPoller.js';

/** What the dispatcher needs. */
export interface ReplyOutboxDispatcherOptions extends OutboxTiming {
  readonly knex: Knex;
  readonly engine: Pick<EngineClient, 'publishMessage'>;
  readonly logger: Logger;
}

/** A running dispatcher. */
export type ReplyOutboxDispatcher = OutboxPoller;

interface MessagePayload {
  name: string;
  correlationKey: string;
  messageId: string;
  timeToLiveMs: number;
  variables: Record<string, unknown>;
}

interface ClaimedRow extends ClaimedOutboxRow {
  readonly reply_id: string;
  readonly payload: MessagePayload | string;
}

/**
 * Publishes each stored reply to the engine as a message, from the reply outbox: claims unpublished rows (`for
 * update skip locked`, so several runtimes can share the database) with a lease committed before the engine is
 * called, publishes with the reply's id as the message id, then marks the reply published and the row dispatched
 * in one audited transaction. Failures are recorded and retried with back-off.
 *
 * Idempotency: the engine refuses a second message with the same id while the first is buffered (its time to
 * live), answering ALREADY_EXISTS: an attempt whose answer was lost is then recorded as published, not repeated.
 */
export function startReplyOutboxDispatcher(options: ReplyOutboxDispatcherOptions): ReplyOutboxDispatcher {
  const { knex, engine } = options;

  async function markPublished(row: ClaimedRow, payload: MessagePayload, messageKey: string | null): Promise<void> {
    await knex.transaction(async (trx) => {
      await trx('application_reply').where({ id: row.reply_id }).update({ published_at: trx.fn.now() });
      await trx('reply_outbox').where({ id: row.id }).update({ dispatched_at: trx.fn.now(), last_error: null });
      await appendAudit(trx, systemActor, {
        action: 'application.reply_published',
        objectType: 'application',
        objectId: payload.correlationKey,
        details: {
          replyId: row.reply_id,
          messageName: payload.name,
          ...(messageKey === null ? { publishedByAnEarlierAttempt: true } : { messageKey }),
        },
      });
    });
  }

  async function dispatch(row: ClaimedRow): Promise<string | undefined> {
    const payload = typeof row.payload === 'string' ? (JSON.parse(row.payload) as MessagePayload) : row.payload;
    const published = await engine.publishMessage({
      name: payload.name,
      correlationKey: payload.correlationKey,
      messageId: payload.messageId,
      timeToLiveMs: payload.timeToLiveMs,
      variables: payload.variables,
    });
    if (published.ok) await markPublished(row, payload, published.value.key);
    else if (published.error.code === 'ALREADY_EXISTS') await markPublished(row, payload, null);
    else return `${published.error.code}: ${published.error.message}`;
    return undefined;
  }

  return startOutboxPoller<ClaimedRow>({
    ...options,
    logger: options.logger.child({ component: 'reply-outbox' }),
    table: 'reply_outbox',
    columns: ['reply_id', 'payload'],
    describe: (row) => ({ replyId: row.reply_id }),
    dispatch,
  });
}
