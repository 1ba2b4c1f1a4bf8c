import type { FormVersionRef } from './SubmissionValidator.js';

/** An attachment named by a file field of a submission. */
export interface AttachmentReference {
  /** The file field's key. */
  readonly field: string;
  readonly attachmentId: string;
}

function valueAt(data: Readonly<Record<string, unknown>>, path: string): unknown {
  return path.split('.').reduce<unknown>((value, segment) => {
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[segment] : undefined;
  }, data);
}

/**
 * The attachments a submission's file fields name. A file field holds an attachment id, an object with an
 * `attachmentId` or an `id` (the form library's `{ id, name, size, type }`), or a list of them.
 */
export function attachmentReferences(
  form: FormVersionRef,
  data: Readonly<Record<string, unknown>>,
): AttachmentReference[] {
  const references: AttachmentReference[] = [];
  for (const field of form.fileFieldKeys) {
    const value = valueAt(data, field);
    for (const item of Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]) {
      const ref = item as { attachmentId?: unknown; id?: unknown } | null;
      const id = typeof item === 'string' ? item : (ref?.attachmentId ?? ref?.id);
      references.push({ field, attachmentId: typeof id === 'string' ? id : '' });
    }
  }
  return references;
}
