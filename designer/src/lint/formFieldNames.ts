/** A Form.io component, as far as the names of its data matter. */
interface FormComponent {
  readonly key?: unknown;
  readonly type?: unknown;
  readonly input?: unknown;
  readonly components?: unknown;
  readonly columns?: unknown;
  readonly rows?: unknown;
}

const LAYOUTS = new Set(['panel', 'fieldset', 'columns', 'column', 'well', 'table', 'tabs']);
const STATIC = new Set(['htmlelement', 'content', 'button']);

const asComponents = (value: unknown): FormComponent[] =>
  Array.isArray(value) ? value.filter((c): c is FormComponent => typeof c === 'object' && c !== null) : [];

/**
 * The variables a completed Form.io form hands to the process: the top-level key of each field (a container or
 * data grid is one variable holding its children); layouts are see-through, static content and buttons hold
 * nothing.
 */
export function formFieldNames(definition: unknown): string[] {
  const names = new Set<string>();
  const walk = (components: FormComponent[]): void => {
    for (const component of components) {
      const type = typeof component.type === 'string' ? component.type : '';
      if (LAYOUTS.has(type) || component.input === false) {
        walk(asComponents(component.components));
        for (const column of asComponents(component.columns)) walk(asComponents(column.components));
        if (Array.isArray(component.rows))
          for (const row of component.rows as unknown[])
            for (const cell of asComponents(row)) walk(asComponents(cell.components));
        continue;
      }
      if (STATIC.has(type)) continue;
      if (typeof component.key === 'string' && component.key !== '') names.add(component.key.split('.')[0]!);
    }
  };
  walk(asComponents((definition as { components?: unknown } | undefined)?.components));
  return [...names];
}
