import { Ajv } from 'ajv';
import type { Knex } from 'knex';
import { isValidTaxId } from './isValidTaxId.js';
import { fail, type OrgError } from './OrgResult.js';
import { orgChartSchema, type OrgChartDocument } from './orgChartSchema.js';

const validateShape = new Ajv({ allErrors: false, strict: true, allowUnionTypes: true }).compile<OrgChartDocument>(
  orgChartSchema,
);

type Check = { ok: true; document: OrgChartDocument } | { ok: false; error: OrgError };

const invalid = (field: string, message: string) => fail('org_chart_invalid', field, message);

/**
 * Checks an org chart document against the schema, then against itself and the database (references,
 * cycles, ΑΦΜ check digits, overlapping deputies). The error's field is a JSON pointer such as /units/3/parent.
 */
export async function validateOrgChart(knex: Knex, input: unknown): Promise<Check> {
  if (!validateShape(input)) {
    const e = validateShape.errors![0]!;
    const missing = e.params as { missingProperty?: string; additionalProperty?: string; allowedValues?: unknown[] };
    const field = e.instancePath + (missing.missingProperty ? `/${missing.missingProperty}` : '');
    const extra = missing.additionalProperty ? ` (${missing.additionalProperty})` : '';
    const allowed = missing.allowedValues ? `: ${missing.allowedValues.join(', ')}` : '';
    return invalid(field || '/', `${field || 'The document'} ${e.message ?? 'is invalid'}${extra}${allowed}.`);
  }
  const doc = input;
  const stored = (await knex('org_unit as u')
    .leftJoin('org_unit as p', 'p.id', 'u.parent_id')
    .select('u.code', 'p.code as parent')) as { code: string; parent: string | null }[];
  const parentOf = new Map(stored.map((u) => [u.code, u.parent]));
  const seenCodes = new Set<string>();
  for (const [i, unit] of doc.units.entries()) {
    if (seenCodes.has(unit.code)) return invalid(`/units/${i}/code`, `The unit code ${unit.code} appears twice.`);
    seenCodes.add(unit.code);
    parentOf.set(unit.code, unit.parent);
  }
  const storedUsers = (await knex('app_user').select('username', 'tax_id')) as {
    username: string;
    tax_id: string | null;
  }[];
  const usernames = new Set(storedUsers.map((u) => u.username));
  const taxIdOwner = new Map(storedUsers.filter((u) => u.tax_id).map((u) => [u.tax_id!, u.username]));
  const seenUsers = new Set<string>();
  for (const [i, user] of doc.users.entries()) {
    if (seenUsers.has(user.username))
      return invalid(`/users/${i}/username`, `The username ${user.username} appears twice.`);
    seenUsers.add(user.username);
    usernames.add(user.username);
    if (user.taxId != null) {
      if (!isValidTaxId(user.taxId))
        return invalid(`/users/${i}/taxId`, `${user.taxId} is not a valid ΑΦΜ: its check digit is wrong.`);
      const owner = taxIdOwner.get(user.taxId);
      if (owner !== undefined && owner !== user.username)
        return invalid(`/users/${i}/taxId`, `The ΑΦΜ ${user.taxId} already belongs to ${owner}.`);
      taxIdOwner.set(user.taxId, user.username);
    }
    for (const [j, m] of (user.memberships ?? []).entries())
      if (!parentOf.has(m.unit)) return invalid(`/users/${i}/memberships/${j}/unit`, `No unit has the code ${m.unit}.`);
    if ((user.memberships ?? []).filter((m) => m.primary).length > 1)
      return invalid(`/users/${i}/memberships`, `${user.username} has more than one primary membership.`);
    for (const [j, r] of (user.roles ?? []).entries())
      if (r.unit != null && !parentOf.has(r.unit))
        return invalid(`/users/${i}/roles/${j}/unit`, `No unit has the code ${r.unit}.`);
  }
  for (const [i, unit] of doc.units.entries()) {
    if (unit.parent !== null && !parentOf.has(unit.parent))
      return invalid(`/units/${i}/parent`, `No unit has the code ${unit.parent}.`);
    if (unit.head != null && !usernames.has(unit.head))
      return invalid(`/units/${i}/head`, `No user has the username ${unit.head}.`);
    const path = new Set([unit.code]);
    for (let at = unit.parent; at != null; at = parentOf.get(at) ?? null) {
      if (path.has(at))
        return fail('org_unit_cycle', `/units/${i}/parent`, `${unit.code} would end up below itself through ${at}.`);
      path.add(at);
    }
  }
  const storedDeputies = (await knex('deputy as d')
    .join('app_user as a', 'a.id', 'd.absent_user_id')
    .join('app_user as s', 's.id', 'd.deputy_user_id')
    .select(
      'a.username as absent',
      's.username as deputy',
      knex.raw(`to_char(d.from_date, 'YYYY-MM-DD') as "from"`),
      knex.raw(`to_char(d.to_date, 'YYYY-MM-DD') as "to"`),
    )) as { absent: string; deputy: string; from: string; to: string }[];
  const same = (a: { absent: string; deputy: string; from: string; to: string }, b: typeof a) =>
    a.absent === b.absent && a.deputy === b.deputy && a.from === b.from && a.to === b.to;
  const arrangements = [...storedDeputies];
  for (const [i, d] of (doc.deputies ?? []).entries()) {
    for (const field of ['absent', 'deputy'] as const)
      if (!usernames.has(d[field])) return invalid(`/deputies/${i}/${field}`, `No user has the username ${d[field]}.`);
    if (d.absent === d.deputy)
      return fail('deputy_self', `/deputies/${i}/deputy`, 'A user cannot be their own deputy.');
    if (d.from > d.to)
      return fail('deputy_dates_invalid', `/deputies/${i}/to`, `The last day ${d.to} is before the first ${d.from}.`);
    if (arrangements.some((a) => same(a, d))) continue;
    const clash = arrangements.find((a) => a.absent === d.absent && a.from <= d.to && a.to >= d.from);
    if (clash)
      return fail(
        'deputy_overlap',
        `/deputies/${i}/from`,
        `${d.absent} already has a deputy from ${clash.from} to ${clash.to}.`,
      );
    arrangements.push(d);
  }
  return { ok: true, document: doc };
}
