/** One element's step in a process instance, as the engine's record log (or Zeebe's exporter) reports it. */
export interface ElementRecord {
  /** The element instance key (a new key for each sequence flow taken). */
  readonly key: string;
  readonly at: Date;
  readonly elementId: string;
  /** Zeebe's BpmnElementType: START_EVENT, USER_TASK, SEQUENCE_FLOW, … */
  readonly elementType: string;
  /** ELEMENT_ACTIVATED, ELEMENT_COMPLETED, ELEMENT_TERMINATED or SEQUENCE_FLOW_TAKEN. */
  readonly intent: string;
}

/** A deployed process definition with its BPMN XML. */
export interface DeployedDefinition {
  readonly processDefinitionKey: string;
  readonly bpmnXml: string;
}

/**
 * Where a process instance's history comes from: the embedded engine's record log (recordLogHistorySource), or,
 * with a Zeebe cluster, the records its exporter delivers. The task history reads nothing else of the engine.
 */
export interface ProcessHistorySource {
  /** The deployed definition of a process version, or undefined when this source does not know it. */
  definition(processId: string, version: number): Promise<DeployedDefinition | undefined>;
  /** The instance's element steps, in the order they happened. */
  elementRecords(processInstanceKey: string): Promise<ElementRecord[]>;
}
