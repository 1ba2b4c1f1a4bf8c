/** How a task stands against its due date: none, overdue, due today, due within three days, or later. */
export type DueState = 'none' | 'overdue' | 'today' | 'soon' | 'later';

/** Classifies a due date (an ISO instant) against now, by the local calendar day for "today". */
export function dueState(dueDate: string | null, now: Date): DueState {
  if (!dueDate) return 'none';
  const due = new Date(dueDate);
  if (Number.isNaN(due.getTime())) return 'none';
  if (due.getTime() <= now.getTime()) return 'overdue';
  const startOfDay = (addDays: number) => new Date(now.getFullYear(), now.getMonth(), now.getDate() + addDays);
  if (due < startOfDay(1)) return 'today';
  if (due < startOfDay(4)) return 'soon';
  return 'later';
}
