import type { Knex } from 'knex';
import { apiError, defineApiRoute, type ApiRoute } from '../../http/ApiRoute.js';
import { languageOf } from '../../http/languageOf.js';
import { translator } from '../../i18n/index.js';
import { staff } from '../../policies/Policy.js';
import { streamTaskEvents, type TaskEventStreamOptions } from '../../tasks/events/streamTaskEvents.js';
import { userOf } from './taskRefusal.js';

/** GET /tasks/events: the live updates of the inbox, as server-sent events. */
export function taskEventsRoute({
  knex,
  eventStream,
}: {
  knex: Knex;
  eventStream?: TaskEventStreamOptions | undefined;
}): ApiRoute {
  return defineApiRoute({
    method: 'get',
    path: '/tasks/events',
    operationId: 'streamTaskEvents',
    summary:
      'Live updates of the inbox: `event: task` with `{ type, taskId }` for tasks I may see, a heartbeat every 25 s',
    tag: 'tasks',
    policy: staff,
    responses: {
      200: {
        description: 'A stream of `task` events (type created, updated, completed or cancelled) and heartbeats.',
        contentType: 'text/event-stream',
      },
      406: { description: 'Asked without Accept: text/event-stream.' },
    },
    async handle({ principal, req }) {
      // Only EventSource (or a client that asks for the stream) gets one: a plain request would never end.
      if (!req.accepts('text/event-stream') || !/text\/event-stream/.test(req.headers.accept ?? ''))
        return apiError(406, 'event_stream_only', translator(languageOf(req))('task.error.event_stream_only'));
      const user = userOf(principal);
      const sessionId = principal.kind === 'user' ? principal.sessionId : '';
      const signedIn = async () =>
        !!(await knex('session').where('id', sessionId).where('expires_at', '>', new Date()).first('id'));
      return { status: 200, respond: (res) => streamTaskEvents(knex, user, res, { ...eventStream, signedIn }) };
    },
  });
}
