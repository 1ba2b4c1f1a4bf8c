import type { Knex } from 'knex';
import type { Draft } from './Draft.js';

/** The largest draft kept, as JSON text (the form's data, not its attachments, which are uploaded apart). */
export const MAX_DRAFT_BYTES = 256 * 1024;

/** The outcome of saving a draft. */
export type SaveDraftResult =
  | { readonly ok: true; readonly value: Draft }
  | { readonly ok: false; readonly error: { readonly id: 'draft_too_large'; readonly message: string } };

/**
 * Keeps a citizen's draft for a service, replacing the one they had (one per citizen and service). The data is
 * stored as it is: it is validated when the application is submitted, which deletes the draft.
 */
export async function saveDraft(
  knex: Knex,
  citizenUserId: string,
  draft: Omit<Draft, 'savedAt'>,
  now: () => Date = () => new Date(),
): Promise<SaveDraftResult> {
  const json = JSON.stringify(draft.data);
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > MAX_DRAFT_BYTES)
    return {
      ok: false,
      error: {
        id: 'draft_too_large',
        message: `The draft is ${Math.ceil(bytes / 1024)} KB of JSON; at most ${MAX_DRAFT_BYTES / 1024} KB is kept.`,
      },
    };
  const savedAt = now();
  await knex('service_draft')
    .insert({
      citizen_user_id: citizenUserId,
      service_id: draft.serviceId,
      form_id: draft.formId,
      form_version: draft.formVersion,
      data: json,
      saved_at: savedAt,
    })
    .onConflict(['citizen_user_id', 'service_id'])
    .merge(['form_id', 'form_version', 'data', 'saved_at']);
  return { ok: true, value: { ...draft, savedAt } };
}
