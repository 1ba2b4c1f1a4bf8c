const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The BPMN XML with a process id renamed where the document refers to it: the process element, its diagram
 * plane and participants. Used to copy a design without making a version of the original process.
 */
export function renameProcess(xml: string, from: string, to: string): string {
  const id = escape(from);
  return xml
    .replace(new RegExp(`(<(?:\\w+:)?process\\b[^>]*?\\sid=")${id}(")`), `$1${to}$2`)
    .replace(new RegExp(`(\\s(?:bpmnElement|processRef)=")${id}(")`, 'g'), `$1${to}$2`);
}
