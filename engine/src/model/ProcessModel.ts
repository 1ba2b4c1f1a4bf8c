/** Zeebe's names for BPMN element types, as they appear in records. */
export type BpmnElementType =
  | 'PROCESS'
  | 'START_EVENT'
  | 'END_EVENT'
  | 'INTERMEDIATE_CATCH_EVENT'
  | 'INTERMEDIATE_THROW_EVENT'
  | 'BOUNDARY_EVENT'
  | 'SERVICE_TASK'
  | 'SEND_TASK'
  | 'SCRIPT_TASK'
  | 'BUSINESS_RULE_TASK'
  | 'RECEIVE_TASK'
  | 'USER_TASK'
  | 'MANUAL_TASK'
  | 'TASK'
  | 'EXCLUSIVE_GATEWAY'
  | 'PARALLEL_GATEWAY'
  | 'INCLUSIVE_GATEWAY'
  | 'EVENT_BASED_GATEWAY'
  | 'SUB_PROCESS'
  | 'EVENT_SUB_PROCESS'
  | 'CALL_ACTIVITY'
  | 'MULTI_INSTANCE_BODY'
  | 'SEQUENCE_FLOW';

/** Zeebe's names for BPMN event definitions, as they appear in records. */
export type BpmnEventType =
  'UNSPECIFIED' | 'NONE' | 'MESSAGE' | 'TIMER' | 'ERROR' | 'SIGNAL' | 'ESCALATION' | 'TERMINATE' | 'LINK';

/** A value in a model: a FEEL expression (written with a leading `=`) or a static string. */
export interface Expression {
  readonly source: string;
  /** The FEEL text without its `=`, or undefined for a static value. */
  readonly feel: string | undefined;
}

/** One input or output mapping: evaluate `source`, store it at `target` (a variable name or a.b.c path). */
export interface Mapping {
  readonly source: Expression;
  readonly target: string;
}

/** A sequence flow between two elements of the same flow scope. */
export interface SequenceFlow {
  readonly id: string;
  readonly sourceId: string;
  readonly targetId: string;
  readonly condition: Expression | undefined;
}

/** A timer definition: a point in time, a duration, or a repeating cycle (ISO 8601 or cron). */
export interface TimerDefinition {
  readonly kind: 'date' | 'duration' | 'cycle';
  readonly expression: Expression;
}

/** What a multi-instance activity iterates over and collects. */
export interface MultiInstanceDefinition {
  readonly sequential: boolean;
  readonly inputCollection: Expression;
  readonly inputElement: string | undefined;
  readonly outputCollection: string | undefined;
  readonly outputElement: Expression | undefined;
  readonly completionCondition: Expression | undefined;
}

/** The job a task creates: its type, retries and static custom headers. */
export interface JobDefinition {
  readonly type: Expression;
  readonly retries: Expression;
  readonly headers: Readonly<Record<string, string>>;
}

/** The Camunda user-task attributes that become the job's custom headers. */
export interface UserTaskDefinition {
  readonly formKey: string | undefined;
  readonly assignee: Expression | undefined;
  readonly candidateGroups: Expression | undefined;
  readonly candidateUsers: Expression | undefined;
  readonly dueDate: Expression | undefined;
  readonly followUpDate: Expression | undefined;
  readonly priority: Expression | undefined;
}

/** An executable element of a process, as the processors see it. */
export interface ElementDefinition {
  readonly id: string;
  readonly name: string | undefined;
  readonly type: BpmnElementType;
  readonly eventType: BpmnEventType;
  /** The element whose flow scope this element lives in (the process or a sub-process). */
  readonly scopeId: string | undefined;
  readonly incoming: readonly string[];
  readonly outgoing: readonly SequenceFlow[];
  readonly defaultFlowId: string | undefined;
  readonly inputs: readonly Mapping[];
  readonly outputs: readonly Mapping[];
  readonly job: JobDefinition | undefined;
  readonly userTask: UserTaskDefinition | undefined;
  readonly script: { readonly expression: Expression; readonly resultVariable: string } | undefined;
  readonly timer: TimerDefinition | undefined;
  readonly message: { readonly name: Expression; readonly correlationKey: Expression | undefined } | undefined;
  readonly signal: { readonly name: Expression } | undefined;
  /** Error or escalation code: thrown by end/throw events; caught by boundary/start events (undefined catches all). */
  readonly code: Expression | undefined;
  readonly link: string | undefined;
  readonly attachedToId: string | undefined;
  readonly interrupting: boolean;
  readonly boundaryEventIds: readonly string[];
  /** For scopes: the none start event, and the event sub-processes directly inside. */
  readonly noneStartEventId: string | undefined;
  readonly eventSubProcessIds: readonly string[];
  /** For event sub-processes: their single start event. */
  readonly startEventIds: readonly string[];
  readonly multiInstance: MultiInstanceDefinition | undefined;
  readonly calledElement:
    | {
        readonly processId: Expression;
        readonly propagateAllChildVariables: boolean;
        readonly propagateAllParentVariables: boolean;
      }
    | undefined;
}

/** An executable process: its elements by id, ready for the processors. */
export interface ProcessDefinitionModel {
  readonly bpmnProcessId: string;
  readonly name: string | undefined;
  readonly elements: ReadonlyMap<string, ElementDefinition>;
  readonly flows: ReadonlyMap<string, SequenceFlow>;
  /** Start events of the process itself (not of sub-processes). */
  readonly startEventIds: readonly string[];
}

/** Reads an element that must exist; the model is validated, so a miss is a bug. */
export function elementOf(process: ProcessDefinitionModel, elementId: string): ElementDefinition {
  const element = process.elements.get(elementId);
  if (!element) throw new Error(`Expected element ${elementId} in process ${process.bpmnProcessId}, but it is missing`);
  return element;
}

/** An element with nothing but its identity: every other property empty, for readers to fill in. */
export function blankElement(
  id: string,
  type: BpmnElementType,
  name: string | undefined,
  scopeId: string | undefined,
): ElementDefinition {
  return {
    id,
    name,
    type,
    eventType: 'UNSPECIFIED',
    scopeId,
    incoming: [],
    outgoing: [],
    defaultFlowId: undefined,
    inputs: [],
    outputs: [],
    job: undefined,
    userTask: undefined,
    script: undefined,
    timer: undefined,
    message: undefined,
    signal: undefined,
    code: undefined,
    link: undefined,
    attachedToId: undefined,
    interrupting: true,
    boundaryEventIds: [],
    noneStartEventId: undefined,
    eventSubProcessIds: [],
    startEventIds: [],
    multiInstance: undefined,
    calledElement: undefined,
  };
}
