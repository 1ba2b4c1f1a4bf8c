import { BpmnModdle } from 'bpmn-moddle';
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };
import { listOf, type ModdleNode } from './ModdleNode.js';

/** A process of a BPMN document: its id (the BPMN process id) and name. */
export interface BpmnProcessInfo {
  readonly id: string;
  readonly name: string | undefined;
  readonly isExecutable: boolean;
}

/** A BPMN document read with the BPMN and Zeebe schemas, or why it cannot be read. */
export type ReadBpmnResult =
  | { readonly ok: true; readonly definitions: ModdleNode; readonly processes: readonly BpmnProcessInfo[] }
  | { readonly ok: false; readonly message: string };

/** Reads BPMN XML (bpmn-moddle with zeebe-bpmn-moddle); unreadable XML is a value, never an exception. */
export async function readBpmn(xml: string): Promise<ReadBpmnResult> {
  const moddle = new BpmnModdle({ zeebe: zeebeSchema as object });
  try {
    const { rootElement } = (await moddle.fromXML(xml, 'bpmn:Definitions')) as { rootElement: ModdleNode };
    const processes = listOf(rootElement, 'rootElements')
      .filter((root) => root.$type === 'bpmn:Process')
      .map((process) => ({
        id: process.id ?? '',
        name: typeof process.name === 'string' ? process.name : undefined,
        isExecutable: process.isExecutable === true,
      }));
    return { ok: true, definitions: rootElement, processes };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, message: message.split('\n')[0] ?? message };
  }
}
