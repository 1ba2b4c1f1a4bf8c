import { readBpmn } from '@polis/designer';
import { failDesign, type DesignResult } from './ProcessDesign.js';

/** The process a design is about: the first executable one, else the first; unreadable XML is a 400 value. */
export async function mainProcessOf(xml: string): Promise<DesignResult<{ id: string; name: string | undefined }>> {
  const read = await readBpmn(xml);
  if (!read.ok)
    return failDesign('design_xml_invalid', 400, `The BPMN XML cannot be read: ${read.message}`, 'body.xml');
  const process = read.processes.find((p) => p.isExecutable) ?? read.processes[0];
  if (!process?.id)
    return failDesign('design_xml_invalid', 400, 'The BPMN document contains no process with an id.', 'body.xml');
  return { ok: true, value: { id: process.id, name: process.name } };
}
