import { feelOf, variablesReadBy } from '../feelExpressions.js';
import { PLATFORM_VARIABLES, type PolisLintConfig } from '../LintProblem.js';
import { childOf, extensionsOf, is, listOf, textOf, type ModdleNode } from '../ModdleNode.js';
import { reportBoth, type PolisRuleFactory } from './PolisRule.js';

/** What an element hands to the process: named variables, or `open` when it may set any (a message payload). */
type Produced = { readonly names: readonly string[]; readonly open: boolean };

const rootOf = (target: string) => target.split('.')[0]!;

/** The variables an element produces: form fields, output mappings, result variables, an output collection. */
export function producedBy(node: ModdleNode, config: PolisLintConfig | undefined): Produced {
  const names: string[] = [];
  const formId = textOf(extensionsOf(node, 'zeebe:FormDefinition')[0], 'formId')?.trim();
  if (formId) names.push(...(config?.formFields?.[formId] ?? []));
  const outputs = listOf(extensionsOf(node, 'zeebe:IoMapping')[0], 'outputParameters');
  for (const output of outputs) {
    const target = textOf(output, 'target');
    if (target) names.push(rootOf(target));
  }
  for (const type of ['zeebe:Script', 'zeebe:CalledDecision']) {
    const result = textOf(extensionsOf(node, type)[0], 'resultVariable');
    if (result) names.push(rootOf(result));
  }
  for (const header of listOf(extensionsOf(node, 'zeebe:TaskHeaders')[0], 'values'))
    if (textOf(header, 'key') === 'resultVariable' && textOf(header, 'value')) names.push(textOf(header, 'value')!);
  const loop = extensionsOf(childOf(node, 'loopCharacteristics'), 'zeebe:LoopCharacteristics')[0];
  const collection = textOf(loop, 'outputCollection');
  if (collection) names.push(rootOf(collection));
  // A message brings its payload and a called process its variables: unless output mappings say which
  // variables they keep, the model does not tell what they are.
  const receivesMessage =
    is(node, 'bpmn:ReceiveTask') ||
    (is(node, 'bpmn:CatchEvent') && listOf(node, 'eventDefinitions').some((d) => is(d, 'bpmn:MessageEventDefinition')));
  const open = (receivesMessage || is(node, 'bpmn:CallActivity')) && outputs.length === 0;
  return { names, open };
}

/** The elements a token may pass before reaching `node`: back along sequence flows, out of sub-processes. */
export function upstreamOf(node: ModdleNode): ModdleNode[] {
  const seen = new Set<ModdleNode>();
  const queue: ModdleNode[] = [node];
  while (queue.length > 0) {
    const current = queue.shift()!;
    // From the flows of the container, not `incoming`: documents need not list <incoming> references.
    const before: ModdleNode[] = listOf(current.$parent, 'flowElements').flatMap((flow) => {
      const source =
        is(flow, 'bpmn:SequenceFlow') && childOf(flow, 'targetRef') === current && childOf(flow, 'sourceRef');
      return source ? [source] : [];
    });
    const host = childOf(current, 'attachedToRef');
    if (host) before.push(host);
    const parent = current.$parent;
    if (parent && is(parent, 'bpmn:SubProcess')) before.push(parent);
    for (const element of before)
      if (!seen.has(element)) {
        seen.add(element);
        queue.push(element);
      }
  }
  seen.delete(node);
  return [...seen];
}

/**
 * `polis/variable-contract`: every variable a gateway's condition reads is produced upstream of the gateway, by a
 * form field of the start event or a user task, an output mapping or a result variable (or is one the platform
 * sets on every process). Checked only when the form library is known.
 */
export const variableContract: PolisRuleFactory = (config) => ({
  check(node, reporter) {
    if (!config?.formFields || !is(node, 'bpmn:SequenceFlow')) return;
    const gateway = childOf(node, 'sourceRef');
    if (!gateway || !is(gateway, 'bpmn:Gateway')) return;
    const condition = feelOf(textOf(childOf(node, 'conditionExpression'), 'body'));
    if (condition === undefined) return;
    const read = variablesReadBy(condition);
    if (read.length === 0) return;
    const available = new Set([...PLATFORM_VARIABLES, ...(config.knownVariables ?? [])]);
    for (const element of upstreamOf(gateway)) {
      const produced = producedBy(element, config);
      if (produced.open) return;
      for (const name of produced.names) available.add(name);
    }
    const missing = read.filter((name) => !available.has(name));
    if (missing.length === 0) return;
    const list = missing.map((m) => `'${m}'`).join(', ');
    reportBoth(reporter, config, node.id ?? '', {
      en: `The condition reads ${list}, which nothing before the gateway '${gateway.name || gateway.id}' produces: add the field to an earlier form, or an output mapping or result variable that sets it.`,
      el: `Η συνθήκη διαβάζει ${list}, που δεν παράγεται από κανένα στοιχείο πριν από την πύλη '${gateway.name || gateway.id}': προσθέστε το πεδίο σε προηγούμενη φόρμα ή μια αντιστοίχιση εξόδου ή μεταβλητή αποτελέσματος που το ορίζει.`,
    });
  },
});
