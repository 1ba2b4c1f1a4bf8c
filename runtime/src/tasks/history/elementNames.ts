const ENTITIES: Record<string, string> = { '&quot;': '"', '&apos;': "'", '&lt;': '<', '&gt;': '>', '&amp;': '&' };
const attribute = (tag: string, name: string) =>
  new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1]?.replace(/&(quot|apos|lt|gt|amp);/g, (e) => ENTITIES[e]!);

/** The names of the elements of a BPMN document by element id (elements without a name are left out). */
export function elementNames(bpmnXml: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const match of bpmnXml.matchAll(/<(?:[\w-]+:)?\w+\s[^>]*>/g)) {
    const id = attribute(match[0], 'id');
    const name = attribute(match[0], 'name');
    if (id && name && !names.has(id)) names.set(id, name);
  }
  return names;
}
