import type { TaskListQuery } from '../tasks/taskTypes';

/** Which tasks the inbox lists: mine (assigned to me or to those I deputise for), or my units'. */
export type InboxView = 'mine' | 'units';
/** The due-date filter, relative to now: overdue, due by the end of today, due by the end of this week. */
export type DueFilter = '' | 'overdue' | 'today' | 'week';
/** The orders the inbox offers (GET /tasks sorts by due date or creation; it has no priority order yet). */
export const SORTS = ['due', 'created'] as const;
export type InboxSort = (typeof SORTS)[number];
export const STATUSES = ['active', 'open', 'claimed', 'completed'] as const;
export type InboxStatus = (typeof STATUSES)[number];
export const DUE_FILTERS: readonly DueFilter[] = ['', 'overdue', 'today', 'week'];

/** The inbox's filters as its form holds them: empty strings for "any". */
export interface InboxFilters {
  readonly view: InboxView;
  readonly status: InboxStatus;
  readonly processId: string;
  readonly due: DueFilter;
  readonly citizen: string;
  readonly protocolNumber: string;
  readonly sort: InboxSort;
}

/** No filter: my units' active tasks, soonest due first. */
export const DEFAULT_FILTERS: InboxFilters = {
  view: 'units',
  status: 'active',
  processId: '',
  due: '',
  citizen: '',
  protocolNumber: '',
  sort: 'due',
};

/** The first instant after the due filter's period (local time, the municipality's), or undefined for "any". */
export function dueBeforeOf(due: DueFilter, now: Date): Date | undefined {
  if (due === 'overdue') return now;
  const midnight = (addDays: number) => new Date(now.getFullYear(), now.getMonth(), now.getDate() + addDays);
  if (due === 'today') return midnight(1);
  // The Greek week ends on Sunday: the period ends at the midnight that starts next Monday.
  if (due === 'week') return midnight((8 - now.getDay()) % 7 || 7);
  return undefined;
}

/**
 * The query of GET /tasks for the filters: unset fields left out, the due filter as the instant tasks must be due
 * before, the citizen and protocol number as the server's filters. `cursor` continues a page.
 */
export function toTaskQuery(filters: InboxFilters, now: Date, cursor?: string, pageSize = 50): TaskListQuery {
  const query: Record<string, string | number> = { filter: filters.view, status: filters.status, sort: filters.sort };
  if (filters.processId) query.processId = filters.processId;
  // Overdue is the server's own test (its clock); the others are the ends of the clerk's day and week.
  if (filters.due === 'overdue') query.overdue = 'true';
  else {
    const dueBefore = dueBeforeOf(filters.due, now);
    if (dueBefore) query.dueBefore = dueBefore.toISOString();
  }
  if (filters.citizen.trim()) query.citizen = filters.citizen.trim();
  if (filters.protocolNumber.trim()) query.protocolNumber = filters.protocolNumber.trim();
  if (cursor) query.cursor = cursor;
  query.pageSize = pageSize;
  return query;
}

/**
 * The query a saved filter keeps: the filters without the due filter, which is relative to the day it is used (an
 * instant saved today would mean "overdue on the day it was saved" forever after), and without paging.
 */
export function toSavedQuery(filters: InboxFilters): TaskListQuery {
  const { pageSize: _size, ...query } = toTaskQuery({ ...filters, due: '' }, new Date(0));
  return query;
}

const oneOf = <T extends string>(values: readonly T[], value: unknown, fallback: T): T =>
  typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : fallback;
const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The filters of a saved query or of the page's address (`?view=mine&due=today…`); anything unknown is left out. */
export function fromQuery(query: Readonly<Record<string, unknown>>): InboxFilters {
  return {
    view: oneOf(['mine', 'units'], query.view ?? query.filter, DEFAULT_FILTERS.view),
    status: oneOf(STATUSES, query.status, DEFAULT_FILTERS.status),
    processId: text(query.processId),
    due: oneOf(DUE_FILTERS, query.due, ''),
    citizen: text(query.citizen),
    protocolNumber: text(query.protocolNumber),
    sort: oneOf(SORTS, query.sort, DEFAULT_FILTERS.sort),
  };
}

/** The page's address for the filters: only what differs from the defaults, so that the plain inbox stays /inbox. */
export function toRouteQuery(filters: InboxFilters): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(filters) as [keyof InboxFilters, string][])
    if (value !== DEFAULT_FILTERS[key]) query[key] = value;
  return query;
}
