/**
 * The runtime's tables whose every change is a state change someone is accountable for: each command that
 * writes them appends an audit entry in the same transaction.
 */
export const AUDITED_TABLES = [
  'app_user',
  'org_unit',
  'membership',
  'user_role',
  'deputy',
  'user_credential',
  'user_totp',
  'api_client',
  'form_version',
  'application',
  'attachment',
  'task',
] as const;

/** The runtime's other tables, and why their changes are not audit entries of their own. */
export const UNAUDITED_TABLES: Readonly<Record<string, string>> = {
  audit_entry: 'the trail itself',
  session: 'sign-in state of a browser: refreshed on every visit, deleted on expiry',
  login_attempt: 'a counter of failed sign-ins for the rate limiter, kept only for its window',
  oidc_payload: 'protocol state of the identity provider (codes, grants, interactions), expiring by design',
  identity_secret: 'keys generated once at the first start, before anyone acts',
  protocol_counter: 'the last protocol number of each year; each number taken is in its application’s audit entry',
  application_outbox:
    'delivery bookkeeping of the start-process command; the submission and the start are audited on application',
  task_candidate: 'who may see a task, derived from its task row and written with it in the task’s audited transaction',
  task_lease: 'the engine job’s timeout as the user-task worker last extended it: keep-alive bookkeeping',
  task_completion: 'the lock that lets one of two simultaneous completions through; the completion is audited on task',
  runtime_migrations: 'schema bookkeeping',
  runtime_migrations_lock: 'schema bookkeeping',
};
