import { bpmn, flow, ok, type Scenario } from './harness.js';
import type { ActivatedJob } from '../../src/commands/jobCommands.js';
import type { EngineRecord } from '../../src/records/Record.js';

const idOf = (xml: string): string => /id="([^"]+)"/.exec(xml)?.[1] ?? '';

/**
 * A process `start → elements… → end`, each element wired to the next by flows f1, f2, …
 * `inside` adds more process content (boundary events, other branches); `outside` goes into the definitions.
 */
export function linear(
  processId: string,
  elements: readonly string[],
  options: { inside?: string; outside?: string } = {},
): string {
  const ids = ['start', ...elements.map(idOf), 'end'];
  const flows = ids.slice(1).map((to, i) => flow(`f${i + 1}`, ids[i]!, to));
  return bpmn(
    processId,
    `<bpmn:startEvent id="start" />
    ${elements.join('\n    ')}
    <bpmn:endEvent id="end" />
    ${flows.join('\n    ')}
    ${options.inside ?? ''}`,
    options.outside ?? '',
  );
}

/** Escapes a value for an XML attribute. */
export const attribute = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A zeebe:ioMapping with input and output parameters, as [source, target] pairs. */
export function io(
  inputs: readonly (readonly [string, string])[],
  outputs: readonly (readonly [string, string])[] = [],
) {
  const parameters = (tag: string, pairs: readonly (readonly [string, string])[]) =>
    pairs.map(([source, target]) => `<zeebe:${tag} source="${attribute(source)}" target="${target}" />`).join('');
  return `<zeebe:ioMapping>${parameters('input', inputs)}${parameters('output', outputs)}</zeebe:ioMapping>`;
}

/** Activates every activatable job of a type for a worker. */
export async function activate(
  s: Scenario,
  type: string,
  options: { timeoutMs?: number; fetchVariables?: string[]; max?: number; worker?: string } = {},
): Promise<ActivatedJob[]> {
  return ok(
    await s.engine.activateJobs({
      type,
      worker: options.worker ?? 'test-worker',
      timeoutMs: options.timeoutMs ?? 60_000,
      maxJobsToActivate: options.max ?? 100,
      fetchVariables: options.fetchVariables,
    }),
  );
}

/** Starts an instance of the latest version of a process and returns its key. */
export async function start(s: Scenario, bpmnProcessId: string, variables: Record<string, unknown> = {}) {
  return ok(await s.engine.createProcessInstance({ bpmnProcessId, variables })).processInstanceKey;
}

/** Records of one value type (and intent) that belong to a process instance. */
export async function recordsOf(
  s: Scenario,
  processInstanceKey: string,
  valueType: string,
  intent?: string,
): Promise<EngineRecord[]> {
  return (await s.records()).filter(
    (r) =>
      r.valueType === valueType &&
      String(r.value.processInstanceKey) === processInstanceKey &&
      (intent === undefined || r.intent === intent),
  );
}

/** The value of the last VARIABLE record of a name in a scope, or undefined when there is none. */
export async function variableIn(s: Scenario, scopeKey: string, name: string): Promise<unknown> {
  const records = (await s.records()).filter(
    (r) => r.valueType === 'VARIABLE' && String(r.value.scopeKey) === scopeKey && r.value.name === name,
  );
  const last = records.at(-1);
  return last === undefined ? undefined : JSON.parse(String(last.value.value));
}

/** The key of the (latest) element instance of an element in a process instance. */
export async function elementKey(s: Scenario, processInstanceKey: string, elementId: string): Promise<string> {
  const activated = await recordsOf(s, processInstanceKey, 'PROCESS_INSTANCE', 'ELEMENT_ACTIVATING');
  const found = activated.filter((r) => r.value.elementId === elementId).at(-1);
  if (!found) throw new Error(`Expected element ${elementId} to have been activated, but it was not`);
  return String(found.key);
}

/** The child process instances that a call activity of the given instance started. */
export async function childrenOf(s: Scenario, parentProcessInstanceKey: string): Promise<string[]> {
  return (await s.records())
    .filter(
      (r) =>
        r.valueType === 'PROCESS_INSTANCE' &&
        r.intent === 'ELEMENT_ACTIVATING' &&
        r.value.bpmnElementType === 'PROCESS' &&
        String(r.value.parentProcessInstanceKey) === parentProcessInstanceKey,
    )
    .map((r) => String(r.key));
}
