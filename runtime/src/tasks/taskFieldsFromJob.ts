import { athensDateTime } from '../calendar/athensTime.js';
import type { ActivatedEngineJob } from '../engine/EngineClient.js';

const HEADER = 'io.camunda.zeebe:';
/** Camunda's modeler writes embedded forms' keys with this prefix; the form library knows them by id alone. */
const CAMUNDA_FORM_PREFIX = 'camunda-forms:bpmn:';

/** What a user task job says about its task, read from its custom headers and variables. */
export interface TaskFields {
  readonly formId: string | null;
  readonly candidateGroups: readonly string[];
  readonly candidateUsers: readonly string[];
  /** The assignee's username, as the model names it. */
  readonly assignee: string | null;
  readonly dueDate: Date | null;
  readonly followUpDate: Date | null;
  readonly priority: number | null;
  readonly applicationId: string | null;
  readonly protocolNumber: string | null;
  readonly citizenName: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

/** A list header: JSON (what the engine sends) or, from older models, comma-separated. */
function list(value: unknown): string[] {
  const raw = text(value);
  if (raw === null) return [];
  if (raw.startsWith('[')) {
    try {
      const parsed = JSON.parse(raw) as unknown;
      if (Array.isArray(parsed)) return parsed.filter((v): v is string => typeof v === 'string' && v !== '');
    } catch {
      // Not JSON after all: read it as a comma-separated list.
    }
  }
  return raw
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

/**
 * A date-time, or a date alone (what a statutory deadline in working days gives): a day's deadline expires at the
 * end of office hours in Athens that day, not at midnight UTC before it.
 */
function date(value: unknown): Date | null {
  const raw = text(value);
  if (raw === null) return null;
  let parsed: Date;
  try {
    parsed = new Date(/^\d{4}-\d{2}-\d{2}$/.test(raw) ? athensDateTime(raw) : raw);
  } catch {
    return null; // a malformed date such as 2026-13-45
  }
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

/** The citizen's name as submissions give it: the applicant's display name, first and last name, or a full or contact name. */
function citizenNameOf(variables: Readonly<Record<string, unknown>>): string | null {
  const applicant = variables.applicant as { displayName?: unknown } | undefined;
  const displayName = typeof applicant === 'object' && applicant !== null ? text(applicant.displayName) : null;
  if (displayName) return displayName;
  const name = [text(variables.firstName), text(variables.lastName)].filter(Boolean).join(' ');
  return name === '' ? (text(variables.fullName) ?? text(variables.contactName)) : name;
}

/** Reads a user task job's headers (form, candidates, assignee, dates, priority) and the application it serves. */
export function taskFieldsFromJob(job: Pick<ActivatedEngineJob, 'customHeaders' | 'variables'>): TaskFields {
  const h = job.customHeaders;
  const formKey = text(h[`${HEADER}formKey`]);
  const priority = Number(text(h[`${HEADER}priority`]) ?? Number.NaN);
  const applicationId = text(job.variables.applicationId);
  return {
    formId: formKey?.startsWith(CAMUNDA_FORM_PREFIX) ? formKey.slice(CAMUNDA_FORM_PREFIX.length) : formKey,
    candidateGroups: list(h[`${HEADER}candidateGroups`]),
    candidateUsers: list(h[`${HEADER}candidateUsers`]),
    assignee: text(h[`${HEADER}assignee`]),
    dueDate: date(h[`${HEADER}dueDate`]),
    followUpDate: date(h[`${HEADER}followUpDate`]),
    priority: Number.isInteger(priority) ? priority : null,
    applicationId: applicationId !== null && UUID.test(applicationId) ? applicationId : null,
    protocolNumber: text(job.variables.protocolNumber),
    citizenName: citizenNameOf(job.variables),
  };
}
