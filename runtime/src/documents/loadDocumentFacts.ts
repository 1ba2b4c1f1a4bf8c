import type { Knex } from 'knex';
import { getFormVersion } from '../forms/getFormVersion.js';
import { el } from '../i18n/el.js';
import type { ServiceDefinition } from '../procedures/serviceDefinitionSchema.js';
import type { DocumentFacts } from './DocumentFacts.js';
import { submittedFieldsOf } from './submittedFieldsOf.js';

interface ApplicationRow {
  id: string;
  service_id: string;
  protocol_number: string;
  registered_at: Date | string;
  due_date: string;
  form_id: string;
  form_version: number;
  data: Record<string, unknown> | string;
  display_name_el: string;
  tax_id: string | null;
  owner_unit_id: string | null;
}

/** The units of the letterhead: directorates and departments, not the general directorates between them. */
const LETTERHEAD_KINDS = new Set(['directorate', 'department', 'office', 'autonomous']);

async function letterheadOf(
  knex: Knex,
  ownerUnitId: string | null,
): Promise<{ municipality: string; units: string[] }> {
  const root = (await knex('org_unit').whereNull('parent_id').orderBy('created_at').first('name_el')) as
    { name_el: string } | undefined;
  const municipality = root?.name_el ?? el['municipality.name'];
  if (ownerUnitId === null) return { municipality, units: [] };
  const chain = (await knex
    .withRecursive('up', (qb) => {
      void qb
        .select('id', 'parent_id', 'name_el', 'kind', knex.raw('0 as depth'))
        .from('org_unit')
        .where('id', ownerUnitId)
        .union(
          (u) =>
            void u
              .select('o.id', 'o.parent_id', 'o.name_el', 'o.kind', knex.raw('up.depth + 1'))
              .from('org_unit as o')
              .join('up', 'o.id', 'up.parent_id'),
        );
    })
    .select('name_el', 'kind', 'depth')
    .from('up')
    .orderBy('depth', 'desc')) as { name_el: string; kind: string }[];
  return { municipality, units: chain.filter((u) => LETTERHEAD_KINDS.has(u.kind)).map((u) => u.name_el) };
}

/**
 * Gathers what a template may show of an application: the application and its citizen, its service, the
 * letterhead of the unit that owns it, its submitted fields with the labels of its form version, its
 * attachments, and the given process variables. Undefined when there is no such application.
 */
export async function loadDocumentFacts(
  knex: Knex,
  applicationId: string,
  services: readonly ServiceDefinition[],
  variables: Readonly<Record<string, unknown>> = {},
): Promise<DocumentFacts | undefined> {
  const row = (await knex('application as a')
    .join('app_user as u', 'u.id', 'a.citizen_user_id')
    .where('a.id', applicationId)
    .first(
      'a.id',
      'a.service_id',
      'a.protocol_number',
      'a.registered_at',
      knex.raw("to_char(a.due_date, 'YYYY-MM-DD') as due_date"),
      'a.form_id',
      'a.form_version',
      'a.data',
      'a.owner_unit_id',
      'u.display_name_el',
      'u.tax_id',
    )) as ApplicationRow | undefined;
  if (!row) return undefined;
  const data = typeof row.data === 'string' ? (JSON.parse(row.data) as Record<string, unknown>) : row.data;
  const form = await getFormVersion(knex, row.form_id, row.form_version);
  const attachments = (await knex('attachment')
    .where({ application_id: applicationId })
    .orderBy([{ column: 'created_at' }, { column: 'id' }])
    .select('original_name', 'size')) as { original_name: string; size: string | number }[];
  const service = services.find((s) => s.processId === row.service_id);
  const { municipality, units } = await letterheadOf(knex, row.owner_unit_id);
  return {
    application: {
      id: row.id,
      protocolNumber: row.protocol_number,
      registeredAt: new Date(row.registered_at),
      dueDate: row.due_date,
      data,
    },
    service: {
      title: service?.title ?? { el: row.service_id, en: row.service_id },
      legalBasis: service?.legalBasis,
    },
    citizen: { name: row.display_name_el, taxId: row.tax_id },
    municipality,
    issuer: [municipality, ...units],
    submittedFields: submittedFieldsOf(form.ok ? form.value.definition : undefined, data),
    attachments: attachments.map((a) => ({ name: a.original_name, size: Number(a.size) })),
    variables,
  };
}
