import type { Knex } from 'knex';

/** The key of a candidate group (an org unit code or a role) in task_candidate. */
export const groupKey = (code: string): string => `group:${code}`;
/** The key of a candidate user (a username) in task_candidate. */
export const userKey = (username: string): string => `user:${username}`;

/** The inbox sorts on this when a task has no due date, so that those come last. */
export const NO_DUE_DATE = 'infinity';

/**
 * The state task_candidate keeps: `active` for open and claimed tasks alike, so that the inbox walks one index range
 * in due-date order for both; otherwise the task's status.
 */
export const candidateStateOf = (status: string): string =>
  status === 'open' || status === 'claimed' ? 'active' : status;

const STATE_OF_STATUS = "case when t.status in ('open', 'claimed') then 'active' else t.status end";

/**
 * Rewrites a task's rows in task_candidate from the task row, inside the caller's transaction: its candidate groups
 * and users with the status and sort keys the inbox query reads, so that the two never disagree.
 */
export async function syncTaskCandidates(trx: Knex.Transaction, taskId: string): Promise<void> {
  await trx('task_candidate').where({ task_id: taskId }).delete();
  await trx.raw(
    `insert into task_candidate (task_id, candidate, status, due_sort, created_at)
     select t.id, c.candidate, ${STATE_OF_STATUS}, t.due_sort, t.created_at
     from task t
     cross join lateral (
       select 'group:' || g as candidate from unnest(t.candidate_groups) g
       union
       select 'user:' || u from unnest(t.candidate_users) u
     ) c
     where t.id = ?`,
    [taskId],
  );
}

/** Sets a task's state in task_candidate after its status changed, inside the caller's transaction. */
export async function setCandidateStatus(trx: Knex.Transaction, taskId: string, status: string): Promise<void> {
  await trx('task_candidate')
    .where({ task_id: taskId })
    .update({ status: candidateStateOf(status) });
}
