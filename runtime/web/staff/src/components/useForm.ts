import { nextTick, reactive, ref } from 'vue';
import { ApiError } from '../../../shared/api/ApiError';
import { announce } from '../../../shared/announcer';
import { i18n, t } from '../i18n';

/** The text to show for a failure: our own translation of a known error id, else the server's message. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    const key = `error.${error.id}`;
    if (i18n.has(key)) return t(key, { detail: error.message });
    if (error.status === 0) return t('error.network_error');
    return error.message;
  }
  return t('error.unexpected');
}

/**
 * A form's submission state: the errors by field (shown next to the field the API named), an error for the
 * form as a whole, and whether it is being sent. `fields` are the names of this form's fields; an error for
 * another field is shown for the form.
 */
export function useForm(formId: string, fields: readonly string[]) {
  const errors = reactive<Record<string, string>>({});
  const formError = ref('');
  const busy = ref(false);

  function clear(): void {
    for (const key of Object.keys(errors)) delete errors[key];
    formError.value = '';
  }

  /** Marks a field the user has to fill before sending; true when it is filled. */
  async function required(field: string, value: unknown): Promise<boolean> {
    if (value !== '' && value !== undefined && value !== null) return true;
    clear();
    errors[field] = t('error.required');
    await nextTick();
    document.getElementById(`${formId}-${field}`)?.focus();
    return false;
  }

  /** Runs an action; on success announces `success`, on failure shows the error where it belongs. */
  async function submit(action: () => Promise<void>, success: string): Promise<boolean> {
    clear();
    busy.value = true;
    try {
      await action();
      void announce(success);
      return true;
    } catch (error) {
      const text = errorText(error);
      const field = error instanceof ApiError ? error.field : undefined;
      // Focusing the field reads out its error (aria-describedby); a form's own error is a role=alert.
      if (field && fields.includes(field)) {
        errors[field] = text;
        await nextTick();
        document.getElementById(`${formId}-${field}`)?.focus();
      } else {
        formError.value = text;
      }
      return false;
    } finally {
      busy.value = false;
    }
  }

  return {
    id: formId,
    errors,
    formError,
    busy,
    submit,
    clear,
    required,
    fieldId: (name: string) => `${formId}-${name}`,
  };
}
