import type { Knex } from 'knex';
import type { SessionUser } from '../identity/sessions.js';
import type { Role } from '../orgchart/AppUser.js';
import { groupKey, userKey } from './taskCandidates.js';

/** The roles whose units' tasks a person sees and may take. */
export const TASK_ROLES: readonly Role[] = ['clerk', 'head_of_unit'];
/** The roles that may assign a task to someone else. */
export const ASSIGNING_ROLES: readonly Role[] = ['head_of_unit', 'manager'];

/** Whose work a scope is: the user themself, or a colleague they deputise for today. */
export interface ScopeOwner {
  readonly userId: string;
  readonly username: string;
  /** Set when the scope is a colleague's, whom the user acts for. */
  readonly actingFor: boolean;
}

/** The task candidates one person reaches: every key, or these (`group:<code>`, `user:<username>`). */
export interface PersonScope {
  readonly owner: ScopeOwner;
  readonly everywhere: boolean;
  readonly keys: readonly string[];
}

/** What a user reaches in the inbox: their own scope first, then those of the colleagues they deputise for. */
export interface TaskScope {
  readonly people: readonly PersonScope[];
}

/**
 * One person's candidate keys in one round trip: the units of their grants in the roles and those they head (for a
 * head of unit), every unit below them, and whether a grant without a unit reaches everywhere. The inbox asks this
 * on every page, so it is one statement rather than a query per step.
 */
async function personScope(knex: Knex, owner: ScopeOwner, roles: readonly Role[]): Promise<PersonScope> {
  const grants = () => knex('user_role').where('user_id', owner.userId).whereIn('role', roles);
  const roots = grants().whereNotNull('org_unit_id').select('org_unit_id as id');
  if (roles.includes('head_of_unit'))
    void roots.union(knex('org_unit').where('head_user_id', owner.userId).select('id'));
  const rows = (await knex
    .withRecursive('below', (qb) => {
      void qb
        .select('id', 'code')
        .from('org_unit')
        .whereIn('id', roots)
        .union((u) => void u.select('o.id', 'o.code').from('org_unit as o').join('below as b', 'o.parent_id', 'b.id'));
    })
    .select('b.code', knex.raw('exists(?) as everywhere', [grants().whereNull('org_unit_id').select(knex.raw('1'))]))
    .from(knex.raw('(select 1) as one'))
    .leftJoin('below as b', knex.raw('true'))) as { code: string | null; everywhere: boolean }[];
  if (rows.some((r) => r.everywhere)) return { owner, everywhere: true, keys: [] };
  const codes = rows.flatMap((r) => (r.code === null ? [] : [r.code]));
  return { owner, everywhere: false, keys: [...codes.map(groupKey), userKey(owner.username)] };
}

/**
 * The candidates a user's tasks may name, person by person: the codes of the units they reach in the roles (their
 * units and those below, and those they head), their username, and the same for each colleague they deputise for.
 */
export async function taskScopeOf(
  knex: Knex,
  user: SessionUser,
  roles: readonly Role[] = TASK_ROLES,
): Promise<TaskScope> {
  const owners: ScopeOwner[] = [
    { userId: user.id, username: user.username, actingFor: false },
    ...user.actingFor.map((a) => ({ userId: a.userId, username: a.username, actingFor: true })),
  ];
  return { people: await Promise.all(owners.map((owner) => personScope(knex, owner, roles))) };
}

/** Every candidate key of a scope, and whether it reaches every task. */
export function allKeys(scope: TaskScope): { everywhere: boolean; keys: string[] } {
  return {
    everywhere: scope.people.some((p) => p.everywhere),
    keys: [...new Set(scope.people.flatMap((p) => p.keys))],
  };
}

/**
 * Whose work a task is among the scope's people, or undefined when none reaches it: a colleague's it is assigned
 * to; else whoever's units or roles it is offered to (the user's own before a colleague's); else its assignee's.
 * So a deputy who took a task only their absent colleague's units reach acts for that colleague.
 */
export function ownerReaching(
  scope: TaskScope,
  task: {
    readonly candidateGroups: readonly string[];
    readonly candidateUsers: readonly string[];
    readonly assigneeUserId: string | null;
  },
): ScopeOwner | undefined {
  const keys = [...task.candidateGroups.map(groupKey), ...task.candidateUsers.map(userKey)];
  const assignee = scope.people.find((p) => p.owner.userId === task.assigneeUserId)?.owner;
  if (assignee?.actingFor) return assignee;
  return scope.people.find((p) => p.everywhere || keys.some((k) => p.keys.includes(k)))?.owner ?? assignee;
}
