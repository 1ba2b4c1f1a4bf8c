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
  'document',
  'external_request',
  'application_reply',
  'task_comment',
  'task_attachment',
  'process_design',
  'process_design_deployment',
] as const;

/** The runtime's other tables, and why their changes are not audit entries of their own. */
export const UNAUDITED_TABLES: Readonly<Record<string, string>> = {
  audit_entry: 'the trail itself',
  session: 'sign-in state of a browser: refreshed on every visit, deleted on expiry',
  login_attempt: 'a counter of failed sign-ins for the rate limiter, kept only for its window',
  oidc_payload: 'protocol state of the identity provider (codes, grants, interactions), expiring by design',
  identity_secret: 'keys generated once at the first start, before anyone acts',
  document_counter: 'the last outgoing number of each year; each number taken is in its document’s audit entry',
  protocol_counter: 'the last protocol number of each year; each number taken is in its application’s audit entry',
  application_outbox:
    'delivery bookkeeping of the start-process command; the submission and the start are audited on application',
  task_candidate: 'who may see a task, derived from its task row and written with it in the task’s audited transaction',
  task_lease: 'the engine job’s timeout as the user-task worker last extended it: keep-alive bookkeeping',
  task_completion: 'the lock that lets one of two simultaneous completions through; the completion is audited on task',
  projection_checkpoint:
    'the last engine record each projection applied: bookkeeping advanced with the batch it applied',
  application_status:
    'derived from the engine’s record log by the application-status projection, which can rebuild it; the log is the truth',
  application_event: 'the citizen’s timeline, derived from the engine’s record log like application_status',
  notification:
    'a message to one person caused by a recorded step (a process job, an audited task reminder or escalation); read marks are the reader’s own',
  task_draft: 'the assignee’s unsent work in progress, seen only by them; what they submit is audited on task',
  task_filter: 'a person’s saved inbox view: a preference of their own, not a change to anyone’s work',
  reply_outbox:
    'delivery bookkeeping of the publish-message command; the reply and its publication are audited on application_reply',
  service_draft:
    'a citizen’s unsent work in progress, overwritten on every autosave; nothing is decided on it, and the submission that ends it is audited',
  runtime_migrations: 'schema bookkeeping',
  runtime_migrations_lock: 'schema bookkeeping',
};
