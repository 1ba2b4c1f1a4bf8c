import type { Knex } from 'knex';
import type { SessionUser } from '../identity/sessions.js';
import type { Role } from '../orgchart/AppUser.js';
import { unitsInScope } from '../policies/unitsInScope.js';
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

async function personScope(
  knex: Knex,
  user: SessionUser,
  owner: ScopeOwner,
  roles: readonly Role[],
): Promise<PersonScope> {
  // Each person's grants on their own, so that a task can be told apart as the user's or a deputised colleague's.
  const units = await unitsInScope(knex, { ...user, id: owner.userId, actingFor: [] }, roles);
  if (units.everywhere) return { owner, everywhere: true, keys: [] };
  const codes =
    units.unitIds.size === 0
      ? []
      : ((await knex('org_unit')
          .whereIn('id', [...units.unitIds])
          .pluck('code')) as string[]);
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
  return { people: await Promise.all(owners.map((owner) => personScope(knex, user, owner, roles))) };
}

/** Every candidate key of a scope, and whether it reaches every task. */
export function allKeys(scope: TaskScope): { everywhere: boolean; keys: string[] } {
  return {
    everywhere: scope.people.some((p) => p.everywhere),
    keys: [...new Set(scope.people.flatMap((p) => p.keys))],
  };
}

/** Whose scope reaches a task (the user's own before a colleague's), or undefined when none does. */
export function ownerReaching(
  scope: TaskScope,
  task: {
    readonly candidateGroups: readonly string[];
    readonly candidateUsers: readonly string[];
    readonly assigneeUserId: string | null;
  },
): ScopeOwner | undefined {
  const keys = [...task.candidateGroups.map(groupKey), ...task.candidateUsers.map(userKey)];
  return scope.people.find(
    (p) => p.everywhere || p.owner.userId === task.assigneeUserId || keys.some((k) => p.keys.includes(k)),
  )?.owner;
}
