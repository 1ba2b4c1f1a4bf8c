import type { Migration } from '@polis/engine';
import { citizenNameKeySql, citizenSurnameKeySql } from '../../tasks/citizenNameKey.js';

const ACTIVE = "status in ('open', 'claimed')";

/**
 * Indexes for the inbox at a million tasks (docs/decisions/0008-inbox-query.md): partial indexes over the active
 * tasks only, in the order the inbox pages through them, so that a page is a few short index range scans however
 * many completed tasks pile up; and indexes for the filters that pick a handful of tasks out of all of them
 * (the citizen's ΑΦΜ, the start of their name or surname, the application).
 */
export const taskIndexes: Migration = {
  name: '0013_task_indexes',
  async up(knex) {
    // Per candidate key, the active tasks by due date or creation: the walk each key of a clerk's units takes.
    await knex.raw(
      "create index task_candidate_active_by_due on task_candidate (candidate, due_sort, task_id) where status = 'active'",
    );
    await knex.raw(
      'create index task_candidate_active_by_created on task_candidate (candidate, created_at, task_id) ' +
        "where status = 'active'",
    );
    // "Mine" and "everywhere" (a grant without a unit): open and claimed tasks in one range, already sorted.
    await knex.raw(`create index task_active_by_assignee on task (assignee_user_id, due_sort, id) where ${ACTIVE}`);
    await knex.raw(`create index task_active_by_due on task (due_sort, id) where ${ACTIVE}`);
    await knex.raw(`create index task_active_by_created on task (created_at, id) where ${ACTIVE}`);
    // The citizen filter: the ΑΦΜ the application form carries, the citizen's account (through the application),
    // and the start of the name, folded (text_pattern_ops: LIKE 'prefix%' under any collation).
    await knex.raw(
      "create index task_citizen_tax_id on task ((variables ->> 'afm')) where (variables ->> 'afm') is not null",
    );
    await knex.raw('create index task_application on task (application_id) where application_id is not null');
    await knex.raw(
      `create index task_citizen_name_key on task (${citizenNameKeySql('citizen_name')} text_pattern_ops) ` +
        'where citizen_name is not null',
    );
    await knex.raw(
      `create index task_citizen_surname_key on task (${citizenSurnameKeySql('citizen_name')} text_pattern_ops) ` +
        'where citizen_name is not null',
    );
  },
  async down(knex) {
    for (const index of [
      'task_candidate_active_by_due',
      'task_candidate_active_by_created',
      'task_active_by_assignee',
      'task_active_by_due',
      'task_active_by_created',
      'task_citizen_tax_id',
      'task_application',
      'task_citizen_name_key',
      'task_citizen_surname_key',
    ])
      await knex.raw(`drop index if exists ${index}`);
  },
};
