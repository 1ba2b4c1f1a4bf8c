import type { Knex } from 'knex';

/** How many tasks and units the generator makes. */
export interface TaskDataShape {
  readonly tasks: number;
  /** The demo org chart's units plus generated departments under its directorates, up to this many. */
  readonly units: number;
}

/** What the generator made, for the bench's header. */
export interface TaskDataReport {
  readonly units: number;
  readonly tasks: number;
  readonly candidates: number;
  readonly claimed: number;
  readonly overdue: number;
  readonly loadMs: number;
  readonly indexMs: number;
}

// Three procedures in the proportions a municipality sees them: certificates, permits, citizens' requests.
const PROCESSES = `(values
  (0.5, 'residence-certificate', 'check', 'Έλεγχος αίτησης', 'residence-certificate-check'),
  (0.8, 'public-space-permit', 'municipal-check', 'Έλεγχος δημοτικών οφειλών', 'public-space-permit-municipal-check'),
  (1.0, 'citizen-request', 'handle', 'Χειρισμός αιτήματος', 'citizen-request-handling')
) as p(upto, process_id, element_id, element_name, form_id)`;

const FIRST_NAMES = [
  'Μαρία',
  'Γιώργος',
  'Ελένη',
  'Κώστας',
  'Αικατερίνη',
  'Δημήτρης',
  'Σοφία',
  'Νίκος',
  'Άννα',
  'Γιάννης',
];
const LAST_NAMES = [
  'Παπαδοπούλου',
  'Παπαδόπουλος',
  'Νικολάου',
  'Γεωργίου',
  'Οικονόμου',
  'Ιωάννου',
  'Βασιλείου',
  'Κωνσταντίνου',
  'Δημητρίου',
  'Αθανασίου',
  'Χριστοδούλου',
  'Μακρή',
  'Αντωνίου',
  'Ζαχαρόπουλος',
  'Σταύρου',
  'Λάμπρου',
  'Ρήγας',
  'Κυριακού',
  'Γαλάνης',
  'Μαρίνος',
];

const CHUNK = 100_000;

const sqlArray = (values: readonly string[]) => `array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')}]`;

/**
 * Fills the task tables of a migrated database (with the demo org chart and forms loaded) with open tasks: units
 * made up to the asked number under the demo directorates; each task offered to one unit (a few units get most of
 * the work), one in ten to a second unit, one in ten also to a clerk by name; ~5% claimed by a clerk; due dates
 * from a few weeks back to two months ahead (some overdue), one in ten without. The secondary indexes are dropped
 * for the load and rebuilt from their own definitions, then the tables are vacuumed and analysed.
 */
