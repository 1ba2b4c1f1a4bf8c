/** A moddle element as the panel entries handle it. */
interface Moddle {
  $type: string;
  $parent?: Moddle;
  get(name: string): unknown;
}

/** A diagram element (shape) with its business object. */
export interface DiagramElement {
  readonly id: string;
  readonly businessObject: Moddle;
}

interface Modeling {
  updateModdleProperties(element: DiagramElement, target: Moddle, properties: Record<string, unknown>): void;
}
interface BpmnFactory {
  create(type: string, properties?: Record<string, unknown>): Moddle;
}

/** The first extension element of a type on an element, e.g. its zeebe:FormDefinition. */
export function zeebeExtension(element: DiagramElement, type: string): Moddle | undefined {
  const extensions = element.businessObject.get('extensionElements') as Moddle | undefined;
  const values = (extensions?.get('values') as Moddle[] | undefined) ?? [];
  return values.find((value) => value.$type === type);
}

/** A string attribute of an element's extension, or ''. */
export function zeebeAttribute(element: DiagramElement, type: string, attribute: string): string {
  const value = zeebeExtension(element, type)?.get(attribute);
  return typeof value === 'string' ? value : '';
}

/**
 * Sets attributes of an element's extension through the command stack (undoable), creating the extension (and
 * the extensionElements holding it) when missing; `undefined` removes the extension.
 */
export function setZeebeExtension(
  services: { modeling: Modeling; bpmnFactory: BpmnFactory },
  element: DiagramElement,
  type: string,
  attributes: Record<string, string> | undefined,
): void {
  const { modeling, bpmnFactory } = services;
  const business = element.businessObject;
  let extensions = business.get('extensionElements') as Moddle | undefined;
  const existing = zeebeExtension(element, type);
  if (!attributes) {
    if (extensions && existing)
      modeling.updateModdleProperties(element, extensions, {
        values: (extensions.get('values') as Moddle[]).filter((v) => v !== existing),
      });
    return;
  }
  if (existing) {
    modeling.updateModdleProperties(element, existing, attributes);
    return;
  }
  if (!extensions) {
    extensions = bpmnFactory.create('bpmn:ExtensionElements', { values: [] });
    extensions.$parent = business;
    modeling.updateModdleProperties(element, business, { extensionElements: extensions });
  }
  const created = bpmnFactory.create(type, attributes);
  created.$parent = extensions;
  modeling.updateModdleProperties(element, extensions, {
    values: [...(extensions.get('values') as Moddle[]), created],
  });
}
