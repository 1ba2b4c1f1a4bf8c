import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { el } from '../i18n/el.js';
import { en } from '../i18n/en.js';
import type { Actor } from '../orgchart/Actor.js';
import { auditInsert } from '../orgchart/appendAudit.js';
import { athensToday } from '../orgchart/athensToday.js';
import { athensDateTime } from '../calendar/athensTime.js';
import { attachmentReferences, type AttachmentReference } from './attachmentReferences.js';
import { formatAthensDateTime } from './formatAthensDateTime.js';
import { registerAlone, type ProtocolRegistrar, type Registration } from './protocolRegistrar.js';
import type { EService, ServiceCatalog } from './ServiceCatalog.js';
import type { SubmissionFieldError, SubmissionValidator } from './SubmissionValidator.js';

/** What a citizen submits. */
export interface ApplicationSubmission {
  readonly serviceId: string;
  readonly data: unknown;
  /** Chosen by the client once per submission and sent again on a retry (the Idempotency-Key header). */
  readonly idempotencyKey: string;
  readonly citizenUserId: string;
}

/** What a submission needs besides the database. */
export interface SubmissionDependencies {
  readonly catalog: ServiceCatalog;
  readonly validator: SubmissionValidator;
  /** The calendar's working-day arithmetic (runtime/src/calendar addWorkingDays): yyyy-mm-dd plus n working days. */
  readonly addWorkingDays: (isoDate: string, n: number) => string;
  readonly now?: () => Date;
  /**
   * Registers many submissions per transaction (owned by the runtime, which stops it); without one, each
   * submission is registered in a transaction of its own.
   */
  readonly registrar?: ProtocolRegistrar | undefined;
}

/** A registered application, as its receipt shows it. */
export interface RegisteredApplication {
  readonly applicationId: string;
  readonly protocolNumber: string;
  readonly registeredAt: Date;
  /** Athens time, `14-03-2026 10:42`. */
  readonly registeredAtText: string;
  readonly dueDate: string;
}

/** Why a submission was not registered. */
export type SubmissionError =
  | { readonly id: 'service_not_found'; readonly message: string }
  | { readonly id: 'form_not_published'; readonly message: string }
  | { readonly id: 'idempotency_key_reused'; readonly message: string }
  | { readonly id: 'invalid_submission'; readonly message: string; readonly errors: readonly SubmissionFieldError[] };

/** The outcome: the application (created now, or by an earlier request with the same key), or why not. */
export type SubmissionResult =
  | { readonly ok: true; readonly created: boolean; readonly value: RegisteredApplication }
  | { readonly ok: false; readonly error: SubmissionError };

interface ApplicationRow {
  id: string;
  service_id: string;
  protocol_number: string;
  registered_at: Date | string;
  /** yyyy-mm-dd (read as text: a date column would become a Date at the server's local midnight). */
  due_date: string;
}

function registered(row: ApplicationRow): RegisteredApplication {
  const registeredAt = new Date(row.registered_at);
  return {
    applicationId: row.id,
    protocolNumber: row.protocol_number,
    registeredAt,
    registeredAtText: formatAthensDateTime(registeredAt),
    dueDate: row.due_date,
  };
}

async function existing(knex: Knex, citizenUserId: string, key: string): Promise<ApplicationRow | undefined> {
  return (await knex('application')
    .where({ citizen_user_id: citizenUserId, idempotency_key: key })
    .first(
      'id',
      'service_id',
      'protocol_number',
      'registered_at',
      knex.raw("to_char(due_date, 'YYYY-MM-DD') as due_date"),
    )) as ApplicationRow | undefined;
}

function replay(row: ApplicationRow, serviceId: string): SubmissionResult {
  if (row.service_id !== serviceId)
    return {
      ok: false,
      error: {
        id: 'idempotency_key_reused',
        message: `This Idempotency-Key was used for an application to ${row.service_id}; use a new key for a new application.`,
      },
    };
  return { ok: true, created: false, value: registered(row) };
}

const isIdempotencyConflict = (error: unknown) => {
  const { code, message, constraint } = error as { code?: string; message?: string; constraint?: string };
  return code === '23505' && `${constraint ?? ''} ${message ?? ''}`.includes('idempotency_key');
};

/** Thrown inside the transaction to roll it back with field errors. */
class AttachmentProblems extends Error {
  constructor(readonly errors: SubmissionFieldError[]) {
    super('attachments');
  }
}

/** The field errors of the references whose attachment was not linked (not the citizen's, or already used). */
function unusable(references: readonly AttachmentReference[], linked: ReadonlySet<string>): SubmissionFieldError[] {
  return references
    .filter((r) => !linked.has(r.attachmentId))
    .map((r) => ({
      field: r.field,
      key: r.field,
      message: { el: el['application.attachmentUnusable'], en: en['application.attachmentUnusable'] },
    }));
}

/** The working days a service takes for this submission: per submitted value where the service says so. */
function workingDaysFor(service: EService, data: Readonly<Record<string, unknown>>): number {
  const byValue = service.workingDaysByValue;
  const value = byValue ? data[byValue.variable] : undefined;
  return (typeof value === 'string' ? byValue?.workingDays[value] : undefined) ?? service.expectedWorkingDays;
}

