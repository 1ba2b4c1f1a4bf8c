import { Components, Formio } from '@formio/js';
import { POLIS_FIELD_TYPES, type PolisCheckMessageKey, type PolisFieldType } from './polisChecks';

/** The app's text for a key, in the language shown. */
type Translate = (key: PolisCheckMessageKey) => string;

/** The parts of Form.io's text field that the Polis fields build on (Form.io's own types are loose here). */
interface TextFieldInstance {
  component: Record<string, unknown> & { key: string; label?: string };
  dataValue: unknown;
  path: string;
  rootValue: unknown;
  data: unknown;
  _errors: unknown[];
  get inputInfo(): { attr: Record<string, unknown> };
  shouldSkipValidation(data: unknown, row: unknown, flags: unknown): boolean;
  validateComponent(data?: unknown, row?: unknown, flags?: { async?: boolean }): unknown[] | Promise<unknown[]>;
  setValue(value: unknown, flags?: unknown): boolean;
}
type TextFieldClass = (new (...args: unknown[]) => TextFieldInstance) & {
  schema(...extend: unknown[]): Record<string, unknown>;
};

function polisComponent(TextField: TextFieldClass, field: PolisFieldType, t: Translate): TextFieldClass {
  return class PolisField extends TextField {
    static override schema(...extend: unknown[]) {
      return TextField.schema({ type: field.type, label: field.type, key: field.type }, ...extend);
    }

    override get inputInfo() {
      const info = super.inputInfo;
      info.attr.inputmode = field.inputMode;
      info.attr.maxlength = field.maxLength;
      info.attr.spellcheck = 'false';
      if (field.autocomplete) info.attr.autocomplete = field.autocomplete;
      return info;
    }

    /** Form.io's checks (required, length), then the identifier's own: its format and check digit. */
    override validateComponent(data?: unknown, row?: unknown, flags: { async?: boolean } = {}) {
      const ownCheck = (errors: unknown[]) => {
        const value = this.dataValue;
        const skip = this.shouldSkipValidation(data ?? this.rootValue, row ?? this.data, flags);
        if (!skip && errors.length === 0 && typeof value === 'string' && value.trim() !== '') {
          if (!field.isValid(field.normalise(value)))
            errors.push({
              message: t(field.message),
              level: 'error',
              ruleName: field.type,
              component: this.component,
              context: { key: this.component.key, path: this.path, label: this.component.label, hasLabel: true },
            });
        }
        this._errors = errors;
        return errors;
      };
      const errors = super.validateComponent(data, row, flags);
      return errors instanceof Promise ? errors.then(ownCheck) : ownCheck(errors);
    }

    /** Tidies the typed value into what the server checks (spaces out, capitals), before a submission. */
    normalise(): void {
      const value = this.dataValue;
      if (typeof value === 'string' && value !== field.normalise(value)) this.setValue(field.normalise(value));
    }
  };
}

/** The type a date without time is rendered as: see localiseForm. */
export const POLIS_DATE_TYPE = 'polis-date';

/**
 * A day as the browser's own date field (`<input type="date">`): typed in the reader's locale (dd/mm/yyyy in
 * Greek), chosen from the browser's calendar, announced by screen readers, and kept as `yyyy-mm-dd`, which the
 * server's `polis-date` check accepts. Form.io's calendar widget reads typed days as month first.
 */
function polisDateComponent(TextField: TextFieldClass): TextFieldClass {
  return class PolisDate extends TextField {
    static override schema(...extend: unknown[]) {
      return TextField.schema({ type: POLIS_DATE_TYPE, label: 'Date', key: 'date' }, ...extend);
    }

    override get inputInfo() {
      const info = super.inputInfo;
      info.attr.type = 'date';
      return info;
    }

    /** A stored date-time (from a draft or an earlier form version) shows as its day. */
    override setValue(value: unknown, flags?: unknown): boolean {
      const day = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? value.slice(0, 10) : value;
      return super.setValue(day, flags);
    }
  };
}

let registered = false;

/**
 * Prepares Form.io's renderer for a Polis app, once: no eval, and the Polis identifier fields (`polis-afm`, …) whose
 * messages come from the app's translator `t`.
 */
export function registerPolisComponents(t: Translate): void {
  if (registered) return;
  registered = true;
  // The runtime's Content-Security-Policy forbids eval; the Polis forms use no custom JavaScript (forms/README.md),
  // so Form.io interpolates texts without it.
  (Formio as unknown as { Evaluator: { noeval: boolean } }).Evaluator.noeval = true;
  const TextField = (Components as unknown as { components: Record<string, TextFieldClass> }).components.textfield!;
  for (const field of POLIS_FIELD_TYPES) Components.addComponent(field.type, polisComponent(TextField, field, t));
  Components.addComponent(POLIS_DATE_TYPE, polisDateComponent(TextField));
}

/** Whether a Form.io component is a Polis identifier field, whose value is tidied before submission. */
export function isPolisField(instance: unknown): instance is { normalise(): void } {
  return typeof (instance as { normalise?: unknown }).normalise === 'function';
}
