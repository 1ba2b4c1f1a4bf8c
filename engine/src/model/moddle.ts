import { BpmnModdle } from 'bpmn-moddle';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const zeebeSchema = require('zeebe-bpmn-moddle/resources/zeebe.json') as object;

/** An element as bpmn-moddle reads it: a `$type` and properties of any shape. */
export interface ModdleElement {
  readonly $type: string;
  readonly id?: string;
  readonly name?: string;
  readonly $parent?: ModdleElement;
  readonly [property: string]: unknown;
}

/** What bpmn-moddle gives for a document: the definitions and its warnings. */
export interface ModdleDocument {
  readonly definitions: ModdleElement;
  readonly warnings: readonly { message: string; element?: ModdleElement }[];
}

/**
 * Reads BPMN XML with the BPMN and Zeebe extension schemas.
 * Returns a sentence (with the line where the XML reader gave up, when it knows it) for unreadable XML.
 */
export async function readBpmnXml(xml: string): Promise<ModdleDocument | string> {
  const moddle = new BpmnModdle({ zeebe: zeebeSchema });
  try {
    const { rootElement, warnings } = (await moddle.fromXML(xml, 'bpmn:Definitions')) as {
      rootElement: ModdleElement;
      warnings: { message: string; element?: ModdleElement }[];
    };
    return { definitions: rootElement, warnings };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return message.split('\n')[0] ?? message;
  }
}

/** A string property, or undefined. */
export function text(element: ModdleElement | undefined, property: string): string | undefined {
  const value = element?.[property];
  return typeof value === 'string' ? value : undefined;
}

/** A list property, or an empty list. */
export function list(element: ModdleElement | undefined, property: string): ModdleElement[] {
  const value = element?.[property];
  return Array.isArray(value) ? (value as ModdleElement[]) : [];
}

/** An element-valued property (a child or a resolved reference), or undefined. */
export function child(element: ModdleElement | undefined, property: string): ModdleElement | undefined {
  const value = element?.[property];
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as ModdleElement) : undefined;
}

/** The extension elements of a type, e.g. `zeebe:TaskDefinition`. */
export function extensions(element: ModdleElement, type: string): ModdleElement[] {
  return list(child(element, 'extensionElements'), 'values').filter((value) => value.$type === type);
}
