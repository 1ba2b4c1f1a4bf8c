import type { AuditQuery } from '../api/orgApi';

/** The audit filter as the form holds it: days rather than instants, empty strings for "any". */
export interface AuditForm {
  readonly actionPrefix: string;
  readonly objectType: string;
  readonly objectId: string;
  readonly actorUserId: string;
  /** yyyy-mm-dd, the first day to include */
  readonly fromDay: string;
  /** yyyy-mm-dd, the last day to include */
  readonly toDay: string;
}

/** An empty filter: everything. */
export const EMPTY_AUDIT_FORM: AuditForm = {
  actionPrefix: '',
  objectType: '',
  objectId: '',
  actorUserId: '',
  fromDay: '',
  toDay: '',
};

/** Midnight at the start of a day in the browser's time zone (the municipality's), as an ISO instant. */
function startOfDay(day: string, addDays = 0): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y!, m! - 1, d! + addDays).toISOString();
}

/**
 * The API's filter for a form: the "to" day is included, so the exclusive `to` instant is the next midnight;
 * unset fields are left out.
 */
export function toAuditQuery(form: AuditForm): AuditQuery {
  const query: Record<string, string> = {};
  if (form.actionPrefix.trim()) query.actionPrefix = form.actionPrefix.trim();
  if (form.objectType.trim()) query.objectType = form.objectType.trim();
  if (form.objectId.trim()) query.objectId = form.objectId.trim();
  if (form.actorUserId) query.actorUserId = form.actorUserId;
  if (form.fromDay) query.from = startOfDay(form.fromDay);
  if (form.toDay) query.to = startOfDay(form.toDay, 1);
  return query;
}
