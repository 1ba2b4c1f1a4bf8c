import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

const ENTITIES: Record<string, string> = { '&quot;': '"', '&apos;': "'", '&lt;': '<', '&gt;': '>', '&amp;': '&' };
const attribute = (tag: string, name: string) =>
  new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1]?.replace(/&(quot|apos|lt|gt|amp);/g, (e) => ENTITIES[e]!);

/**
 * The names of the user tasks in the BPMN files of a directory, for the inbox (jobs carry the element id only):
 * a lookup by process id and element id.
 */
export async function userTaskNames(
  dir: string,
): Promise<(processId: string, elementId: string) => string | undefined> {
  const names = new Map<string, string>();
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.bpmn'))) {
    const xml = await readFile(join(dir, file), 'utf8');
    for (const process of xml.split(/<(?:bpmn:)?process\b/).slice(1)) {
      const processId = attribute(` ${process.slice(0, process.indexOf('>'))}`, 'id');
      for (const match of process.matchAll(/<(?:bpmn:)?userTask\b[^>]*>/g)) {
        const id = attribute(match[0], 'id');
        const name = attribute(match[0], 'name');
        if (processId && id && name) names.set(`${processId}\n${id}`, name);
      }
    }
  }
  return (processId, elementId) => names.get(`${processId}\n${elementId}`);
}
