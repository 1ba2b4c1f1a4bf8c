/** Whether a control already has a name a screen reader reads (a label, aria-label or aria-labelledby). */
function isNamed(control: HTMLElement): boolean {
  if (control.getAttribute('aria-label') || control.getAttribute('aria-labelledby')) return true;
  if (control.closest('label')) return true;
  return !!control.id && !!control.ownerDocument.querySelector(`label[for="${CSS.escape(control.id)}"]`);
}

/**
 * Form.io's read-only rendering leaves some controls without a name (radio options drawn apart from their text, a
 * text area drawn as a box of text): each gets its option's or its field's label (WCAG 1.3.1, 4.1.2).
 */
export function labelReadOnlyFields(container: HTMLElement): void {
  const controls = container.querySelectorAll<HTMLElement>(
    'input:not([type="hidden"]), textarea, select, [role="textbox"], .formio-editor-read-only-content',
  );
  for (const control of controls) {
    if (isNamed(control)) continue;
    const option = control.closest('.form-check, .radio, .checkbox')?.textContent?.trim();
    const field = control
      .closest('.formio-component')
      ?.querySelector('label, legend, .col-form-label')
      ?.textContent?.replace(/\s*\*\s*$/, '')
      .trim();
    const name = option || field;
    if (name) control.setAttribute('aria-label', name);
  }
}
