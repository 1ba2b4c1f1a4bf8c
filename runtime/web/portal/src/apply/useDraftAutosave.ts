import { onBeforeUnmount } from 'vue';
import { announce } from '../../../shared/announcer';
import { t } from '../i18n';
import { api } from '../session';
import { draftSaver } from './draftSaver';

/** How long after the last change a draft is saved. */
export const AUTOSAVE_DELAY_MS = 1500;

/**
 * Saves the citizen's draft of an application (PUT /services/:serviceId/draft) a moment after they stop typing,
 * says "Draft saved" politely, and saves what was typed last when they leave the page.
 */
export function useDraftAutosave(target: () => { serviceId: string; formId: string; version: number } | undefined) {
  const saver = draftSaver({
    delayMs: AUTOSAVE_DELAY_MS,
    async save(data) {
      const where = target();
      if (where) await api.saveDraft(where.serviceId, where.formId, where.version, data);
    },
    onSaved: () => void announce(t('apply.draftSaved')),
  });
  onBeforeUnmount(() => saver.flush());
  return saver;
}
