import type { ApplicationView } from '../applications/ApplicationView.js';
import type { AwaitedReply } from './AwaitedReply.js';

/**
 * What the application's process waits for from its citizen (a message the service answers with a form), or
 * null: the application view's `awaitingReply`, kept by the application-status projection of the record stream.
 */
export function awaitedReplyOf(view: ApplicationView): AwaitedReply | null {
  const projected = view.awaitingReply;
  return (
    projected && { messageName: projected.messageName, formId: projected.formId, since: new Date(projected.since) }
  );
}
