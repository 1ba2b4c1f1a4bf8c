import type { Knex } from 'knex';
import type { SessionUser } from '../identity/sessions.js';
import { citizenNameKey, citizenNameKeySql, citizenSurnameKeySql } from './citizenNameKey.js';
import { taskFromRow, type Task, type TaskRow, type TaskStatus } from './Task.js';
import { allKeys, taskScopeOf } from './taskScope.js';

/** What the inbox asks for. */
export interface TaskQuery {
  /** mine: assigned to the user (or to colleagues they deputise for); units: offered to the units they reach. */
  readonly filter: 'mine' | 'units';
  /** active means open or claimed. */
  readonly status: 'active' | TaskStatus;
  readonly processId?: string | undefined;
  /** Tasks due before this moment. */
  readonly dueBefore?: Date | undefined;
  /** Tasks whose due date has passed. */
  readonly overdue?: boolean | undefined;
  /** The citizen: their ΑΦΜ (nine digits, exact) or the start of their name or surname (accents and case ignored). */
  readonly citizen?: string | undefined;
  /** The application's protocol number, exact. */
  readonly protocolNumber?: string | undefined;
  /** Top-level process variables that must equal these values (compared as text: `42`, `true`, `Α`). */
  readonly variables?: Readonly<Record<string, string>> | undefined;
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

/** A variable a filter may name: a top-level name as BPMN expressions (FEEL) can write it. */
export const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** The query-string prefix of a variable filter: `var.zone=A`. */
export const VARIABLE_PREFIX = 'var.';

/** The variable filters of a query string (`var.<name>=<value>`), by variable name. */
export function variableFilters(query: Readonly<Record<string, unknown>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(query)
      .filter(([key, value]) => key.startsWith(VARIABLE_PREFIX) && typeof value === 'string')
      .map(([key, value]) => [key.slice(VARIABLE_PREFIX.length), value as string]),
  );
}

interface Cursor {
  readonly at: string;
  readonly id: string;
}

/** A timestamp as PostgreSQL prints it, or infinity (tasks without a due date). */
const SORT_VALUE = /^(infinity|\d{4}-\d{2}-\d{2}[ T][0-9:.+-]+)$/;

const TAX_ID = /^\d{9}$/;

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

// Literal, not bound: the partial indexes of migration 0013 are chosen only for a predicate the planner can match.
const STATUS_SQL: Record<TaskQuery['status'], string> = {
  active: "in ('open', 'claimed')",
  open: "= 'open'",
  claimed: "= 'claimed'",
  completed: "= 'completed'",
  cancelled: "= 'cancelled'",
};

