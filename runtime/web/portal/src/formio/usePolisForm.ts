import { nextTick, onBeforeUnmount, shallowRef, watch, type Ref } from 'vue';
import { Formio } from '@formio/js';
import type { FormDefinition, SubmissionError } from '../api/types';
import { i18n, local } from '../i18n';
import { api } from '../session';
import { fixFileRemoveButtons } from './fixFileRemoveButtons';
import { FORMIO_ENGLISH, FORMIO_GREEK } from './formioTexts';
import { localiseForm } from './localiseForm';
import { polisFileService } from './polisFileService';
import { isPolisField, registerPolisComponents } from './registerPolisComponents';
import { formioPath, submissionData } from './submissionData';

/** The parts of a Form.io component the portal uses. */
export interface FormioComponent {
  key: string;
  path: string;
  component: { label?: string; key: string };
  visible: boolean;
  refs: { input?: HTMLElement[]; fileBrowse?: HTMLElement };
  element?: HTMLElement;
  setCustomValidity(messages: string, dirty?: boolean): void;
  focus(): void;
}

/** The parts of a Form.io form instance the portal uses. */
export interface FormioForm extends FormioComponent {
  submission: { data: Record<string, unknown> };
  submit(): Promise<{ data: Record<string, unknown> }>;
  getComponent(path: string): FormioComponent | undefined;
  everyComponent(fn: (component: FormioComponent) => void): void;
  on(event: 'change', listener: (value: unknown, flags: unknown, modified?: boolean) => void): void;
  destroy(all?: boolean): void;
}

/** A field to correct, as the error summary lists it. */
export interface FieldProblem {
  readonly path: string;
  readonly label: string;
  readonly message: string;
}

/** What the citizen filled in, or the fields to correct. */
export type Collected =
  | { readonly ok: true; readonly data: Record<string, unknown> }
  | { readonly ok: false; readonly problems: FieldProblem[] };

function formioProblems(errors: unknown): FieldProblem[] {
  const list = Array.isArray(errors) ? errors : [errors];
  const seen = new Map<string, FieldProblem>();
  for (const error of list as {
    message?: string;
    context?: { path?: string; label?: string };
    component?: { key?: string; label?: string };
  }[]) {
    const path = error.context?.path ?? error.component?.key ?? '';
    if (!seen.has(path))
      seen.set(path, {
        path,
        label: error.context?.label ?? error.component?.label ?? path,
        message: error.message ?? String(error),
      });
  }
  return [...seen.values()];
}

/**
 * A Form.io form of the portal in a container: the Polis components, the portal's localisation (re-rendered with
 * what was filled in when the language changes), uploads through the attachments API; checks in the browser, then
 * on the server against the exact form version, and the fields to correct with their labels.
 */
export function usePolisForm(options: {
  readonly container: Ref<HTMLElement | undefined>;
  readonly definition: () => FormDefinition | undefined;
  /** Called after each change the citizen makes (not the form's own), with the data so far. */
  readonly onChange?: (data: Record<string, unknown>) => void;
}) {
  const form = shallowRef<FormioForm>();
  let stopFixing: (() => void) | undefined;

  async function render(data?: Record<string, unknown>): Promise<void> {
    await nextTick();
    const definition = options.definition();
    const container = options.container.value;
    if (!definition || !container) return;
    registerPolisComponents();
    form.value?.destroy(true);
    const language = i18n.language.value;
    const created = (await Formio.createForm(container, localiseForm(definition, language), {
      language,
      i18n: { el: FORMIO_GREEK, en: FORMIO_ENGLISH },
      noAlerts: true,
      fileService: polisFileService((file) => api.upload(file)),
    })) as unknown as FormioForm;
    if (data) created.submission = { data };
    created.on('change', (_value, _flags, modified) => {
      if (modified) options.onChange?.(structuredClone(created.submission.data));
    });
    form.value = created;
    stopFixing ??= fixFileRemoveButtons(container);
  }

  // Another language: the form again, with what was filled in so far.
  watch(i18n.language, () => {
    if (form.value) void render(structuredClone(form.value.submission.data));
  });
  onBeforeUnmount(() => {
    stopFixing?.();
    form.value?.destroy(true);
  });

  /** Checks the form in the browser, then against the exact form version on the server. */
  async function collect(formId: string, version: number): Promise<Collected> {
    const current = form.value;
    if (!current) return { ok: false, problems: [] };
    current.everyComponent((component) => {
      if (isPolisField(component)) component.normalise();
    });
    let submitted: { data: Record<string, unknown> };
    try {
      submitted = await current.submit();
    } catch (errors) {
      return { ok: false, problems: formioProblems(errors) };
    }
    const data = submissionData(submitted.data);
    const check = await api.validate(formId, version, data);
    if (!check.valid) return { ok: false, problems: serverProblems(check.errors) };
    return { ok: true, data };
  }

  /** The server's field errors, marked on their fields. */
  function serverProblems(errors: readonly SubmissionError[]): FieldProblem[] {
    return errors.map((error) => {
      const path = formioPath(error.field);
      const component = form.value?.getComponent(path);
      const message = local(error.message);
      component?.setCustomValidity(message, true);
      return { path, label: component?.component.label ?? error.key, message };
    });
  }

  /** Moves to a field named in the error summary. */
  function goToField(path: string): void {
    const component = form.value?.getComponent(path);
    const target =
      component?.refs.input?.[0] ??
      component?.refs.fileBrowse ??
      component?.element?.querySelector<HTMLElement>('input, select, textarea, a, button');
    target?.focus();
    component?.element?.scrollIntoView({ block: 'center' });
  }

  /** What is filled in now (for a draft). */
  const currentData = (): Record<string, unknown> | undefined =>
    form.value ? structuredClone(form.value.submission.data) : undefined;

  return { form, render, collect, serverProblems, goToField, currentData };
}