/**
 * Registers a citizen's application: validates the data against the exact form version the service starts
 * with (outside any transaction), then, through the registrar, stores the application with its protocol
 * number, links its attachments, queues the start of its process (outbox) and appends the audit entry, all in
 * one savepoint of the batch's transaction. Nothing is written when any step fails, and the number goes to the
 * next submission. A repeat with the same idempotency key, even a concurrent one, answers the first application.
 */
export async function submitApplication(
  knex: Knex,
  actor: Actor,
  submission: ApplicationSubmission,
  deps: SubmissionDependencies,
): Promise<SubmissionResult> {
  const { serviceId, idempotencyKey, citizenUserId } = submission;
  const now = deps.now ?? (() => new Date());
  const earlier = await existing(knex, citizenUserId, idempotencyKey);
  if (earlier) return replay(earlier, serviceId);

  const service = deps.catalog.find(serviceId);
  if (!service)
    return { ok: false, error: { id: 'service_not_found', message: `There is no e-service ${serviceId}.` } };
  const form = await deps.validator.latest(service.startFormId);
  if (!form)
    return {
      ok: false,
      error: { id: 'form_not_published', message: `The form ${service.startFormId} of ${serviceId} is not published.` },
    };
  const validation = await deps.validator.validate(form, submission.data);
  if (!validation.ok)
    return {
      ok: false,
      error: { id: 'invalid_submission', message: 'Some fields need correcting.', errors: validation.errors },
    };
  const data = validation.value;
  const references = attachmentReferences(form, data);
  // Only well-formed ids reach the database (a malformed one would fail the uuid cast, not the check).
  const attachmentIds = [...new Set(references.map((r) => r.attachmentId).filter((id) => /^[0-9a-f-]{36}$/i.test(id)))];
  const owner = (await knex('org_unit').where({ code: service.ownerUnitCode }).first('id')) as
    { id: string } | undefined;

  const registration: Registration<ApplicationRow> = {
    now,
    async write(trx, { number, registeredAt }) {
      const applicationId = randomUUID();
      const dueDate = deps.addWorkingDays(athensToday(registeredAt), workingDaysFor(service, data));
      const variables = {
        ...data,
        applicationId,
        protocolNumber: number.text,
        serviceId: service.serviceId,
        applicantUserId: citizenUserId,
        registeredAt: registeredAt.toISOString(),
        // The models' timers and user task due dates read a date-time: the deadline expires when offices close.
        dueDate: athensDateTime(dueDate),
      };
      // One statement (one round trip) for the application, its outbox row, its attachments and its audit entry: a batch
      // registers its members one after the other, so each round trip counts for the whole batch.
      const linked = (await trx
        .with(
          'application_row',
          trx('application').insert({
            id: applicationId,
            service_id: service.serviceId,
            process_id: service.processId,
            form_id: form.formId,
            form_version: form.version,
            data: JSON.stringify(data),
            citizen_user_id: citizenUserId,
            owner_unit_id: owner?.id ?? null,
            idempotency_key: idempotencyKey,
            protocol_year: number.year,
            protocol_sequence: number.sequence,
            protocol_number: number.text,
            registered_at: registeredAt,
            due_date: dueDate,
            status: 'submitted',
          }),
        )
        .with(
          'outbox_row',
          trx('application_outbox').insert({
            application_id: applicationId,
            kind: 'start_process',
            payload: JSON.stringify({ bpmnProcessId: service.processId, variables }),
          }),
        )
        .with(
          'linked',
          trx('attachment')
            .whereIn('id', attachmentIds)
            .where({ uploaded_by: citizenUserId, application_id: null })
            .update({ application_id: applicationId }, ['id']),
        )
        // The citizen's draft for the service (runtime/src/drafts) ends with the submission.
        .with(
          'draft',
          trx('service_draft').where({ citizen_user_id: citizenUserId, service_id: service.serviceId }).delete(),
        )
        .with(
          'audit',
          auditInsert(trx, actor, {
            action: 'application.submitted',
            objectType: 'application',
            objectId: applicationId,
            details: {
              serviceId: service.serviceId,
              protocolNumber: number.text,
              formId: form.formId,
              formVersion: form.version,
              attachments: references.length,
            },
          }),
        )
        .from('linked')
        .pluck('id')) as string[];
      const problems = unusable(references, new Set(linked));
      if (problems.length > 0) throw new AttachmentProblems(problems);
      return {
        id: applicationId,
        service_id: service.serviceId,
        protocol_number: number.text,
        registered_at: registeredAt,
        due_date: dueDate,
      };
    },
  };
  try {
    const row = await (deps.registrar ? deps.registrar.register(registration) : registerAlone(knex, registration));
    return { ok: true, created: true, value: registered(row) };
  } catch (error) {
    if (error instanceof AttachmentProblems)
      return {
        ok: false,
        error: { id: 'invalid_submission', message: 'Some fields need correcting.', errors: error.errors },
      };
    if (!isIdempotencyConflict(error)) throw error;
    // A request with the same key committed first (or earlier in the same batch): answer its application.
    const first = await existing(knex, citizenUserId, idempotencyKey);
    if (!first) throw error;
    return replay(first, serviceId);
  }
}
