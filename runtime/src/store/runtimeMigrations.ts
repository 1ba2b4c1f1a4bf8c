import type { MigrationSet } from '@polis/engine';
import { orgChart } from './migrations/0001_org_chart.js';
import { credentials } from './migrations/0002_credentials.js';
import { loginAttempts } from './migrations/0003_login_attempts.js';
import { identityProviderState } from './migrations/0004_identity_provider_state.js';
import { auditClient } from './migrations/0005_audit_client.js';
import { forms } from './migrations/0006_forms.js';
import { applications } from './migrations/0007_applications.js';
import { tasks } from './migrations/0008_tasks.js';
import { documents } from './migrations/0009_documents.js';
import { projectionsNotifications } from './migrations/0010_projections_notifications.js';
import { repliesDrafts } from './migrations/0011_replies_drafts.js';
import { taskCollaboration } from './migrations/0012_task_collaboration.js';
import { taskIndexes } from './migrations/0013_task_indexes.js';
import { processDesigns } from './migrations/0014_process_designs.js';

/** The runtime's schema, recorded apart from the engine's so that each package owns its tables. */
export const runtimeMigrations: MigrationSet = {
  tableName: 'runtime_migrations',
  migrations: [
    orgChart,
    credentials,
    loginAttempts,
    identityProviderState,
    auditClient,
    forms,
    applications,
    tasks,
    documents,
    projectionsNotifications,
    repliesDrafts,
    taskCollaboration,
    taskIndexes,
    processDesigns,
  ],
};
