/** An element as bpmn-moddle (and bpmn-js) reads it: a `$type`, an id, and properties of any shape. */
export interface ModdleNode {
  readonly $type: string;
  readonly id?: string;
  readonly name?: string;
  readonly $parent?: ModdleNode;
  $instanceOf?(type: string): boolean;
  readonly [property: string]: unknown;
}

/** Whether an element is of a type or a subtype of it (bpmn:Task covers bpmn:UserTask). */
export function is(node: ModdleNode | undefined, type: string): boolean {
  if (!node) return false;
  return typeof node.$instanceOf === 'function' ? node.$instanceOf(type) : node.$type === type;
}

/** A string property, or undefined. */
export function textOf(node: ModdleNode | undefined, property: string): string | undefined {
  const value = node?.[property];
  return typeof value === 'string' ? value : undefined;
}

/** A list property, or an empty list. */
export function listOf(node: ModdleNode | undefined, property: string): ModdleNode[] {
  const value = node?.[property];
  return Array.isArray(value) ? (value as ModdleNode[]) : [];
}

/** An element-valued property (a child or a resolved reference), or undefined. */
export function childOf(node: ModdleNode | undefined, property: string): ModdleNode | undefined {
  const value = node?.[property];
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as ModdleNode) : undefined;
}

/** The extension elements of one type, e.g. `zeebe:FormDefinition`. */
export function extensionsOf(node: ModdleNode | undefined, type: string): ModdleNode[] {
  return listOf(childOf(node, 'extensionElements'), 'values').filter((value) => value.$type === type);
}
