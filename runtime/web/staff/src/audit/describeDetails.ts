/** One line of an audit entry's details as an admin reads it: a changed field, or a plain value. */
export interface DetailLine {
  readonly key: string;
  readonly before?: string;
  readonly after?: string;
  readonly value?: string;
}

const show = (value: unknown): string =>
  value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value);

/**
 * Turns an entry's details into lines: for `{ before, after }` only the fields that changed (ids and equal
 * values left out, which is what makes a rename readable), otherwise each field with its value.
 */
export function describeDetails(details: Readonly<Record<string, unknown>>): DetailLine[] {
  const { before, after } = details as { before?: unknown; after?: unknown };
  const isRecord = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys
      .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      .map((key) => ({ key, before: show(before[key]), after: show(after[key]) }));
  }
  const only = isRecord(after) ? after : isRecord(before) ? before : details;
  return Object.entries(only).map(([key, value]) => ({ key, value: show(value) }));
}
