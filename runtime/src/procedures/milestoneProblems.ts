import type { ServiceDefinition } from './serviceDefinitionSchema.js';

/** The BPMN elements the engine activates (and so writes ELEMENT_ACTIVATED for): those a milestone may name. */
const FLOW_NODES = new Set([
  'startEvent',
  'endEvent',
  'intermediateCatchEvent',
  'intermediateThrowEvent',
  'boundaryEvent',
  'task',
  'userTask',
  'serviceTask',
  'sendTask',
  'receiveTask',
  'scriptTask',
  'businessRuleTask',
  'manualTask',
  'callActivity',
  'subProcess',
  'exclusiveGateway',
  'parallelGateway',
  'inclusiveGateway',
  'eventBasedGateway',
]);

/** The ids of the flow nodes of a BPMN file's process, read from its XML. */
export function flowNodeIds(xml: string): Set<string> {
  const ids = new Set<string>();
  for (const match of xml.matchAll(/<(?:[\w-]+:)?(\w+)\s[^>]*?\bid="([^"]+)"/g))
    if (FLOW_NODES.has(match[1]!)) ids.add(match[2]!);
  return ids;
}

/**
 * What is wrong with a service's milestones against its BPMN: an element id the process does not have, or one
 * named twice. Each problem names the file and the element id.
 */
export function milestoneProblems(file: string, service: ServiceDefinition, bpmnXml: string): string[] {
  const ids = flowNodeIds(bpmnXml);
  const problems: string[] = [];
  const seen = new Set<string>();
  (service.milestones ?? []).forEach((milestone, i) => {
    if (!ids.has(milestone.elementId))
      problems.push(
        `${file}: /milestones/${i}/elementId '${milestone.elementId}' is not an element of ${service.processId}.bpmn`,
      );
    if (seen.has(milestone.elementId))
      problems.push(`${file}: /milestones/${i}/elementId '${milestone.elementId}' has a milestone already`);
    seen.add(milestone.elementId);
  });
  return problems;
}