export async function generateTasks(knex: Knex, shape: TaskDataShape): Promise<TaskDataReport> {
  const [{ count: existingUnits }] = (await knex('org_unit').count({ count: '*' })) as [{ count: string }];
  const missing = Math.max(0, shape.units - Number(existingUnits));
  await knex.raw(
    `insert into org_unit (code, name_el, name_en, kind, parent_id)
     select 'GEN.' || lpad(i::text, 2, '0'), 'Τμήμα ' || i, 'Department ' || i, 'department',
       (select id from org_unit where kind = 'directorate' order by code offset (i % 5) limit 1)
     from generate_series(1, ?) i`,
    [missing],
  );
  const indexes = (await knex.raw(
    `select i.indexname, i.indexdef from pg_indexes i
     where i.schemaname = current_schema() and i.tablename in ('task', 'task_candidate')
       and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
  )) as { rows: { indexname: string; indexdef: string }[] };
  for (const { indexname } of indexes.rows) await knex.raw(`drop index ${indexname}`);

  const started = performance.now();
  const clerks = (await knex('app_user as u')
    .join('user_role as r', 'r.user_id', 'u.id')
    .where('r.role', 'clerk')
    .distinct('u.id', 'u.username')
    .orderBy('u.username')) as { id: string; username: string }[];
  const clerkIds = `${sqlArray(clerks.map((c) => c.id))}::uuid[]`;
  const clerkNames = sqlArray(clerks.map((c) => c.username));
  for (let from = 1; from <= shape.tasks; from += CHUNK) {
    const to = Math.min(shape.tasks, from + CHUNK - 1);
    await knex.raw(
      `with units as (select array_agg(code order by code) as codes, count(*)::int as n from org_unit
         where kind <> 'municipality'),
       forms as (select form_id, max(version) as version from form_version group by form_id),
       s as (select i, random() as r_unit, random() as r_second, random() as r_user, random() as r_claim,
               random() as r_created, random() as r_due, random() as r_process, random() as r_pick
             from generate_series(?::int, ?::int) i)
       insert into task (element_instance_key, job_key, process_instance_key, process_id, process_version, element_id,
         element_name, form_id, form_version, candidate_groups, candidate_users, assignee_user_id, due_date, due_sort,
         variables, protocol_number, citizen_name, status, created_at, claimed_at)
       select 2000000000::bigint + s.i, 4000000000::bigint + s.i, 6000000000::bigint + s.i, p.process_id, 1, p.element_id, p.element_name,
         p.form_id, f.version,
         case when s.r_second < 0.1
           then array[u.codes[1 + floor(power(s.r_unit, 2) * u.n)::int], u.codes[1 + floor(s.r_pick * u.n)::int]]
           else array[u.codes[1 + floor(power(s.r_unit, 2) * u.n)::int]] end,
         case when s.r_user < 0.1
           then array[(${clerkNames})[1 + floor(s.r_pick * ${clerks.length})::int]] else '{}' end,
         case when s.r_claim < 0.05 then (${clerkIds})[1 + (s.i % ${clerks.length})] end,
         d.due, coalesce(d.due, 'infinity'),
         jsonb_build_object('protocolNumber', pn.text, 'afm', lpad(((s.i % 400000)::bigint * 7919 % 1000000000)::text, 9, '0'),
           'firstName', fn.name, 'lastName', ln.name, 'serviceId', p.process_id,
           'zone', (array['Α', 'Β', 'Γ'])[1 + s.i % 3], 'm2', 5 + s.i % 40, 'dueDate', d.due),
         pn.text, fn.name || ' ' || ln.name,
         case when s.r_claim < 0.05 then 'claimed' else 'open' end,
         c.created, case when s.r_claim < 0.05 then c.created + interval '1 hour' end
       from s
       cross join units u
       cross join lateral (select * from ${PROCESSES} where p.upto >= s.r_process order by p.upto limit 1) p
       left join forms f on f.form_id = p.form_id
       cross join lateral (select now() - s.r_created * interval '60 days' as created) c
       cross join lateral (select case when s.r_due < 0.1 then null
         else date_trunc('hour', c.created + interval '20 days' + s.r_due * interval '40 days') end as due) d
       cross join lateral (select 'ΕΙΣ-2026/' || lpad(s.i::text, 7, '0') as text) pn
       cross join lateral (select (${sqlArray(FIRST_NAMES)})[1 + s.i % ${FIRST_NAMES.length}] as name) fn
       cross join lateral (select (${sqlArray(LAST_NAMES)})[1 + (s.i / 7) % ${LAST_NAMES.length}] as name) ln`,
      [from, to],
    );
  }
  await knex.raw(
    `insert into task_candidate (task_id, candidate, status, due_sort, created_at)
     select t.id, c.candidate, 'active', t.due_sort, t.created_at
     from task t
     cross join lateral (
       select 'group:' || g as candidate from unnest(t.candidate_groups) g
       union
       select 'user:' || u from unnest(t.candidate_users) u
     ) c`,
  );
  const loadMs = performance.now() - started;
  const indexing = performance.now();
  for (const { indexdef } of indexes.rows) await knex.raw(indexdef);
  const indexMs = performance.now() - indexing;
  await knex.raw('vacuum analyze task');
  await knex.raw('vacuum analyze task_candidate');
  const [counts] = (
    (await knex.raw(
      `select (select count(*) from org_unit)::int as units, count(*)::int as tasks,
         (select count(*) from task_candidate)::int as candidates,
         count(*) filter (where status = 'claimed')::int as claimed,
         count(*) filter (where due_date < now())::int as overdue
       from task`,
    )) as { rows: Omit<TaskDataReport, 'loadMs' | 'indexMs'>[] }
  ).rows;
  return { ...counts!, loadMs, indexMs };
}
