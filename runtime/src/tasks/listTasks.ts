import type { Knex } from 'knex';
import type { SessionUser } from '../identity/sessions.js';
import { taskFromRow, type Task, type TaskRow, type TaskStatus } from './Task.js';
import { allKeys, taskScopeOf } from './taskScope.js';

/** What the inbox asks for. */
export interface TaskQuery {
  /** mine: assigned to the user (or to colleagues they deputise for); units: offered to the units they reach. */
  readonly filter: 'mine' | 'units';
  /** active means open or claimed. */
  readonly status: 'active' | TaskStatus;
  readonly processId?: string | undefined;
  readonly dueBefore?: Date | undefined;
  /** A protocol number or part of the citizen's name. */
  readonly q?: string | undefined;
  readonly sort: 'due' | 'created';
  /** Where the previous page ended (nextCursor of that page). */
  readonly cursor?: string | undefined;
  readonly pageSize: number;
}

/** One page of the inbox. */
export interface TaskPage {
  readonly tasks: readonly Task[];
  /** Give it back as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
}

interface Cursor {
  readonly at: string;
  readonly id: string;
}

/** A timestamp as PostgreSQL prints it, or infinity (tasks without a due date). */
const SORT_VALUE = /^(infinity|\d{4}-\d{2}-\d{2}[ T][0-9:.+-]+)$/;

const encode = (cursor: Cursor) => Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString('base64url');

/** The cursor's position, or undefined for one that was not made by this query (then paging starts over). */
function decode(cursor: string | undefined): Cursor | undefined {
  if (!cursor) return undefined;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof at === 'string' && SORT_VALUE.test(at) && typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id))
      return { at, id };
  } catch {
    // Not one of ours.
  }
  return undefined;
}

const STATUSES: Record<TaskQuery['status'], readonly TaskStatus[]> = {
  active: ['open', 'claimed'],
  open: ['open'],
  claimed: ['claimed'],
  completed: ['completed'],
  cancelled: ['cancelled'],
};

/** The filters on the task row that every path of the query shares. */
function filtered(qb: Knex.QueryBuilder, query: TaskQuery, alias: string): Knex.QueryBuilder {
  void qb.whereIn(`${alias}.status`, [...STATUSES[query.status]]);
  if (query.processId !== undefined) void qb.where(`${alias}.process_id`, query.processId);
  if (query.dueBefore !== undefined) void qb.where(`${alias}.due_date`, '<', query.dueBefore);
  if (query.q !== undefined && query.q.trim() !== '') {
    const q = query.q.trim();
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    void qb.where((w) => void w.where(`${alias}.protocol_number`, q).orWhereILike(`${alias}.citizen_name`, like));
  }
  return qb;
}

/**
 * The inbox: the tasks a user may see, mine or my units', filtered, sorted by due date (none last) or creation, in
 * pages that continue from a cursor. For "units" it walks the (candidate, state, sort key) index once per candidate
 * key the user reaches, at most one page each, and merges them: one clerk's first page costs a few index range
 * scans however many tasks the table holds.
 */
export async function listTasks(knex: Knex, user: SessionUser, query: TaskQuery): Promise<TaskPage> {
  const sortColumn = query.sort === 'due' ? 'due_sort' : 'created_at';
  const cursor = decode(query.cursor);
  const limit = query.pageSize + 1;
  const scope = allKeys(await taskScopeOf(knex, user));
  // The sort value as PostgreSQL prints it, so that the cursor gives it back exactly (infinity included).
  const sortText = knex.raw(`t.${sortColumn}::text as sort_text`);
  let rows: (TaskRow & { sort_text: string })[];
  const after = (qb: Knex.QueryBuilder, alias: string) => {
    const id = alias === 'tc' ? 'task_id' : 'id';
    if (cursor)
      void qb.whereRaw(`(${alias}.${sortColumn}, ${alias}.${id}) > (?::timestamptz, ?::uuid)`, [cursor.at, cursor.id]);
    return qb;
  };
  if (query.filter === 'mine') {
    const people = [user.id, ...user.actingFor.map((a) => a.userId)];
    const qb = knex('task as t').whereIn('t.assignee_user_id', people);
    rows = (await after(filtered(qb, query, 't'), 't')
      .orderBy([`t.${sortColumn}`, 't.id'])
      .limit(limit)
      .select('t.*', sortText)) as typeof rows;
  } else if (scope.everywhere) {
    rows = (await after(filtered(knex('task as t'), query, 't'), 't')
      .orderBy([`t.${sortColumn}`, 't.id'])
      .limit(limit)
      .select('t.*', sortText)) as typeof rows;
  } else if (scope.keys.length === 0) {
    rows = [];
  } else {
    const state = query.status === 'open' || query.status === 'claimed' ? 'active' : query.status;
    const perKey = after(
      filtered(
        knex('task_candidate as tc')
          .join('task as t', 't.id', 'tc.task_id')
          .whereRaw('tc.candidate = k.candidate')
          .where('tc.status', state),
        query,
        't',
      ),
      'tc',
    )
      .orderBy([`tc.${sortColumn}`, 'tc.task_id'])
      .limit(limit)
      .select('tc.task_id');
    rows = (await knex
      .select('t.*', sortText)
      .from('task as t')
      .whereRaw('t.id in (select p.task_id from unnest(?::text[]) as k(candidate) cross join lateral ? as p)', [
        scope.keys,
        perKey,
      ])
      .orderBy([`t.${sortColumn}`, 't.id'])
      .limit(limit)) as typeof rows;
  }
  const page = rows.slice(0, query.pageSize).map(taskFromRow);
  const last = rows.length > query.pageSize ? rows[query.pageSize - 1] : undefined;
  return {
    tasks: page,
    nextCursor: last ? encode({ at: last.sort_text, id: last.id }) : null,
  };
}