const likePrefix = (text: string) => `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A condition on the task row (alias t), and the same as a source of task ids that an index of its own serves. */
interface Condition {
  readonly sql: string;
  /** `from … where …` ending in task t: `select t.id` from it gives the tasks that meet the condition. */
  readonly from: string;
  /** The bindings of sql, and equally of from. */
  readonly bindings: readonly Knex.Value[];
}

const onTask = (sql: string, bindings: readonly Knex.Value[]): Condition => ({
  sql,
  from: `from task t where ${sql}`,
  bindings,
});

/**
 * The filters that pick a few tasks out of all by an index of their own (the protocol number, the citizen's ΑΦΜ or
 * name), each as the conditions it is the union of: the filter is `c1 or c2 …`, and each ci can be walked alone.
 */
function pickers(query: TaskQuery): Condition[][] {
  const filters: Condition[][] = [];
  const protocolNumber = query.protocolNumber?.trim();
  if (protocolNumber) filters.push([onTask('t.protocol_number = ?', [protocolNumber])]);
  const citizen = query.citizen?.trim();
  if (citizen && TAX_ID.test(citizen))
    // The ΑΦΜ the application form carries, or the citizen's own account's (TaxisNet) through the application.
    filters.push([
      onTask("t.variables ->> 'afm' = ?", [citizen]),
      {
        sql: `t.application_id in (select a.id from application a
          join app_user u on u.id = a.citizen_user_id where u.tax_id = ?)`,
        from: `from app_user u join application a on a.citizen_user_id = u.id
          join task t on t.application_id = a.id where u.tax_id = ?`,
        bindings: [citizen],
      },
    ]);
  else if (citizen) {
    const prefix = likePrefix(citizenNameKey(citizen));
    filters.push([
      onTask(`${citizenNameKeySql('t.citizen_name')} like ?`, [prefix]),
      onTask(`${citizenSurnameKeySql('t.citizen_name')} like ?`, [prefix]),
    ]);
  }
  return filters;
}

/** Past this many tasks (of anyone's) a picking filter matches, the inbox walks the user's keys instead (`few`). */
// Starting from M matches costs ~M probes; walking K keys costs ~K × page × active tasks / M probes; counting costs
// up to FEW probes, paid in vain when the filter is broad. At a million active tasks and a clerk of two keys the walk
// is cheaper above M ≈ 10,000; 5,000 halves what a broad filter pays for counting (docs/decisions/0008).
const FEW = 5_000;

/**
 * How many tasks in the asked status the picking filters match at most, if few enough to start from them (else
 * undefined): each of the first filter's conditions is walked on its own index up to `few` + 1 rows, in one round trip. A name prefix such as
 * "Παπαδ" can match tens of thousands of tasks; then walking the user's keys in order and filtering is cheaper.
 */
async function picksFew(knex: Knex, query: TaskQuery, few: number): Promise<number | undefined> {
  const [first] = pickers(query);
  if (!first) return undefined;
  const counts = first.map(
    (c) => `(select count(*) from (select 1 ${c.from} and t.status ${STATUS_SQL[query.status]} limit ${few + 1}) m)`,
  );
  const result = (await knex.raw(
    `select max(n) as most, sum(n) as total from (values ${counts.map((c) => `(${c})`).join(', ')}) as v(n)`,
    first.flatMap((c) => c.bindings),
  )) as { rows: { most: string | number; total: string | number }[] };
  const row = result.rows[0]!;
  return Number(row.most) <= few ? Number(row.total) : undefined;
}

/** The filters on the task row (alias t); the due-date ones go on `dueColumn` (t.due_sort or tc.due_sort). */
function filtered(qb: Knex.QueryBuilder, query: TaskQuery, dueColumn: string, withStatus = true): Knex.QueryBuilder {
  if (withStatus) void qb.whereRaw(`t.status ${STATUS_SQL[query.status]}`);
  if (query.processId !== undefined) void qb.where('t.process_id', query.processId);
  // due_sort is the due date, or infinity for none: the same answers as due_date, on the column the walks are sorted by.
  if (query.dueBefore !== undefined) void qb.where(dueColumn, '<', query.dueBefore);
  if (query.overdue) void qb.whereRaw(`${dueColumn} < now()`);
  for (const conditions of pickers(query))
    void qb.whereRaw(
      `(${conditions.map((c) => c.sql).join(' or ')})`,
      conditions.flatMap((c) => c.bindings),
    );
  for (const [name, value] of Object.entries(query.variables ?? {})) {
    if (!VARIABLE_NAME.test(name)) throw new Error(`Expected a variable name, but got ${JSON.stringify(name)}`);
    void qb.whereRaw('t.variables ->> ? = ?', [name, value]);
  }
  if (query.q !== undefined && query.q.trim() !== '') {
    const q = query.q.trim();
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    void qb.where((w) => void w.where('t.protocol_number', q).orWhereILike('t.citizen_name', like));
  }
  return qb;
}

/** Whether a walk of task_candidate needs the task row: for any filter beyond the candidate's own columns. */
const needsTaskRow = (query: TaskQuery) =>
  (query.status !== 'active' && query.status !== 'completed' && query.status !== 'cancelled') ||
  query.processId !== undefined ||
  query.q !== undefined ||
  pickers(query).length > 0 ||
  Object.keys(query.variables ?? {}).length > 0;

/**
 * The inbox: the tasks a user may see, mine or my units', filtered, sorted by due date (none last) or creation, in
 * pages that continue from a cursor. For "units" it walks the (candidate, sort key) index of active tasks once per
 * candidate key the user reaches, at most one page each, merges the walks and reads only the page's task rows: one
 * clerk's page costs a few index range scans however many tasks the table holds. A filter on the citizen or the
 * protocol number that matches few tasks (picksFew) starts from those, by their indexes, and keeps the tasks the
 * user may see; one that matches many is applied along the walks.
 */
export async function listTasks(
  knex: Knex,
  user: SessionUser,
  query: TaskQuery,
  { few = FEW }: { few?: number } = {},
): Promise<TaskPage> {
  const sortColumn = query.sort === 'due' ? 'due_sort' : 'created_at';
  const cursor = decode(query.cursor);
  const limit = query.pageSize + 1;
  const scope = allKeys(await taskScopeOf(knex, user));
  // The sort value as PostgreSQL prints it, so that the cursor gives it back exactly (infinity included).
  const sortText = knex.raw(`t.${sortColumn}::text as sort_text`);
  const after = (qb: Knex.QueryBuilder, alias: string, id: string) => {
    if (cursor)
      void qb.whereRaw(`(${alias}.${sortColumn}, ${alias}.${id}) > (?::timestamptz, ?::uuid)`, [cursor.at, cursor.id]);
    return qb;
  };
  const fromTasks = (qb: Knex.QueryBuilder) =>
    after(filtered(qb, query, 't.due_sort'), 't', 'id')
      .orderBy([`t.${sortColumn}`, 't.id'])
      .limit(limit)
      .select('t.*', sortText);

  let rows: (TaskRow & { sort_text: string })[];
  let matched: number | undefined;
  if (query.filter === 'mine') {
    // One walk of task_active_by_assignee per person (the user and each colleague they deputise for), merged: as one
    // `assignee in (…)` the planner reads and sorts every task of them all.
    const people = [user.id, ...user.actingFor.map((a) => a.userId)];
    const perPerson = fromTasks(knex('task as t').whereRaw('t.assignee_user_id = k.person'));
    rows = (await knex
      .select('p.*')
      .from(knex.raw('unnest(?::uuid[]) as k(person) cross join lateral ? as p', [people, perPerson]))
      .orderBy([`p.${sortColumn}`, 'p.id'])
      .limit(limit)) as typeof rows;
  } else if (scope.everywhere) {
    rows = (await fromTasks(knex('task as t'))) as typeof rows;
  } else if (scope.keys.length === 0) {
    rows = [];
  } else if ((matched = await picksFew(knex, query, few)) !== undefined) {
    // The few matches first, materialized, so that the planner never walks all active tasks in order instead; their
    // number, counted a moment ago, bounds them (the planner's guess for an ΑΦΜ or a name is thousands of rows, and a
    // plan that costly is JIT-compiled at each run, for a tenth of a second).
    const first = pickers(query)[0]!;
    const matches = knex.raw(
      `select id from (${first
        .map((c) => `select t.id ${c.from} and t.status ${STATUS_SQL[query.status]}`)
        .join(' union ')}) u limit ${matched}`,
      first.flatMap((c) => c.bindings),
    );
    // OFFSET 0 keeps the check a probe of the candidate keys per match: as a semi-join, the planner may read every
    // candidate row of the user's units instead.
    const visible = knex.raw(
      'exists (select 1 from task_candidate tc where tc.task_id = t.id and tc.candidate = any(?::text[]) offset 0)',
      [scope.keys],
    );
    rows = (await fromTasks(
      knex
        .withMaterialized('matches', matches)
        .from('matches as m')
        .join('task as t', 't.id', 'm.id')
        .whereRaw(visible),
    )) as typeof rows;
  } else {
    const state = query.status === 'open' || query.status === 'claimed' ? 'active' : query.status;
    const walk = knex('task_candidate as tc').whereRaw('tc.candidate = k.candidate').where('tc.status', state);
    // The task row of each candidate row walked, one probe each (a lateral subquery with OFFSET 0 cannot be turned
    // into a join): left to itself, the planner may bitmap-scan every task a filter matches for each key instead.
    if (needsTaskRow(query))
      void walk.joinRaw('cross join lateral (select * from task where task.id = tc.task_id offset 0) as t');
    const perKey = after(filtered(walk, query, 'tc.due_sort', needsTaskRow(query)), 'tc', 'task_id')
      .orderBy([`tc.${sortColumn}`, 'tc.task_id'])
      .limit(limit)
      .select('tc.task_id', `tc.${sortColumn} as sort_key`);
    // A task offered to two of the keys comes out of both walks: once each is enough.
    const page = knex
      .select('p.task_id', 'p.sort_key')
      .from(knex.raw('unnest(?::text[]) as k(candidate) cross join lateral ? as p', [scope.keys, perKey]))
      .groupBy('p.task_id', 'p.sort_key')
      .orderBy(['p.sort_key', 'p.task_id'])
      .limit(limit);
    rows = (await knex
      .with('page', page)
      .select('t.*', sortText)
      .from('page')
      .join('task as t', 't.id', 'page.task_id')
      .orderBy(['page.sort_key', 'page.task_id'])) as typeof rows;
  }
  const tasks = rows.slice(0, query.pageSize).map(taskFromRow);
  const last = rows.length > query.pageSize ? rows[query.pageSize - 1] : undefined;
  return { tasks, nextCursor: last ? encode({ at: last.sort_text, id: last.id }) : null };
}
